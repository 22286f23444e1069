"""Baselines: the fingerprints of findings already known, so CI fails only on new ones."""

from __future__ import annotations

import json
from pathlib import Path

from . import __version__
from .report import Report
from .schema import RuleError


def baseline_text(report: Report) -> str:
    """A baseline file: every finding's fingerprint, with enough context to read it by eye."""
    entries = [
        {"fingerprint": f.fingerprint, "rule": f.rule, "file": f.file_key,
         "conversation_id": f.conversation_id, "text": f.text}
        for f in report.findings
    ]
    document = {"tool": {"name": "qa-audit", "version": __version__}, "findings": entries}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def load_baseline(path: Path) -> set[str]:
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
        return {str(entry["fingerprint"]) for entry in document["findings"]}
    except OSError as error:
        raise RuleError(str(path), 0, "", f"cannot read the baseline: {error.strerror or error}") from None
    except (ValueError, KeyError, TypeError) as error:
        raise RuleError(str(path), 0, "", f"not a qa-audit baseline ({error}); "
                                          "write one with --write-baseline") from None
