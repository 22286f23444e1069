"""`repetition`: the same or nearly the same agent line used more than N times (机械重复)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator

from ..text import MASK, is_wordless
from ..view import ConversationView, Hit

if TYPE_CHECKING:
    from ..rulebook import CompileContext
    from ..schema import Fields

PLACEHOLDERS = frozenset({"count", "max"})
# Tone particles change nothing about which line it is: 「抱歉亲」 is 「抱歉」 said again.
_PARTICLES = frozenset("亲哦呢了哈啊呀吧的嘛哟噢喔啦哒滴呐")


@dataclass(frozen=True)
class Settings:
    max: int
    similarity: float
    only: frozenset[str] | None
    after_customer: frozenset[str] | None
    compare: str  # "line": the whole line's tokens; "keywords": only the `only` words it contains


@dataclass
class _Line:
    tokens: frozenset[str]
    uses: int
    last: int
    reported: bool = field(default=False)


def settings(fields: Fields, context: CompileContext) -> Settings:
    compare = fields.choice("compare", ("line", "keywords"), "line")
    if compare == "keywords" and not fields.has("only"):
        raise fields.error("compare", "compare: keywords needs `only` (the words that name a proposal)")
    similarity = fields.number("similarity", 0.8, minimum=0)
    if similarity > 1:
        raise fields.error("similarity", f"must be between 0 and 1, got {similarity}")
    return Settings(
        max=int(fields.number("max", 2, minimum=1)),
        similarity=float(similarity),
        only=context.phrases(fields, "only") if fields.has("only") else None,
        after_customer=context.phrases(fields, "after_customer") if fields.has("after_customer") else None,
        compare=compare,
    )


def check(settings: Settings, view: ConversationView) -> Iterator[Hit]:
    lines: list[_Line] = []
    for index in view.indices("agent"):
        text = view.texts[index]
        if settings.only is not None and not text.has_any(settings.only):
            continue
        if settings.compare == "keywords":
            # The same proposal comes back in new words (「5元优惠券」「优惠券补偿」): compare what is offered.
            tokens = frozenset(settings.only.intersection(text.hits))  # type: ignore[union-attr]
            similar = _overlap
        else:
            tokens = frozenset(
                t for t in text.tokens if MASK not in t and t not in _PARTICLES and not is_wordless(t)
            )
            similar = _jaccard
        if not tokens:
            continue
        line = next((line for line in lines if similar(tokens, line.tokens) >= settings.similarity), None)
        if line is None:
            lines.append(_Line(tokens, 1, index))
            continue
        if settings.after_customer is not None and not _rejected_between(settings, view, line.last, index):
            line.last = index
            continue
        line.uses += 1
        line.last = index
        if line.uses > settings.max and not line.reported:
            line.reported = True
            yield Hit(index, match=view.messages[index].text, values={"count": line.uses, "max": settings.max})


def _jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    return len(left & right) / len(left | right)


def _overlap(left: frozenset[str], right: frozenset[str]) -> float:
    return len(left & right) / min(len(left), len(right))


def _rejected_between(settings: Settings, view: ConversationView, after: int, before: int) -> bool:
    """Whether the customer turned the proposal down between two uses of it."""
    assert settings.after_customer is not None
    return any(
        view.messages[index].role == "customer" and view.texts[index].has_any(settings.after_customer)
        for index in range(after + 1, before)
    )
