"""Learnt models: weighted character n-grams that catch wording no phrase list names.

A rule may carry `model: {file, label, threshold}`. The model file (written by
`training/train.py`) is a multinomial logistic regression over the distinct character 2–4-grams
of the folded text. A message scores the softmax of, per label, the bias plus the weights of the
n-grams it contains. One label, `clean`, is a line that breaks no rule. The rule hits an agent
line that its own kind did not already flag when the line is not clean with probability
`threshold` or more and `label` is the likeliest of the other labels; the evidence is the clause
that weighs most toward the label.

File format (UTF-8, tab-separated):

    # comment lines
    labels  clean   SA001   SA002 ...
    bias    -0.31   0.12    ...
    n-gram  weight  weight  ...
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from .schema import RuleError
from .text import clause_spans
from .view import ConversationView, Hit

if TYPE_CHECKING:
    from .schema import Fields

SIZES = (2, 3, 4)  # the n-gram lengths a model is trained on
CLEAN = "clean"  # the label of a line that breaks no rule


@dataclass(frozen=True, eq=False)
class NgramModel:
    path: str
    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def probabilities(self, norm: str) -> tuple[float, ...]:
        weights = self.weights
        rows = [weights[gram] for gram in ngrams(norm) if gram in weights]
        totals = [sum(column) for column in zip(self.bias, *rows)]
        top = max(totals)
        exps = [math.exp(total - top) for total in totals]
        whole = sum(exps)
        return tuple(value / whole for value in exps)

    def strongest_clause(self, norm: str, label: int) -> tuple[int, int]:
        """The clause whose n-grams weigh most toward a label over the others."""
        def pull(span: tuple[int, int]) -> float:
            grams = ngrams(norm[span[0]:span[1]]) & self.weights.keys()
            return sum(self.weights[g][label] - max(w for i, w in enumerate(self.weights[g]) if i != label)
                       for g in grams)

        spans = clause_spans(norm) or [(0, len(norm))]
        return max(spans, key=pull)


def ngrams(norm: str) -> set[str]:
    """The distinct 2–4-grams of a folded line, punctuation included: 「吗?」 says something."""
    return {norm[start:start + size] for size in SIZES for start in range(len(norm) - size + 1)}


@dataclass(frozen=True)
class ModelSettings:
    model: NgramModel
    label: int
    clean: int
    threshold: float

    def hits(self, chances: tuple[float, ...]) -> bool:
        others = [chance for position, chance in enumerate(chances) if position not in (self.label, self.clean)]
        return 1 - chances[self.clean] >= self.threshold and chances[self.label] >= max(others, default=0)


def settings(fields: Fields, folder: Path) -> ModelSettings | None:
    """The rule's `model:` block, with its file found beside the rule file that names it."""
    block = fields.sub("model", None)
    if block is None:
        return None
    path = (folder / block.text("file")).resolve()
    try:
        model = load_model(str(path))
    except OSError as error:
        raise block.error("file", f"cannot read the model: {error.strerror or error}") from None
    label = block.text("label")
    if label not in model.labels or label == CLEAN:
        known = ", ".join(name for name in model.labels if name != CLEAN)
        raise block.error("label", f"the model has no rule label {label!r} (labels: {known})")
    if CLEAN not in model.labels:
        raise block.error("file", f"the model has no `{CLEAN}` label")
    threshold = float(block.number("threshold", 0.5, minimum=0))
    if threshold > 1:
        raise block.error("threshold", f"must be between 0 and 1, got {threshold}")
    block.done()
    return ModelSettings(model, model.labels.index(label), model.labels.index(CLEAN), threshold)


@lru_cache(maxsize=None)
def load_model(path: str) -> NgramModel:
    """Read a model file once per process; a malformed line is a RuleError naming it."""
    labels: tuple[str, ...] | None = None
    bias: tuple[float, ...] | None = None
    weights: dict[str, tuple[float, ...]] = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            key, _, rest = line.partition("\t")
            values = rest.split("\t")
            if labels is None:
                if key != "labels" or len(values) < 2:
                    raise RuleError(path, number, "labels", "a model starts with a `labels` line of two or more labels")
                labels = tuple(values)
                continue
            try:
                numbers = tuple(float(value) for value in values)
            except ValueError:
                raise RuleError(path, number, key, "weights must be numbers") from None
            if len(numbers) != len(labels):
                raise RuleError(path, number, key, f"expected {len(labels)} weights, got {len(numbers)}")
            if bias is None:
                if key != "bias":
                    raise RuleError(path, number, key, "the `labels` line is followed by a `bias` line")
                bias = numbers
            else:
                weights[key] = numbers
    if labels is None or bias is None:
        raise RuleError(path, 0, "", "not a model file: no `labels` and `bias` lines")
    return NgramModel(path, labels, bias, weights)


def check(settings: ModelSettings, view: ConversationView, flagged: set[int]) -> Iterator[Hit]:
    """Agent lines the model puts at or over the threshold, except those already flagged."""
    scores = view.memo.setdefault(("model", settings.model.path), {})  # shared by the model's rules
    for index in view.indices("agent"):
        if index in flagged:
            continue
        text = view.texts[index]
        if not text.norm.strip():
            continue
        if index not in scores:
            scores[index] = settings.model.probabilities(text.norm)
        if settings.hits(scores[index]):
            start, end = settings.model.strongest_clause(text.norm, settings.label)
            yield Hit(index, match=view.messages[index].text[start:end], start=start)
