"""Africa/Casablanca in every layer: Morocco on UTC+00 since 2026-09-20 (IANA tzdata 2026c).

The host's tz data may be older; Python, the C library (log timestamps) and the database must
still give 12:00 for 2026-09-21 12:00Z, 13:00 for 2024-06-01 12:00Z, 12:00 for 2024-03-20 12:00Z.
"""

import datetime
import logging

import pytest
from django.core.management import call_command
from django.db.models import DateTimeField
from django.db.models.functions import Trunc
from django.urls import reverse
from django.utils import timezone

from core.checks import check_time_zone
from meetings.models import Meeting

from .test_editing import meeting_data

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def at(*args):
    return datetime.datetime(*args, tzinfo=UTC)


def test_python_and_django_give_the_current_offsets():
    assert f"{timezone.localtime(at(2026, 9, 21, 12, 0)):%H:%M%z}" == "12:00+0000"
    assert f"{timezone.localtime(at(2024, 6, 1, 12, 0)):%H:%M%z}" == "13:00+0100"
    assert f"{timezone.localtime(at(2024, 3, 20, 12, 0)):%H:%M%z}" == "12:00+0000"


def test_a_log_line_carries_the_local_time_of_the_c_library():
    record = logging.LogRecord("sse", logging.INFO, __file__, 1, "saved", None, None)
    record.created = at(2026, 9, 21, 12, 0).timestamp()
    assert logging.Formatter("%(asctime)s %(message)s").format(record).startswith("2026-09-21 12:00:00,")
    record.created = at(2024, 6, 1, 12, 0).timestamp()
    assert logging.Formatter("%(asctime)s").format(record).startswith("2024-06-01 13:00:00,")


def test_the_database_converts_with_current_offsets(meeting):
    """``__date`` and ``Trunc`` run in the database on PostgreSQL (AT TIME ZONE), in Python on SQLite."""
    history = Meeting.history.model
    row = history.objects.filter(id=meeting.pk).first()
    history.objects.filter(pk=row.pk).update(history_date=at(2026, 9, 20, 23, 30))  # 23:30 local, +00
    assert history.objects.filter(pk=row.pk, history_date__date=datetime.date(2026, 9, 20)).exists()
    history.objects.filter(pk=row.pk).update(history_date=at(2026, 9, 21, 12, 40))
    hour = history.objects.filter(pk=row.pk).annotate(hour=Trunc("history_date", "hour", output_field=DateTimeField()))
    assert f"{timezone.localtime(hour.get().hour):%Y-%m-%d %H:%M}" == "2026-09-21 12:00"


def test_a_history_page_shows_the_local_time(staff_client, meeting):
    history = Meeting.history.model
    history.objects.filter(id=meeting.pk).update(history_date=at(2026, 9, 21, 12, 5))
    page = staff_client.get(reverse("core:record_history", args=["meetings", "meeting", meeting.pk]))
    assert "21 شتنبر 2026، 12:05 (\u2066غرينتش\u2069)" in page.content.decode()  # with the offset then in force


def test_the_system_check_passes_here_and_fails_on_stale_offsets():
    call_command("check", databases=["default"])  # raises SystemCheckError on any error, database included
    stale = datetime.timezone(datetime.timedelta(hours=1))  # what 2025b data says of Morocco after 2026-09-20
    with timezone.override(stale):
        errors = check_time_zone()
    assert [e.id for e in errors] == ["core.E001"]
    assert "2026-09-21 12:00Z is 13:00, not 12:00" in errors[0].msg and "2024-03-20 12:00Z is 13:00" in errors[0].msg


@pytest.mark.usefixtures("english")
def test_a_meeting_time_the_clocks_skip_is_refused_and_one_shown_twice_is_kept(staff_client):
    url = reverse("meetings:meeting_create")
    skipped = staff_client.post(url, meeting_data(date="2026-03-22", start_time="02:30", end_time="04:00"))
    assert skipped.status_code == 200
    assert skipped.context["form"].errors["start_time"] == [
        "02:30 does not exist on that day in Morocco: the clocks skip that hour."
    ]
    # 01:30 on 2026-09-20 shows twice (02:00 +01 became 01:00 +00): kept as the wall clock says.
    twice = staff_client.post(url, meeting_data(date="2026-09-20", start_time="01:30", end_time="03:00"))
    assert twice.status_code == 302
    assert Meeting.objects.get(date=datetime.date(2026, 9, 20)).start_time == datetime.time(1, 30)
