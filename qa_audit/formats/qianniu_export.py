"""千牛 聊天记录 export (CSV here; the same columns in .xlsx are read by the xlsx reader).

Columns: 客户名 | 消息序号 | 发送时间 | 发送内容 | 发送账号 | 账号类型 (客户 / 客服). No public
specification of this export was found; the columns are those named in the project brief and the
account names follow 千牛's 「店铺名:子账号」 convention (see qianniu_page).

- A conversation is one customer on one day: ``<客户名> <YYYY-MM-DD>`` (the export has no session
  id, and a shop talks to the same buyer again on other days).
- 发送账号 「店铺名:子账号」 gives agent = 子账号 and shop = 店铺名.
- The shop's robot accounts (服务助手, 机器人, 店小蜜, 智能客服, 自动回复) are role "system", whatever
  账号类型 says; a message's id is ``<conversation>#<消息序号>`` because 消息序号 counts per chat.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Iterator, Mapping

from ..diagnostics import Diagnostics
from . import table
from .records import Record
from .source import Source

NAME = "qianniu_export"
DESCRIPTION = "千牛 export: 客户名, 消息序号, 发送时间, 发送内容, 发送账号, 账号类型 (CSV; .xlsx via xlsx)"
SUFFIXES = (".csv",)

COLUMNS = ("客户名", "消息序号", "发送时间", "发送内容", "发送账号", "账号类型")
REQUIRED = ("客户名", "发送时间", "发送内容", "发送账号")
ROBOT_ACCOUNTS = ("服务助手", "机器人", "店小蜜", "智能客服", "自动回复")
_ROLES = {"客户": "customer", "买家": "customer", "客服": "agent", "卖家": "agent", "系统": "system"}
_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")


def is_header(cells: list[str]) -> bool:
    """Whether a header row is this export's (all required columns, and 账号类型 or 消息序号)."""
    names = {cell.strip().strip('"').lstrip("\ufeff") for cell in cells}
    return all(column in names for column in REQUIRED) and bool(names & {"账号类型", "消息序号"})


def sniff(head: str, suffix: str) -> int:
    first = head.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    return 90 if is_header(first.split(delimiter)) else 0


def read(source: Source, diagnostics: Diagnostics) -> Iterator[Record]:
    for record in table.read(source, diagnostics):
        fields = canonical(record.fields)
        if isinstance(fields, str):
            diagnostics.skip(record.file, record.line, fields)
            continue
        yield Record(fields, record.file, record.line)


def canonical(row: Mapping[str, Any]) -> dict[str, Any] | str:
    """The canonical fields of one export row, or why it cannot be read."""
    cells = {str(key).strip(): value for key, value in row.items() if key is not None}
    customer = _text(cells.get("客户名"))
    account = _text(cells.get("发送账号")).replace("：", ":")
    sent = cells.get("发送时间")
    if not customer:
        return "empty 客户名 (the customer, needed to group the conversation)"
    day = _day(sent)
    if day is None:
        return f"发送时间 {sent!r} is not a date and time (expected e.g. 2024-05-06 10:00:01)"
    shop, _, sub_account = account.rpartition(":") if ":" in account else ("", "", account)
    role = _ROLES.get(_text(cells.get("账号类型")))
    if role is None:
        role = "customer" if account == customer else "agent" if shop else None
    if role is None:
        return f"账号类型 {cells.get('账号类型')!r} is not 客户 or 客服"
    if role == "agent" and any(marker in sub_account for marker in ROBOT_ACCOUNTS):
        role = "system"
    conversation = f"{customer} {day}"
    fields: dict[str, Any] = {
        "conversation_id": conversation, "role": role, "customer": customer,
        "time": sent.isoformat(sep=" ") if isinstance(sent, datetime) else sent,
        "text": _text(cells.get("发送内容"), strip=False),
    }
    number = _text(cells.get("消息序号"))
    if number:
        fields["id"] = f"{conversation}#{number}"
    if shop:
        fields["shop"] = shop
    if role == "agent":
        fields["agent"] = sub_account
    return fields


def _text(value: Any, strip: bool = True) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # Excel keeps 消息序号 as a float
    return str(value).strip() if strip else str(value)


def _day(value: Any) -> str | None:
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    found = _DATE.match(str(value or "").strip())
    if not found:
        return None
    year, month, day = (int(part) for part in found.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"
