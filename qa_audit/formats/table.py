"""CSV and TSV with a header row (Chinese headers such as 会话ID/客服/角色/时间/内容 included)."""

from __future__ import annotations

import csv
from typing import Iterator

from ..diagnostics import Diagnostics
from .decode import text_lines
from .records import FIELD_ALIASES, Record
from .source import Source

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
    row_start: list[int] = []  # line where the row being read began (a quoted cell may span lines)

    def feed() -> Iterator[str]:
        for number, line in text_lines(source, diagnostics):
            if not row_start:
                row_start.append(number)
            yield line

    delimiter = _delimiter(source)
    reader = csv.reader(feed(), delimiter=delimiter)
    header: list[str] | None = None
    for row in reader:
        start = row_start.pop() if row_start else reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip() for cell in row]
            continue
        if len(row) != len(header):
            diagnostics.skip(path, start, f"{len(row)} columns where the header has {len(header)}")
            continue
        if reader.line_num > start and _swallowed_rows(row, len(header), delimiter):
            diagnostics.warn(path, start, f"a quoted cell runs from line {start} to {reader.line_num} and holds "
                                          "what look like whole rows: check for an unclosed quote")
        yield Record(dict(zip(header, row)), path, start)


def _swallowed_rows(row: list[str], columns: int, delimiter: str) -> bool:
    """A multi-line cell with a line holding a full row's worth of delimiters."""
    return any(line.count(delimiter) >= columns - 1 for cell in row for line in cell.splitlines()[1:])


def _delimiter(source: Source) -> str:
    if source.suffix == ".tsv":
        return "\t"
    first = source.head(4096).split("\n", 1)[0]
    return "\t" if first.count("\t") > first.count(",") else ","
