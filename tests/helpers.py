"""Plain helpers for tests (conftest.py puts this folder on sys.path)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import NamedTuple

from qa_audit.report import Report

# The installed console script, next to the interpreter running the tests.
QA_AUDIT = Path(sys.executable).with_name("qa-audit")


class Run:
    """One finished run of the command."""

    def __init__(self, done: subprocess.CompletedProcess[bytes]) -> None:
        self.code = done.returncode
        self.raw = done.stdout
        self.out = done.stdout.decode("utf-8")
        self.err = done.stderr.decode("utf-8")

    def json(self) -> dict:
        return json.loads(self.out)

    def rules(self) -> list[str]:
        """The rule of each finding of a --format json run."""
        return [finding["rule"] for finding in self.json()["findings"]]

    def __repr__(self) -> str:  # shown by pytest when an assertion fails
        return f"exit {self.code}\n--- stdout\n{self.out}\n--- stderr\n{self.err}"


def qa_audit(*args: object, cwd: Path | None = None, stdin: bytes | None = None) -> Run:
    """Run the real command."""
    done = subprocess.run([str(QA_AUDIT), *map(str, args)], cwd=cwd, input=stdin, capture_output=True,
                          timeout=120)
    return Run(done)


def rule_yaml(kind: str, settings: str, *, rule_id: str = "T001", name: str = "test-rule",
              severity: str = "error", points: float = 5, message: str = "「{match}」") -> str:
    """A rule file holding one rule of a kind, with the kind's settings given as YAML lines."""
    head = textwrap.dedent(f"""\
        rules:
          - id: {rule_id}
            name: {name}
            title: 测试规则
            severity: {severity}
            points: {points}
            kind: {kind}
            message: "{message}"
        """)
    return head + textwrap.indent(textwrap.dedent(settings).strip("\n") + "\n", "    ")


def dedented(text: str) -> str:
    """Test text as written in the test, without the indentation and the first newline."""
    return textwrap.dedent(text).lstrip("\n")


def hits(report: Report) -> list[tuple[str, int, str, str]]:
    """(rule, line, agent, match) of every finding, in report order."""
    return [(f.rule, f.line, f.agent, f.match) for f in report.findings]


# Two catch-all rules that turn every agent and every customer message into a finding, so format
# tests can see what a reader made of each record exactly as a user sees it in a report.
ECHO_RULES = r"""
rules:
  - id: AGENT
    name: agent-line
    title: 客服消息
    severity: info
    points: 0
    kind: phrase
    role: agent
    patterns: ['[\s\S]+']
    message: "{match}"
  - id: CUSTOMER
    name: customer-line
    title: 顾客消息
    severity: info
    points: 0
    kind: phrase
    role: customer
    patterns: ['[\s\S]+']
    message: "{match}"
"""


class Seen(NamedTuple):
    """One message as the report shows it."""

    role: str
    conversation_id: str
    message_id: str
    line: int
    agent: str
    time: str | None
    text: str


def seen(report: Report) -> list[Seen]:
    """Every agent and customer message of an audit with ECHO_RULES, in report (file, line) order."""
    return [
        Seen(f.rule.lower(), f.conversation_id, f.message_id, f.line, f.agent, f.time, f.text)
        for f in report.findings
    ]
