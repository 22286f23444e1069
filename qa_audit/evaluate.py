"""Measuring rules against a QA lead's judgement: reviewed findings, or labelled conversations."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .schema import RuleError

CORRECT = {"对", "正确", "是", "准确", "y", "yes", "true", "1", "tp", "correct", "ok"}
WRONG = {"错", "错误", "否", "误报", "n", "no", "false", "0", "fp", "wrong", "false alarm"}


@dataclass
class RuleScore:
    rule: str
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    unreviewed: int = 0
    false_alarms: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        judged = self.true_positives + self.false_positives
        return self.true_positives / judged if judged else None

    @property
    def recall(self) -> float | None:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else None


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a UTF-8 (with or without BOM) or GB18030 CSV, as Excel may save it."""
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise RuleError(str(path), 0, "", "not UTF-8 or GB18030 text")
    return [{(k or "").strip(): (v or "").strip() for k, v in row.items()} for row in csv.DictReader(io.StringIO(text))]


def from_review(path: Path) -> list[RuleScore]:
    """Per-rule precision from a review CSV whose `verdict` column a QA lead filled in (对/错)."""
    rows = read_csv(path)
    if rows and ("rule" not in rows[0] or "verdict" not in rows[0]):
        raise RuleError(str(path), 1, "", 'expected the columns "rule" and "verdict" (qa-audit audit --format review)')
    scores: dict[str, RuleScore] = {}
    for number, row in enumerate(rows, start=2):
        score = scores.setdefault(row["rule"], RuleScore(row["rule"]))
        verdict = row["verdict"].lower()
        where = f"{row.get('file', '')}:{row.get('line', '')} {row.get('conversation_id', '')} {row.get('match', '')}"
        if verdict in CORRECT:
            score.true_positives += 1
        elif verdict in WRONG:
            score.false_positives += 1
            score.false_alarms.append(where.strip())
        elif not verdict:
            score.unreviewed += 1
        else:
            raise RuleError(str(path), number, "verdict", f"expected 对 or 错 (or empty), got {row['verdict']!r}")
    return [scores[key] for key in sorted(scores)]


def read_labels(path: Path) -> dict[str, set[str]]:
    """conversation_id → the rules a human says it breaks (an empty rule: it breaks none)."""
    rows = read_csv(path)
    if rows and ("conversation_id" not in rows[0] or "rule" not in rows[0]):
        raise RuleError(str(path), 1, "", 'expected the columns "conversation_id" and "rule"')
    labels: dict[str, set[str]] = {}
    for row in rows:
        rules = labels.setdefault(row["conversation_id"], set())
        if row["rule"]:
            rules.add(row["rule"])
    return labels


def findings_by_conversation(report_path: Path, severities: Iterable[str]) -> dict[str, set[str]]:
    """conversation_id → rules with a finding in a JSON report (qa-audit audit --format json)."""
    try:
        report = json.loads(report_path.read_text(encoding="utf-8-sig"))
        findings = report["findings"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise RuleError(str(report_path), 0, "", f"not a qa-audit JSON report: {error}") from None
    wanted = set(severities)
    found: dict[str, set[str]] = {}
    for finding in findings:
        if finding.get("severity") in wanted:
            found.setdefault(str(finding["conversation_id"]), set()).add(finding["rule"])
    return found


def against_labels(
    labels: dict[str, set[str]], found: dict[str, set[str]], rules: Iterable[str] | None = None
) -> list[RuleScore]:
    """Per-rule precision and recall over the labelled conversations (others are ignored)."""
    chosen = sorted(set(rules) if rules is not None else {r for rs in labels.values() for r in rs})
    scores = []
    for rule in chosen:
        score = RuleScore(rule)
        for conversation, expected in sorted(labels.items()):
            flagged = rule in found.get(conversation, set())
            if rule in expected and flagged:
                score.true_positives += 1
            elif rule in expected:
                score.false_negatives += 1
                score.missed.append(conversation)
            elif flagged:
                score.false_positives += 1
                score.false_alarms.append(conversation)
        scores.append(score)
    return scores


def summary(scores: list[RuleScore], with_recall: bool) -> str:
    """A plain table: per rule TP/FP/FN, precision, recall, and what went wrong."""
    header = f"{'RULE':<8} {'TP':>4} {'FP':>4}" + (f" {'FN':>4}" if with_recall else f" {'TODO':>4}")
    header += f" {'PRECISION':>9}" + (f" {'RECALL':>7}" if with_recall else "")
    lines = [header]
    for score in scores:
        row = f"{score.rule:<8} {score.true_positives:>4} {score.false_positives:>4} "
        row += f"{(score.false_negatives if with_recall else score.unreviewed):>4} {_percent(score.precision):>9}"
        if with_recall:
            row += f" {_percent(score.recall):>7}"
        lines.append(row)
    for score in scores:
        if score.false_alarms:
            lines.append(f"{score.rule} false alarms (误报): {', '.join(score.false_alarms)}")
        if score.missed:
            lines.append(f"{score.rule} missed (漏报): {', '.join(score.missed)}")
    return "\n".join(lines) + "\n"


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"
