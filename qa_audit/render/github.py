"""GitHub Actions: workflow commands that annotate each finding, then a Markdown summary.

The output has two parts. First one `::error` / `::warning` / `::notice` command per finding
(and a `::warning` per skipped input record), escaped as @actions/core escapes them. Then a line
`<!-- qa-audit summary -->` and a Markdown report for `$GITHUB_STEP_SUMMARY`. The runner acts on
the command lines of a step's output and prints every other line as plain log, so the whole output
goes to stdout, and the summary is the part from the marker on:

    - run: qa-audit audit logs/ --format github | tee qa-audit.txt
      shell: bash   # bash -eo pipefail: the step fails with qa-audit's exit code
    - if: always()
      run: sed -n '/^<!-- qa-audit summary -->$/,$p' qa-audit.txt >> "$GITHUB_STEP_SUMMARY"

GitHub shows at most 10 annotations of each kind per step; the summary counts every finding.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..model import Finding
from ..report import Report

if TYPE_CHECKING:
    from . import RenderOptions

SUMMARY_MARKER = "<!-- qa-audit summary -->"
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
_MARKDOWN_SPECIAL = "\\`*_[]<>|~&"


def render(report: Report, options: RenderOptions) -> str:
    lines = [_command(finding) for finding in report.findings]
    lines += [
        _format("warning", {"file": _path(p.file), "line": str(p.line) if p.line else None,
                            "title": "qa-audit 输入问题"}, str(p))
        for p in report.problems
    ]
    if lines:
        lines.append("")
    lines += [SUMMARY_MARKER, *_summary(report)]
    return "\n".join(lines) + "\n"


def escape_data(value: str) -> str:
    """A command's message, as @actions/core's escapeData: % CR LF."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A command's property value, as @actions/core's escapeProperty: % CR LF : ,"""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(finding: Finding) -> str:
    properties = {
        "file": finding.file_key,
        "line": str(finding.line) if finding.line else None,
        "col": str(finding.column) if finding.column else None,
        "title": f"{finding.rule} {finding.title}",
    }
    details = [finding.message, f"客服 {finding.agent} · 会话 {finding.conversation_id}:「{finding.text}」"]
    if finding.suggestion:
        details.append(f"建议话术:{finding.suggestion}")
    return _format(COMMANDS[finding.severity], properties, "\n".join(details))


def _format(command: str, properties: dict[str, str | None], message: str) -> str:
    given = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items() if value)
    return f"::{command}{' ' + given if given else ''}::{escape_data(message)}"


def _summary(report: Report) -> list[str]:
    summary = report.summary
    counts = ",".join(f"{SEVERITY_NAMES[s]} {n}" for s, n in summary.by_severity.items() if n)
    lines = [
        "## qa-audit 质检报告",
        "",
        f"{summary.files} 个文件 · {summary.conversations} 个会话 · {summary.messages} 条消息 · "
        f"{summary.findings} 个问题" + (f"({counts})" if counts else "")
        + (f" · 跳过 {summary.skipped_records} 条记录" if summary.skipped_records else ""),
    ]
    if report.agents:
        lines += ["", "### 客服(按得分从低到高)", "",
                  "| 客服 | 会话 | 消息 | 问题 | 错误 | 警告 | 提示 | 得分 |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|"]
        lines += [
            f"| {_cell(a.agent)} | {a.conversations} | {a.messages} | {a.findings} | "
            f"{a.by_severity.get('error', 0)} | {a.by_severity.get('warning', 0)} | "
            f"{a.by_severity.get('info', 0)} | {a.score:.1f} |"
            for a in report.agents
        ]
    if report.findings:
        counts_by_rule = Counter(finding.rule for finding in report.findings)
        first = {}
        for finding in report.findings:
            first.setdefault(finding.rule, finding)
        lines += ["", "### 规则", "", "| 规则 | 名称 | 级别 | 次数 |", "|---|---|---|---:|"]
        lines += [
            f"| {_cell(rule)} | {_cell(first[rule].title)} | {SEVERITY_NAMES[first[rule].severity]} | {n} |"
            for rule, n in sorted(counts_by_rule.items())
        ]
    else:
        lines += ["", "没有发现问题。"]
    return lines


def _cell(text: str) -> str:
    """Text in a Markdown table cell: one line, markup characters shown as themselves."""
    text = " ".join(text.split())
    return "".join("\\" + char if char in _MARKDOWN_SPECIAL else char for char in text)


def _path(file: str) -> str:
    path = file.replace("\\", "/")
    return path[2:] if path.startswith("./") else path
