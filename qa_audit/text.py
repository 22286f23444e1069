"""The text layer: width folding, emoticon masking, lazy jieba tokens, sentences."""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    import jieba

# Full-width ASCII (!..~) and the ideographic space fold to ASCII; A-Z folds to a-z.
# Every mapping is one character to one character, so offsets into the folded text are
# offsets into the original and a match can be highlighted where the agent typed it.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20
_FOLD.update({code: code + 32 for code in range(ord("A"), ord("Z") + 1)})
_FOLD.update({code: code - 0xFEE0 + 32 for code in range(0xFF21, 0xFF3B)})

MASK = "\ufffc"  # OBJECT REPLACEMENT CHARACTER: a symbol, never part of a phrase

# Platform emoticon codes and media placeholders. jieba splits "[微笑]" into "[", "微笑", "]",
# so they are masked before any phrase matching or tokenizing.
_EMOTICON = re.compile(
    r"\[[\u4e00-\u9fffa-z]{1,5}\]"  # [微笑] [图片] [ok] (bracket codes, after folding)
    r"|/:[!-~]{1,8}"  # Taobao/Wangwang codes: /:^_^ /:814 /:-f
    r"|#e-[a-z]\d{1,3}"  # JD codes: #E-s21
)
_EMOTICON_STARTS = ("[", "/:", "#e-")

_SENTENCE_END = re.compile(r"[。!?;…\n]+|(?<![0-9])\.(?![0-9])")


def _traditional_to_simplified() -> dict[int, int]:
    """OpenCC's traditional → simplified mapping, one character to one character.

    Each character is converted on its own line, so no phrase conversion can change a length:
    HK/TW text is matched in simplified form while every offset still points into the original.
    """
    import opencc

    chars = [chr(code) for code in range(0x3400, 0xA000)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    return {ord(a): ord(b) for a, b in zip(chars, converted) if len(b) == 1 and a != b}


_TABLE: dict[int, int] | None = None


def fold(text: str) -> str:
    """Full-width to half-width, A-Z to a-z, traditional to simplified Chinese; same length."""
    global _TABLE
    if _TABLE is None:
        _TABLE = {**_traditional_to_simplified(), **_FOLD}
    return text.translate(_TABLE)


def fold_pattern(source: str) -> str:
    """A regex written for the original text, made to match the folded text.

    Full-width letters and digits fold like the text; full-width punctuation becomes the escaped
    ASCII character (「？」 → \\?), since unescaped it would turn into regex syntax.
    """
    folded = []
    for char in source:
        code = ord(char)
        if 0xFF01 <= code <= 0xFF5E:
            ascii_char = chr(code - 0xFEE0)
            folded.append(ascii_char.lower() if ascii_char.isalnum() else re.escape(ascii_char))
        elif code == 0x3000:
            folded.append(" ")
        else:
            folded.append(char)
    return "".join(folded)


def mask_emoticons(text: str) -> str:
    """Replace emoticon codes and placeholders with MASK, keeping every offset."""
    if not any(start in text for start in _EMOTICON_STARTS):
        return text
    return _EMOTICON.sub(lambda m: MASK * len(m.group()), text)


def normalize(text: str) -> str:
    """The form rules match against: folded, emoticons masked, same length as the input."""
    return mask_emoticons(fold(text))


def is_wordless(text: str) -> bool:
    """True when the text has no words: only emoji, codes, punctuation, space, and the Greek,
    Cyrillic and kana letters that draw faces (「∑(°Д°ノ)ノ」「(´・ω・`)」)."""
    for char in text:
        category = unicodedata.category(char)
        if category[0] == "N" or (category[0] == "L" and not _face_letter(char)):
            return False
    return True


def _face_letter(char: str) -> bool:
    """A letter that, in a Chinese chat, draws an emoticon rather than spells a word: anything but
    Latin, Han and Hangul (Greek ω, Cyrillic Д, kana ノ, IPA ʕ)."""
    code = ord(char)
    return 0x250 <= code < 0x3400 or 0x3040 <= code <= 0x30FF or 0xFF65 <= code <= 0xFF9F


def either_or(norm: str, at: int) -> bool:
    """The negation at `at` sits in an A-not-A question: 要不要, 行不行, 有没有, 是不是."""
    return 0 < at < len(norm) - 1 and norm[at - 1] == norm[at + 1]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of a text, split at sentence-ending punctuation."""
    spans = []
    start = 0
    for end_mark in _SENTENCE_END.finditer(text):
        if end_mark.start() > start:
            spans.append((start, end_mark.end()))
        start = end_mark.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


class Tokenizer:
    """One jieba tokenizer per process, initialised on first use.

    Each rule set declares its own words (a phrase must tokenize as one unit); the tokenizer
    switches to a rule set's words before cutting for it, so rule sets never leak words into
    each other, and the dictionary is loaded only once.
    """

    def __init__(self) -> None:
        self._jieba: jieba.Tokenizer | None = None
        self._active: frozenset[str] = frozenset()
        self._original: dict[str, int | None] = {}  # frequency a word had before we added it
        self._lock = threading.Lock()

    def cutter(self, words: Iterable[str]) -> "Cutter":
        # Digit runs stay whole: 12315 as a word would cut 2024070912315 (an order number) in two.
        usable = frozenset(w for w in words if _JIEBA_WORD.fullmatch(w) and not w.isdigit())
        return Cutter(self, usable)

    def cut(self, text: str, words: frozenset[str]) -> list[str]:
        tokenizer = self._instance()
        if words is not self._active:
            with self._lock:
                self._activate(tokenizer, words)
        return tokenizer.lcut(text)

    def _activate(self, tokenizer: "jieba.Tokenizer", words: frozenset[str]) -> None:
        for word in self._active - words:
            original = self._original.pop(word)
            tokenizer.total -= tokenizer.FREQ.get(word, 0) - (original or 0)
            tokenizer.FREQ[word] = original or 0
        # jieba suggests a new word's frequency from the words already there: added in a fixed
        # order, the same rules cut the same text the same way in every process.
        for word in sorted(words - self._active):
            self._original[word] = tokenizer.FREQ.get(word)
            tokenizer.add_word(word)
        self._active = words

    def _instance(self) -> "jieba.Tokenizer":
        if self._jieba is None:
            with self._lock:
                if self._jieba is None:
                    import logging

                    import jieba

                    jieba.setLogLevel(logging.WARNING)
                    tokenizer = jieba.Tokenizer()
                    tokenizer.initialize()
                    self._jieba = tokenizer
        return self._jieba


@dataclass(frozen=True)
class Cutter:
    """Cuts text with one rule set's words."""

    tokenizer: Tokenizer
    words: frozenset[str]

    def cut(self, text: str) -> list[str]:
        return self.tokenizer.cut(text, self.words)


# jieba's own cutter only keeps runs of these characters together; other words cannot be units.
_JIEBA_WORD = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")

_TOKENIZER = Tokenizer()


def shared_tokenizer() -> Tokenizer:
    return _TOKENIZER


@dataclass(slots=True)
class MessageText:
    """A message's normalized text with its phrase hits, and its tokens once someone asks."""

    norm: str
    hits: dict[str, list[int]]
    cutter: Cutter
    _tokens: list[str] | None = field(default=None, repr=False)
    _bounds: frozenset[int] | None = field(default=None, repr=False)
    _clauses: tuple[tuple[int, int], ...] | None = field(default=None, repr=False)

    @property
    def tokens(self) -> list[str]:
        if self._tokens is None:
            self._tokens = self.cutter.cut(self.norm)
        return self._tokens

    @property
    def token_bounds(self) -> frozenset[int]:
        """Offsets where a token starts or ends."""
        if self._bounds is None:
            bounds = {0}
            offset = 0
            for token in self.tokens:
                offset += len(token)
                bounds.add(offset)
            self._bounds = frozenset(bounds)
        return self._bounds

    @property
    def clauses(self) -> tuple[tuple[int, int], ...]:
        """The spans of the message's clauses (`clause_spans`), found once."""
        if self._clauses is None:
            self._clauses = tuple(clause_spans(self.norm))
        return self._clauses

    def token_spans(self) -> list[tuple[str, int]]:
        """Each token with the offset where it starts."""
        spans, offset = [], 0
        for token in self.tokens:
            spans.append((token, offset))
            offset += len(token)
        return spans

    def on_token_bounds(self, start: int, end: int) -> bool:
        bounds = self.token_bounds
        return start in bounds and end in bounds

    def covered_by(self, phrases: frozenset[str]) -> set[int]:
        """The offsets inside one of the phrases' hits."""
        return {position for phrase, starts in self.hits.items() if phrase in phrases
                for start in starts for position in range(start, start + len(phrase))}

    def sentence_of(self, offset: int) -> tuple[int, int]:
        for start, end in sentence_spans(self.norm):
            if start <= offset < end:
                return start, end
        return 0, len(self.norm)

    def sentence_has(self, offset: int, phrases: frozenset[str]) -> bool:
        """Whether the sentence around offset contains one of the phrases."""
        start, end = self.sentence_of(offset)
        return any(
            start <= hit and hit + len(phrase) <= end
            for phrase, starts in self.hits.items()
            if phrase in phrases
            for hit in starts
        )

    def has_any(self, phrases: frozenset[str]) -> bool:
        return not phrases.isdisjoint(self.hits)


_MEDIA = re.compile(r"\[(图片|视频|文件|语音|链接|商品|订单|位置|卡片|商品链接|宝贝)\]")


def has_media(text: str) -> bool:
    """Whether a message carries an image, video, file, link or card placeholder."""
    return "[" in text and _MEDIA.search(fold(text)) is not None


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the clauses of a text: runs between punctuation, symbols (~, emoji) and spaces."""
    spans, start = [], None
    for offset, char in enumerate(text):
        if char.isspace() or unicodedata.category(char)[0] in "PS":
            if start is not None:
                spans.append((start, offset))
                start = None
        elif start is None:
            start = offset
    if start is not None:
        spans.append((start, len(text)))
    return spans


def words_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """One regex for a word list, longest words first; for checks that run on few messages."""
    keys = sorted({normalize(word.strip()) for word in words if word.strip()}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys))) if keys else None


def only_words(norm: str, pattern: re.Pattern[str] | None) -> bool:
    """Whether nothing but the pattern's words, emoji, codes and punctuation is in the text."""
    return is_wordless(pattern.sub(" ", norm) if pattern is not None else norm)


def asks(norm: str, asking: re.Pattern[str] | None, closing: re.Pattern[str] | None) -> bool:
    """Whether a customer message asks for something: a question or request, not a closing line.

    An asking word inside a longer closing phrase asks nothing: 么 in 「我是月卡 那就这么办」.
    """
    asked = list(asking.finditer(norm)) if asking is not None else []
    if not asked:  # most lines: the closing words need no scan
        return False
    closings = [(found.start(), found.end()) for found in closing.finditer(norm)] if closing is not None else []

    def inside_a_longer_closing(found: re.Match[str]) -> bool:
        return any(start <= found.start() and found.end() <= end and end - start > found.end() - found.start()
                   for start, end in closings)

    return any(not inside_a_longer_closing(found) for found in asked) and not only_words(norm, closing)
