"""The library entry point: read → messages → conversations → checks → findings → report."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .conversations import conversations
from .diagnostics import Diagnostics
from .engine import Auditor
from .formats import ReadOptions, read_messages
from .report import Report, ReportBuilder
from .rulebook import RuleSet, load_rules


def audit(
    paths: Iterable[str | Path],
    *,
    rules: RuleSet | None = None,
    options: ReadOptions | None = None,
    baseline: set[str] | None = None,
    root: Path | None = None,
) -> Report:
    """Audit chat logs (files, directories or "-") with a rule set (default: the bundled pack).

    Findings whose fingerprint is in `baseline` are left out and counted as baselined; paths in
    fingerprints count from `root` (the baseline's folder; default the current directory).
    """
    ruleset = rules if rules is not None else load_rules()
    diagnostics = Diagnostics()
    auditor = Auditor(ruleset, diagnostics, root)
    builder = ReportBuilder(ruleset.rules)
    messages = read_messages([str(path) for path in paths], options or ReadOptions(), diagnostics)
    for conversation, findings in auditor.check_all(conversations(messages, diagnostics)):
        if baseline:
            kept = [finding for finding in findings if finding.fingerprint not in baseline]
            builder.baselined += len(findings) - len(kept)
            findings = kept
        builder.add(conversation, findings)
    diagnostics.report_unused_suppressions({rule.id.upper() for rule in ruleset.rules})
    return builder.build(diagnostics)
