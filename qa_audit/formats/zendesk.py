"""Zendesk Chat transcripts: chats as the Chat API returns them, with their ``history``.

Based on the Zendesk Chat API reference (Chats: ``id``, ``type`` "chat", ``visitor``, ``history``
items with ``type`` chat.msg / chat.memberjoin / …, ``name``, ``sender_type``, ``msg``,
``timestamp``) and the Web Widget's chat events (``type`` chat.msg, ``display_name``, ``nick``
"agent:…" or "visitor:…", ``timestamp`` in ms, ``msg``). Both spellings are read.

- A file is ``{"chats": [...]}`` (a list or export response), an array of chats, or one chat.
- Each chat is a conversation (its ``id``); ``chat.msg`` items are messages (``chat.file`` items
  become 「[文件] name」); joins, leaves, ratings and comments are not messages.
- ``nick`` "agent:…" (or ``sender_type`` Agent) is the agent named by ``display_name``/``name``;
  "visitor…" (or Visitor) the customer. Triggers and bots (``nick`` "agent:trigger", ``sender_type``
  Trigger/Bot/System) are role "system". Chat messages are plain text: nothing is stripped.
"""

from __future__ import annotations

from typing import Any, Iterator

from ..diagnostics import Diagnostics
from . import located_json
from .records import Record
from .source import Source

NAME = "zendesk"
DESCRIPTION = "Zendesk Chat transcripts JSON: chats with history items (chat.msg, nick agent:/visitor:, msg)"
SUFFIXES = (".json",)

_MESSAGES = ("chat.msg", "chat.file")
ROBOT_NICKS = ("agent:trigger", "agent:bot", "agent:system")
ROBOT_SENDERS = ("trigger", "bot", "system")


def sniff(head: str, suffix: str) -> int:
    if not head.lstrip().startswith(("{", "[")):
        return 0
    if '"chat.msg"' in head:
        return 90
    return 70 if '"history"' in head and '"visitor"' in head else 0


def _chats(value: Any) -> list | None:
    if isinstance(value, dict):
        return [value] if "history" in value else value.get("chats")
    return value if isinstance(value, list) else None


def read(source: Source, diagnostics: Diagnostics) -> Iterator[Record]:
    path = source.name
    missing = 'no chats in this JSON document (expected {"chats": [...]} or chats with "history")'
    for position, chat, line, document in located_json.items(source, diagnostics, _chats, missing):
        history = chat.get("history") if isinstance(chat, dict) else None
        if not isinstance(history, list) or chat.get("id") in (None, ""):
            diagnostics.skip(path, line, f'chats[{position}] is not a chat with an "id" and a "history" list')
            continue
        visitor = chat.get("visitor") if isinstance(chat.get("visitor"), dict) else {}
        for item in history:
            item_line = document.line(item, line)
            if not isinstance(item, dict):
                diagnostics.skip(path, item_line, "a history item that is not a JSON object")
                continue
            if item.get("type") not in _MESSAGES:
                continue
            fields = _fields(item)
            if isinstance(fields, str):
                diagnostics.skip(path, item_line, fields)
                continue
            fields.update(conversation_id=str(chat["id"]), customer=visitor.get("name") or visitor.get("id"))
            yield Record(fields, path, item_line)


def _fields(item: dict[str, Any]) -> dict[str, Any] | str:
    """Canonical fields of one history item, or why it cannot be read."""
    nick = str(item.get("nick") or "").strip().lower()
    sender = str(item.get("sender_type") or "").strip().lower()
    name = item.get("display_name") or item.get("name")
    if nick in ROBOT_NICKS or sender in ROBOT_SENDERS:
        role = "system"
    elif nick.startswith("agent:") or sender == "agent":
        role = "agent"
    elif nick.startswith("visitor") or sender == "visitor":
        role = "customer"
    else:
        sender = item.get("nick") or item.get("sender_type")
        if not sender:
            return 'a message without "nick" or "sender_type"'
        return f"sender {sender!r} is neither agent nor visitor"
    if item.get("type") == "chat.file":
        attachment = item.get("attachment") if isinstance(item.get("attachment"), dict) else {}
        text = f"[文件] {attachment.get('name') or ''}".rstrip()
    else:
        text = item.get("msg")
    if not isinstance(text, str):
        return 'a chat.msg without "msg" text'
    fields: dict[str, Any] = {"role": role, "text": text, "time": item.get("timestamp")}
    if role == "agent":
        fields["agent"] = name or nick.partition(":")[2]
    if item.get("msg_id"):
        fields["id"] = str(item["msg_id"])
    return fields
