"""`reply_time`: a customer waited too long for an agent, or a question was left unanswered."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from ..durations import WorkingHours, describe_duration, parse_duration, parse_periods, parse_timezone
from ..model import UNASSIGNED
from ..text import asks, has_media, only_words, words_pattern
from ..view import ConversationView, Hit

if TYPE_CHECKING:
    from ..rulebook import CompileContext

    from ..schema import Fields

PLACEHOLDERS = frozenset({"wait", "limit", "since"})
NEEDS_TIME = True


@dataclass(frozen=True)
class Settings:
    limit: float
    channel_limits: dict[str, float]
    hours: WorkingHours
    count_unanswered_end: bool
    unanswered_message: str
    closing: re.Pattern[str] | None
    asking: re.Pattern[str] | None
    ended_by: re.Pattern[str] | None
    replies_from: tuple[str, ...]

    def limit_for(self, channel: str) -> float:
        return self.channel_limits.get(channel, self.limit)


def settings(fields: Fields, context: CompileContext) -> Settings:
    limits = fields.sub("channel_limits", None)
    channel_limits = {}
    if limits is not None:
        channel_limits = {str(key): limits.parsed(str(key), parse_duration) for key in limits.mapping}
    return Settings(
        limit=fields.parsed("limit", parse_duration, 180.0),
        channel_limits=channel_limits,
        hours=WorkingHours(
            periods=fields.parsed("working_hours", parse_periods, ()),
            zone=fields.parsed("timezone", parse_timezone, parse_timezone("Asia/Shanghai")),
        ),
        count_unanswered_end=fields.flag("count_unanswered_end", True),
        unanswered_message=fields.template(
            "unanswered_message", PLACEHOLDERS | {"match", "id", "title", "name"}, "客户最后的消息没有得到回复"
        ),
        closing=words_pattern(context.words(fields, "closing")),
        asking=words_pattern(context.words(fields, "asking")),
        ended_by=words_pattern(context.words(fields, "ended_by")),
        replies_from=("agent", "system") if fields.flag("system_replies_count", False) else ("agent",),
    )


def check(settings: Settings, view: ConversationView) -> Iterator[Hit]:
    messages = view.messages
    limit = settings.limit_for(view.conversation.channel)
    waiting_since: int | None = None
    for index, message in enumerate(messages):
        if message.role == "customer":
            # 「好的,谢谢」 needs no reply: the wait starts with the first line that does. A picture or
            # file (「能截个图给我看看吗」「[图片]」) is something to look at and answer, not a closing.
            if waiting_since is None and (has_media(message.text)
                                          or not only_words(view.texts[index].norm, settings.closing)):
                waiting_since = index
        elif message.role in settings.replies_from and waiting_since is not None:
            asked, answered = messages[waiting_since].time, message.time
            if asked is not None and answered is not None:
                wait = settings.hours.seconds_between(asked, answered)
                if wait > limit:
                    yield Hit(index, agent=message.agent or UNASSIGNED, values={
                        "wait": describe_duration(wait),
                        "limit": describe_duration(limit),
                        "since": asked.strftime("%H:%M:%S"),
                    })
            waiting_since = None
    if settings.count_unanswered_end and waiting_since is not None and not _ended_by_agent(settings, view):
        for index in range(waiting_since, len(messages)):
            if messages[index].role != "customer" or messages[index].time is None:
                continue
            # Only a question or request needs an answer; 「好的,谢谢」 or 「恢复了」 ends the chat.
            if asks(view.texts[index].norm, settings.asking, settings.closing):
                agent = view.answering_agent(index) or UNASSIGNED
                yield Hit(index, agent=agent, message=settings.unanswered_message, values={
                    "wait": "未回复", "limit": describe_duration(limit),
                    "since": messages[index].time.strftime("%H:%M:%S"),
                })
                return


def _ended_by_agent(settings: Settings, view: ConversationView) -> bool:
    """The agent's last line closed the chat (「先结束会话了」): what the customer says after it went
    unanswered because the agent left, which is a forced end for another rule to judge, not a wait."""
    last = view.previous(len(view.messages), "agent")
    return (settings.ended_by is not None and last is not None
            and settings.ended_by.search(view.texts[last].norm) is not None)
