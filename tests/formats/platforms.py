"""The real `qa-audit` command on the platform fixtures, as the platform importers' tests use it.

Each run audits fixtures from tests/fixtures/platforms (by name, so reports show the bare file
name) without --input-format, with rules that report every agent and customer message
(helpers.ECHO_RULES), and returns the JSON report.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

from helpers import ECHO_RULES

QA_AUDIT = Path(sys.executable).with_name("qa-audit")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "platforms"


class Said(NamedTuple):
    """One agent or customer message as the JSON report shows it."""

    role: str
    conversation_id: str
    line: int
    agent: str
    time: str | None
    text: str


def audit_json(tmp_path: Path, *names: str) -> dict:
    """The JSON report of `qa-audit audit NAMES` run in the fixtures folder; the run must exit 0."""
    rules = tmp_path / "echo.yaml"
    rules.write_text(ECHO_RULES, encoding="utf-8")
    done = subprocess.run(
        [str(QA_AUDIT), "audit", *names, "--rules", str(rules), "--no-default-rules",
         "--format", "json", "--fail-on", "never"],
        cwd=FIXTURES, capture_output=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8")
    return json.loads(done.stdout.decode("utf-8"))


def said(report: dict) -> list[Said]:
    """Every agent and customer message, in report (file, line) order."""
    return [
        Said(f["rule"].lower(), f["conversation_id"], f["line"], f["agent"], f["time"], f["text"])
        for f in report["findings"]
    ]


def problems(report: dict) -> list[tuple[str, int, str]]:
    """(file, line, cause) of every skipped record."""
    return [(p["file"], p["line"], p["cause"]) for p in report["problems"] if p["skipped"]]


def listed_formats() -> str:
    """What `qa-audit formats` prints."""
    done = subprocess.run([str(QA_AUDIT), "formats"], capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode("utf-8")
    return done.stdout.decode("utf-8")


def agents(report: dict) -> list[str]:
    """The agents the report scores, sorted."""
    return sorted(agent["agent"] for agent in report["agents"])
