"""From a raw record (a JSON object or a table row) to a Message: field names, roles, times."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone, tzinfo
from typing import Any, Mapping

from ..model import Message, Role
from ..text import fold

# Field names seen in exports, English and Chinese, mapped to the message's fields.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "conversation_id": ("conversation_id", "conversationid", "conversation", "session_id", "sessionid",
                        "session", "conv_id", "chat_id", "会话id", "会话编号", "会话", "对话id", "会话标识"),
    "id": ("id", "message_id", "messageid", "msg_id", "msgid", "消息id", "消息编号", "消息序号"),
    "time": ("time", "timestamp", "created_at", "send_time", "sent_at", "datetime", "时间", "发送时间",
             "消息时间", "日期时间"),
    "role": ("role", "sender_role", "sender_type", "from_type", "speaker", "角色", "发送方", "身份",
             "发送者角色", "账号类型"),
    "agent": ("agent", "agent_name", "agent_id", "staff", "staff_name", "waiter", "客服", "客服昵称",
              "客服账号", "客服名称", "坐席", "坐席工号"),
    "text": ("text", "content", "message", "msg", "body", "内容", "消息内容", "发送内容", "文本", "消息"),
    "channel": ("channel", "渠道", "接入渠道"),
    "shop": ("shop", "store", "店铺", "店铺名称"),
    "customer": ("customer", "customer_id", "customer_name", "buyer", "user", "user_id", "客户", "顾客",
                 "买家", "客户名", "客户id", "用户", "用户id"),
}

ROLE_ALIASES: dict[str, Role] = {
    **dict.fromkeys(("agent", "客服", "坐席", "商家", "卖家", "seller", "staff", "waiter", "server",
                     "assistant", "support", "operator", "a"), "agent"),
    **dict.fromkeys(("customer", "顾客", "客户", "买家", "用户", "访客", "buyer", "user", "visitor",
                     "client", "c"), "customer"),
    **dict.fromkeys(("system", "系统", "bot", "auto", "robot", "机器人", "系统消息", "自动回复"), "system"),
}

_CHANNELS = {"online": "online", "在线": "online", "phone": "phone", "电话": "phone", "热线": "phone"}
_SLASH_DATE = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})")
_LOOSE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,6}))?)?)?$")


@dataclass(slots=True)
class Record:
    """One raw record as read, with where it starts."""

    fields: Mapping[str, Any]
    file: str
    line: int


# Senders and texts that are the platform talking, not a person: never an agent's reply.
# 店小蜜 and 阿里小蜜 are Taobao's robots; an agent may well be called 小蜜. Latin markers are whole
# words: Abbott and Autumn are people.
ROBOT_NAMES = ("服务助手", "智能客服", "机器人", "店小蜜", "阿里小蜜", "小助手", "系统", "自动回复")
_ROBOT_WORDS = re.compile(r"(?<![a-z])(robot|chatbot|bot|auto|autoreply)(?![a-z])")
SYSTEM_TEXTS = ("请在客户端查看原始聊天记录", "【自动回复】", "[自动回复]", "(自动回复)", "系统消息",
                "会话已结束", "会话已转接", "已转接", "客户已离开", "访客已离开", "进入会话", "退出会话")
MAX_TEXT = 100_000  # characters checked of one message; a longer one is cut, with a warning


class RecordError(ValueError):
    """Why one record cannot become a message."""


@dataclass(frozen=True)
class FieldMap:
    """Which input field holds which message field: the built-in aliases plus user mappings."""

    given: tuple[tuple[str, str], ...] = ()  # (message field, input field) pairs

    def resolve(self, names: list[str]) -> dict[str, str]:
        """For a record's field names, the message field each one fills."""
        lowered = {fold(name.strip()): name for name in names}
        resolved: dict[str, str] = {}
        for target, source in self.given:
            if fold(source.strip()) in lowered:
                resolved[target] = lowered[fold(source.strip())]
        for target, aliases in FIELD_ALIASES.items():
            if target in resolved:
                continue
            for alias in aliases:
                if alias in lowered and lowered[alias] not in resolved.values():
                    resolved[target] = lowered[alias]
                    break
        return resolved


def parse_role(value: Any) -> Role:
    role = ROLE_ALIASES.get(fold(str(value).strip()))
    if role is None:
        raise RecordError(f"unknown role {value!r} (expected agent/客服, customer/顾客 or system/系统)")
    return role


def parse_time(value: Any, zone: tzinfo) -> datetime | None:
    """ISO-8601, "YYYY-MM-DD HH:MM:SS", "YYYY/MM/DD ...", or epoch seconds/milliseconds."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise RecordError(f"bad time {value!r}")
    if isinstance(value, (int, float)) or (isinstance(value, str) and _is_number(value)):
        number = float(value)
        seconds = number / 1000 if number > 1e11 else number
        try:
            return datetime.fromtimestamp(seconds, timezone.utc).astimezone(zone)
        except (OverflowError, OSError, ValueError):
            raise RecordError(f"bad time {value!r}") from None
    text = str(value).strip()
    text = _SLASH_DATE.sub(r"\1-\2-\3", text)
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        loose = _LOOSE.match(text)
        if not loose:
            raise RecordError(f"bad time {value!r} (expected e.g. 2024-05-01 10:00:01)") from None
        try:
            parts = [int(part) if part else 0 for part in loose.groups()[:6]]
            micro = int((loose.group(7) or "0").ljust(6, "0"))
            parsed = datetime(*parts, micro)  # type: ignore[arg-type]
        except ValueError:
            raise RecordError(f"bad time {value!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)


def _is_robot(agent: str | None) -> bool:
    """服务助手, 智能客服, xxx:服务助手 … — the shop's robot account."""
    if agent is None:
        return False
    name = fold(agent).rsplit(":", 1)[-1]
    return any(marker in name for marker in ROBOT_NAMES) or _ROBOT_WORDS.search(name) is not None


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def message_from_record(
    record: Mapping[str, Any],
    mapping: dict[str, str],
    zone: tzinfo,
    file: str,
    line: int,
    defaults: Mapping[str, Any] | None = None,
) -> Message:
    """Build a Message; RecordError says what is missing or wrong."""
    def get(target: str) -> Any:
        source = mapping.get(target)
        value = record.get(source) if source is not None else None
        if (value is None or value == "") and defaults:
            value = defaults.get(target)
        return value

    conversation_id = _clean(get("conversation_id"))
    if conversation_id is None:
        raise RecordError('missing conversation id (field "conversation_id" or 会话ID)')
    role_value = get("role")
    if role_value is None or role_value == "":
        raise RecordError('missing role (field "role" or 角色)')
    text = get("text")
    if text is None:
        raise RecordError('missing text (field "text" or 内容)')
    if isinstance(text, (dict, list)):
        raise RecordError("text is not a string")
    channel = _clean(get("channel"))
    role = parse_role(role_value)
    agent = _clean(get("agent"))
    text = str(text)
    if role == "agent" and (_is_robot(agent) or text.startswith(SYSTEM_TEXTS)):
        role = "system"
    return Message(
        conversation_id=conversation_id,
        role=role,
        text=text[:MAX_TEXT],
        time=parse_time(get("time"), zone),
        agent=agent,
        id=_clean(get("id")),
        channel=_CHANNELS.get(channel.lower(), channel.lower()) if channel else None,
        shop=_clean(get("shop")),
        customer=_clean(get("customer")),
        file=file,
        line=line,
        suppressed=tuple(record.get("__suppress__", ())),
        text_positions=tuple(record.get("__positions__", ())),
    )
