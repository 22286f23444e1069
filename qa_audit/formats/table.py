"""CSV and TSV with a header row (Chinese headers such as 会话ID/客服/角色/时间/内容 included)."""

from __future__ import annotations

import csv
from collections import deque
from typing import Iterator

from ..diagnostics import Diagnostics
from .decode import text_lines
from .records import FIELD_ALIASES, Record
from .source import Source

# A cell may hold a long message: no 128 KB cap.
csv.field_size_limit(2**31 - 1)
MAX_ROW_LINES = 50  # lines one row (a quoted cell with line breaks) may span

NAME = "csv"
DESCRIPTION = "CSV/TSV with a header row; Chinese headers (会话ID/客服/角色/时间/内容) mapped automatically"
SUFFIXES = (".csv", ".tsv")
_KNOWN_HEADERS = {alias for aliases in FIELD_ALIASES.values() for alias in aliases}


def sniff(head: str, suffix: str) -> int:
    first = head.lstrip("\ufeff").split("\n", 1)[0].strip().lower()
    cells = [cell.strip().strip('"') for cell in first.replace("\t", ",").split(",")]
    known = sum(cell in _KNOWN_HEADERS for cell in cells)
    return 0 if len(cells) < 2 else 20 + 10 * min(known, 3) if known else 10


def read(source: Source, diagnostics: Diagnostics) -> Iterator[Record]:
    path = source.name
    delimiter = _delimiter(source)
    header: list[str] | None = None
    for start, text in _rows(source, diagnostics):
        try:
            row = next(csv.reader([text], delimiter=delimiter), [])
        except csv.Error as error:
            diagnostics.skip(path, start, f"not a CSV row ({error})")
            continue
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip() for cell in row]
            continue
        if len(row) != len(header):
            diagnostics.skip(path, start, f"{len(row)} columns where the header has {len(header)}")
            continue
        yield Record(dict(zip(header, row)), path, start)


def _rows(source: Source, diagnostics: Diagnostics) -> Iterator[tuple[int, str]]:
    """The text of each row with the line it starts on; a quoted cell may span lines.

    A quote still open after MAX_ROW_LINES lines is taken to be unclosed: that row is skipped
    with its line, and reading goes on from the next line, so one stray quote cannot swallow
    the rest of the export.
    """
    pending: deque[tuple[int, str]] = deque()
    lines = text_lines(source, diagnostics)

    def next_line() -> tuple[int, str] | None:
        return pending.popleft() if pending else next(lines, None)

    while (first := next_line()) is not None:
        chunk = [first]
        while sum(text.count('"') for _, text in chunk) % 2 and len(chunk) < MAX_ROW_LINES:
            following = next_line()
            if following is None:
                break
            chunk.append(following)
        if sum(text.count('"') for _, text in chunk) % 2:
            diagnostics.skip(source.name, first[0], "a quote that is never closed")
            pending.extendleft(reversed(chunk[1:]))
            continue
        yield first[0], "".join(text for _, text in chunk)


def _delimiter(source: Source) -> str:
    if source.suffix == ".tsv":
        return "\t"
    first = source.head(4096).split("\n", 1)[0]
    return "\t" if first.count("\t") > first.count(",") else ","
