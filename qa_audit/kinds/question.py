"""`question`: rhetorical and interrogating questions (反问、质问) as token sequences with gaps."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Iterator

from ..schema import RuleError
from ..text import is_wordless, normalize
from ..view import ConversationView, Hit

if TYPE_CHECKING:
    from ..rulebook import CompileContext
    from ..schema import Fields
    from ..text import MessageText

PLACEHOLDERS = frozenset()
# A rhetorical question lives in one clause: 「不是的,您收到了吗」 is two.
_SENTENCE_ENDS = set("\u3002\u3001!?;\u2026\n.,")
_MAX_JOIN = 4  # an element may span this many jieba tokens ("还不明白" → 还/不/明白)
# A word keeps its meaning with a particle fused on: 「理解的」 is 「理解」 for matching.
_PARTICLES = "的了吗呢啊吧嘛呀哦"

Sequence = tuple[tuple[str, ...], ...]  # elements, each a tuple of alternatives


@dataclass(frozen=True)
class Settings:
    role: str
    sequences: tuple[Sequence, ...]
    words: frozenset[str]  # every alternative of every element, registered in the phrase index
    max_gap: int
    unless: frozenset[str]
    # Each sequence under the words of its first element: a message is checked only against the
    # sequences it can start, so the cost per message does not grow with the number of sequences.
    by_first_word: dict[str, tuple[int, ...]] = field(compare=False)


def settings(fields: Fields, context: CompileContext) -> Settings:
    raw = fields.raw("sequences")
    if not isinstance(raw, list) or not raw:
        raise fields.error("sequences", "expected a list of token sequences")
    sequences = []
    for position, item in enumerate(raw):
        def problem(text: str) -> RuleError:
            line = raw.lines[position] if hasattr(raw, "lines") else fields.line_of("sequences")
            return RuleError(fields.file, line, f"{fields.where}.sequences[{position}]", text)

        if isinstance(item, str):
            item = item.split()
        if not isinstance(item, list) or not item:
            raise problem("a sequence is a list of words, e.g. [难道, 吗]")
        elements = []
        for element in item:
            alternatives = element.split("|") if isinstance(element, str) else element
            if not isinstance(alternatives, list | tuple) or not all(isinstance(a, str) and a for a in alternatives):
                raise problem(f"an element is a word or a list of words, got {element!r}")
            elements.append(tuple(normalize(a) for a in alternatives))
        sequences.append(tuple(elements))
    words = [alternative for sequence in sequences for element in sequence for alternative in element]
    context.jieba.add_words(w for w in words if len(w) > 1)
    by_first_word: dict[str, list[int]] = {}
    for position, sequence in enumerate(sequences):
        for word in sequence[0]:
            by_first_word.setdefault(word, []).append(position)
    return Settings(
        role=fields.choice("role", ("agent", "customer"), "agent"),
        sequences=tuple(sequences),
        words=context.index.register(words),
        max_gap=int(fields.number("max_gap", 4, minimum=0)),
        unless=context.phrases(fields, "unless"),
        by_first_word={word: tuple(positions) for word, positions in by_first_word.items()},
    )


def check(settings: Settings, view: ConversationView) -> Iterator[Hit]:
    for index in view.indices(settings.role):
        text = view.texts[index]
        candidates = _possible(settings, text)
        if not candidates:  # most messages end here, without tokenizing
            continue
        span = _first_match(candidates, settings, text)
        if span is not None:
            start, end = span
            yield Hit(index, match=view.messages[index].text[start:end], start=start)


def _possible(settings: Settings, text: MessageText) -> list[Sequence]:
    """Sequences each of whose elements occurs somewhere in the text: the only ones that can match."""
    present = settings.words.intersection(text.hits)
    if not present:
        return []
    positions = sorted({position for word in present for position in settings.by_first_word.get(word, ())})
    return [settings.sequences[position] for position in positions
            if all(not present.isdisjoint(element) for element in settings.sequences[position])]


def _first_match(sequences: list[Sequence], settings: Settings, text: MessageText) -> tuple[int, int] | None:
    for sentence in _sentences(text.tokens):
        for sequence in sequences:
            span = _match_sequence(sequence, sentence, settings.max_gap)
            if span is not None and not (settings.unless and text.sentence_has(span[0], settings.unless)):
                return span
    return None


def _sentences(tokens: list[str]) -> Iterator[list[tuple[str, int]]]:
    """Sentences as lists of (token, offset), without punctuation-only tokens."""
    sentence: list[tuple[str, int]] = []
    offset = 0
    for token in tokens:
        if any(char in _SENTENCE_ENDS for char in token) and is_wordless(token):
            if sentence:
                yield sentence
            sentence = []
        elif not is_wordless(token):
            sentence.append((token, offset))
        offset += len(token)
    if sentence:
        yield sentence


# Words that end in a particle's character without closing a question: 「不是什么大问题」.
_NOT_PARTICLES = ("什么", "怎么", "那么", "这么", "多么", "要么")


@dataclass(frozen=True)
class _End:
    """Where an element's match ends: token `token`, `inside` characters in (0: at its start).

    jieba keeps some words whole that a sequence names in parts (还用说 for [还用, 说], 不知道 for
    [不, 知道]), so an element may end inside a token and the next one start there. `runs_on` says
    the element may also be followed from the next tokens: the rest of the token is a particle
    (懂吗) or another word fused onto a word of two or more characters (不会看).
    """

    token: int
    inside: int = 0
    runs_on: bool = False


def _match_sequence(sequence: Sequence, sentence: list[tuple[str, int]], max_gap: int) -> tuple[int, int] | None:
    for begin in range(len(sentence)):
        end = _match_from(sequence, 0, sentence, [_End(begin)], max_gap)
        if end is None:
            continue
        if end.inside:  # the last element ran on into its token: the match takes the whole token
            token, offset = sentence[end.token]
            return sentence[begin][1], offset + len(token)
        last_token, last_offset = sentence[end.token - 1]
        return sentence[begin][1], last_offset + len(last_token)
    return None


def _match_from(sequence: Sequence, number: int, sentence: list[tuple[str, int]], starts: Iterable[_End],
                max_gap: int) -> _End | None:
    """Where the sequence's elements from `number` on end, the element starting at one of `starts`."""
    last = number == len(sequence) - 1
    for start in starts:
        for end in _element_ends(sequence[number], sentence, start, last):
            if last:
                return end
            found = _match_from(sequence, number + 1, sentence, _followers(end, len(sentence), max_gap), max_gap)
            if found is not None:
                return found
    return None


def _followers(end: _End, length: int, max_gap: int) -> Iterator[_End]:
    """Where the next element may start after `end`: inside the same token, then up to max_gap tokens on."""
    if end.inside:
        yield end
        if not end.runs_on:
            return
        first = end.token + 1
    else:
        first = end.token
    for token in range(first, min(first + max_gap + 1, length)):
        yield _End(token)


def _element_ends(alternatives: tuple[str, ...], sentence: list[tuple[str, int]], at: _End, last: bool) -> list[_End]:
    """Where the element may end if it starts at `at`: whole tokens first, then inside one."""
    whole: list[_End] = []
    inside: list[_End] = []
    for alternative in alternatives:
        joined = ""
        for width in range(_MAX_JOIN):
            index = at.token + width
            if index >= len(sentence):
                break
            joined += sentence[index][0][at.inside:] if width == 0 else sentence[index][0]
            if joined == alternative:
                whole.append(_End(index + 1))
                break
            if joined.startswith(alternative):
                rest = joined[len(alternative):]
                runs_on = not rest.strip(_PARTICLES) or (width == 0 and at.inside == 0 and len(alternative) > 1)
                if runs_on or not last:
                    inside.append(_End(index, len(sentence[index][0]) - len(rest), runs_on))
                break
            if not alternative.startswith(joined):
                break
        # A closing particle fused into a word still closes the question: 好了吗 = 好了 + 吗.
        token = sentence[at.token][0][at.inside:]
        if (last and len(alternative) == 1 and token.endswith(alternative)
                and not token.endswith(_NOT_PARTICLES)):
            whole.append(_End(at.token + 1))
    return whole + inside
