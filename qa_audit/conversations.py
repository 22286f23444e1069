"""Messages → conversations, each handed on as soon as it is complete."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Iterable, Iterator

from .diagnostics import Diagnostics
from .model import Conversation, Message

_EARLIEST = datetime.min.replace(tzinfo=timezone.utc)

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
            yield from _flush(open_, closed, lambda _: True)
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
            yield from _flush(open_, closed, lambda last: count - last > idle_records)
            if len(closed) > _CLOSED_MEMORY:
                closed.clear()  # bounded memory: only recent conversations are checked for splits
    yield from _flush(open_, closed, lambda _: True)


def _flush(open_: dict, closed: set, is_done) -> Iterator[Conversation]:
    done = [key for key, (_, last) in open_.items() if is_done(last)]
    for key in done:
        conversation, _ = open_.pop(key)
        closed.add(key)
        yield in_time_order(conversation)


def in_time_order(conversation: Conversation) -> Conversation:
    """Sort by time, stable for ties; a message without a time keeps its place after its predecessor."""
    keys = []
    latest = _EARLIEST
    for message in conversation.messages:
        if message.time is not None:
            latest = message.time
        keys.append(latest)
    order = sorted(range(len(keys)), key=keys.__getitem__)
    conversation.messages = [conversation.messages[index] for index in order]
    return conversation
