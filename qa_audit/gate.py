"""The exit code of an audit: one small pure function, as ruff, Vale and sqlfluff do it."""

from __future__ import annotations

from .model import SEVERITIES
from .report import Report

OK, FINDINGS, ERROR = 0, 1, 2
FAIL_ON = (*SEVERITIES, "never")


def exit_code(
    report: Report,
    fail_on: str = "error",
    strict: bool = False,
    max_findings: int = 0,
    min_score: float | None = None,
) -> int:
    """0: passed; 1: more than max_findings findings at or above fail_on, or a score below
    min_score (any agent's, or overall); 2: with strict, any skipped input record."""
    if strict and report.summary.skipped_records:
        return ERROR
    if min_score is not None and (
        report.summary.score < min_score or any(agent.score < min_score for agent in report.agents)
    ):
        return FINDINGS
    if fail_on == "never":
        return OK
    threshold = SEVERITIES.index(fail_on)  # error=0 is the most severe
    counted = sum(1 for finding in report.findings if SEVERITIES.index(finding.severity) <= threshold)
    return FINDINGS if counted > max_findings else OK
