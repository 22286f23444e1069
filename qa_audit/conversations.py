"""Messages → conversations, each handed on as soon as it is complete."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Iterable, Iterator

from .diagnostics import Diagnostics
from .model import Conversation, Message

_EARLIEST = datetime.min.replace(tzinfo=timezone.utc)
_FUTURE_SLACK = timedelta(days=1)

# A conversation that has not received a message for this many input records is taken to be
# complete. Grouped or time-ordered exports then stream with flat memory; a conversation that
# turns up again later is audited as a second part, with a warning.
IDLE_RECORDS = 20_000
_CLOSED_MEMORY = 50_000


def conversations(
    messages: Iterable[Message], diagnostics: Diagnostics, idle_records: int = IDLE_RECORDS
) -> Iterator[Conversation]:
    """Group messages by (file, conversation id) and order each conversation by time."""
    open_: dict[tuple[str, str], tuple[Conversation, int]] = {}
    closed: set[tuple[str, str]] = set()
    current_file: str | None = None
    for count, message in enumerate(messages):
        if message.file != current_file:
            yield from _flush(open_, closed, lambda _: True, diagnostics)
            closed.clear()
            current_file = message.file
        key = (message.file, message.conversation_id)
        entry = open_.get(key)
        if entry is None:
            if key in closed:
                diagnostics.warn_once(
                    f"split:{key}", message.file, message.line,
                    f"conversation {message.conversation_id} continues after it was audited "
                    f"(more than {idle_records} records later); this part is audited on its own — "
                    "group or sort the file by conversation",
                )
                closed.discard(key)
            entry = (Conversation(message.conversation_id, message.file), count)
        entry[0].messages.append(message)
        open_[key] = (entry[0], count)
        if count % 1024 == 0 and open_:
            yield from _flush(open_, closed, lambda last: count - last > idle_records, diagnostics)
            if len(closed) > _CLOSED_MEMORY:
                closed.clear()  # bounded memory: only recent conversations are checked for splits
    yield from _flush(open_, closed, lambda _: True, diagnostics)


def _flush(open_: dict, closed: set, is_done, diagnostics: Diagnostics) -> Iterator[Conversation]:
    done = [key for key, (_, last) in open_.items() if is_done(last)]
    for key in done:
        conversation, _ = open_.pop(key)
        closed.add(key)
        yield in_time_order(without_duplicates(conversation, diagnostics), diagnostics)


def without_duplicates(conversation: Conversation, diagnostics: Diagnostics) -> Conversation:
    """A message id seen twice in a conversation is one message (exports overlap); said once per file."""
    seen: dict[str, int] = {}
    kept = []
    for message in conversation.messages:
        if message.id is not None and message.id in seen:
            diagnostics.duplicate(message.file)
            diagnostics.warn_once(
                f"duplicate:{message.file}", message.file, message.line,
                f"message id {message.id} already read at line {seen[message.id]}; "
                "duplicates are counted once (said once per file)",
            )
            continue
        if message.id is not None:
            seen[message.id] = message.line
        kept.append(message)
    conversation.messages = kept
    return conversation


def in_time_order(conversation: Conversation, diagnostics: Diagnostics | None = None) -> Conversation:
    """Sort by time, stable for ties; a message without a time keeps its place after its predecessor."""
    keys = []
    latest = _EARLIEST
    for message in conversation.messages:
        if message.time is not None:
            latest = message.time
        keys.append(latest)
    order = sorted(range(len(keys)), key=keys.__getitem__)
    if diagnostics is not None and order != list(range(len(keys))):
        first = conversation.messages[0]
        diagnostics.warn_once(f"order:{first.file}", first.file, first.line,
                              f"messages of conversation {conversation.id} are not in time order; "
                              "they are checked in time order (said once per file)")
    if diagnostics is not None and keys and keys[-1] > datetime.now(timezone.utc) + _FUTURE_SLACK:
        last = conversation.messages[order[-1]]
        diagnostics.warn_once(f"future:{last.file}", last.file, last.line,
                              f"time {last.time.isoformat() if last.time else ''} is in the future; "
                              "check the export's time zone (said once per file)")
    conversation.messages = [conversation.messages[index] for index in order]
    return conversation
