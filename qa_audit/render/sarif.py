"""SARIF 2.1.0 for GitHub code scanning (upload-sarif) and other SARIF viewers.

GitHub matches an alert across runs by `partialFingerprints.primaryLocationLineHash`, which
upload-sarif computes from the reported line's text when it is absent and warns about when a tool
sets it to anything else; so that key is left to GitHub, and our own line-independent fingerprint
goes under `qaAudit/v1` for other consumers. Locations are relative, percent-encoded URI
references (a raw space or 中文 is not a valid URI); absolute paths become `file://` URIs.
"""

from __future__ import annotations

import json
import re
import string
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import quote

from ..model import Finding
from ..report import Report
from ..rulebook import Rule

if TYPE_CHECKING:
    from . import RenderOptions

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "qaAudit/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
# GitHub's own severity scale for rules that are not security rules.
PROBLEM_SEVERITIES = {"error": "error", "warning": "warning", "info": "recommendation"}
_TEXT_LIMIT = 1024  # GitHub's limit for short and full descriptions
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&])")


def render(report: Report, options: RenderOptions) -> str:
    rules = _rules(report)
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    results = [_result(finding, finding.fingerprint, index[finding.rule]) for finding in report.findings]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "qa-audit",
                "version": report.version,
                "rules": rules,
            }},
            # Finding columns count characters of the source line (Python indices).
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def artifact_uri(path: str) -> str:
    """A file as a URI reference: relative paths stay relative, each segment percent-encoded."""
    path = path.replace("\\", "/")
    if path.startswith("./"):
        path = path[2:]
    if path.startswith("/") or re.match(r"^[A-Za-z]:/", path):
        return "file://" + ("" if path.startswith("/") else "/") + quote(path, safe="/:")
    return quote(path, safe="/")


def _rules(report: Report) -> list[dict[str, object]]:
    """Descriptors of every enabled rule and of any rule that has a finding, by id."""
    used = {finding.rule: finding for finding in report.findings}
    descriptors = {rule.id: _descriptor(rule) for rule in report.rules.values() if rule.enabled or rule.id in used}
    for rule_id, finding in used.items():
        descriptors.setdefault(rule_id, _descriptor_of_finding(finding))
    return [descriptors[rule_id] for rule_id in sorted(descriptors)]


def _descriptor(rule: Rule) -> dict[str, object]:
    message = _template(rule.message)
    lines = [rule.title, "", f"标准:{rule.clause or rule.title}", f"问题:{message}"]
    markdown = [f"**{_md(rule.title)}**", "", f"- 标准:{_md(rule.clause or rule.title)}", f"- 问题:{_md(message)}"]
    if rule.suggestion:
        lines.append(f"建议话术:{rule.suggestion}")
        markdown.append(f"- 建议话术:{_md(rule.suggestion)}")
    points = f"扣分:{rule.points:g}" if rule.points >= 0 else f"加分:{-rule.points:g}"
    lines.append(points)
    markdown.append(f"- {points}")
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": _clip(rule.title)},
        "fullDescription": {"text": _clip(rule.clause or rule.title)},
        "help": {"text": "\n".join(lines), "markdown": "\n".join(markdown)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "tags": list(dict.fromkeys([PurePosixPath(rule.file.replace("\\", "/")).stem, rule.kind])),
            "points": rule.points,
            "problem.severity": PROBLEM_SEVERITIES[rule.severity],
        },
    }


def _descriptor_of_finding(finding: Finding) -> dict[str, object]:
    """A rule the report does not describe (e.g. a hand-built report): what its finding says."""
    return {
        "id": finding.rule,
        "name": finding.name,
        "shortDescription": {"text": _clip(finding.title)},
        "fullDescription": {"text": _clip(finding.title)},
        "help": {"text": finding.title, "markdown": _md(finding.title)},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"tags": [], "points": finding.points,
                       "problem.severity": PROBLEM_SEVERITIES[finding.severity]},
    }


def _result(finding: Finding, fingerprint: str, rule_index: int) -> dict[str, object]:
    region: dict[str, int] = {"startLine": max(1, finding.line)}
    if finding.column is not None:
        region["startColumn"] = max(1, finding.column)
    properties = {
        "agent": finding.agent,
        "conversationId": finding.conversation_id,
        "messageId": finding.message_id,
        "time": finding.time,
        "points": finding.points,
        "text": finding.text,
        "match": finding.match,
        "suggestion": finding.suggestion,
        "context": finding.context,
    }
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message or finding.title},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(finding.file)},
            "region": region,
        }}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {key: value for key, value in properties.items() if value is not None},
    }


def _template(message: str) -> str:
    """A rule's message with its placeholders shown as …, for the rule's help."""
    return "".join(literal + ("…" if field is not None else "")
                   for literal, field, _, _ in string.Formatter().parse(message))


def _clip(text: str) -> str:
    return text if len(text) <= _TEXT_LIMIT else text[:_TEXT_LIMIT - 1] + "…"


def _md(text: str) -> str:
    """Text as Markdown that renders as itself (rule texts are data, not markup)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))
