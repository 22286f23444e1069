"""千牛 / 旺旺 chat records as text: copied from 聊天记录查询, or pasted from the client window.

No public specification exists. The page layout is the one public scrapers of the 千牛 chat-record
page read (a date group, then per message its time, sender and text); the client layout is the
one the 千牛 client puts on the clipboard. Both are read by the same line-by-line parser:

- page: a ``YYYY-MM-DD`` line starts a day; each message is a ``HH:MM:SS`` line, one or more
  text lines, and the sender account on the last line before the next time or date line.
- client: a header ``昵称 2024-5-6 10:00:01`` (date not zero-padded) followed by text lines.
- Transfer lines (``A --> B 2024-5-6 10:05:00``), recall lines (``…撤回了一条消息``) and read-status
  lines (已读 / 未读) are not messages and are passed over without a record.

Senders: ``店铺名:子账号`` is an agent (agent = 子账号, shop = 店铺名); the shop's robot
``店铺名:服务助手`` (also 机器人, 店小蜜, 智能客服, 自动回复) and 系统消息 are role "system"; a bare
nick is the buyer. A message's line is that of its first text line.

Conversations: one buyer per section, ``<buyer nick> <YYYY-MM-DD>``. A section is a day (a date
line of the page; a change of date in client headers). Messages of the shop before the buyer's
first one belong to that buyer; a second buyer in the same section starts a new conversation.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from ..diagnostics import Diagnostics
from .decode import text_lines
from .records import Record
from .source import Source

NAME = "qianniu_page"
DESCRIPTION = "千牛/旺旺 chat-record text: 聊天记录查询 page (date, time, text, 店铺:子账号) or client copy-paste"
SUFFIXES = (".txt",)

_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TIME = re.compile(r"^\d{1,2}:\d{2}:\d{2}$")
_HEADER = re.compile(r"^(?P<nick>\S+)\s+(?P<date>\d{4}-\d{1,2}-\d{1,2})\s+(?P<time>\d{1,2}:\d{2}:\d{2})$")
_TRANSFER = re.compile(r"-->.*\d{1,2}:\d{2}(?::\d{2})?$")
_RECALL = re.compile(r"撤回了一条消息$")
_READ = re.compile(r"^[\[(【]?(?:已读|未读)[\])】]?$")
ROBOT_ACCOUNTS = ("服务助手", "机器人", "店小蜜", "智能客服", "自动回复")
SYSTEM_SENDERS = ("系统消息", "系统通知", "系统")
UNKNOWN_BUYER = "未知买家"


def sniff(head: str, suffix: str) -> int:
    lines = [line.strip() for line in head.splitlines() if line.strip()][:60]
    headers = [found.group("nick") for found in map(_HEADER.match, lines) if found]
    if len(headers) >= 2:
        return 90 if any(":" in nick or "：" in nick for nick in headers) else 60
    dates = sum(bool(_DATE.match(line)) for line in lines)
    times = sum(bool(_TIME.match(line)) for line in lines)
    if dates and times >= 2:
        return 90 if any(":" in line or "：" in line for line in lines if not _TIME.match(line)) else 70
    return 0


def read(source: Source, diagnostics: Diagnostics) -> Iterator[Record]:
    path = source.name
    section: list[dict[str, Any]] = []
    pending: dict[str, Any] | None = None  # the message being read: time, sender, lines
    day: str | None = None
    for number, raw in text_lines(source, diagnostics):
        line = raw.strip()
        if not line or _TRANSFER.search(line) or _RECALL.search(line) or _READ.match(line):
            continue
        date, header = _DATE.match(line), _HEADER.match(line)
        if date or header or _TIME.match(line):
            section += _finish(pending, path, diagnostics)
            pending = None
        if date:
            yield from _conversations(section, path)
            section, day = [], _padded(line)
        elif header:
            header_day = _padded(header.group("date"))
            if header_day != day:
                yield from _conversations(section, path)
                section, day = [], header_day
            pending = {"time": f"{day} {_padded_time(header.group('time'))}", "sender": header.group("nick"),
                       "line": number, "lines": []}
        elif _TIME.match(line):
            if day is None:
                diagnostics.skip(path, number, "a time before any date line (expected e.g. 2024-05-06)")
                continue
            pending = {"time": f"{day} {_padded_time(line)}", "sender": None, "line": number, "lines": []}
        elif pending is None:
            diagnostics.warn_once(f"qianniu-preamble:{path}", path, number, "text before the first message ignored")
        else:
            pending["lines"].append((number, line))
    section += _finish(pending, path, diagnostics)
    yield from _conversations(section, path)


def _finish(pending: dict[str, Any] | None, path: str, diagnostics: Diagnostics) -> list[dict[str, Any]]:
    """The finished message as fields (with line and sender), or nothing if it cannot be read."""
    if pending is None:
        return []
    lines = pending["lines"]
    sender = pending["sender"]
    if sender is None:
        if len(lines) < 2:
            diagnostics.skip(path, pending["line"], "a message needs text lines and then its sender's line")
            return []
        sender = lines.pop()[1]  # the page puts the sender account after the text
    if not lines:
        diagnostics.skip(path, pending["line"], f"a message of {sender} without text")
        return []
    fields = {"time": pending["time"], "text": "\n".join(text for _, text in lines), "line": lines[0][0]}
    fields.update(_sender(sender.replace("：", ":")))
    return [fields]


def _sender(sender: str) -> dict[str, Any]:
    if sender in SYSTEM_SENDERS:
        return {"role": "system"}
    if ":" not in sender:
        return {"role": "customer", "customer": sender}
    shop, _, account = sender.rpartition(":")
    if any(marker in account for marker in ROBOT_ACCOUNTS):
        return {"role": "system", "shop": shop}
    return {"role": "agent", "agent": account, "shop": shop}


def _conversations(section: list[dict[str, Any]], path: str) -> Iterator[Record]:
    """The section's messages as records, each in the conversation of its buyer."""
    buyers = [fields["customer"] for fields in section if fields["role"] == "customer"]
    buyer = buyers[0] if buyers else UNKNOWN_BUYER
    shop = next((fields["shop"] for fields in section if fields.get("shop")), None)
    for fields in section:
        buyer = fields.get("customer", buyer)
        shop = fields.get("shop", shop)
        line = fields.pop("line")
        day = fields["time"][:10]
        yield Record({**fields, "conversation_id": f"{buyer} {day}", "customer": buyer, "shop": shop}, path, line)


def _padded_time(clock: str) -> str:
    return clock.zfill(8)  # 9:15:00 → 09:15:00


def _padded(date: str) -> str:
    year, month, day = (int(part) for part in date.split("-"))
    return f"{year:04d}-{month:02d}-{day:02d}"
