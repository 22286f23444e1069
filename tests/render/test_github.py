"""`--format github`: workflow commands escaped as @actions/core does, then a Markdown summary."""

from __future__ import annotations

import re

import pytest

from ci_logs import FLAGGED_FILE, ODD_FILE, ODD_TEXT

SUMMARY_MARKER = "<!-- qa-audit summary -->"
COMMAND = re.compile(r"^::(error|warning|notice)(?: (.*?))?::(.*)$")
# The runner's unescaping (ActionCommand in actions/runner), the inverse of the toolkit's escaping.
UNESCAPE = {"%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ",", "%25": "%"}


def unescape(value: str) -> str:
    return re.sub("%0D|%0A|%3A|%2C|%25", lambda m: UNESCAPE[m.group()], value)


def parse(line: str) -> tuple[str, dict[str, str], str]:
    """A workflow command as the runner reads it: name, properties, message."""
    name, given, data = COMMAND.match(line).groups()
    properties = dict(item.split("=", 1) for item in given.split(",")) if given else {}
    return name, {key: unescape(value) for key, value in properties.items()}, unescape(data)


@pytest.fixture(scope="module")
def output(audit_as) -> tuple[list[str], list[str]]:
    """The command lines and the summary lines."""
    run = audit_as("github")
    assert (run.code, run.err) == (1, ""), run
    commands, _, summary = run.out.partition(SUMMARY_MARKER + "\n")
    return commands.strip("\n").split("\n"), summary.splitlines()


def test_one_command_per_finding_at_its_file_and_line(output, findings):
    commands, _ = output
    parsed = [parse(line) for line in commands]
    assert [(name, p["file"], int(p["line"]), p["title"].split()[0]) for name, p, _ in parsed] == [
        ("error", f["file"], f["line"], f["rule"]) for f in findings
    ]
    assert ("error", {"file": FLAGGED_FILE, "line": "3", "col": "22", "title": "SA001 服务禁语"}) in [
        (name, p) for name, p, _ in parsed
    ]


def test_properties_and_message_are_escaped_like_the_toolkit(output):
    commands, _ = output
    (line,) = [line for line in commands if "100%25" in line]
    assert line.startswith("::error file=logs/100%25%2Ca%3Ab.txt,line=4,col=5,")  # the continuation line
    assert "\a" in line and "\n" not in line and "\r" not in line
    # In the message only % CR LF are escaped; ":" and "," stay as they are.
    assert "「您好,100%25正品,说了: <b>&\"\a%0A你别做梦了」" in line
    name, properties, message = parse(line)
    assert properties["file"] == ODD_FILE
    assert message.splitlines()[0] == "使用了服务禁语「你别做梦了」"
    assert f"客服 小|王 · 会话 C3:「{ODD_TEXT}」" in message


def test_summary_follows_as_markdown(output):
    _, summary = output
    assert summary[0] == "## qa-audit 质检报告"
    assert not any(line.startswith("::") for line in summary)
    assert "| 小王 | 1 | 3 | 3 | 3 | 0 | 0 | 70.0 |" in summary
    assert any(line.startswith("| 小\\|王 | 1 |") for line in summary)  # | in a name stays in its cell
    assert "| 小李 | 1 | 2 | 0 | 0 | 0 | 0 | 100.0 |" in summary
    assert "| SA001 | 服务禁语 | 错误 | 4 |" in summary
