"""JUnit XML for GitLab test reports and Jenkins: one testsuite per audited file.

Each finding is a failing testcase (classname = the file, a unique name `RULE line N: …`, the
evidence and suggestion in the failure body); a file without findings gets one passing testcase.
Bonus findings of good-practice rules (negative points) credit the agent, so they are passing
testcases with the note in system-out rather than failures.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from typing import TYPE_CHECKING

from ..model import Finding
from ..report import Report

if TYPE_CHECKING:
    from . import RenderOptions

CLEAN_NAME = "未发现问题"
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
_NAME_MATCH_LIMIT = 40
# Characters XML 1.0 cannot carry at all, even escaped; a chat export may still contain them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(report: Report, options: RenderOptions) -> str:
    by_file: dict[str, list[Finding]] = {_path(file): [] for file in report.files}
    for finding in report.findings:
        by_file.setdefault(finding.file_key, []).append(finding)
    root = ET.Element("testsuites", name="qa-audit")
    totals: Counter[str] = Counter()
    for file, findings in by_file.items():
        suite = _suite(file, findings)
        root.append(suite)
        for key in ("tests", "failures"):
            totals[key] += int(suite.get(key, "0"))
    _counts(root, totals["tests"], totals["failures"])
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(file: str, findings: list[Finding]) -> ET.Element:
    suite = ET.Element("testsuite", name=_xml(file))
    names: Counter[str] = Counter()
    failures = 0
    for finding in findings:
        name = _name(finding)
        names[name] += 1
        if names[name] > 1:
            name = f"{name} ({names[name]})"
        case = ET.SubElement(suite, "testcase", classname=_xml(file), name=_xml(name),
                             file=_xml(file), line=str(finding.line))
        # Info findings (hints and bonus points) never fail a run, so they are not failures here.
        if finding.severity == "info":
            ET.SubElement(case, "system-out").text = _xml(f"{finding.message}\n{_body(finding)}")
        else:
            failures += 1
            failure = ET.SubElement(case, "failure", message=_xml(finding.message), type=finding.rule)
            failure.text = _xml(_body(finding))
    if not findings:
        ET.SubElement(suite, "testcase", classname=_xml(file), name=CLEAN_NAME, file=_xml(file))
    _counts(suite, len(findings) or 1, failures)
    return suite


def _counts(element: ET.Element, tests: int, failures: int) -> None:
    element.set("tests", str(tests))
    element.set("failures", str(failures))
    element.set("errors", "0")
    element.set("skipped", "0")


def _name(finding: Finding) -> str:
    match = " ".join(finding.match.split())
    if len(match) > _NAME_MATCH_LIMIT:
        match = match[:_NAME_MATCH_LIMIT - 1] + "…"
    return f"{finding.rule} line {finding.line}: {finding.title}「{match}」"


def _body(finding: Finding) -> str:
    lines = [
        f"规则:{finding.rule} {finding.name}({finding.title},{SEVERITY_NAMES[finding.severity]},"
        + (f"扣 {finding.points:g} 分)" if finding.points >= 0 else f"加 {-finding.points:g} 分)"),
        f"位置:{finding.file_key}:{finding.line}" + (f":{finding.column}" if finding.column else ""),
        f"客服:{finding.agent} · 会话 {finding.conversation_id} · 消息 {finding.message_id}"
        + (f" · {finding.time}" if finding.time else ""),
    ]
    if finding.context:
        lines.append(f"客户:{finding.context}")
    lines += [f"原话:{finding.text}", f"命中:{finding.match}"]
    if finding.suggestion:
        lines.append(f"建议话术:{finding.suggestion}")
    return "\n".join(lines)


def _path(file: str) -> str:
    path = file.replace("\\", "/")
    return path[2:] if path.startswith("./") else path


def _xml(text: str) -> str:
    """Text XML can carry; ElementTree escapes & < > and quotes, not characters XML forbids."""
    return _NOT_XML.sub("\ufffd", text)
