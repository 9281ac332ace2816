"""Read source documents from files and folders, refusing bad input with a clear message."""
from __future__ import annotations

import hashlib
from pathlib import Path

from .errors import (E_DUPLICATE, E_EMPTY, E_NO_DOCUMENTS, E_NO_SOURCE, E_TOO_LARGE, E_UNREADABLE,
                     error)
from .model import Document

MAX_BYTES = 20 * 1024 * 1024
# Control characters (but tab and line breaks) cannot stand in XML exports; each becomes a
# space, one for one, so offsets still match the file as read.
_CONTROLS = {c: " " for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0), 0xFFFE, 0xFFFF]}
_ENCODINGS = ("utf-8", "gb18030")  # a BOM stays in the text: offsets match a plain UTF-8 read


def collect(sources: list[str | Path]) -> list[Path]:
    """Expand files and folders into a sorted list of .txt files."""
    files: list[Path] = []
    for src in sources:
        p = Path(src)
        if p.is_dir():
            files += sorted(f for f in p.rglob("*.txt") if f.is_file())
        elif p.is_file():
            files.append(p)
        elif p.exists():
            raise error(E_UNREADABLE, f"not a regular file: {src}")
        else:
            raise error(E_NO_SOURCE, f"no such file or folder: {src}")
    if not files:
        raise error(E_NO_DOCUMENTS, f"no .txt documents in {', '.join(map(str, sources))}")
    seen: dict[str, Path] = {}
    for f in files:
        if f.name in seen and seen[f.name].resolve() != f.resolve():
            raise error(E_DUPLICATE, f"two documents are named {f.name}: {seen[f.name]} and {f}")
        seen[f.name] = f
    return sorted(seen.values(), key=lambda f: f.name)


def decode(data: bytes, name: str) -> str:
    """UTF-8, UTF-16 with BOM, else GB18030; never silently lossy."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise error(E_UNREADABLE, f"{name}: not valid UTF-16 ({exc.reason})") from None
    for enc in _ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text
    raise error(E_UNREADABLE, f"{name}: not UTF-8, UTF-16 or GB18030 text")


def read_document(path: Path, max_bytes: int = MAX_BYTES) -> Document:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise error(E_TOO_LARGE, f"{path}: {size} bytes, over the limit of {max_bytes}")
        data = path.read_bytes()
    except OSError as exc:
        raise error(E_UNREADABLE, f"{path}: {exc.strerror}") from None
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        raise error(E_UNREADABLE, f"{path!r}: the file name is not valid UTF-8; rename it") from None
    text = decode(data, str(path)).translate(_CONTROLS)
    if not text.replace("\ufeff", "").strip():
        raise error(E_EMPTY, f"{path}: holds no text")
    return Document(name=path.name, text=text, sha256=hashlib.sha256(data).hexdigest())


def read_documents(sources: list[str | Path], max_bytes: int = MAX_BYTES) -> list[Document]:
    return [read_document(p, max_bytes) for p in collect(sources)]
