"""Excel workbooks (.xlsx): a header row per sheet, read with openpyxl in read-only mode.

The header is mapped like CSV (the FIELD_ALIASES and --field); a sheet whose header is the 千牛
export's (客户名, 发送时间, 发送内容, 发送账号, 账号类型 …) is read as that export (see
qianniu_export). Line numbers are the sheet's row numbers; when a workbook has several sheets,
the file is named ``book.xlsx#Sheet1`` so a finding says which sheet. The first non-empty row is
the header; empty rows and sheets with no rows under their header are passed over.

Cells keep their types: an Excel date-time becomes ``YYYY-MM-DD HH:MM:SS`` in the time zone of
the input (Excel stores no zone), a whole-number float (Excel's only number type) an integer.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any, Iterator

from ..diagnostics import Diagnostics
from . import qianniu_export
from .records import Record
from .source import Source

NAME = "xlsx"
DESCRIPTION = "Excel .xlsx: a header row per sheet (as CSV; 千牛 export columns recognised); rows as lines"
SUFFIXES = (".xlsx", ".xlsm")
BINARY = True  # read from the file itself, not as text lines

_ZIP = "PK\x03\x04"


def sniff(head: str, suffix: str) -> int:
    if not head.startswith(_ZIP):
        return 0
    return 90 if "xl/" in head or "[Content_Types].xml" in head else 60 if suffix in SUFFIXES else 0


def read(source: Source, diagnostics: Diagnostics) -> Iterator[Record]:
    import openpyxl  # imported here: most runs read no workbook, and the import takes a while

    try:
        workbook = openpyxl.load_workbook(source.path, read_only=True, data_only=True)
    except Exception as error:  # a damaged workbook fails in zipfile, XML or openpyxl code alike
        diagnostics.skip(source.name, 0, f"not a readable .xlsx workbook ({type(error).__name__}: {error})")
        return
    try:
        sheets = workbook.worksheets
        for sheet in sheets:
            name = f"{source.name}#{sheet.title}" if len(sheets) > 1 else source.name
            yield from _sheet(sheet, name, diagnostics)
    finally:
        workbook.close()


def _sheet(sheet: Any, name: str, diagnostics: Diagnostics) -> Iterator[Record]:
    header: list[str] | None = None
    qianniu = False
    number = 0
    try:
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = [_value(cell) for cell in row]
            if not any(cell not in (None, "") for cell in cells):
                continue
            if header is None:
                header = [str(cell).strip() if cell is not None else "" for cell in cells]
                qianniu = qianniu_export.is_header(header)
                continue
            fields = {key: value for key, value in zip(header, cells) if key}
            if qianniu:
                canonical = qianniu_export.canonical(fields)
                if isinstance(canonical, str):
                    diagnostics.skip(name, number, canonical)
                    continue
                fields = canonical
            yield Record(fields, name, number)
    except Exception as error:  # damaged sheet XML surfaces while rows are read
        diagnostics.skip(name, number + 1, f"the rest of the sheet could not be read ({type(error).__name__}: {error})")


def _value(cell: Any) -> Any:
    if isinstance(cell, datetime):
        return cell.replace(tzinfo=None, microsecond=0).isoformat(sep=" ")
    if isinstance(cell, (date, time)):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    return cell
