"""企业微信 会话内容存档: decrypted chat records, as JSON Lines or a JSON array.

Based on the 企业微信 developer documentation 「获取会话内容」 (消息格式) and its text example
``{"msgid", "action": "send", "from", "tolist": [...], "roomid", "msgtime" (ms), "msgtype": "text",
"text": {"content"}}``, a vendor's pushed record (tolist as a string, msgtime as a string), and the
note that robots' and external contacts' ids are both external_userids, robots' starting "wb".

- Only ``action`` "send" is a message; "recall" and "switch" (切换企业日志) are passed over.
- Senders: external contacts (``wm…``, ``wo…``) are the customer, robots (``wb…``) are role
  "system", anyone else is an employee's userid: the agent. 同意/不同意存档 notices are "system".
- ``msgtype`` text gives ``text.content``; markdown its content; other types a placeholder such as
  [图片], [语音], [文件] name, [链接] title.
- The archive has no conversation id. A conversation is one customer (the external id on either
  side; for a group chat the room) on one day (Asia/Shanghai); a pause longer than ``GAP`` starts a
  new one. Its id is ``<external id or roomid>@<start, YYYY-MM-DDTHH:MM>``. Chats between
  employees only are not customer service and are passed over (said once per file).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Iterator
from zoneinfo import ZoneInfo

from ..diagnostics import Diagnostics
from . import located_json
from .decode import text_lines
from .records import Record
from .source import Source

NAME = "wecom"
DESCRIPTION = "企业微信 会话内容存档 decrypted records (msgid, action, from, tolist, msgtime, msgtype), JSONL or array"
SUFFIXES = (".jsonl", ".json")

GAP = timedelta(hours=6)  # a longer pause between two messages starts a new conversation
DAY_ZONE = ZoneInfo("Asia/Shanghai")  # where a conversation's day begins and ends
EXTERNAL = ("wm", "wo")
ROBOT = "wb"
PLACEHOLDERS = {
    "image": "[图片]", "voice": "[语音]", "video": "[视频]", "emotion": "[表情]", "card": "[名片]",
    "location": "[位置]", "weapp": "[小程序]", "chatrecord": "[聊天记录]", "todo": "[待办]", "vote": "[投票]",
    "collect": "[填表]", "redpacket": "[红包]", "external_redpacket": "[红包]", "meeting": "[会议邀请]",
    "docmsg": "[在线文档]", "news": "[图文]", "calendar": "[日程]", "mixed": "[混合消息]",
    "meeting_voice_call": "[音频存档]", "voip_doc_share": "[音频共享文档]", "sphfeed": "[视频号]",
    "voiptext": "[音视频通话]", "qydiskfile": "[微盘文件]",
}
_NOTICES = {"agree": "[同意会话存档]", "disagree": "[不同意会话存档]"}
_INTERNAL = "chats between employees only are not customer service and were passed over"


def sniff(head: str, suffix: str) -> int:
    if not head.lstrip().startswith(("{", "[")):
        return 0
    found = sum(key in head for key in ('"msgid"', '"msgtime"', '"msgtype"', '"tolist"', '"action"'))
    return 90 if found >= 4 else 0


def read(source: Source, diagnostics: Diagnostics) -> Iterator[Record]:
    threads: dict[str, tuple[str, datetime]] = {}  # party → (conversation id, last message time)
    for line, item in _items(source, diagnostics):
        fields = _fields(item, threads)
        if fields is None:
            continue
        if isinstance(fields, str):
            if fields == _INTERNAL:
                diagnostics.warn_once(f"wecom-internal:{source.name}", source.name, line, _INTERNAL)
            else:
                diagnostics.skip(source.name, line, fields)
            continue
        yield Record(fields, source.name, line)


def _items(source: Source, diagnostics: Diagnostics) -> Iterator[tuple[int, Any]]:
    """(line, record) for a JSON array or for JSON Lines."""
    if source.head(64).lstrip().startswith("["):
        document = located_json.load(source, diagnostics)
        if document is not None:
            items = document.value if isinstance(document.value, list) else [document.value]
            yield from ((document.line(item), item) for item in items)
        return
    for number, text in text_lines(source, diagnostics):
        if text.strip():
            value, error = located_json.parse_json_line(text)
            if error:
                diagnostics.skip(source.name, number, error)
            else:
                yield number, value


def _fields(item: Any, threads: dict[str, tuple[str, datetime]]) -> dict[str, Any] | str | None:
    """Canonical fields; None for records that are not messages; else why it is not read."""
    if not isinstance(item, dict):
        return "not a JSON object"
    if item.get("action", "send") != "send":
        return None
    sender = str(item.get("from") or "").strip()
    if not sender:
        return 'missing "from"'
    try:
        sent = datetime.fromtimestamp(float(item["msgtime"]) / 1000, DAY_ZONE)
    except (KeyError, TypeError, ValueError, OverflowError, OSError):
        return f'"msgtime" {item.get("msgtime")!r} is not a time in milliseconds'
    text = _text(item)
    if text is None:
        return f'msgtype {item.get("msgtype")!r} without its content'
    recipients = item.get("tolist") or []
    recipients = [recipients] if isinstance(recipients, str) else [str(r) for r in recipients]
    room = str(item.get("roomid") or "").strip()
    external = next((party for party in [sender, *recipients] if party.startswith(EXTERNAL)), None)
    party = room or external
    if party is None:
        return _INTERNAL
    msgtype = str(item.get("msgtype") or "")
    role = ("system" if sender.startswith(ROBOT) or msgtype in _NOTICES
            else "customer" if sender.startswith(EXTERNAL) else "agent")
    fields = {"conversation_id": _conversation(party, sent, threads), "id": item.get("msgid"), "role": role,
              "time": item["msgtime"], "text": text, "customer": sender if sender.startswith(EXTERNAL) else external}
    if role == "agent":
        fields["agent"] = sender
    return fields


def _conversation(party: str, sent: datetime, threads: dict[str, tuple[str, datetime]]) -> str:
    current = threads.get(party)
    if current is None or sent.date() != current[1].date() or sent - current[1] > GAP:
        current = (f"{party}@{sent:%Y-%m-%dT%H:%M}", sent)
    threads[party] = (current[0], max(sent, current[1]))
    return current[0]


def _text(item: dict[str, Any]) -> str | None:
    msgtype = str(item.get("msgtype") or "")
    body = item.get(msgtype) if isinstance(item.get(msgtype), dict) else {}
    if msgtype in ("text", "markdown"):
        holder = body if msgtype == "text" else item.get("info")  # markdown keeps it under "info"
        content = holder.get("content") if isinstance(holder, dict) else None
        return content if isinstance(content, str) else None
    if msgtype in _NOTICES:
        return _NOTICES[msgtype]
    if msgtype == "file":
        return f"[文件] {body.get('filename', '')}".rstrip()
    if msgtype == "link":
        return f"[链接] {body.get('title', '')}".rstrip()
    return PLACEHOLDERS.get(msgtype, f"[{msgtype or '未知消息'}]")
