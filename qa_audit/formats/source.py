"""Where a reader's bytes come from: a file, or standard input spooled to a temporary file."""

from __future__ import annotations

import shutil
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

STDIN = "-"


@dataclass(frozen=True)
class Source:
    name: str  # as reports show it ("-" for standard input)
    path: Path  # where the bytes are

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix.lower() if self.name != STDIN else ""

    def open(self) -> BinaryIO:
        return self.path.open("rb")

    def is_binary(self) -> bool:
        """More than one in ten of the first 8 KB are control bytes: an image, archive or program.

        A text file with one broken line is still text: its lines are read and the bad one skipped.
        """
        with self.open() as stream:
            sample = stream.read(8192)
        control = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
        return bool(sample) and control * 10 > len(sample)

    def head(self, size: int = 8192) -> str:
        """The first bytes, decoded as well as they can be, for format detection."""
        with self.open() as stream:
            raw = stream.read(size)
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        for encoding in ("utf-8", "gb18030"):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as error:
                if error.start >= len(raw) - 4:  # a character cut at the end of the sample
                    return raw[: error.start].decode(encoding, errors="replace")
        return raw.decode("utf-8", errors="replace")


@contextmanager
def opened(name: str) -> Iterator[Source]:
    """A Source for a path, or for "-": standard input copied to a temporary file first,
    because detection looks at the start and the reader then reads it all."""
    if name != STDIN:
        yield Source(name, Path(name))
        return
    with tempfile.NamedTemporaryFile(prefix="qa-audit-stdin-") as spool:
        shutil.copyfileobj(sys.stdin.buffer, spool)
        spool.flush()
        yield Source(STDIN, Path(spool.name))
