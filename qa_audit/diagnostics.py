"""Input problems: records skipped with a reason, and warnings said once."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    cause: str
    skipped: bool = True

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {'skipped: ' if self.skipped else ''}{self.cause}"


@dataclass
class Diagnostics:
    """What went wrong with the input, per file, without ever stopping the run."""

    problems: list[Problem] = field(default_factory=list)
    parsed: Counter[str] = field(default_factory=Counter)  # records that became messages, per file
    skipped: Counter[str] = field(default_factory=Counter)  # records that could not be read
    duplicates: Counter[str] = field(default_factory=Counter)  # messages read twice (same id)
    files: list[str] = field(default_factory=list)
    # (file, line, rule) of every suppression comment → whether it suppressed something
    suppressions: dict[tuple[str, int, str], bool] = field(default_factory=dict)
    _said: set[str] = field(default_factory=set)

    def file_seen(self, file: str) -> None:
        if file not in self.files:
            self.files.append(file)

    def read(self, file: str) -> None:
        """A record became a message."""
        self.parsed[file] += 1

    def skip(self, file: str, line: int, cause: str) -> None:
        """A record that could not be read: counted, and named with file, line and cause."""
        self.skipped[file] += 1
        self.problems.append(Problem(file, line, cause))

    def warn(self, file: str, line: int, cause: str) -> None:
        self.problems.append(Problem(file, line, cause, skipped=False))

    def warn_once(self, key: str, file: str, line: int, cause: str) -> None:
        if key not in self._said:
            self._said.add(key)
            self.warn(file, line, cause)

    def duplicate(self, file: str) -> None:
        self.duplicates[file] += 1

    def per_file(self) -> list[dict[str, object]]:
        """For each input file: records found, audited, skipped with a reason, duplicates."""
        return [
            {"file": file, "records": self.parsed[file] + self.skipped[file],
             "audited": self.parsed[file] - self.duplicates[file], "skipped": self.skipped[file],
             "duplicates": self.duplicates[file]}
            for file in self.files
        ]

    def suppression(self, file: str, line: int, rule: str) -> None:
        self.suppressions.setdefault((file, line, rule), False)

    def report_unused_suppressions(self, known_rules: set[str]) -> None:
        """Like ruff's RUF100: a suppression that suppressed nothing is said, so it can go."""
        for (file, line, rule), used in sorted(self.suppressions.items()):
            if rule != "ALL" and rule not in known_rules:
                self.warn(file, line, f"suppression names an unknown rule {rule}")
            elif not used:
                self.warn(file, line, f"unused suppression: {rule} found nothing here")

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())
