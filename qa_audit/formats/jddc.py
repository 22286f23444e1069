"""JDDC (京东对话挑战赛) chat.txt: tab-separated customer-service sessions without times.

Based on the JDDC chat.txt samples quoted in public project write-ups. Each line has seven
tab-separated fields and there is no header (a header line such as 「会话编号 顾客id sku …」, as
some copies carry, is passed over):

    session id <TAB> customer id <TAB> 是否客服发送 (0 顾客, 1 客服) <TAB> 是否转出 (0/1)
    <TAB> 是否重复咨询 (0/1) <TAB> sku (often empty) <TAB> 内容

- The session id is the conversation; the messages have no times, so time-based rules skip them.
- Agents are anonymous in JDDC: their messages have no agent name (reported as unassigned).
- The content is the rest of the line (it may itself hold tabs); 「NULL」 marks a message whose
  content was not kept (an image or card) and is read as the placeholder 「[非文本消息]」.
- JDDC has no robot or system marker, so every message is a customer's or an agent's.
"""

from __future__ import annotations

from typing import Iterator

from ..diagnostics import Diagnostics
from .decode import text_lines
from .records import Record
from .source import Source

NAME = "jddc"
DESCRIPTION = "JDDC chat.txt: session, customer, 是否客服发送, 是否转出, 是否重复咨询, sku, 内容 (TSV, no header)"
SUFFIXES = (".txt", ".tsv")

_FIELDS = 7
_FLAGS = ("0", "1")
NOT_KEPT = "[非文本消息]"
_HEADER_WORDS = ("会话编号", "顾客id", "是否客服发送")


def _is_row(line: str) -> bool:
    cells = line.rstrip("\r\n").split("\t", _FIELDS - 1)
    return len(cells) == _FIELDS and all(cells[i].strip() in _FLAGS for i in (2, 3, 4)) and bool(cells[0].strip())


def sniff(head: str, suffix: str) -> int:
    lines = [line for line in head.splitlines()[:20] if line.strip()]
    if lines and any(word in lines[0] for word in _HEADER_WORDS):
        lines = lines[1:]
    if len(lines) > 1:
        lines = lines[:-1]  # the last line of the sample may be cut short
    rows = sum(_is_row(line) for line in lines)
    return 90 if lines and rows >= max(2, len(lines) * 3 // 4) else 0


def read(source: Source, diagnostics: Diagnostics) -> Iterator[Record]:
    path = source.name
    for number, raw in text_lines(source, diagnostics):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if number == 1 and any(word in line for word in _HEADER_WORDS):
            continue
        cells = line.split("\t", _FIELDS - 1)
        if len(cells) < _FIELDS:
            diagnostics.skip(path, number, f"{len(cells)} tab-separated fields where JDDC has {_FIELDS}")
            continue
        session, customer, from_agent, transferred, repeated, _sku, text = cells
        if not session.strip():
            diagnostics.skip(path, number, "empty session id")
            continue
        flags = (from_agent.strip(), transferred.strip(), repeated.strip())
        if any(flag not in _FLAGS for flag in flags):
            diagnostics.skip(path, number, f"flags {'/'.join(flags)} where 是否客服发送/是否转出/是否重复咨询 are 0 or 1")
            continue
        text = text.strip()
        yield Record({
            "conversation_id": session.strip(),
            "role": "agent" if flags[0] == "1" else "customer",
            "customer": customer.strip(),
            "text": NOT_KEPT if text == "NULL" else text,
        }, path, number)
