"""Meetings in calendar applications: the secret feed, one meeting's .ics, Morocco's times (issue 13)."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from meetings import calendar
from meetings.models import CalendarFeed, Meeting

from .factories import MeetingFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def utc_of(ical, local: datetime.datetime) -> datetime.datetime:
    """``local`` (Africa/Casablanca wall clock) in UTC by the file's own VTIMEZONE, not a tz database."""
    zone = next(c for c in ical.walk("VTIMEZONE"))
    observances = sorted((o.decoded("dtstart"), o.decoded("tzoffsetto")) for o in zone.subcomponents)
    offset = [to for start, to in observances if start <= local][-1]
    return (local - offset).replace(tzinfo=UTC)


def events(response) -> dict:
    ical = icalendar.Calendar.from_ical(response.content)
    return ical, {str(e["summary"]): e for e in ical.walk("VEVENT")}


def test_events_give_morocco_times_in_and_out_of_ramadan_and_after_2026_09_20(staff_client):
    times = {}
    for title, day, utc in [
        ("خلال رمضان", "2026-03-01", datetime.datetime(2026, 3, 1, 10, 0, tzinfo=UTC)),  # UTC+00 in Ramadan
        ("بعد رمضان", "2026-04-15", datetime.datetime(2026, 4, 15, 9, 0, tzinfo=UTC)),  # UTC+01 after it
        ("بعد 20 شتنبر", "2026-12-10", datetime.datetime(2026, 12, 10, 10, 0, tzinfo=UTC)),  # UTC+00 for good
    ]:
        meeting = MeetingFactory(title_ar=title, date=day, start_time="10:00", end_time="12:00")
        ical, by_title = events(staff_client.get(reverse("meetings:meeting_ics", args=[meeting.pk])))
        event = by_title[title]
        assert event["dtstart"].params["TZID"] == "Africa/Casablanca"
        times[title] = (utc_of(ical, event.decoded("dtstart").replace(tzinfo=None)), utc)
    assert all(got == wanted for got, wanted in times.values()), times


def test_the_feed_lists_what_is_ahead_first_then_the_past_year(staff_client, client, monkeypatch):
    today = timezone.localdate()
    soon = MeetingFactory(title_ar="قريبا", date=today + datetime.timedelta(days=5), start_time="10:00")
    MeetingFactory(title_ar="ملغى", date=today + datetime.timedelta(days=9), status=Meeting.Status.CANCELLED)
    for days in (10, 20, 30):
        MeetingFactory(title_ar=f"قبل {days} يوما", date=today - datetime.timedelta(days=days))
    MeetingFactory(title_ar="قديم", date=today - datetime.timedelta(days=400))
    page = staff_client.get(reverse("meetings:calendar"))
    assert soon.title_ar in page.content.decode() and "قبل 10 يوما" not in page.content.decode()
    response = client.get(page.context["feed_url"])  # calendar applications do not sign in
    assert response["Content-Type"].startswith("text/calendar") and response["Cache-Control"].startswith(
        "private, no-store"
    )
    _ical, by_title = events(response)
    assert {"قريبا", "ملغى", "قبل 10 يوما", "قبل 30 يوما"} <= set(by_title) and "قديم" not in by_title
    assert str(by_title["ملغى"]["status"]) == "CANCELLED" and str(by_title["قريبا"]["status"]) == "CONFIRMED"
    assert by_title["ملغى"].decoded("dtstart") == today + datetime.timedelta(days=9)  # no times: all day
    monkeypatch.setattr(calendar, "FEED_MAX", 3)  # a full feed keeps what is ahead, then the newest past
    _ical, by_title = events(client.get(page.context["feed_url"]))
    assert set(by_title) == {"قريبا", "ملغى", "قبل 10 يوما"}


def test_an_edit_raises_the_sequence_and_keeps_the_uid(staff_client):
    meeting = MeetingFactory(title_ar="لجنة", date="2026-12-15", start_time="09:00")
    url = reverse("meetings:meeting_ics", args=[meeting.pk])
    _ical, first = events(staff_client.get(url))
    meeting.venue = "مقر الجهة"
    meeting.save()
    _ical, second = events(staff_client.get(url))
    assert first["لجنة"]["uid"] == second["لجنة"]["uid"] == f"meeting-{meeting.pk}@sse-portal"
    assert (first["لجنة"]["sequence"], second["لجنة"]["sequence"]) == (0, 1)
    assert str(second["لجنة"]["location"]) == "مقر الجهة"


def test_the_real_meeting_downloads_as_an_all_day_event(partner_client):
    meeting = Meeting.objects.filter(date="2022-05-11").order_by("pk").first()
    _ical, by_title = events(partner_client.get(reverse("meetings:meeting_ics", args=[meeting.pk])))
    event = by_title[meeting.title_ar]
    assert event.decoded("dtstart") == datetime.date(2022, 5, 11) and event.decoded("dtend") == datetime.date(
        2022, 5, 12
    )


def test_a_new_address_ends_the_old_one_and_a_user_without_the_role_gets_nothing(
    staff_client, partner_client, client, staff_user, django_user_model
):
    old = CalendarFeed.of(staff_user).token
    assert staff_client.post(reverse("meetings:calendar_reset")).status_code == 302
    new = CalendarFeed.objects.get(user=staff_user).token
    assert new != old
    assert client.get(reverse("meetings:calendar_feed", args=[old])).status_code == 404
    assert client.get(reverse("meetings:calendar_feed", args=[new])).status_code == 200
    staff_user.groups.clear()
    assert client.get(reverse("meetings:calendar_feed", args=[new])).status_code == 404
    assert partner_client.post(reverse("meetings:calendar_reset")).status_code == 302  # their own address
    client.force_login(django_user_model.objects.create_user("no-role"))
    assert client.post(reverse("meetings:calendar_reset")).status_code == 403
