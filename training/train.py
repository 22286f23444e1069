"""Train the n-gram model the attitude rules use (SA001–SA004), and say how well it does.

    pip install '.[train]'
    python training/train.py training/data --output rules/models/attitude.tsv

DATA holds one agent line per line in files named LABEL.txt or LABEL.SOURCE.txt (clean.txt,
SA001.shops.txt …); every line of a file is an example of its label. Lines are folded as
qa-audit folds messages, cut into the distinct character n-grams qa_audit.learned scores, and
fitted with scikit-learn's multinomial logistic regression. The L1 penalty leaves most n-grams
at zero weight, so the model file stays small; weights too small to matter are dropped and the
rest written with the bias in the format qa_audit.learned reads.

Before writing, a 5-fold cross-validation prints, per label, how many of its lines reach
--threshold and how many clean lines would be flagged at it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from sklearn import __version__ as sklearn_version
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from qa_audit.learned import CLEAN, load_model, ngrams
from qa_audit.text import normalize

# Lines the tests use to measure the model on wording it never saw: never trained on.
HELD_OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "eval" / "lines"


def read_examples(folder: Path) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    # Held-out lines count as seen: they are never read in.
    seen = {line.strip() for path in HELD_OUT.glob("*.txt") for line in path.read_text(encoding="utf-8").splitlines()}
    for path in sorted(folder.glob("*.txt")):
        label = path.name.split(".")[0]
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and line not in seen:  # the same line twice would count twice in the folds
                seen.add(line)
                texts.append(line)
                labels.append(label)
    if CLEAN not in labels:
        sys.exit(f"{folder}: no {CLEAN}.txt — the model needs lines that break no rule")
    return texts, labels


def features(text: str) -> list[str]:
    return sorted(ngrams(normalize(text)))


def vectorizer_for(min_df: int) -> CountVectorizer:
    # An n-gram in fewer than min_df lines is one writer's quirk, not a pattern.
    return CountVectorizer(analyzer=features, binary=True, min_df=min_df)


def classifier(strength: float) -> LogisticRegression:
    return LogisticRegression(C=strength, **_L1, solver="saga", max_iter=300, tol=1e-3,
                              class_weight="balanced", random_state=0)


# scikit-learn 1.8 deprecated `penalty` (removed in 1.10): there the L1 penalty is l1_ratio=1, which
# older versions reject without penalty="elasticnet".
_L1: dict[str, Any] = {"l1_ratio": 1.0} if tuple(map(int, sklearn_version.split(".")[:2])) >= (1, 8) else {"penalty": "l1"}


def cross_validate(matrix: Any, labels: list[str], strength: float, threshold: float) -> None:
    model = classifier(strength)
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    probabilities = cross_val_predict(model, matrix, labels, cv=folds, method="predict_proba")
    names = sorted(set(labels))
    truth = np.array(labels)
    clean = truth == CLEAN
    # As qa_audit.learned decides: not clean with probability >= threshold, and the label the
    # likeliest of the others.
    flagged = 1 - probabilities[:, names.index(CLEAN)] >= threshold
    rule_chances = probabilities.copy()
    rule_chances[:, names.index(CLEAN)] = -1
    chosen = np.array(names)[rule_chances.argmax(axis=1)]
    print(f"5-fold cross-validation at threshold {threshold}:")
    for name in names:
        if name == CLEAN:
            continue
        own = truth == name
        caught = flagged & own & (chosen == name)
        wrong = flagged & clean & (chosen == name)
        print(f"  {name}: {caught.sum()}/{own.sum()} of its lines ({caught.sum() / own.sum():.0%}), "
              f"{wrong.sum()}/{clean.sum()} clean lines ({wrong.sum() / clean.sum():.1%})")
    print(f"  any label: {flagged[~clean].mean():.0%} of rule lines, {flagged[clean].mean():.1%} of clean lines")


def write_model(path: Path, vectorizer: CountVectorizer, model: LogisticRegression, prune: float,
                counts: Counter[str]) -> int:
    names = list(model.classes_)
    grams = vectorizer.get_feature_names_out()
    weights = model.coef_.T  # one row per n-gram, one column per label
    kept = [(gram, row) for gram, row in zip(grams, weights) if np.abs(row).max() >= prune and "\t" not in gram]
    lines = [
        "# qa-audit n-gram model: multinomial logistic regression over character 2-4-grams",
        "# of the folded text; written by training/train.py from "
        + ", ".join(f"{counts[name]} {name}" for name in names) + " lines.",
        "\t".join(["labels", *names]),
        "\t".join(["bias", *(f"{b:.4f}" for b in model.intercept_)]),
        *("\t".join([gram, *(f"{w:.4f}" for w in row)]) for gram, row in sorted(kept, key=lambda item: item[0])),
    ]
    temporary = path.with_suffix(".tmp")
    temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
    temporary.replace(path)
    return len(kept)


def agreement(path: Path, texts: list[str], predicted: np.ndarray) -> float:
    """Share of lines where the written (pruned, rounded) model picks scikit-learn's label."""
    written = load_model.__wrapped__(str(path))
    ours = [written.labels[int(np.argmax(written.probabilities(normalize(text))))] for text in texts]
    return float(np.mean([a == b for a, b in zip(ours, predicted)]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--strength", type=float, default=8.0, help="inverse regularisation C")
    parser.add_argument("--min-df", type=int, default=3, help="keep n-grams found in at least this many lines")
    parser.add_argument("--threshold", type=float, default=0.9, help="for the cross-validation summary")
    parser.add_argument("--prune", type=float, default=0.02, help="drop n-grams with all |weights| below")
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    options = parser.parse_args()

    texts, labels = read_examples(options.data)
    counts = Counter(labels)
    print("examples:", ", ".join(f"{name} {count}" for name, count in sorted(counts.items())))
    vectorizer = vectorizer_for(options.min_df)
    matrix = vectorizer.fit_transform(texts)
    if not options.no_cv:
        cross_validate(matrix, labels, options.strength, options.threshold)
    model = classifier(options.strength).fit(matrix, labels)
    kept = write_model(options.output, vectorizer, model, options.prune, counts)
    agrees = agreement(options.output, texts, model.predict(matrix))
    print(f"wrote {options.output}: {kept} n-grams; agrees with the unpruned model on {agrees:.1%} of lines")


if __name__ == "__main__":
    main()
