"""One Aho-Corasick automaton for every phrase of every rule, scanned once per message."""

from __future__ import annotations

from typing import Iterable

import ahocorasick

from .text import normalize


class PhraseIndex:
    """Collects phrases while rules load, then finds all of them in one pass over a text."""

    def __init__(self) -> None:
        self._phrases: set[str] = set()
        self._automaton: ahocorasick.Automaton | None = None

    def register(self, phrases: Iterable[str]) -> frozenset[str]:
        """Add phrases to the index; returns them in the normalized form hits are keyed by."""
        if self._automaton is not None:
            raise RuntimeError("phrases must be registered before the index is built")
        keys = frozenset(key for key in (normalize(phrase.strip()) for phrase in phrases) if key)
        self._phrases |= keys
        return keys

    def build(self) -> None:
        automaton = ahocorasick.Automaton()
        for phrase in self._phrases:
            automaton.add_word(phrase, phrase)
        if self._phrases:
            automaton.make_automaton()
        self._automaton = automaton

    def scan(self, norm: str) -> dict[str, list[int]]:
        """Start offsets of every registered phrase in a normalized text."""
        if not self._phrases:
            return {}
        if self._automaton is None:
            self.build()
        hits: dict[str, list[int]] = {}
        for end, phrase in self._automaton.iter(norm):  # type: ignore[union-attr]
            hits.setdefault(phrase, []).append(end - len(phrase) + 1)
        return hits
