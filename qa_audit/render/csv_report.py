"""CSV: one row per finding, with a BOM so Excel opens the Chinese text correctly."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from ..report import Report

if TYPE_CHECKING:
    from . import RenderOptions

COLUMNS = ("rule", "name", "title", "severity", "points", "agent", "conversation_id", "message_id",
           "time", "file", "line", "column", "match", "message", "text", "context", "suggestion")


def render(report: Report, options: RenderOptions) -> str:
    return "\ufeff" + rows(report, COLUMNS)


def rows(report: Report, columns: tuple[str, ...], extra: dict[str, str] | None = None) -> str:
    """CSV text of the findings with the given columns (plus constant extra columns)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns + tuple(extra or ()))
    for finding in report.findings:
        values = finding.as_dict()
        writer.writerow([_cell(values.get(column)) for column in columns] + list((extra or {}).values()))
    return buffer.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    text = value
    # A cell starting with = + - @ would run as a formula when the QA lead opens it in Excel.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
