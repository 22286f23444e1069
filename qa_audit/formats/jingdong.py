"""京东 JOS 聊天记录: the JSON response of jingdong.im.pop.chatlog.get.

Based on a real response body kept as test data in a public repository:
``{"jingdong_im_pop_chatlog_get_responce": {"code": "0", "ChatLogPage": {"totalRecord": …,
"chatLogList": [{"content", "sid", "waiterSend", "time" (epoch ms), "skuId", "customer",
"waiter", "channel"}, …]}}}``; the request parameters (waiter, customer, startTime, endTime, page)
match the public JOS SDKs. The newer 咚咚 chat-logs API names the same fields (waiter, customer,
waiterSend, content, sid), so a saved list of those items reads too.

- ``sid`` is the conversation; ``waiterSend`` true is the shop, false the customer.
- The list is found wherever it sits: under the response wrapper, under ``ChatLogPage``, or as
  the document itself (an array of items).
- JOS has no robot flag. A shop message whose ``waiter`` is a robot account (京小智, 机器人,
  智能客服, 自动回复, robot) or empty is role "system": the shop's auto-reply is not an agent's
  reply. This is an assumption, not documented behaviour.
"""

from __future__ import annotations

from typing import Any, Iterator

from ..diagnostics import Diagnostics
from . import located_json
from .records import Record
from .source import Source

NAME = "jingdong"
DESCRIPTION = "京东 JOS jingdong.im.pop.chatlog.get response JSON (chatLogList: sid, waiterSend, waiter, content)"
SUFFIXES = (".json",)

_MARKERS = ('"chatLogList"', '"waiterSend"', "jingdong_im_pop_chatlog_get")
ROBOT_WAITERS = ("京小智", "小智", "机器人", "智能客服", "自动回复", "robot")


def sniff(head: str, suffix: str) -> int:
    stripped = head.lstrip()
    if not stripped.startswith(("{", "[")):
        return 0
    found = sum(marker in head for marker in _MARKERS)
    return 90 if found >= 2 else 60 if found else 0


def read(source: Source, diagnostics: Diagnostics) -> Iterator[Record]:
    path = source.name
    missing = "no chatLogList in this JSON document"
    for position, item, line, _ in located_json.items(source, diagnostics, _chat_log_list, missing):
        if not isinstance(item, dict):
            diagnostics.skip(path, line, f"chatLogList[{position}] is not a JSON object")
            continue
        fields = _fields(item)
        if isinstance(fields, str):
            diagnostics.skip(path, line, fields)
            continue
        yield Record(fields, path, line)


def _chat_log_list(value: Any) -> list | None:
    return value if isinstance(value, list) else located_json.find_list(value, "chatLogList")


def _fields(item: dict[str, Any]) -> dict[str, Any] | str:
    """Canonical fields for one chat-log item, or why it cannot be read."""
    sid = item.get("sid")
    if sid in (None, ""):
        return 'missing "sid" (the conversation id)'
    shop_sent = _flag(item.get("waiterSend"))
    if shop_sent is None:
        return f'"waiterSend" is {item.get("waiterSend")!r}, expected true or false'
    content = item.get("content")
    if not isinstance(content, str):
        return '"content" is missing or not text'
    waiter = str(item.get("waiter") or "").strip()
    role = "customer"
    if shop_sent:
        robot = not waiter or any(marker in waiter.lower() for marker in ROBOT_WAITERS)
        role = "system" if robot else "agent"
    fields: dict[str, Any] = {
        "conversation_id": str(sid), "role": role, "text": content,
        "time": item.get("time", item.get("createdTime")), "customer": item.get("customer"),
    }
    if role == "agent":
        fields["agent"] = waiter
    for key in ("uuid", "msgId", "id"):
        if item.get(key) not in (None, ""):
            fields["id"] = str(item[key])
            break
    return fields


def _flag(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if value in (0, 1, "0", "1"):
        return int(value) == 1
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None
