"""Plain-text views of rules for `qa-audit rules list|show|test`: the rule file is the documentation."""

from __future__ import annotations

from typing import Any

from .rulebook import Rule, RuleSet
from .ruletest import RuleResult

_COMMON_KEYS = {"id", "name", "title", "severity", "points", "kind", "message", "suggestion",
                "clause", "enabled", "examples"}


def rules_overview(ruleset: RuleSet) -> str:
    lines = [f"{'ID':<7} {'NAME':<22} {'SEVERITY':<8} {'POINTS':>6}  {'KIND':<11} TITLE"]
    for rule in ruleset.rules:
        state = "" if rule.enabled else "  (disabled)"
        lines.append(f"{rule.id:<7} {rule.name:<22} {rule.severity:<8} {rule.points:>6g}  "
                     f"{rule.kind:<11} {rule.title}{state}")
    return "\n".join(lines) + "\n"


def rule_details(rule: Rule) -> str:
    lines = [
        f"{rule.id} {rule.name} — {rule.title}",
        f"  severity: {rule.severity}   points: {rule.points:g}   kind: {rule.kind}"
        f"{'' if rule.enabled else '   (disabled)'}",
        f"  defined in: {rule.file}:{rule.line}",
    ]
    if rule.clause:
        lines.append(f"  标准条款: {rule.clause}")
    lines.append(f"  message: {rule.message}")
    if rule.suggestion:
        lines.append(f"  建议话术: {rule.suggestion}")
    settings = {key: value for key, value in rule.raw.items() if key not in _COMMON_KEYS}
    if settings:
        lines.append("  settings:")
        for key, value in settings.items():
            lines.append(f"    {key}: {_setting(value)}")
    for label, examples in (("hit (必须命中)", rule.hit_examples), ("miss (不应命中)", rule.miss_examples)):
        if examples:
            lines.append(f"  examples {label}:")
            for example in examples:
                text = example.text.rstrip("\n").replace("\n", "\n      ")
                lines.append(f"    - {text}")
    return "\n".join(lines) + "\n"


def _setting(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_setting(item) for item in value) if value else "[]"
    if isinstance(value, dict):
        return ", ".join(f"{key}={_setting(item)}" for key, item in value.items())
    return str(value)


def test_summary(results: list[RuleResult]) -> str:
    lines = [f"{'RULE':<7} {'NAME':<22} {'TP':>3} {'FN':>3} {'FP':>3} {'TN':>3}  RESULT"]
    failures = []
    for result in results:
        rule = result.rule
        fn, fp = len(result.false_negatives), len(result.false_positives)
        examples = len(rule.hit_examples) + len(rule.miss_examples)
        verdict = "ok" if result.passed else "FAIL"
        if not examples:
            verdict = "no examples"
        lines.append(f"{rule.id:<7} {rule.name:<22} {result.true_positives:>3} {fn:>3} {fp:>3} "
                     f"{result.true_negatives:>3}  {verdict}")
        for example in result.false_negatives:
            failures.append(f"{rule.file}:{example.line}: {rule.id}: hit example did not hit: {_short(example.text)}")
        for example in result.false_positives:
            failures.append(f"{rule.file}:{example.line}: {rule.id}: miss example hit: {_short(example.text)}")
        for example, problem in result.broken:
            failures.append(f"{rule.file}:{example.line}: {rule.id}: example cannot be read: {problem}")
    passed = sum(result.passed for result in results)
    lines.extend(failures)
    lines.append(f"{passed} passed, {len(results) - passed} failed")
    return "\n".join(lines) + "\n"


def _short(text: str, width: int = 60) -> str:
    flat = " ⏎ ".join(line.strip() for line in text.strip().splitlines())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
