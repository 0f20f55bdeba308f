"""Dates as the council writes them: Moroccan Arabic month names, French and English otherwise."""

import calendar
import datetime
import re

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .folding import normalize
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


def precision(start: datetime.date | None, end: datetime.date | None) -> str:
    """How precisely a period ``start``..``end`` says when: "year" for a whole calendar year,
    "month" for a whole calendar month, otherwise "days" (or "" without both ends)."""
    if not (start and end):
        return ""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return "year"
    next_day = end + datetime.timedelta(days=1)
    if start.day == 1 and next_day.day == 1 and (start.year, start.month) == (end.year, end.month):
        return "month"
    return "days"


def format_period(start: datetime.date | None, end: datetime.date | None) -> str:
    """A period as the source gave it: a whole calendar year as "2024", a whole month as
    "مارس 2022" / "mars 2022", otherwise "17 مارس 2022 – 23 مارس 2022"."""
    if start and end:
        known_to = precision(start, end)
        if known_to == "year":
            return str(start.year)
        if known_to == "month":
            return format_month(start)
        return f"{format_day(start)} – {format_day(end)}" if start != end else format_day(start)
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
            day = f"{format_day(date)}{separator()}{times} ({zone_label(date, start_time)})"
        else:
            day = format_day(date)
        if period_start or period_end:  # both were given: the day is kept, the period said beside it
            return _("%(day)s (period given: %(period)s)") % {
                "day": day,
                "period": format_period(period_start, period_end),
            }
        return day
    return format_period(period_start, period_end)


# Month names as typed in a form, folded by core.folding.normalize: Moroccan and Mashriqi Arabic,
# French (without accents) and English.
_MONTH_NAMES = [
    ("يناير", "كانون الثاني", "janvier", "january", "jan"),
    ("فبراير", "شباط", "fevrier", "february", "feb", "fev"),
    ("مارس", "اذار", "mars", "march", "mar"),
    ("ابريل", "نيسان", "avril", "april", "apr", "avr"),
    ("ماي", "مايو", "ايار", "mai", "may"),
    ("يونيو", "يونيه", "حزيران", "juin", "june", "jun"),
    ("يوليوز", "يوليو", "تموز", "juillet", "july", "jul"),
    ("غشت", "اغسطس", "اب", "aout", "august", "aug"),
    ("شتنبر", "سبتمبر", "ايلول", "septembre", "september", "sep", "sept"),
    ("اكتوبر", "تشرين الاول", "octobre", "october", "oct"),
    ("نونبر", "نوفمبر", "تشرين الثاني", "novembre", "november", "nov"),
    ("دجنبر", "ديسمبر", "كانون الاول", "decembre", "december", "dec"),
]
_MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names}
_NUMERIC_MONTH = re.compile(r"^(?:(\d{1,2})[/.\-](\d{4})|(\d{4})[/.\-](\d{1,2}))$")


def month_or_year(text: str) -> tuple[datetime.date, datetime.date]:
    """The first and last days of the month or year written in ``text``: "2024", "03/2022",
    "2022-03", "mars 2022", "مارس 2022", "March 2022" (either kind of digits).

    Raises ValueError when ``text`` names neither a month nor a year between 1900 and 2100.
    """
    folded = normalize(text).replace("،", " ").replace(",", " ").strip()
    year = month = None
    if folded.isdigit() and len(folded) == 4:
        year = int(folded)
    elif match := _NUMERIC_MONTH.match(folded):
        month, year = (int(match[1]), int(match[2])) if match[1] else (int(match[4]), int(match[3]))
    else:
        name, _sep, digits = folded.rpartition(" ")
        if digits.isdigit() and len(digits) == 4 and name.strip() in _MONTHS:
            month, year = _MONTHS[name.strip()], int(digits)
    if year is None or not 1900 <= year <= 2100 or (month is not None and not 1 <= month <= 12):
        raise ValueError(text)
    if month is None:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, 1), datetime.date(year, month, last)


def skipped_by_the_clock(day: datetime.date, moment: datetime.time, zone=None) -> bool:
    """True when ``day`` at ``moment`` never shows on the clocks of ``zone`` (default: the portal's,
    Africa/Casablanca): it falls in the hour skipped when the clocks go forward (e.g. 02:30 on
    2026-03-22, after Ramadan). A time that shows twice (when they go back) is not skipped.
    """
    zone = zone or timezone.get_default_timezone()
    naive = datetime.datetime.combine(day, moment)
    shown = naive.replace(tzinfo=zone).astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None)
    return shown != naive


_MONTH_WORD = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_DATE_IN_TEXT = re.compile(
    rf"(?<!\w)(?:(?P<d>\d{{1,2}})[/.\-](?P<m>\d{{1,2}})[/.\-](?P<y>\d{{4}})"
    rf"|(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})"
    rf"|(?:(?P<nd>\d{{1,2}})\s+)?(?P<name>{_MONTH_WORD})\s+(?P<ny>\d{{4}})"
    rf"|(?P<mm>\d{{1,2}})[/.\-](?P<my>\d{{4}})|(?P<yy>\d{{4}})[/.\-](?P<ym>\d{{1,2}}))(?!\w)"
)


def _period_of(match: re.Match) -> tuple[datetime.date, datetime.date]:
    """The first and last days a ``_DATE_IN_TEXT`` match names (ValueError when there is none)."""
    if match["name"]:
        year, month, day = int(match["ny"]), _MONTHS[match["name"]], match["nd"]
    else:
        year = int(match["y"] or match["iy"] or match["my"] or match["yy"])
        month, day = int(match["m"] or match["im"] or match["mm"] or match["ym"]), match["d"] or match["id"]
    if day:
        return datetime.date(year, month, int(day)), datetime.date(year, month, int(day))
    return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])


def periods_in(query: str) -> tuple[str, list[tuple[datetime.date, datetime.date]]]:
    """The days and months a search names, and the rest of it: "اجتماع 11 ماي 2022" gives
    ("اجتماع", [(2022-05-11, 2022-05-11)]); "11/05/2022", "2022-05-11", "11 mai 2022" name a
    day (day first, as written in Morocco), "mai 2022", "ماي 2022" and "05/2022" a month; either
    kind of digits. A year alone and impossible dates ("31/02/2022") stay words of the search."""
    periods = []

    def taken(match: re.Match) -> str:
        try:
            periods.append(_period_of(match))
        except ValueError:
            return match[0]
        return " "

    rest = _DATE_IN_TEXT.sub(taken, normalize(query).replace("،", " ").replace(",", " "))
    return " ".join(rest.split()), periods
