"""Dates as the council writes them: Moroccan Arabic month names, French and English otherwise."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .i18n import separator

# The month names used in Morocco (and in the source article: "11 ماي 2022").
MOROCCAN_MONTHS = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "ماي",
    "يونيو",
    "يوليوز",
    "غشت",
    "شتنبر",
    "أكتوبر",
    "نونبر",
    "دجنبر",
]


def _arabic() -> bool:
    return (get_language() or "ar").startswith("ar")


def format_day(day: datetime.date) -> str:
    """``2022-05-11`` as "11 ماي 2022" in Arabic, "11 mai 2022" in French, "11 May 2022" in English."""
    if _arabic():
        return f"{day.day} {MOROCCAN_MONTHS[day.month - 1]} {day.year}"
    return date_format(day, "j F Y")


def format_month(day: datetime.date) -> str:
    """The month of ``day``: "مارس 2022", "mars 2022", "March 2022"."""
    if _arabic():
        return f"{MOROCCAN_MONTHS[day.month - 1]} {day.year}"
    return date_format(day, "F Y")


def format_period(start: datetime.date | None, end: datetime.date | None) -> str:
    """A period: a whole calendar month as its month, otherwise "17 مارس 2022 – 23 مارس 2022"."""
    if start and end:
        next_day = end + datetime.timedelta(days=1)
        if start.day == 1 and next_day.day == 1 and (start.year, start.month) == (end.year, end.month):
            return format_month(start)
        return f"{format_day(start)} – {format_day(end)}"
    if start:
        return _("from %(date)s") % {"date": format_day(start)}
    if end:
        return _("until %(date)s") % {"date": format_day(end)}
    return ""


def zone_label(day: datetime.date, moment: datetime.time) -> str:
    """The portal time zone's offset at that wall-clock time, e.g. "UTC+1" (11 May 2022) or "UTC"
    (since 2026-09-20); "غرينتش+1" in Arabic. Kept left to right inside Arabic text."""
    offset = datetime.datetime.combine(day, moment, tzinfo=timezone.get_default_timezone()).utcoffset()
    minutes = int(offset.total_seconds() // 60)
    sign, minutes = ("+" if minutes >= 0 else "-"), abs(minutes)
    offset = "" if not minutes else f"{sign}{minutes // 60}" + (f":{minutes % 60:02d}" if minutes % 60 else "")
    utc = _("UTC")
    return f"\u2066{utc}{offset}\u2069"


def format_when(date, start_time=None, end_time=None, period_start=None, period_end=None, next_day=False) -> str:
    """When something happens: a date (with its times, Africa/Casablanca wall clock, only when known,
    followed by the offset then in force: Morocco has changed it often), else its period. A date
    known without a time is never shown as midnight; an end ``next_day`` says so."""
    if date:
        if start_time:
            times = f"{start_time:%H:%M}–{end_time:%H:%M}" if end_time else f"{start_time:%H:%M}"
            if end_time and next_day:
                times += " " + _("(the next day)")
            return f"{format_day(date)}{separator()}{times} ({zone_label(date, start_time)})"
        return format_day(date)
    return format_period(period_start, period_end)


def skipped_by_the_clock(day: datetime.date, moment: datetime.time, zone=None) -> bool:
    """True when ``day`` at ``moment`` never shows on the clocks of ``zone`` (default: the portal's,
    Africa/Casablanca): it falls in the hour skipped when the clocks go forward (e.g. 02:30 on
    2026-03-22, after Ramadan). A time that shows twice (when they go back) is not skipped.
    """
    zone = zone or timezone.get_default_timezone()
    naive = datetime.datetime.combine(day, moment)
    shown = naive.replace(tzinfo=zone).astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None)
    return shown != naive
