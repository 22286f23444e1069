"""Bytes to text lines: UTF-8, UTF-8 with BOM, or GB18030 (Chinese Excel exports), per line."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO, Iterator

from ..diagnostics import Diagnostics

STDIN = "-"
_FALLBACK = "gb18030"


def open_binary(path: str) -> BinaryIO:
    if path == STDIN:
        return sys.stdin.buffer
    return Path(path).open("rb")


def text_lines(path: str, diagnostics: Diagnostics) -> Iterator[tuple[int, str]]:
    """(line number, text with its line ending) for every line that decodes.

    UTF-8 is tried first; a line that is not UTF-8 is read as GB18030, and from then on the file
    is assumed to be GB18030. A line that is neither is skipped with its line number.
    """
    encoding = "utf-8"
    stream = open_binary(path)
    try:
        for number, raw in enumerate(stream, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if b"\x00" in raw:
                diagnostics.skip(path, number, "binary data (NUL byte), not a text line")
                continue
            try:
                yield number, raw.decode(encoding)
                continue
            except UnicodeDecodeError:
                pass
            other = _FALLBACK if encoding == "utf-8" else "utf-8"
            try:
                text = raw.decode(other)
            except UnicodeDecodeError:
                diagnostics.skip(path, number, "not UTF-8 or GB18030 text")
                continue
            encoding = other
            yield number, text
    finally:
        if path != STDIN:
            stream.close()
