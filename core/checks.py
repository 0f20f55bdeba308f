"""System checks: the portal's time zone gives the offsets of current IANA data in every layer.

Morocco moved to permanent UTC+00 on 2026-09-20 (IANA tzdata 2026c); older data shows every
later time an hour ahead. ``SAMPLES`` are instants whose Africa/Casablanca wall clock differs
between old and current data or across Ramadan (source: IANA tzdata 2026c, ``africa`` file).
"""

import datetime
import time

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.db import connections
from django.utils import timezone

UTC = datetime.UTC
SAMPLES = {
    "Africa/Casablanca": [
        (datetime.datetime(2026, 9, 21, 12, 0, tzinfo=UTC), "2026-09-21 12:00"),  # +00 since 2026-09-20
        (datetime.datetime(2024, 6, 1, 12, 0, tzinfo=UTC), "2024-06-01 13:00"),  # +01 then
        (datetime.datetime(2024, 3, 20, 12, 0, tzinfo=UTC), "2024-03-20 12:00"),  # Ramadan: +00
    ]
}


def _stale(layer: str, code: str, wrong: list[str]) -> list[Error]:
    if not wrong:
        return []
    return [
        Error(
            f"{layer} gives stale offsets for {settings.TIME_ZONE}: {'; '.join(wrong)}.",
            hint="Install tzdata 2026.3 or newer from PyPI (pyproject.toml) and keep TZDIR pointing at it "
            "(sse_portal/settings.py); for PostgreSQL, upgrade the host's tzdata package and restart the server "
            "(scripts/update_tzdata.sh).",
            id=code,
        )
    ]


def _compare(local_of) -> list[str]:
    """Each sample whose wall clock (``local_of(utc instant)``, naive) is not the expected "YYYY-MM-DD HH:MM"."""
    wrong = []
    for instant, expected in SAMPLES.get(settings.TIME_ZONE, []):
        got = f"{local_of(instant):%Y-%m-%d %H:%M}"
        if got != expected:
            wrong.append(f"{instant:%Y-%m-%d %H:%M}Z is {got[-5:]}, not {expected[-5:]}")
    return wrong


class _Clock:
    """A C library ``struct_time`` formatted like a datetime (``time.strftime``)."""

    def __init__(self, struct):
        self.struct = struct

    def __format__(self, spec):
        return time.strftime(spec, self.struct)


@register(Tags.compatibility)
def check_time_zone(app_configs=None, **kwargs) -> list[Error]:
    """Python's zoneinfo (Django's localtime) and the C library's localtime (log timestamps)."""
    python = _compare(lambda instant: timezone.localtime(instant).replace(tzinfo=None))
    c_library = _compare(lambda instant: _Clock(time.localtime(instant.timestamp())))
    return _stale("Python's zoneinfo", "core.E001", python) + _stale("The C library", "core.E002", c_library)


@register(Tags.database)
def check_database_time_zone(app_configs=None, databases=None, **kwargs) -> list[Error]:
    """PostgreSQL converts times itself (``AT TIME ZONE``, ``__date``, ``Trunc``) from the host's tz data."""
    errors = []
    for alias in databases or []:
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue  # SQLite's date functions are Django's, in Python: checked above

        def local_of(instant, connection=connection):
            with connection.cursor() as cursor:
                cursor.execute("SELECT %s::timestamptz AT TIME ZONE %s", [instant, settings.TIME_ZONE])
                return cursor.fetchone()[0]

        errors += _stale(f"PostgreSQL ({alias})", "core.E003", _compare(local_of))
    return errors
