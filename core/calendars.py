"""iCalendar files (RFC 5545) whose times stay right in Morocco, whatever the client's own tz data.

Africa/Casablanca moved its clocks back for each Ramadan until 2026 (a few weeks on UTC+00
within UTC+01) and stays on UTC+00 since 2026-09-20 (IANA 2026c). Rules cannot say that, and
generic VTIMEZONE builders miss the short Ramadan periods, so ``vtimezone`` writes every
transition of the events' span as it is, read from the tz data the portal ships (PyPI tzdata).
"""

import datetime
import functools
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone, TimezoneDaylight, TimezoneStandard

HOUR = datetime.timedelta(hours=1)


def transitions(zone: ZoneInfo, start: datetime.datetime, end: datetime.datetime) -> list[datetime.datetime]:
    """The UTC instants in [start, end] (aware) at which ``zone``'s offset changes, to the minute."""
    found, moment = [], start.astimezone(datetime.UTC)
    end = end.astimezone(datetime.UTC)
    offset = moment.astimezone(zone).utcoffset()
    while moment < end:
        step = moment + HOUR
        if step.astimezone(zone).utcoffset() != offset:
            low, high = moment, step  # narrow to the minute
            while high - low > datetime.timedelta(minutes=1):
                middle = low + (high - low) / 2
                low, high = (middle, high) if middle.astimezone(zone).utcoffset() == offset else (low, middle)
            found.append(high.replace(second=0, microsecond=0))
            offset = step.astimezone(zone).utcoffset()
        moment = step
    return found


def vtimezone(name: str, start: datetime.date, end: datetime.date) -> Timezone:
    """The VTIMEZONE of ``name`` from the year before ``start`` to the year after ``end``: one
    observance for the offset in force at the beginning, then one per transition (no RRULE)."""
    timezone = Timezone()
    timezone.add("tzid", name)
    for local_start, offset_from, offset_to, dst in _observances(name, start.year - 1, end.year + 1):
        timezone.add_component(_observance(local_start, offset_from, offset_to, dst))
    return timezone


@functools.lru_cache(maxsize=32)
def _observances(name: str, first_year: int, last_year: int) -> tuple:
    zone = ZoneInfo(name)
    first = datetime.datetime(first_year, 1, 1, tzinfo=datetime.UTC)
    last = datetime.datetime(last_year + 1, 1, 1, tzinfo=datetime.UTC)
    before = first.astimezone(zone)
    rows = [(before.replace(tzinfo=None), before.utcoffset(), before.utcoffset(), bool(before.dst()))]
    for moment in transitions(zone, first, last):
        old = (moment - datetime.timedelta(minutes=1)).astimezone(zone).utcoffset()
        new = moment.astimezone(zone)
        rows.append(((moment + old).replace(tzinfo=None), old, new.utcoffset(), bool(new.dst())))
    return tuple(rows)


def _observance(local_start, offset_from, offset_to, dst):
    observance = TimezoneDaylight() if dst else TimezoneStandard()
    observance.add("dtstart", local_start)
    observance.add("tzoffsetfrom", offset_from)
    observance.add("tzoffsetto", offset_to)
    observance.add("tzname", _offset_name(offset_to))
    return observance


def _offset_name(offset: datetime.timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    return f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}"


def calendar(name: str) -> Calendar:
    """An empty VCALENDAR (PRODID, VERSION, the calendar's display name)."""
    ical = Calendar()
    ical.add("prodid", "-//SSE Portal//Drâa-Tafilalet//AR")
    ical.add("version", "2.0")
    ical.add("calscale", "GREGORIAN")
    ical.add("x-wr-calname", name)
    return ical
