"""Regular expressions from rule files, run with a time limit.

A user's regex that backtracks catastrophically must not hang a run: patterns are compiled with
the `regex` module, whose matching takes a timeout, and a pattern that runs out of time raises
PatternTimeout naming itself, so the engine can skip that rule for that message and say so.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

TIMEOUT_SECONDS = 0.5  # per message and pattern; real patterns take microseconds


class PatternTimeout(Exception):
    def __init__(self, source: str) -> None:
        super().__init__(f"the regex {source!r} took longer than {TIMEOUT_SECONDS} s")
        self.source = source


@dataclass(frozen=True)
class UserPattern:
    source: str
    compiled: regex.Pattern[str]

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Non-empty match spans in the text."""
        try:
            return [m.span() for m in self.compiled.finditer(text, timeout=TIMEOUT_SECONDS) if m.end() > m.start()]
        except TimeoutError:
            raise PatternTimeout(self.source) from None

    def search(self, text: str) -> str | None:
        try:
            found = self.compiled.search(text, timeout=TIMEOUT_SECONDS)
        except TimeoutError:
            raise PatternTimeout(self.source) from None
        return found.group() if found else None


def compile_pattern(source: str) -> UserPattern:
    """Compile for the folded text (see text.fold_pattern); regex.error says what is wrong."""
    from .text import fold_pattern

    return UserPattern(source, regex.compile(fold_pattern(source), regex.IGNORECASE | regex.VERSION0))


def combine(patterns: tuple[UserPattern, ...]) -> tuple[UserPattern, ...]:
    """One alternation for a rule's patterns: one pass per message instead of one per pattern.

    Patterns that cannot share one regex stay apart: a backreference (\\1) would point at another
    pattern's group, and a global inline flag such as (?i) mid-pattern does not compile. So does a
    pattern that may start at any character (「\\w{1,6}!」): joined, it makes every position a start
    for all the others, and the rule's one pass took four times as long.
    """
    alone = tuple(p for p in patterns if _BACKREFERENCE.search(p.compiled.pattern) or _starts_anywhere(p.compiled.pattern))
    shared = tuple(p for p in patterns if p not in alone)
    if len(shared) < 2:
        return patterns
    source = "|".join(f"(?:{p.compiled.pattern})" for p in shared)
    try:
        joined = regex.compile(source, regex.IGNORECASE | regex.VERSION0)
    except regex.error:
        return patterns
    return (UserPattern(" | ".join(p.source for p in shared), joined), *alone)


_BACKREFERENCE = regex.compile(r"\\[1-9]|\(\?P=|\\g<")
# Leading groups and lookaheads, then a class or dot that matches almost any character.
_ANY_START = regex.compile(r"^(?:\((?:\?:)?|\(\?[!=](?:[^()]|\([^()]*\))*\))*(?:\\[wWSsDd]|\.|\[\^)")


def _starts_anywhere(source: str) -> bool:
    return _ANY_START.match(source) is not None
