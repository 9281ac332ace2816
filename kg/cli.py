"""The ``kg`` command line: one subcommand per module in :mod:`kg.commands`."""
from __future__ import annotations

import argparse
import importlib
import sys

from .commands import COMMANDS
from .errors import KgError


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="kg", description="Build and explore a knowledge graph of "
                                 "Chinese industrial-policy documents.")
    sub = ap.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(f"kg.commands.{name}").register(sub)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KgError as exc:
        print(f"kg: error {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
