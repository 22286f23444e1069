"""Stable finding fingerprints: rule, conversation and normalized text — never line numbers.

Baselines and CI formats (SARIF partialFingerprints, GitLab Code Quality) use them, so a finding
keeps its identity when unrelated lines are added or removed around it, and when the same file is
named another way (from a subdirectory, or by its absolute path).
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from pathlib import Path
from typing import Iterable

from .model import Finding
from .text import normalize


def _key(finding: Finding, root: Path | None) -> str:
    text = " ".join(normalize(finding.text).split())
    return "\x1f".join((finding.rule, _file(finding.file, root), finding.conversation_id, text))


def _file(file: str, root: Path | None) -> str:
    """The file relative to root (the baseline's folder), however it was typed on the command line."""
    if file == "-" or root is None:
        return file.replace("\\", "/")
    try:
        return Path(os.path.relpath(Path(file).resolve(), root.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(file).resolve().as_posix()


def fingerprints(findings: Iterable[Finding], root: Path | None = None) -> list[str]:
    """One fingerprint per finding, in order; equal findings get :2, :3 … to stay unique.

    Paths count relative to `root` (default: the current directory)."""
    seen: Counter[str] = Counter()
    result = []
    root = root if root is not None else Path.cwd()
    for finding in findings:
        digest = hashlib.sha256(_key(finding, root).encode("utf-8")).hexdigest()[:32]
        seen[digest] += 1
        result.append(digest if seen[digest] == 1 else f"{digest}:{seen[digest]}")
    return result
