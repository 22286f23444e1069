"""Durations and working hours as rule files write them ("3m", "30s", "09:00-18:00")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(h|小时|m|min|分钟|分|s|sec|秒)")
_UNIT_SECONDS = {"h": 3600, "小时": 3600, "m": 60, "min": 60, "分钟": 60, "分": 60, "s": 1, "sec": 1, "秒": 1}


def parse_duration(value: object) -> float:
    """Seconds from a number (seconds) or text such as "3m", "1h30m", "30s", "3分钟"."""
    if isinstance(value, bool):
        raise ValueError(f"expected a duration such as 180, 3m or 30s, got {value!r}")
    if isinstance(value, (int, float)):
        if value < 0:
            raise ValueError(f"a duration cannot be negative, got {value}")
        return float(value)
    text = str(value).strip().lower()
    parts = _PART.findall(text)
    if not parts or _PART.sub("", text).strip():
        raise ValueError(f"expected a duration such as 180, 3m or 30s, got {value!r}")
    return sum(float(amount) * _UNIT_SECONDS[unit] for amount, unit in parts)


def describe_duration(seconds: float) -> str:
    """Chinese reading of a duration: 3分钟, 5分12秒, 45秒."""
    whole = int(round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(f"{hours}小时")
    if minutes:
        parts.append(f"{minutes}分" + ("钟" if not secs and not hours else ""))
    if secs or not parts:
        parts.append(f"{secs}秒")
    return "".join(parts)


def parse_timezone(value: object) -> ZoneInfo:
    try:
        return ZoneInfo(str(value))
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {value!r} (e.g. Asia/Shanghai)") from None


@dataclass(frozen=True)
class WorkingHours:
    """Daily working periods in a time zone; waits count only inside them."""

    periods: tuple[tuple[time, time], ...]  # empty = all day
    zone: ZoneInfo

    def seconds_between(self, start: datetime, end: datetime) -> float:
        if end <= start:
            return 0.0
        if not self.periods:
            return (end - start).total_seconds()
        start, end = start.astimezone(self.zone), end.astimezone(self.zone)
        total = 0.0
        day = start.date()
        while day <= end.date():
            for opens, closes in self.periods:
                period_start = datetime.combine(day, opens, self.zone)
                period_end = datetime.combine(day, closes, self.zone) if closes != time(0) else \
                    datetime.combine(day + timedelta(days=1), time(0), self.zone)
                overlap = (min(end, period_end) - max(start, period_start)).total_seconds()
                total += max(0.0, overlap)
            day += timedelta(days=1)
        return total


_PERIOD = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


def parse_periods(value: object) -> tuple[tuple[time, time], ...]:
    """Working periods from ["09:00-12:00", "13:30-22:00"]; "00:00-24:00" or [] is all day."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise ValueError(f'expected periods such as ["09:00-18:00"], got {value!r}')
    periods = []
    for item in items:
        found = _PERIOD.match(str(item))
        if not found:
            raise ValueError(f'expected a period such as "09:00-18:00", got {item!r}')
        h1, m1, h2, m2 = (int(part) for part in found.groups())
        if h1 > 23 or m1 > 59 or h2 > 24 or m2 > 59 or (h2 == 24 and m2):
            raise ValueError(f"not a time of day in {item!r}")
        opens, closes = time(h1, m1), time(0) if h2 == 24 else time(h2, m2)
        if closes != time(0) and closes <= opens:
            raise ValueError(f"a period must end after it starts: {item!r}")
        periods.append((opens, closes))
    if periods == [(time(0), time(0))]:
        return ()
    return tuple(periods)
