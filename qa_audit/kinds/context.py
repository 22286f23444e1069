"""`context`: after a trigger message, what the other side's next replies must (not) contain."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, Union

from ..patterns import UserPattern, combine
from ..schema import Fields
from ..text import either_or, is_wordless, words_pattern
from ..view import ConversationView, Hit

if TYPE_CHECKING:
    from ..rulebook import CompileContext
    from ..text import MessageText

PLACEHOLDERS = frozenset({"trigger", "trigger_match"})
_ROLES = ("agent", "customer")


@dataclass(frozen=True)
class Contains:
    phrases: frozenset[str]
    patterns: tuple[UserPattern, ...]


@dataclass(frozen=True)
class Only:
    """Every reply of the window says nothing but these words (「嗯」「好的」)."""

    words: re.Pattern[str] | None


@dataclass(frozen=True)
class Replied:
    pass


@dataclass(frozen=True)
class Denies:
    """A reply says no to the trigger's own words: 「是不是泡水车啊」, 「不是泡水车哈」 — the clarification
    (澄清) the standard asks for."""


@dataclass(frozen=True)
class AllOf:
    conditions: tuple["Condition", ...]


@dataclass(frozen=True)
class AnyOf:
    conditions: tuple["Condition", ...]


@dataclass(frozen=True)
class Not:
    condition: "Condition"


Condition = Union[Contains, Only, Replied, Denies, AllOf, AnyOf, Not]


@dataclass(frozen=True)
class Trigger:
    role: str
    phrases: frozenset[str]
    patterns: tuple[UserPattern, ...]
    unless: frozenset[str]
    first_only: bool
    all_messages: bool
    whole_word: bool
    ignore: frozenset[str]


@dataclass(frozen=True)
class Window:
    replies: int | None
    seconds: float | None
    side: str  # "other" role than the trigger's, or the "same" role
    include_trigger: bool


@dataclass(frozen=True)
class Settings:
    trigger: Trigger
    window: Window
    expect: Condition | None
    forbid: Condition | None
    reply: bool
    # Once a trigger's replies meet this, later triggers in the conversation are not judged: an
    # agent who has apologised for the broken brush is not charged again when the customer
    # repeats 「气死我了」 while the exchange is under way.
    settled_by: Condition | None


def settings(fields: Fields, context: CompileContext) -> Settings:
    trigger_fields = fields.sub("trigger")
    assert trigger_fields is not None
    trigger = Trigger(
        role=trigger_fields.choice("role", _ROLES, "customer"),
        phrases=context.phrases(trigger_fields, "phrases"),
        patterns=_patterns(trigger_fields),
        unless=context.phrases(trigger_fields, "unless"),
        first_only=trigger_fields.flag("first_only", False),
        all_messages=trigger_fields.flag("all_messages", False),
        whole_word=trigger_fields.flag("whole_word", False),
        ignore=context.phrases(trigger_fields, "ignore"),
    )
    if not (trigger.phrases or trigger.patterns or trigger.first_only or trigger.all_messages):
        raise trigger_fields.error(
            "phrases", "a trigger needs phrases, patterns, first_only: true or all_messages: true"
        )
    trigger_fields.done()
    window = _window(fields.sub("within", None))
    expect = _condition(fields.sub("expect", None), context) if fields.has("expect") else None
    forbid = _condition(fields.sub("forbid", None), context) if fields.has("forbid") else None
    if fields.has("credit"):
        # A good-practice rule: a finding (with bonus points) when the condition holds.
        if forbid is not None:
            raise fields.error("credit", "use either forbid or credit, not both")
        forbid = _condition(fields.sub("credit", None), context)
        # No reply earns no credit: for a good-practice rule a missing reply is not a finding.
        if fields.flag("reply", False):
            raise fields.error("reply", "a credit rule cannot count a missing reply: leave out reply or set it false")
        reply = False
    else:
        reply = fields.flag("reply", True)
    if expect is None and forbid is None and not reply:
        raise fields.error("expect", "a context rule needs expect, forbid or reply: true")
    settled_by = _condition(fields.sub("settled_by", None), context) if fields.has("settled_by") else None
    return Settings(trigger, window, expect, forbid, reply, settled_by)


def _patterns(fields: Fields) -> tuple[UserPattern, ...]:
    return combine(fields.patterns("patterns"))


def _window(fields: Fields | None) -> Window:
    if fields is None:
        return Window(replies=1, seconds=None, side="other", include_trigger=False)
    until_end = fields.flag("until_end", False)
    seconds = fields.number("seconds", None, minimum=0)
    replies = fields.number("replies", None if (until_end or seconds is not None) else 1, minimum=1)
    window = Window(
        replies=int(replies) if replies is not None else None,
        seconds=float(seconds) if seconds is not None else None,
        side=fields.choice("side", ("other", "same"), "other"),
        include_trigger=fields.flag("include_trigger", False),
    )
    fields.done()
    return window


def _condition(fields: Fields | None, context: CompileContext) -> Condition:
    """One condition: contains / only / replied / denies, or all / any / not of conditions."""
    assert fields is not None
    keys = set(fields.mapping)
    if len(keys) != 1 and not keys <= {"contains", "patterns"}:
        raise fields.error("", f"a condition has one key (contains, patterns, only, replied, denies, all, any, not), got {sorted(keys)}")
    if keys & {"contains", "patterns"}:
        condition: Condition = Contains(context.phrases(fields, "contains"), _patterns(fields))
    elif "only" in keys:
        condition = Only(words_pattern(context.words(fields, "only")))
    elif "replied" in keys:
        if fields.flag("replied") is not True:
            raise fields.error("replied", "a window without replies is settled by `reply:`; `replied` takes only true")
        condition = Replied()
    elif "denies" in keys:
        if fields.flag("denies") is not True:
            raise fields.error("denies", "use `not: {denies: true}` for a reply that does not deny")
        condition = Denies()
    elif "not" in keys:
        condition = Not(_condition(fields.sub("not"), context))
    elif keys & {"all", "any"}:
        key = "all" if "all" in keys else "any"
        items = fields.raw(key)
        if not isinstance(items, list) or not items:
            raise fields.error(key, "expected a list of conditions")
        parts = tuple(
            _condition(_item_fields(fields, key, position, item), context) for position, item in enumerate(items)
        )
        condition = AllOf(parts) if key == "all" else AnyOf(parts)
    else:
        raise fields.error(next(iter(keys)), f'unknown condition "{next(iter(keys))}" '
                           "(known: contains, patterns, only, replied, denies, all, any, not)")
    fields.done()
    return condition


def _item_fields(fields: Fields, key: str, position: int, item: object) -> Fields:
    lines = getattr(fields.mapping.get(key), "lines", [])
    line = lines[position] if position < len(lines) else fields.line_of(key)
    return Fields(item, fields.file, f"{fields.where}.{key}[{position}]", line)


def check(settings: Settings, view: ConversationView) -> Iterator[Hit]:
    trigger, window = settings.trigger, settings.window
    reply_role = _other(trigger.role) if window.side == "other" else trigger.role
    answered_up_to = -1  # triggers whose window starts at the same reply are judged once
    for index, message in enumerate(view.messages):
        if message.role != trigger.role or index <= answered_up_to:
            continue
        span = _trigger_match(trigger, view.texts[index])
        if span is None:
            continue
        replies = _window_replies(view, index, reply_role, window)
        # Until the other side speaks, another trigger has the same window; after it (even past a
        # `seconds` window) it has its own.
        next_reply = view.following(index, reply_role)
        answered_up_to = replies[0] if replies else len(view.messages) if next_reply is None else next_reply
        failed = _failure(settings, view, index, replies)
        if settings.settled_by is not None:
            answers = [reply for reply in replies if reply != index]
            if answers and _holds(settings.settled_by, view, index, answers):
                answered_up_to = len(view.messages)
        if failed is not None:
            at, found = failed
            values = {"trigger": message.text, "trigger_match": message.text[span[0]:span[1]]}
            # A finding on a customer's line (a complaint nobody answered) is charged to the agent
            # who should have answered it.
            agent = _answering_agent(view, index if at is None else at)
            if at is None:
                yield Hit(index, agent=agent, match=values["trigger_match"], start=span[0], values=values)
            else:
                start = view.texts[at].norm.find(found) if found else -1
                text = view.messages[at].text
                quoted = text[start:start + len(found)] if start >= 0 else text
                yield Hit(at, agent=agent, match=quoted, start=start if start >= 0 else None, values=values)
        if trigger.first_only:
            return


def _answering_agent(view: ConversationView, index: int) -> str | None:
    """None (the sender) for an agent's line; for another's, the agent who should answer it."""
    return None if view.messages[index].role == "agent" else view.answering_agent(index)


def _other(role: str) -> str:
    return "agent" if role == "customer" else "customer"


def _trigger_match(trigger: Trigger, text: MessageText) -> tuple[int, int] | None:
    if not trigger.phrases and not trigger.patterns:
        # first_only / all_messages: the whole message triggers unless it is an `unless` line.
        if trigger.unless and _says(text, trigger.unless):
            return None
        return (0, len(text.norm))
    # `whole_word` holds phrases to jieba's token bounds, as in the phrase kind; a pattern
    # states its own context (「一点都不」 ends inside 不好).
    spans = [(start, start + len(phrase), trigger.whole_word)
             for phrase, starts in text.hits.items()
             if phrase in trigger.phrases for start in starts]
    for pattern in trigger.patterns:
        spans.extend((start, end, False) for start, end in pattern.spans(text.norm))
    if not spans:  # most messages end here
        return None
    # A phrase inside an `ignore` word is part of another word: 算了 in 「结算了」.
    ignored = text.covered_by(trigger.ignore) if trigger.ignore else set()
    for start, end, bounded in sorted(spans):
        if bounded and not text.on_token_bounds(start, end):
            continue
        if ignored.issuperset(range(start, end)):
            continue
        if not (trigger.unless and _spared(text, start, end, trigger.unless)):
            return start, end
    return None


def _spared(text: MessageText, start: int, end: int, unless: frozenset[str]) -> bool:
    """An `unless` word in the trigger's sentence; for punctuation (「!!」) anywhere in the message:
    「口红到了!!颜色好好看!!」 is glad all through."""
    if is_wordless(text.norm[start:end]):
        return text.has_any(unless)
    return text.sentence_has(start, unless)


def _says(text: MessageText, words: frozenset[str]) -> bool:
    """A word of two or more characters anywhere, or nothing but the words.

    A one-character word (好, 行) counts only alone: 「不行」 is not 「行」.
    """
    if any(len(word) > 1 for word in words.intersection(text.hits)):
        return True
    chars = list(text.norm)
    for word, starts in text.hits.items():
        if word in words:
            for start in starts:
                chars[start:start + len(word)] = " " * len(word)
    return text.hits.keys() & words != set() and is_wordless("".join(chars))


def _window_replies(view: ConversationView, index: int, role: str, window: Window) -> list[int]:
    start_time = view.messages[index].time
    found = [index] if window.include_trigger else []
    for later in range(index + 1, len(view.messages)):
        message = view.messages[later]
        if message.role != role:
            continue
        if window.seconds is not None and start_time is not None and message.time is not None \
                and (message.time - start_time).total_seconds() > window.seconds:
            break
        found.append(later)
        if window.replies is not None and len(found) - window.include_trigger >= window.replies:
            break
    return found


def _failure(settings: Settings, view: ConversationView, trigger: int,
             replies: list[int]) -> tuple[int | None, str] | None:
    """Where the rule is broken — (reply index or None for the trigger, matched text) — or None."""
    if not replies:
        return (None, "") if settings.reply else None
    if settings.forbid is not None:
        for reply in replies:
            if _holds(settings.forbid, view, trigger, [reply]):
                return reply, _evidence(settings.forbid, view.texts[reply])
    if settings.expect is not None and not _holds(settings.expect, view, trigger, replies):
        return replies[0], ""
    return None


def _holds(condition: Condition, view: ConversationView, trigger: int, replies: list[int]) -> bool:
    if isinstance(condition, Contains):
        return any(_contains(condition, view.texts[reply]) is not None for reply in replies)
    if isinstance(condition, Only):
        # Says one of the words and nothing else: 「嗯」「好的」, but not an emoji-only reply.
        return bool(replies) and condition.words is not None and all(
            condition.words.search(view.texts[r].norm) is not None
            and is_wordless(condition.words.sub(" ", view.texts[r].norm))
            for r in replies
        )
    if isinstance(condition, Replied):
        return bool(replies)
    if isinstance(condition, Denies):
        return any(_denies(view.texts[reply].norm, view.texts[trigger].norm) for reply in replies if reply != trigger)
    if isinstance(condition, AllOf):
        return all(_holds(part, view, trigger, replies) for part in condition.conditions)
    if isinstance(condition, AnyOf):
        return any(_holds(part, view, trigger, replies) for part in condition.conditions)
    return not _holds(condition.condition, view, trigger, replies)


# 「不是纯野生的」 answers 「是不是野生的」: a word of degree may stand between the no and the echo.
_DENYING = re.compile("(?:不是|没有|不会|并非)(?:纯|全|完全|全部)?")
# Particles carry nothing of what was said: 「不是的」 echoes no claim.
_PARTICLES = frozenset("的了吧啊呀哈呢吗么嘛哦")


def _denies(reply: str, trigger: str) -> bool:
    """A negation followed at once by two characters the trigger said: 「不是泡水车」 after
    「是不是泡水车啊」, 「没有翻新」 after 「翻新机吧」. The question asked back (「是不是泡水车」
    「有没有翻新过」) denies nothing."""
    for found in _DENYING.finditer(reply):
        if either_or(reply, found.start()):
            continue
        echoed = reply[found.end():found.end() + 2]
        # 「不是假的哦」 echoes 假的: the word the trigger said may end in a particle
        # 「不是假票哦」 answers 「是不是假的啊」: the word the trigger said may end in 的
        if (len(echoed) == 2 and (echoed in trigger or echoed[0] + "的" in trigger)
                and echoed[0].isalnum() and echoed[0] not in _PARTICLES):
            return True
    return False


def _contains(condition: Contains, text: MessageText) -> str | None:
    for phrase in text.hits:
        if phrase in condition.phrases:
            return phrase
    for pattern in condition.patterns:
        found = pattern.search(text.norm)
        if found:
            return found
    return None


def _evidence(condition: Condition, text: MessageText) -> str:
    """The words that made a forbid condition hold, for the report's match."""
    if isinstance(condition, Contains):
        return _contains(condition, text) or ""
    if isinstance(condition, (AllOf, AnyOf)):
        for part in condition.conditions:
            found = _evidence(part, text)
            if found:
                return found
    return ""
