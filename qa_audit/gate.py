"""The exit code of an audit: one small pure function, as ruff, Vale and sqlfluff do it."""

from __future__ import annotations

from .model import SEVERITIES
from .report import Report

OK, FINDINGS, ERROR = 0, 1, 2
FAIL_ON = (*SEVERITIES, "never")


def exit_code(report: Report, fail_on: str = "error", strict: bool = False) -> int:
    """0: no finding at or above fail_on; 1: some; 2: with strict, any skipped input record."""
    if strict and report.summary.skipped_records:
        return ERROR
    if fail_on == "never":
        return OK
    threshold = SEVERITIES.index(fail_on)  # error=0 is the most severe
    if any(SEVERITIES.index(finding.severity) <= threshold for finding in report.findings):
        return FINDINGS
    return OK
