"""Write the agent lines of the labelled test corpora that break none of SA001–SA004.

    python training/extract_clean.py > training/data/clean.corpora.txt

Conversations labelled with any of those rules are left out whole: their labels say which
conversation broke a rule, not which line.
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

from qa_audit.conversations import conversations
from qa_audit.diagnostics import Diagnostics
from qa_audit.formats import ReadOptions, read_messages

CORPORA = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "eval"
ATTITUDE = {"SA001", "SA002", "SA003", "SA004"}


def main() -> None:
    # The line-level test set is never training data (see training/README.md).
    seen = {line.strip() for path in (CORPORA / "lines").glob("*.txt") for line in path.read_text(encoding="utf-8").splitlines()}
    for corpus in sorted(CORPORA.glob("*.txt")):
        labels: dict[str, set[str]] = defaultdict(set)
        with open(corpus.with_name(corpus.stem + "_labels.csv"), encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                labels[row["conversation_id"]].add(row["rule"])
        diagnostics = Diagnostics()
        for conversation in conversations(read_messages([str(corpus)], ReadOptions(), diagnostics), diagnostics):
            if labels[conversation.id] & ATTITUDE:
                continue
            for message in conversation.messages:
                line = " ".join(message.text.split())
                if message.role == "agent" and line and line not in seen:
                    seen.add(line)
                    sys.stdout.write(line + "\n")


if __name__ == "__main__":
    main()
