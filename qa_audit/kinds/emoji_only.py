"""`emoji_only`: an agent reply with no words — only emoji, emoticon codes or punctuation."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from ..text import asks, has_media, is_wordless, words_pattern
from ..view import ConversationView, Hit

if TYPE_CHECKING:
    from ..rulebook import CompileContext
    from ..schema import Fields

PLACEHOLDERS = frozenset()
WHEN = ("any", "customer_waiting", "customer_upset")


@dataclass(frozen=True)
class Settings:
    when: str
    closing: re.Pattern[str] | None
    asking: re.Pattern[str] | None
    upset: frozenset[str]
    puzzled: frozenset[str]


def settings(fields: Fields, context: CompileContext) -> Settings:
    when = fields.choice("when", WHEN, "customer_waiting")
    upset = context.phrases(fields, "upset")
    if when == "customer_upset" and not upset:
        raise fields.error("upset", 'when: customer_upset needs the words that show it (e.g. "@emotion")')
    if when == "customer_waiting" and not fields.has("asking"):
        raise fields.error("asking", 'when: customer_waiting needs the words of a question (e.g. "@asking")')
    return Settings(
        when=when,
        closing=words_pattern(context.words(fields, "closing")),
        asking=words_pattern(context.words(fields, "asking")),
        upset=upset,
        puzzled=context.phrases(fields, "puzzled"),
    )


def check(settings: Settings, view: ConversationView) -> Iterator[Hit]:
    asked: list[int] = []  # customer messages since the last agent reply
    for index, message in enumerate(view.messages):
        if message.role == "customer":
            asked.append(index)
            continue
        if message.role != "agent":
            continue
        waiting, asked = asked, []
        if not message.text.strip() or has_media(message.text) or not is_wordless(view.texts[index].norm):
            continue
        if _applies(settings, view, waiting) or _puzzles(settings, view, index):
            yield Hit(index, match=message.text.strip())


def _applies(settings: Settings, view: ConversationView, waiting: list[int]) -> bool:
    if settings.when == "any":
        return True
    if settings.when == "customer_upset":
        return any(view.texts[index].has_any(settings.upset) for index in waiting)
    # Waiting: the customer asked something, or is upset; not after 「好的,谢谢」.
    return any(
        asks(view.texts[index].norm, settings.asking, settings.closing) or view.texts[index].has_any(settings.upset)
        for index in waiting
    )


def _puzzles(settings: Settings, view: ConversationView, index: int) -> bool:
    """The customer's next line asks what the reply meant (「发个表情啥意思」「?」): it explained nothing."""
    if not settings.puzzled:
        return False
    following = next((later for later in range(index + 1, len(view.messages))
                      if view.messages[later].role in ("customer", "agent")), None)
    if following is None or view.messages[following].role != "customer":
        return False
    text = view.texts[following]
    bare = text.norm.strip()
    # a bare 「?」 answers the emoji as plainly as 「什么意思」
    return text.has_any(settings.puzzled) or (bool(bare) and set(bare) <= {"?"})
