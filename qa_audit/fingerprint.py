"""Stable finding fingerprints: rule, conversation and normalized text — never line numbers.

Baselines and CI formats (SARIF partialFingerprints, GitLab Code Quality) use them, so a finding
keeps its identity when unrelated lines are added or removed around it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Iterable

from .model import Finding
from .text import normalize


def _key(finding: Finding) -> str:
    text = " ".join(normalize(finding.text).split())
    return "\x1f".join((finding.rule, finding.file_key, finding.conversation_id, text))


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """One fingerprint per finding, in order; equal findings get :2, :3 … to stay unique."""
    seen: Counter[str] = Counter()
    result = []
    for finding in findings:
        digest = hashlib.sha256(_key(finding).encode("utf-8")).hexdigest()[:32]
        seen[digest] += 1
        result.append(digest if seen[digest] == 1 else f"{digest}:{seen[digest]}")
    return result
