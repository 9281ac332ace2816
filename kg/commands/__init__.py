"""Every ``kg`` subcommand by name, in one table; a command's module is imported only when run.

Each module defines ``register(subparsers)`` (adds its parser, with ``func`` set) and keeps
its work in a function of the parsed arguments that returns an exit code. Adding a command
is a module and a row here.
"""
from __future__ import annotations

COMMANDS: tuple[str, ...] = (
    "build",
    "eval",
    "export",
    "push",
    "query",
    "serve",
    "view",
)
