"""The project config file, qa-audit.yaml: found by searching upward, validated like rule files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .durations import parse_timezone
from .formats.records import FIELD_ALIASES
from .gate import FAIL_ON
from .rulebook import Override
from .schema import Fields, RuleError, load_yaml

CONFIG_NAMES = ("qa-audit.yaml", ".qa-audit.yaml")


@dataclass
class Config:
    """Everything a config file may set; empty values mean "not set here"."""

    file: str | None = None
    extends_default: bool = True
    rules: list[Path] = field(default_factory=list)
    disable: list[str] = field(default_factory=list)
    enable: list[str] = field(default_factory=list)
    overrides: list[Override] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    timezone: str | None = None
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    fail_on: str | None = None
    max_findings: int | None = None
    min_score: float | None = None
    baseline: Path | None = None
    strict: bool | None = None
    lines: dict[str, int] = field(default_factory=dict)  # key or "key[n]" -> line in the file


def find_config(start: Path) -> Path | None:
    """qa-audit.yaml in start or the nearest directory above it."""
    for directory in [start.resolve(), *start.resolve().parents]:
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                return candidate
    return None


def load_config(path: Path) -> Config:
    """Read and validate a config file; paths in it are relative to its directory."""
    shown = str(path)
    document = load_yaml(path, shown)
    if document is None:
        return Config(file=shown)
    top = Fields(document, shown, "config")
    top.allow("fail_on", "baseline", "strict")
    base = path.parent
    extends = top.choice("extends", ("default", "none"), "default")
    config = Config(
        file=shown,
        extends_default=extends == "default",
        rules=[base / item for item in top.texts("rules", ())],
        disable=list(top.texts("disable", ())),
        enable=list(top.texts("enable", ())),
        overrides=_overrides(top),
        fields=_fields(top),
        timezone=top.text("timezone", None),
        include=list(top.texts("include", ())),
        exclude=list(top.texts("exclude", ())),
        fail_on=top.choice("fail_on", FAIL_ON, None) if top.has("fail_on") else None,
        max_findings=_whole(top, "max_findings"),
        min_score=top.number("min_score", None, minimum=0),
        baseline=base / top.text("baseline") if top.has("baseline") else None,
        strict=top.flag("strict", None) if top.has("strict") else None,
    )
    if config.timezone is not None:
        top.parsed("timezone", parse_timezone)
    config.lines = {key: top.line_of(key) for key in top.mapping}
    for key in ("disable", "enable"):
        for position, line in enumerate(getattr(top.mapping.get(key), "lines", [])):
            config.lines[f"{key}[{position}]"] = line
    top.done()
    return config


def _fields(top: Fields) -> dict[str, str]:
    """Input column names by message field; the fields are the ones the readers know."""
    mapping = _mapping_of_text(top, "fields")
    for name in mapping:
        if name not in FIELD_ALIASES:
            block = top.sub("fields")
            assert block is not None
            raise block.error(name, f'unknown message field "{name}" (known: {", ".join(FIELD_ALIASES)})')
    return mapping


def _overrides(top: Fields) -> list[Override]:
    block = top.sub("overrides", None)
    if block is None:
        return []
    found = []
    for rule_id, values in block.mapping.items():
        if not isinstance(values, dict):
            raise block.error(str(rule_id), "expected a mapping of settings, e.g. {severity: warning}")
        found.append(Override(str(rule_id), values, block.file, block.line_of(rule_id)))
        block.raw(str(rule_id))
    block.done()
    return found


def _mapping_of_text(top: Fields, key: str) -> dict[str, str]:
    block = top.sub(key, None)
    if block is None:
        return {}
    values = {str(name): block.text(str(name)) for name in block.mapping}
    block.done()
    return values


def _whole(top: Fields, key: str) -> int | None:
    value: Any = top.number(key, None, minimum=0)
    if value is not None and value != int(value):
        raise top.error(key, f"expected a whole number, got {value}")
    return int(value) if value is not None else None


def blame(config: Config, error: RuleError) -> RuleError:
    """An unknown rule id that came from the config's disable/enable lists names the config line."""
    if error.file != "--disable/--enable" or config.file is None:
        return error
    for key, ids in (("disable", config.disable), ("enable", config.enable)):
        for position, rule_id in enumerate(ids):
            if rule_id.lower() == error.where:
                line = config.lines.get(f"{key}[{position}]", config.lines.get(key, 0))
                return RuleError(config.file, line, f"config.{key}[{position}]",
                                 f'no rule has the id or name "{rule_id}"')
    return error


def starter_config() -> str:
    """The commented qa-audit.yaml that `qa-audit init` writes."""
    return STARTER


STARTER = """\
# qa-audit configuration (质检配置). Found by searching upward from the current directory;
# `qa-audit --config FILE` picks another. Paths are relative to this file.

# Start from the bundled rule pack (SA001-SA014, GP001-GP003), or from nothing: extends: none
extends: default

# Your own rule files or directories (规则文件).
rules: []
#  - qa_rules/

# Switch rules off or on by id or name.
disable: []
#  - SA008
enable: []

# Change a default rule's severity, points or settings without copying it.
overrides: {}
#  SA005:
#    limit: 2m                       # 超时时限: seconds, or 30s / 2m
#    working_hours: ["09:00-22:00"]  # waits count only inside working hours
#    timezone: Asia/Shanghai
#  SA004:
#    severity: warning
#    points: 3

# Input columns with other names than the built-in ones (会话ID/客服/角色/时间/内容 …).
fields: {}
#  text: 聊天内容
#  agent: 接待人

# Time zone of times without an offset.
timezone: Asia/Shanghai

# Which files a directory contributes (glob patterns, relative to the directory given).
include: []
#  - "transcripts/**/*.txt"
exclude: []
#  - "**/drafts/**"

# The CI gate (门禁).
fail_on: error          # error | warning | info | never
# max_findings: 0       # findings at or above fail_on allowed before failing
# min_score: 90         # every agent's score and the overall score must reach this
# baseline: .qa-audit-baseline.json   # ignore findings recorded here (qa-audit audit --write-baseline)
"""
