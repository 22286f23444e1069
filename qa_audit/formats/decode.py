"""Bytes to text lines: UTF-8, UTF-8 with BOM, or GB18030 (Chinese Excel exports), per line."""

from __future__ import annotations

from typing import BinaryIO, Iterator

from ..diagnostics import Diagnostics
from .source import Source

_FALLBACK = "gb18030"


def _lines(stream: BinaryIO) -> Iterator[bytes]:
    """Lines ending in LF, CRLF or a lone CR (old Mac and some Excel CSV exports), each ending in LF."""
    for raw in stream:
        body = raw[:-2] if raw.endswith(b"\r\n") else raw[:-1] if raw.endswith(b"\n") else raw
        if b"\r" not in body:
            yield raw if raw.endswith(b"\n") or not raw else raw
            continue
        pieces = body.split(b"\r")
        for piece in pieces[:-1]:
            yield piece + b"\n"
        yield pieces[-1] + (b"\n" if raw.endswith(b"\n") else b"")


def text_lines(source: Source, diagnostics: Diagnostics) -> Iterator[tuple[int, str]]:
    """(line number, text with its line ending) for every line that decodes.

    UTF-8 is tried first; a line that is not UTF-8 is read as GB18030, and from then on the file
    is assumed to be GB18030. A line that is neither is skipped with its line number.
    """
    encoding = "utf-8"
    path = source.name
    with source.open() as stream:
        for number, raw in enumerate(_lines(stream), start=1):
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
