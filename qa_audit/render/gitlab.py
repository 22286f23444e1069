"""GitLab Code Quality: a JSON list of issues for `artifacts:reports:codequality`.

GitLab compares issues between the merge request and its target branch by fingerprint, so each
carries the finding's line-independent fingerprint; paths are as audited (give qa-audit paths
relative to the repository root so the merge request links to the file).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..model import Finding
from ..report import Report

if TYPE_CHECKING:
    from . import RenderOptions

# GitLab's scale is info < minor < major < critical < blocker; errors rank above warnings.
SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(report: Report, options: RenderOptions) -> str:
    issues = [_issue(finding, finding.fingerprint) for finding in report.findings]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def _issue(finding: Finding, fingerprint: str) -> dict[str, object]:
    return {
        "description": f"{finding.rule} {finding.title}:{finding.message}(客服 {finding.agent},"
                       f"会话 {finding.conversation_id})",
        "check_name": finding.rule,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {"path": finding.file_key, "lines": {"begin": max(1, finding.line)}},
    }
