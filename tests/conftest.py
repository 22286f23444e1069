"""Shared fixtures: rule files and chat logs written to tmp_path, audited through the public API."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from helpers import ECHO_RULES, dedented, rule_yaml
from qa_audit import audit
from qa_audit.formats import ReadOptions
from qa_audit.report import Report
from qa_audit.rulebook import RuleSet, load_rules


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write text (dedented) or bytes to a file under tmp_path; returns its path."""

    def write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else dedented(content).encode(encoding))
        return path

    return write


@pytest.fixture
def rules_from(write) -> Callable[..., RuleSet]:
    """Load a rule file written from YAML text, without the default pack unless asked."""

    def load(text: str, name: str = "rules.yaml", include_default: bool = False) -> RuleSet:
        return load_rules([write(name, text)], include_default=include_default)

    return load


@pytest.fixture
def one_rule(rules_from) -> Callable[..., RuleSet]:
    """A rule set with one test rule (id T001) of a kind and its settings."""

    def make(kind: str, settings: str, **meta) -> RuleSet:
        return rules_from(rule_yaml(kind, settings, **meta))

    return make


@pytest.fixture
def audit_log(write) -> Callable[..., Report]:
    """Audit a chat log written to a file (transcript format unless the name says otherwise)."""

    def run(ruleset: RuleSet | None, content: str | bytes, name: str = "chat.txt",
            options: ReadOptions | None = None, encoding: str = "utf-8") -> Report:
        return audit([write(name, content, encoding)], rules=ruleset, options=options)

    return run


@pytest.fixture
def echo(write) -> Callable[..., Report]:
    """Audit files with rules that report every agent and customer message (see helpers.ECHO_RULES)."""
    ruleset = load_rules([write("echo.yaml", ECHO_RULES)], include_default=False)

    def run(*paths: Path | str, options: ReadOptions | None = None) -> Report:
        return audit(list(paths), rules=ruleset, options=options)

    return run
