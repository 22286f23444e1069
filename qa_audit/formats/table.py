"""CSV and TSV with a header row (Chinese headers such as 会话ID/客服/角色/时间/内容 included)."""

from __future__ import annotations

import csv
from typing import Iterator

from ..diagnostics import Diagnostics
from .decode import text_lines
from .records import Record


def read(path: str, diagnostics: Diagnostics) -> Iterator[Record]:
    row_start: list[int] = []  # line where the row being read began (a quoted cell may span lines)

    def feed() -> Iterator[str]:
        for number, line in text_lines(path, diagnostics):
            if not row_start:
                row_start.append(number)
            yield line

    first_line = _peek_delimiter(path)
    reader = csv.reader(feed(), delimiter=first_line)
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
        yield Record(dict(zip(header, row)), path, start)


def _peek_delimiter(path: str) -> str:
    if path.lower().endswith(".tsv"):
        return "\t"
    if path == "-":
        return ","
    with open(path, "rb") as stream:
        head = stream.readline()
    return "\t" if head.count(b"\t") > head.count(b",") else ","
