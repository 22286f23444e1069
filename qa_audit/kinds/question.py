"""`question`: rhetorical and interrogating questions (反问、质问) as token sequences with gaps."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

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
    return Settings(
        role=fields.choice("role", ("agent", "customer"), "agent"),
        sequences=tuple(sequences),
        words=context.index.register(words),
        max_gap=int(fields.number("max_gap", 4, minimum=0)),
        unless=context.phrases(fields, "unless"),
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
    return [s for s in settings.sequences if all(not present.isdisjoint(element) for element in s)]


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


def _match_sequence(sequence: Sequence, sentence: list[tuple[str, int]], max_gap: int) -> tuple[int, int] | None:
    for begin in range(len(sentence)):
        end = _element_at(sequence[0], sentence, begin, last=len(sequence) == 1)
        if end is None:
            continue
        matched = True
        for number, element in enumerate(sequence[1:], start=2):
            found = None
            for candidate in range(end, min(end + max_gap + 1, len(sentence))):
                found = _element_at(element, sentence, candidate, last=number == len(sequence))
                if found is not None:
                    break
            if found is None:
                matched = False
                break
            end = found
        if matched:
            last_token, last_offset = sentence[end - 1]
            return sentence[begin][1], last_offset + len(last_token)
    return None


def _element_at(alternatives: tuple[str, ...], sentence: list[tuple[str, int]], at: int, last: bool) -> int | None:
    """Token index just past the element if it matches at token `at`."""
    for alternative in alternatives:
        joined = ""
        for width in range(_MAX_JOIN):
            if at + width >= len(sentence):
                break
            joined += sentence[at + width][0]
            if joined == alternative or (joined.startswith(alternative) and not joined[len(alternative):].strip(_PARTICLES)):
                return at + width + 1
            # Another rule's word may have fused more onto it (不会看): a word of two or more
            # characters still matches the start of a token.
            if width == 0 and len(alternative) > 1 and joined.startswith(alternative):
                return at + 1
            if not alternative.startswith(joined):
                break
        # A closing particle fused into a word still closes the question: 好了吗 = 好了 + 吗.
        if (last and len(alternative) == 1 and sentence[at][0].endswith(alternative)
                and not sentence[at][0].endswith(_NOT_PARTICLES)):
            return at + 1
    return None
