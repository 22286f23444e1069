"""The rule kinds: the engine's vocabulary. A new kind is a new module plus one line here.

Each kind module provides:
- `PLACEHOLDERS`: names its rules' `message` templates may use besides {match}, {id}, {title}, {name};
- `settings(fields, context) -> Settings`: the kind's frozen settings, validated and compiled once;
- `check(settings, view) -> Iterator[Hit]`: the messages of one conversation that break the rule;
- optionally `excuses(settings, view, index) -> bool`: a message the rule lets pass whatever flags it, so
  that a rule's `model` is held to the same excuses as its lists.
"""

from __future__ import annotations

from types import ModuleType

from . import context, emoji_only, phrase, question, repetition, reply_time

KINDS: dict[str, ModuleType] = {
    "phrase": phrase,
    "question": question,
    "reply_time": reply_time,
    "repetition": repetition,
    "emoji_only": emoji_only,
    "context": context,
}
