"""The review sheet: findings as CSV with an empty `verdict` column a QA lead fills in (对/错)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..report import Report
from .csv_report import rows

if TYPE_CHECKING:
    from . import RenderOptions

COLUMNS = ("rule", "title", "severity", "agent", "conversation_id", "message_id", "file", "line",
           "context", "text", "match", "message")


def render(report: Report, options: RenderOptions) -> str:
    return "\ufeff" + rows(report, COLUMNS, extra={"verdict": "", "note": ""})
