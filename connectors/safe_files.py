"""What ingest may open: regular files inside the import folder, in an encoding the format accepts.

Accepted: UTF-8 (with or without a BOM) and UTF-16 with a BOM. Anything else is refused for the
whole file, with the encoding named, rather than loading part of it. Symbolic links that lead out of
the folder, FIFOs and devices are refused without being opened (a FIFO would block the reader).
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from connectors.models import Rejection

_CHUNK = 1 << 20


class FileProblem(ValueError):
    """A file that cannot be used as a whole; `column` names a header column when one is at fault."""

    def __init__(self, file: str, message: str, column: str | None = None, line: int | None = None):
        super().__init__(f"{file}: {message}")
        self.file, self.message, self.column, self.line = file, message, column, line


def unsafe_reason(root: Path, path: Path) -> str | None:
    """Why `path` must not be read (outside `root` through a link, not a regular file), or None."""
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):  # a dangling link or a link loop
        return "a broken symbolic link: skipped"
    try:
        inside = resolved.is_relative_to(root.resolve())
    except OSError:
        inside = False
    if not inside:
        return "a symbolic link pointing outside the import folder: skipped"
    try:
        mode = os.stat(resolved).st_mode  # after the checks above: stat never opens, so a FIFO cannot block
    except OSError as exc:
        return f"cannot read the file: {exc.strerror}"
    if not stat.S_ISREG(mode):
        return "not a regular file (a FIFO, device or socket): skipped"
    return None


def import_subfolder(root: Path, name: str, rejected: list[Rejection]) -> Path | None:
    """root/`name` when it is a folder inside the import folder; None when there is none, or when it is a link
    out of the import folder (said in `rejected`)."""
    folder = root / name
    if not folder.is_dir():
        return None
    if not folder.resolve().is_relative_to(root.resolve()):
        rejected.append(Rejection(file=name, message=f"{name}/ is a link out of the import folder: skipped"))
        return None
    return folder


def text_encoding(path: Path, name: str) -> str:
    """The codec to read `path` with, after checking every byte decodes; raises FileProblem otherwise."""
    with open(path, "rb") as handle:
        head = handle.read(4)
        if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
            raise FileProblem(name, "is UTF-32 encoded; re-save the file as UTF-8", line=1)
        if head.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"
        elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            encoding = "utf-16"
        else:
            if len(head) >= 2 and (head[0] == 0) != (head[1] == 0):
                raise FileProblem(name, "looks like UTF-16 without a byte order mark (BOM); re-save the file "
                                        "as UTF-8", line=1)
            encoding = "utf-8"
        handle.seek(0)
        _check_decodes(handle, encoding, name)
    return encoding


def _check_decodes(handle, encoding: str, name: str) -> None:
    decoder = codecs.getincrementaldecoder(encoding)()
    offset, lines = 0, 1
    while True:
        block = handle.read(_CHUNK)
        try:
            decoder.decode(block, final=not block)
        except UnicodeDecodeError as exc:
            at = offset + exc.start
            line = lines + block[: exc.start].count(b"\n")
            raise FileProblem(name, _not_encoding_message(encoding, block[exc.start : exc.start + 1], at), line=line) \
                from exc
        if not block:
            return
        offset += len(block)
        lines += block.count(b"\n")


def _not_encoding_message(encoding: str, byte: bytes, at: int) -> str:
    shown = f"byte 0x{byte.hex().upper()} at offset {at}" if byte else f"a truncated character at offset {at}"
    if encoding.startswith("utf-16"):
        return f"is not valid UTF-16 ({shown}); re-save the file as UTF-8"
    guess = "Windows-1252" if byte and 0x80 <= byte[0] <= 0x9F else "Latin-1 (ISO-8859-1) or Windows-1252"
    return f"is not UTF-8 ({shown}; probably {guess}); re-save the file as UTF-8"
