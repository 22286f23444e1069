"""`phrase`: forbidden words and regexes in one role's messages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from ..patterns import UserPattern, combine
from ..view import ConversationView, Hit

if TYPE_CHECKING:
    from ..rulebook import CompileContext
    from ..schema import Fields
    from ..text import MessageText

PLACEHOLDERS = frozenset()


@dataclass(frozen=True)
class Settings:
    role: str
    phrases: frozenset[str]
    patterns: tuple[UserPattern, ...]
    whole_word: bool
    unless: frozenset[str]
    unless_reply: frozenset[str]


def settings(fields: Fields, context: CompileContext) -> Settings:
    patterns = fields.patterns("patterns")
    phrases = context.phrases(fields, "phrases")
    if not phrases and not patterns:
        raise fields.error("phrases", "a phrase rule needs phrases or patterns")
    return Settings(
        role=fields.choice("role", ("agent", "customer"), "agent"),
        phrases=phrases,
        patterns=combine(patterns),
        whole_word=fields.flag("whole_word", False),
        unless=context.phrases(fields, "unless"),
        unless_reply=context.phrases(fields, "unless_reply"),
    )


def check(settings: Settings, view: ConversationView) -> Iterator[Hit]:
    for index in view.indices(settings.role):
        if excuses(settings, view, index):
            continue
        text = view.texts[index]
        span = first_match(settings, text)
        if span is not None:
            start, end = span
            yield Hit(index, match=view.messages[index].text[start:end], start=start)


def excuses(settings: Settings, view: ConversationView, index: int) -> bool:
    """The reply does what the rule asks for elsewhere (「…我已经帮您提交了」): nothing in it is charged.

    A reply is the run of messages one side sends before the other answers, since agents often
    split one answer over several bubbles (「这个我改不了哈」「不过可以领会员券」).
    """
    if not settings.unless_reply:
        return False
    turn = view.turn(index)
    # Asked for every line of the turn, by `check` and again for the rule's model: decided once.
    excused = view.memo.setdefault(("excused turns", id(settings)), {})
    if turn.start not in excused:
        excused[turn.start] = any(view.texts[at].has_any(settings.unless_reply) for at in turn)
    return excused[turn.start]


def first_match(settings: Settings, text: MessageText) -> tuple[int, int] | None:
    """The earliest, longest match in a message that is not excused, or None.

    `whole_word` holds phrases to jieba's token bounds; a pattern states its own context, and its
    end may fall inside a word another rule declared (「…就直接结束」 in 「结束会话」).
    """
    candidates = [
        (start, start + len(phrase), settings.whole_word)
        for phrase, starts in text.hits.items()
        if phrase in settings.phrases
        for start in starts
    ]
    for pattern in settings.patterns:
        candidates.extend((start, end, False) for start, end in pattern.spans(text.norm))
    for start, end, bounded in sorted(candidates, key=lambda span: (span[0], span[0] - span[1])):
        if bounded and not text.on_token_bounds(start, end):
            continue
        if settings.unless and text.sentence_has(start, settings.unless):
            continue
        return start, end
    return None
