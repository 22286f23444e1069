"""网易七鱼 message.txt: one JSON message per line, from 七鱼's history export.

No public description of the export file was found (七鱼's API pages list the endpoints, not the
file). The fields are those named in the project brief, and the robot convention agrees with
七鱼's own web-client mock data, where the robot's staff id is not a person's (``QIYU_ROBOT``):

    {"id", "sessionId", "time" (epoch ms), "from" (0 客服, 1 访客), "staffId", "staffName",
     "content" or "msg", "userId"?}

- ``sessionId`` is the conversation; ``staffName`` names the agent.
- A staff message whose ``staffId`` is 0 or negative, or not a number (``QIYU_ROBOT``), or that is
  flagged ``autoReply``, is the robot: role "system". Any other numeric ``from`` is taken to be a
  notice of the system (role "system") — an assumption.
- The file is .txt; its first JSON line, with sessionId and staffId, tells it from a transcript.
"""

from __future__ import annotations

import json
from typing import Any, Iterator

from ..diagnostics import Diagnostics
from . import located_json
from .decode import text_lines
from .records import Record
from .source import Source

NAME = "qiyu"
DESCRIPTION = "网易七鱼 message.txt: JSON lines with sessionId, time, from (0 客服 / 1 访客), staffId, staffName"
SUFFIXES = (".txt", ".jsonl")

STAFF, VISITOR = 0, 1
NOT_TEXT = "[非文本消息]"


def sniff(head: str, suffix: str) -> int:
    for line in head.splitlines()[:5]:
        if not line.strip():
            continue
        try:
            first = json.loads(line)
        except json.JSONDecodeError:
            return 0
        if not isinstance(first, dict):
            return 0
        keys = {key.lower() for key in first}
        return 90 if {"sessionid", "from"} <= keys and keys & {"staffid", "staffname"} else 0
    return 0


def read(source: Source, diagnostics: Diagnostics) -> Iterator[Record]:
    path = source.name
    for number, line in text_lines(source, diagnostics):
        if not line.strip():
            continue
        item, error = located_json.parse_json_line(line)
        if error is None and not isinstance(item, dict):
            error = f"expected a JSON object, got {type(item).__name__}"
        fields = error or _fields(item)
        if isinstance(fields, str):
            diagnostics.skip(path, number, fields)
            continue
        yield Record(fields, path, number)


def _fields(item: dict[str, Any]) -> dict[str, Any] | str:
    """Canonical fields of one message, or why it cannot be read."""
    session = item.get("sessionId")
    if session in (None, ""):
        return 'missing "sessionId"'
    sender = _number(item.get("from"))
    if sender is None:
        return f'"from" is {item.get("from")!r}, expected 0 (客服) or 1 (访客)'
    text = item.get("content", item.get("msg"))
    if text is None:
        return 'missing "content" (or "msg")'
    if not isinstance(text, str):
        text = NOT_TEXT
    role = "customer" if sender == VISITOR else "system"
    if sender == STAFF and not _is_robot(item):
        role = "agent"
    fields: dict[str, Any] = {"conversation_id": str(session), "role": role, "time": item.get("time"), "text": text}
    if role == "agent":
        fields["agent"] = item.get("staffName") or item.get("staffId")
    for key, target in (("id", "id"), ("msgId", "id"), ("userId", "customer"), ("foreignId", "customer")):
        if item.get(key) not in (None, "") and target not in fields:
            fields[target] = str(item[key])
    return fields


def _is_robot(item: dict[str, Any]) -> bool:
    staff = _number(item.get("staffId"))
    auto = item.get("autoReply", item.get("autoreply"))
    return staff is None or staff <= 0 or auto in (True, 1, "1", "true")


def _number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
