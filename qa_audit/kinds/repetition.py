"""`repetition`: the same or nearly the same agent line used more than N times (机械重复)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from ..patterns import UserPattern, combine
from ..text import MASK, MessageText, either_or, is_wordless
from ..view import ConversationView, Hit

if TYPE_CHECKING:
    from ..rulebook import CompileContext
    from ..schema import Fields

PLACEHOLDERS = frozenset({"count", "max"})
COMPARE = ("line", "clause", "keywords")
# Tone particles and intensifiers change nothing about which line it is:
# 「非常抱歉哈亲」 is 「抱歉」 said again.
_PARTICLES = "亲哦呢了哈啊呀吧的嘛哟噢喔啦哒滴呐"
_INTENSIFIERS = frozenset("非常 十分 实在 真的 特别 很 真是 万分 确实 太".split())
# Words every agent line is made of; two proposals are the same by what they offer, not by these.
_FILLER = frozenset(
    "您 你 我 我们 这边 那边 我这边 可以 一下 一个 已经 还是 建议 就是 这个 那个 什么 给您 帮您 为您 的话 "
    "现在 如果 因为 所以 但是 不过 确实 真的 只能 最多 可能 应该 需要 麻烦 看看 试试 就行 就好 就可以 "
    "可以的 没问题 好的 一定 马上 非常 这样 那样 还有 然后 直接 先 再 也 都 就 还 要 会 能 很 是 在 有 "
    # Apologies and sympathy wrap every proposal; they are not what is offered.
    "抱歉 不好意思 对不起 对不住 理解 理解您 明白 建议您 您看 要不 比较 其实 基本".split()
)


# One-character words that say nothing about what is offered; others (券, 蛋, 包) do.
# A count (两个, 三次, 几种) says how many, not what: 「两个途径」 and 「两个月没分成」 share nothing.
_COUNT = re.compile(r"[一二两三四五六七八九十百几每多半]+[个次种条件位份样项]")
_FUNCTION_CHARS = frozenset("的了是在有我你您他她它们这那就也都还和与或及把被给让向对从到为以于而且但不没很太"
                            "更最吗呢吧啊呀哦嘛哈亲个些点下上中里后前来去说看想要会能可好行先再又才只元张次已请")


_NEGATION = frozenset("不没别未")
_NEGATION_REACH = 2  # characters before a word a negation may stand in: 「不拔牙」


@dataclass(frozen=True)
class Settings:
    max: int
    similarity: float
    only: frozenset[str] | None
    after_customer: frozenset[str] | None
    customer_accepts: frozenset[str]
    customer_objects: frozenset[str]
    ignore: frozenset[str]
    compare: str
    unless_opening: frozenset[str]
    unless_reply: frozenset[str]
    declines: frozenset[str]
    offers: frozenset[str]
    called_same: frozenset[str]
    # A line that acknowledges the refusal and turns (「明白,那给您按未学课时退款」) is the same proposal
    # only when it shares as much as `turning_similarity` of it.
    turning: tuple[UserPattern, ...]
    turning_similarity: float


@dataclass
class _Line:
    wordings: list[frozenset[str]]  # every wording it was used in: the next may echo any of them
    uses: int
    last: int
    refused: bool = False
    reported: bool = False


def settings(fields: Fields, context: CompileContext) -> Settings:
    compare = fields.choice("compare", COMPARE, "line")
    if compare == "clause" and not fields.has("only"):
        raise fields.error("compare", "compare: clause needs `only` (the words that mark the clause)")
    similarity = fields.number("similarity", 0.8, minimum=0)
    if similarity > 1:
        raise fields.error("similarity", f"must be between 0 and 1, got {similarity}")
    turning_similarity = fields.number("turning_similarity", similarity, minimum=0)
    if turning_similarity > 1:
        raise fields.error("turning_similarity", f"must be between 0 and 1, got {turning_similarity}")
    return Settings(
        max=int(fields.number("max", 2, minimum=1)),
        similarity=float(similarity),
        only=context.phrases(fields, "only") if fields.has("only") else None,
        after_customer=context.phrases(fields, "after_customer") if fields.has("after_customer") else None,
        customer_accepts=context.phrases(fields, "customer_accepts"),
        customer_objects=context.phrases(fields, "customer_objects"),
        ignore=context.phrases(fields, "ignore"),
        compare=compare,
        unless_opening=context.phrases(fields, "unless_opening"),
        unless_reply=context.phrases(fields, "unless_reply"),
        declines=context.phrases(fields, "declines"),
        offers=context.phrases(fields, "offers"),
        called_same=context.phrases(fields, "called_same"),
        turning=combine(fields.patterns("turning")),
        turning_similarity=float(turning_similarity),
    )


def check(settings: Settings, view: ConversationView) -> Iterator[Hit]:
    if not _could_repeat(settings, view):  # most conversations end here, without tokenizing
        return
    by_agent: dict[str | None, list[_Line]] = {}  # each agent's own repeats: a transfer starts afresh
    similar: Callable[[frozenset[str], frozenset[str]], float] = {
        "keywords": _overlap, "clause": _contained, "line": _jaccard}[settings.compare]
    requested = _request_words(view) if settings.after_customer is not None else frozenset()
    for index in view.indices("agent"):
        text = view.texts[index]
        if settings.only is not None and not text.has_any(settings.only):
            continue
        if settings.unless_opening and _opens_with(text, settings.unless_opening) and not _turns_to_own(text):
            # 「可以的,周六下午2点师傅上门」 settles what came before: earlier answers no longer count
            for line in by_agent.get(view.messages[index].agent, []):
                line.last = index
            continue
        if settings.unless_reply and text.has_any(settings.unless_reply):
            continue
        lines = by_agent.setdefault(view.messages[index].agent, [])
        turning = _turns(settings, text)
        needed = settings.turning_similarity if turning else settings.similarity
        for words in _units(settings, text):
            words = words - requested
            if not words:
                continue
            line = next((line for line in lines
                         if any(similar(words, wording) >= needed for wording in line.wordings)), None)
            if line is None and settings.after_customer is not None and not turning:
                # 「我不要红包」 then 「红包是可以叠加满减的」: what the customer turned down by name, offered again;
                # 「明白~那我给您寄个上门取件,师傅帮您调好」 after 「不想自己调」 names it in turning away from it
                line = next((line for line in lines
                             if line.last != index and _mentions(text, words, _named(settings, view, line, index))), None)
            if line is None and settings.called_same and _called_same(settings, view, index):
                # 「这不还是重启吗」: the customer hears the refused offer in 「把电源拔了再插上」
                line = next((line for line in lines
                             if _customer_answer(settings, view, line, index) is _Answer.REFUSED), None)
            if line is None:
                if not settings.offers or _offering(settings, text):
                    lines.append(_Line([words], 1, index))
                continue
            if line.last == index:
                continue
            if settings.offers and _only_asks(settings, text):
                line.last = index  # 「您的电池是2.0还是4.0的?」 asks; it offers nothing again
                continue
            if settings.after_customer is not None:
                answer = _customer_answer(settings, view, line, index)
                if answer in (_Answer.NONE, _Answer.ACCEPTED):
                    line.last = index
                    continue
                line.refused = line.refused or answer is _Answer.REFUSED
            line.uses += 1
            line.last = index
            line.wordings.append(words)
            if line.uses > settings.max and not line.reported and (line.refused or settings.after_customer is None):
                line.reported = True
                yield Hit(index, match=view.messages[index].text, values={"count": line.uses, "max": settings.max})


def _called_same(settings: Settings, view: ConversationView, index: int) -> bool:
    """The customer's answer to the line says it is the same offer again: 「这不还是重启吗」「又是等」."""
    for after in range(index + 1, len(view.messages)):
        if view.messages[after].role == "agent":
            return False
        if view.messages[after].role == "customer" and view.texts[after].has_any(settings.called_same):
            return True
    return False


def _named(settings: Settings, view: ConversationView, line: _Line, before: int) -> frozenset[str]:
    """What of a proposal the customer named in answering it: 红包 in 「我不要红包」, 等 in 「不想等了」."""
    offered = frozenset().union(*line.wordings)
    said = view.memo.setdefault(("said", id(settings)), {})  # each customer line's keywords, once
    named: set[str] = set()
    for index in range(line.last + 1, before):
        if view.messages[index].role != "customer":
            continue
        if index not in said:
            said[index] = _said(settings, view.texts[index])
        named.update(_shared(said[index], offered))
    return frozenset(named)


def _said(settings: Settings, text: MessageText) -> frozenset[str]:
    """A customer line's content words; a clause that picks one (「退款吧,不想要了」) names what the
    customer takes, not what they turn down."""
    return _keywords(settings, text, [(0, len(text.norm))], skip=_choosing(settings, text))


def _choosing(settings: Settings, text: MessageText) -> list[tuple[int, int]]:
    """Clauses that take something: 「退款吧」「好的」, but not 「周五不行」 or 「不可以」, nor a clause
    that says no (「没有合适的人可以转」)."""
    taken = [start for _, start in _found(text, settings.customer_accepts) if not _negated(text.norm, start)]
    if taken:  # most customer lines take nothing: no need to look for denials
        denied = _denials(text)
        taken = [start for start in taken if not any(first <= start < end for first, end in denied)]
    return _clauses_at(text, taken) + _picked(text)


def _picked(text: MessageText) -> list[tuple[int, int]]:
    """Clauses that pick one: 「退款吧」「那就顺丰吧」, not a doubt (「根本没有靠谱的转接环吧」) or a
    guess (「现场换要排好久吧」)."""
    return [(start, end) for start, end in text.clauses
            if text.norm[start:end].endswith("吧") and not _NEGATION.intersection(text.norm[start:end])
            and not any(word in text.norm[start:end] for word in _GUESSING)]


def _shared(said: frozenset[str], offered: frozenset[str]) -> set[str]:
    """Words in both, a word inside a longer one counting (等 in 等等), each as its shorter form."""
    return {min(mine, theirs, key=len) for mine in said for theirs in offered if mine in theirs or theirs in mine}


def _mentions(text: MessageText, words: frozenset[str], named: frozenset[str]) -> bool:
    """The line says again what the customer turned down by name; said under a negation
    (「不拔牙的话可以扩弓」 after 「我不想拔牙」) it grants the customer's wish instead."""
    # 「群里说不方便」 named 不方便, which 「您看周几方便」 does not offer again
    named = frozenset(name for name in named if name[0] not in _NEGATION)
    return any(_said_plainly(text.norm, word)
               for word in words if any(_same_thing(name, word) for name in named))


def _same_thing(name: str, word: str) -> bool:
    """One word holds the other (插紧 and 插); a number is only itself: 20 (「减20」) is not 120."""
    if name.isdigit() or word.isdigit():
        return name == word
    return name in word or word in name


def _said_plainly(norm: str, word: str) -> bool:
    """Somewhere without a negation just before it (a word the line does not spell counts as said)."""
    start = norm.find(word)
    if start < 0:
        return True
    while start >= 0:
        if not _NEGATION.intersection(_before(norm, start)):
            return True
        start = norm.find(word, start + 1)
    return False


def _before(norm: str, start: int) -> str:
    """The characters a negation of the word would stand in; 「不过」 (but) negates nothing."""
    window = norm[max(0, start - _NEGATION_REACH - 1):start].replace("不过", "  ")
    return window[-_NEGATION_REACH:]


def _request_words(view: ConversationView) -> frozenset[str]:
    """Words of what the customer asked for before any reply (「我要把宽带注销了」): doing what
    they asked is not a proposal they turned down. What they said no to (「我不想刷脸」) and what they
    report (「你们说要换总成」「快递显示放驿站了」) is not asked for."""
    words: set[str] = set()
    for index, message in enumerate(view.messages):
        if message.role == "agent":
            break
        if message.role == "customer":
            text = view.texts[index]
            denied = _denials(text)
            reported = [(start, end) for start, end in text.clauses if _REPORTED.search(text.norm, start, end)]
            words.update(_words(token for token, offset in text.token_spans()
                                if not any(start <= offset < end for start, end in denied + reported)))
    return frozenset(words)


def _turns(settings: Settings, text: MessageText) -> bool:
    """The line opens by acknowledging the refusal and turning: 「明白,那…」."""
    return any(pattern.search(text.norm) is not None for pattern in settings.turning)


def _could_repeat(settings: Settings, view: ConversationView) -> bool:
    """More than `max` candidate lines, and (with after_customer) a refusal somewhere."""
    candidates = sum(
        1 for index in view.indices("agent")
        if settings.only is None or view.texts[index].has_any(settings.only)
    )
    if candidates <= settings.max:
        return False
    if settings.after_customer is None:
        return True
    return any(view.texts[index].has_any(settings.after_customer) for index in view.indices("customer"))


def _units(settings: Settings, text: MessageText) -> list[frozenset[str]]:
    """What is compared: the whole line, each clause holding an `only` word, or the line's keywords."""
    if settings.compare == "keywords":
        # 「拆开的不能换哦,送您一包湿巾」 offers the wet wipes; the clause saying no offers nothing,
        # and a policy said again (「需要机主本人授权」) is not a proposal pushed again.
        keywords = _keywords(settings, text, [(0, len(text.norm))], skip=_clauses_with(text, settings.declines))
        return [keywords] if keywords else []
    spans = text.token_spans()
    if settings.compare == "clause":
        assert settings.only is not None
        marked = [
            (start, end) for start, end in text.clauses
            if any(start <= hit and hit + len(word) <= end
                   for word, hits in text.hits.items() if word in settings.only for hit in hits)
        ]
        units = [_pairs(t for t, offset in spans if start <= offset < end) for start, end in marked]
    else:
        units = [_words(t for t, _ in spans)]
    return [unit for unit in units if unit]


def _keywords(settings: Settings, text: MessageText, within: Sequence[tuple[int, int]],
              skip: Sequence[tuple[int, int]] = ()) -> frozenset[str]:
    """The content words inside the spans, leaving out `ignore` phrases and the skipped spans."""
    ignored = text.covered_by(settings.ignore)
    ignored.update(position for start, end in skip for position in range(start, end))
    kept = (token for token, offset in text.token_spans()
            if any(start <= offset < end for start, end in within)
            and ignored.isdisjoint(range(offset, offset + len(token))))
    return frozenset(t for t in _words(kept)
                     if t not in _FILLER and not _COUNT.fullmatch(t) and (len(t) > 1 or t not in _FUNCTION_CHARS))


def _offering(settings: Settings, text: MessageText) -> list[int]:
    """Where the line's offer words start, leaving out those inside an `ignore` phrase (给您 in
    「抱歉给您带来不便」, 可以帮您 in 「请问有什么可以帮您」), those negated (「不要再吃东西了」
    and 「不可以退」 forbid) and those in a clause that declines (「晚上10点没办法安排」): they offer nothing."""
    ignored = text.covered_by(settings.ignore)
    declined = _clauses_with(text, settings.declines)
    return [start for phrase, start in _found(text, settings.offers)
            if not ignored.issuperset(range(start, start + len(phrase))) and not _negated(text.norm, start)
            and not any(first <= start < end for first, end in declined)]


def _negated(norm: str, start: int) -> bool:
    """A negation right before the word: 「不行」「不可以」「别再」「不要再」."""
    return (start > 0 and norm[start - 1] in _NEGATION) or norm[max(0, start - 2):start] in _FORBIDDING


def _found(text: MessageText, phrases: frozenset[str]) -> list[tuple[str, int]]:
    """Each of the phrases the line holds, with where it starts."""
    return [(phrase, start) for phrase, starts in text.hits.items() if phrase in phrases for start in starts]


def _clauses_with(text: MessageText, phrases: frozenset[str]) -> list[tuple[int, int]]:
    return _clauses_at(text, [start for _, start in _found(text, phrases)])


def _clauses_at(text: MessageText, starts: list[int]) -> list[tuple[int, int]]:
    """The clauses holding any of these offsets."""
    return [(start, end) for start, end in text.clauses if any(start <= at < end for at in starts)]


def _words(tokens: Iterable[str]) -> frozenset[str]:
    return frozenset(_kept(tokens))


def _kept(tokens: Iterable[str]) -> list[str]:
    stripped = (t.strip(_PARTICLES) for t in tokens if MASK not in t and not is_wordless(t))
    return [t for t in stripped if t and t not in _INTENSIFIERS]


def _pairs(tokens: Iterable[str]) -> frozenset[str]:
    """A clause as its pairs of characters: jieba cuts 「请您耐心等待」 as 请您耐心/等待 and
    「请您再耐心等待一下」 with 耐心等待 whole; the pairs are the same whatever the cut."""
    joined = "".join(_kept(tokens))
    return frozenset(joined[i:i + 2] for i in range(len(joined) - 1)) if len(joined) > 1 else frozenset(joined)


def _openings(text: MessageText, phrases: frozenset[str]) -> list[tuple[str, int]]:
    """The phrases in the line's opening (after a short greeting such as 「亲,」), with where they start."""
    return [(phrase, start) for phrase, start in _found(text, phrases) if start <= 2]


def _opens_with(text: MessageText, phrases: frozenset[str]) -> bool:
    return bool(_openings(text, phrases))


def _turns_to_own(text: MessageText) -> bool:
    """After agreeing, the line turns to a proposal of the agent's own: 「可以的,不过外面买的锁我们不保质量,
    建议您直接用我们店的」「可以的,家里有人在就行。如果不方便的话,我给您把铺贴改到下周一怎么样?」
    propose; they do not only do what the customer asked."""
    return _OWN_PROPOSAL.search(text.norm) is not None


# 「不过…建议」 advises against what was asked; 「如果…怎么样?」 asks the customer to take another
# way (「如果明显变小,就建议拆机」 only tells what to do once they have checked)
_OWN_PROPOSAL = re.compile("(?:不过|但是).*建议|(?:如果|要是).*(?:怎么样|要不)")


def _contained(left: frozenset[str], right: frozenset[str]) -> float:
    """Share of the shorter clause found in the other: 「请您耐心等待」 is said again inside
    「其他的就只能请您耐心等待哦」. A one-word clause (「抱歉」) is matched whole."""
    shorter, longer = sorted((left, right), key=len)
    if len(shorter) < 2:
        return _jaccard(left, right)
    return len(shorter & longer) / len(shorter)


def _jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    return len(left & right) / len(left | right)


def _overlap(left: frozenset[str], right: frozenset[str]) -> float:
    """Share of the shorter line's keywords found in the other, a word inside a longer one
    counting (券 in 优惠券, 换 in 换码): jieba cuts the same offer differently."""
    shorter, longer = sorted((left, right), key=len)
    if shorter.isdisjoint(longer):  # parts of words alone are too weak a link
        return 0.0
    shared = sum(1 for word in shorter if any(word in other or other in word for other in longer))
    return shared / len(shorter)


class _Answer(Enum):
    NONE = "no answer"
    ACCEPTED = "accepted"
    REFUSED = "refused"
    NOT_ACCEPTED = "not accepted"


def _customer_answer(settings: Settings, view: ConversationView, line: _Line, before: int) -> _Answer:
    """How the customer met a proposal between two uses of it.

    A line opening with agreement (「好的,那就换吧」) or by picking what was offered (「退款吧,不想要了」)
    takes it. A refusal word turns it down, and so does an objection that names it (「补发的还不是一样小,
    我要退差价」). Another objection (「我要的是零件」「城西也远」) has not taken it; anything else
    (「检测要多久?」「啊这么快」, a picture) is no answer yet.
    """
    assert settings.after_customer is not None
    answers = [view.texts[index] for index in range(line.last + 1, before) if view.messages[index].role == "customer"]
    offered = frozenset().union(*line.wordings)
    # 「行,别再搞错了」 takes it: agreement that opens the line outweighs what follows.
    if any(_agrees(text, settings.customer_accepts) or _picks(settings, text, offered) for text in answers):
        return _Answer.ACCEPTED
    if any(_turns_down(text, settings.after_customer) for text in answers):
        return _Answer.REFUSED
    if any(_objects(text, settings.customer_objects) for text in answers):
        return _Answer.REFUSED if _named(settings, view, line, before) else _Answer.NOT_ACCEPTED
    # 「上午不在家啊」「我没有信用卡」: a line that says no and names the offer turns it down;
    # 「视频里没说」 after 「总阀在哪」 says no to something else.
    if _offers(settings, view.texts[line.last]) and any(
            _denials(text) and _shared(_said(settings, text), offered) for text in answers):
        return _Answer.REFUSED
    return _Answer.NONE


def _picks(settings: Settings, text: MessageText, offered: frozenset[str]) -> bool:
    """The line opens by choosing something that was offered: 「退款吧,不想要了」."""
    first = text.clauses[:1]
    return bool(first) and first[0] in _picked(text) and bool(_shared(_keywords(settings, text, first), offered))


def _turns_down(text: MessageText, refusals: frozenset[str]) -> bool:
    """A refusal word that is not asked back: 「要不要先解冻」 and 「一节没看也不行吗」 ask, they do not
    refuse, and 「房东会不会不同意」 wonders."""
    return any(not (phrase[0] in _NEGATION and either_or(text.norm, start))  # 要不要, 行不行, 用不用
               and not _in_question(text, start) and not _supposes(text.norm, *_clause_at(text, start))
               for phrase, start in _found(text, refusals))


def _supposes(norm: str, start: int, end: int) -> bool:
    """The clause supposes: 「如果专柜不给鉴定呢」「房东会不会不同意」; a negated word does not
    (「不可能分包」 is sure)."""
    clause = norm[start:end]
    return any(not _negated(clause, found.start())
               for word in _SUPPOSING for found in re.finditer(word, clause))


def _clause_at(text: MessageText, at: int) -> tuple[int, int]:
    """The clause holding the offset (the whole line if none does)."""
    return next(iter(_clauses_at(text, [at])), (0, len(text.norm)))


def _objects(text: MessageText, objections: frozenset[str]) -> bool:
    """An objection word in a clause that states it: 「也不行吗」 pleads, it does not object."""
    return any(not _in_question(text, start) for _, start in _found(text, objections))


def _in_question(text: MessageText, at: int) -> bool:
    """The clause holding the offset is a question."""
    return _asked(text.norm, *_clause_at(text, at))


# A negation in these says nothing against the proposal: 「没问题」「不错」「不好意思」, is unsure
# rather than unwilling (「我不知道要不要做」), or owns having missed something (「预售?我没注意」).
_HARMLESS_NEGATIONS = ("不错", "没问题", "没事", "不客气", "没关系", "不用谢", "不好意思", "不知道", "不清楚", "不确定",
                       "没注意", "没留意", "别人", "别的", "别家", "别处", "未来")
# Words that end in a negation character without negating anything.
_NOT_NEGATIONS = frozenset({"特别", "区别", "分别", "级别", "类别", "差别", "告别", "识别", "性别", "个别"})
# Two characters before a word that negate it: 「不要再」「不用再」「无法再」.
_FORBIDDING = ("不要", "不用", "不能", "不必", "无法", "没法")
# A clause that tells what was said or shown (「你们说要换总成」「快递显示放驿站了」) asks for nothing.
_REPORTED = re.compile("你们说|说要|说是|显示|(?:师傅|客服|他|她|人|员|家|老板|医生|老师)说")
# 「那是改期还是只做一部分」 asks which one
_CHOICE = re.compile("那?是.+还是")
# A clause ending in 吧 that guesses rather than picks: 「要排好久吧」「应该很贵吧」「补了会有一道疤吧」.
_GUESSING = ("好久", "很久", "应该", "估计", "可能", "大概", "会有")
# A clause that supposes (「如果专柜不给鉴定呢」) asks and one that hedges (「这周可能去不了」, when asked
# about Saturday's doctor) tells; neither turns anything down.
_SUPPOSING = ("如果", "要是", "万一", "会不会", "可能")


def _offers(settings: Settings, text: MessageText) -> bool:
    """The line holds an offer (「您可以先关总阀」「周六上午可以吗?」) and does not end on a question for
    the customer (「有没有受潮?」), which 「没受潮」 answers rather than turns down."""
    offering = _offering(settings, text)
    clauses = text.clauses
    if not offering or not clauses:
        return False
    start, end = clauses[-1]
    last = text.norm[start:end]
    asks = _asked(text.norm, start, end) or any(word in last for word in ("是不是", "有没有", "还是")) or last[-1] == "呢"
    return not asks or any(start <= at < end for at in offering)


def _only_asks(settings: Settings, text: MessageText) -> bool:
    """The line ends on a question and holds no offer word."""
    clauses = text.clauses
    return bool(clauses) and _asked(text.norm, *clauses[-1]) and not _offering(settings, text)


def _denials(text: MessageText) -> list[tuple[int, int]]:
    """The clauses that state a negation, not ask one: 「上午不在家啊」「我没有信用卡」, not 「能不能」
    「要是不给鉴定呢?」."""
    norm = text.norm
    return [
        (start, end) for start, end in text.clauses
        if not (_asked(norm, start, end) or _supposes(norm, start, end))
        and any(norm[at] in _NEGATION and not either_or(norm, at) and not _harmless(norm, at) for at in range(start, end))
    ]


def _harmless(norm: str, at: int) -> bool:
    """The negation character says no to nothing: 「没问题」「不好意思」, or it is part of a word:
    别 in 「别人用过的」「特别」."""
    return any(norm.startswith(word, at) for word in _HARMLESS_NEGATIONS) or norm[max(0, at - 1):at + 1] in _NOT_NEGATIONS


def _asked(norm: str, start: int, end: int) -> bool:
    """The clause is a question: it ends in 吗/么 or a question mark, asks 「那…呢」
    (「那我收到货不满意呢」), asks why or how (「为什么普通仓不行」「那为什么有人说没用」
    「怎么没看到领券」) or which one (「那是改期还是只做一部分」)."""
    return (norm[end - 1] in "吗么" or norm[end:end + 1] == "?" or (norm[start] == "那" and norm[end - 1] == "呢")
            or norm.startswith(("为什么", "为啥", "那为什么", "那为啥", "怎么", "那怎么"), start)
            or norm.endswith(("怎么办", "咋办", "怎么弄", "咋弄"), start, end)
            or _CHOICE.match(norm, start, end) is not None)


def _agrees(text: MessageText, phrases: frozenset[str]) -> bool:
    """The line opens with agreement that nothing before it negates (「可以」, not 「不可以」) and that
    is a word of its own (「好,那就换吧」, not 「好几遍了」)."""
    openings = [(phrase, start) for phrase, start in _openings(text, phrases)
                if not _NEGATION.intersection(text.norm[:start])]
    if not openings:  # most answers end here, without tokenizing
        return False
    word_ends = {offset + len(token) for token, offset in text.token_spans()}
    return any(start + len(phrase) in word_ends for phrase, start in openings)
