"""Meetings in calendars: the upcoming meetings page, each user's secret iCalendar feed, one meeting's .ics.

Events carry a stable UID per meeting, SEQUENCE = the meeting's version - 1 (raised by each
edit), DTSTAMP, the Arabic title first, and wall-clock times in Africa/Casablanca with the
VTIMEZONE of every transition in their span (core.calendars: right during Ramadan and after
2026-09-20). A meeting known only by its day is an all-day event; one known only by a period
is left out (no day to put it on). Cancelled meetings are marked CANCELLED.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView
from icalendar import Event

from core import shared_cache
from core.calendars import calendar, vtimezone
from core.kept_pages import KeptPageMixin
from core.models import related_count
from core.views import ModelPermissionMixin

from .models import Attendance, CalendarFeed, Meeting
from .views import MeetingDetailView

FEED_DAYS_BACK = 365  # a feed holds the past year and everything ahead
FEED_MAX = 2000


def event(meeting: Meeting, url: str, stamp: datetime.datetime) -> Event:
    """The VEVENT of a meeting that has a day."""
    zone = ZoneInfo(settings.TIME_ZONE)
    item = Event()
    item.add("uid", f"meeting-{meeting.pk}@sse-portal")
    item.add("dtstamp", stamp)
    item.add("sequence", meeting.version - 1)
    item.add("summary", meeting.title_ar or meeting.title_fr)
    if meeting.start_time:
        start = datetime.datetime.combine(meeting.date, meeting.start_time, tzinfo=zone)
        item.add("dtstart", start)
        if meeting.end_time:
            end_day = meeting.date + datetime.timedelta(days=1 if meeting.ends_next_day else 0)
            item.add("dtend", datetime.datetime.combine(end_day, meeting.end_time, tzinfo=zone))
    else:
        item.add("dtstart", meeting.date)
        item.add("dtend", meeting.date + datetime.timedelta(days=1))
    item.add("status", "CANCELLED" if meeting.status == Meeting.Status.CANCELLED else "CONFIRMED")
    place = [part for part in (meeting.venue, meeting.province.name_ar if meeting.province else "") if part]
    if place:
        item.add("location", "، ".join(place))
    item.add("description", f"{meeting.get_kind_display()}\n{url}")
    item.add("url", url)
    return item


def ical_of(meetings, request, name: str) -> bytes:
    """The iCalendar file of the meetings that have a day (a list of Meeting)."""
    dated = [meeting for meeting in meetings if meeting.date]
    ical = calendar(name)
    if dated:
        ical.add_component(vtimezone(settings.TIME_ZONE, min(m.date for m in dated), max(m.date for m in dated)))
    stamp = timezone.now().astimezone(datetime.UTC)
    for meeting in dated:
        ical.add_component(event(meeting, request.build_absolute_uri(meeting.get_absolute_url()), stamp))
    return ical.to_ical()


def ics_response(body: bytes, filename: str) -> HttpResponse:
    """A text/calendar download of ``body`` (``ical_of``)."""
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


class UpcomingMeetingsView(ModelPermissionMixin, KeptPageMixin, ListView):
    """Meetings from today on, soonest first, with the user's calendar address."""

    model = Meeting
    paginate_by = settings.PAGINATE_BY
    template_name = "meetings/calendar.html"

    def get_queryset(self):
        today = timezone.localdate()
        attendees = related_count(Attendance.objects.all(), "meeting")
        meetings = Meeting.objects.with_related().filter(date__gte=today).annotate(attendee_count=attendees)
        return meetings.order_by("date", "start_time", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        feed = CalendarFeed.of(self.request.user)
        context["feed_url"] = self.request.build_absolute_uri(reverse("meetings:calendar_feed", args=[feed.token]))
        context["opts"] = Meeting._meta
        return context


class CalendarResetView(ModelPermissionMixin, View):
    """POST: a new secret calendar address for the signed-in user; the old one stops working."""

    model = Meeting
    http_method_names = ["post"]

    def post(self, request):
        CalendarFeed.of(request.user).reset()
        messages.success(request, _("Your calendar has a new address; the old one no longer works."))
        return HttpResponseRedirect(reverse("meetings:calendar"))


@method_decorator(login_not_required, name="dispatch")
class CalendarFeedView(View):
    """The feed of a secret address, read by calendar applications without signing in: the
    meetings its user may view, those ahead first, then those of the past year, newest first, up
    to ``FEED_MAX`` in all; 404 for an unknown address, or when its user is inactive or may no
    longer view meetings. Never cached on the way (``Cache-Control: private``); the same for
    every user, kept in the shared cache until a record changes."""

    def get(self, request, token):
        feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token)
        if not feed.user.is_active or not feed.user.has_perm("meetings.view_meeting"):
            raise Http404
        today = timezone.localdate()
        key = f"calendar-feed:{request.get_host()}:{today.isoformat()}"
        return ics_response(shared_cache.remember(key, lambda: self.ical(today)), "meetings.ics")

    def ical(self, today) -> bytes:
        meetings = Meeting.objects.select_related("province")
        upcoming = list(meetings.filter(date__gte=today).order_by("date", "pk")[:FEED_MAX])
        since = today - datetime.timedelta(days=FEED_DAYS_BACK)
        recent = meetings.filter(date__gte=since, date__lt=today).order_by("-date", "-pk")[: FEED_MAX - len(upcoming)]
        return ical_of(upcoming + list(recent), self.request, _("SSE meetings"))


class MeetingIcsView(MeetingDetailView):
    """One meeting as an .ics file, to add it to a calendar."""

    def get(self, request, *args, **kwargs):
        meeting = self.object = self.get_object()
        return ics_response(ical_of([meeting], request, str(meeting)), f"meeting-{meeting.pk}.ics")
