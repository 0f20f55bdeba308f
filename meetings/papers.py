"""Printable papers, as PDF (core.pdf): a meeting's attendance sheet to sign and its minutes,
and the recommendations' follow-up report.

Each reads its records with the same joins and filters as their page (``MeetingDetailView``,
``RecommendationListView``), in the interface language; anyone who may view the page may print it.
"""

from itertools import groupby

from django.conf import settings
from django.db.models import Count, OuterRef, Subquery
from django.utils.translation import gettext as _

from core.pdf import pdf_response
from core.views import bad_filters
from stakeholders.models import Organization

from .models import Meeting, Recommendation, StatusChange
from .views import MeetingDetailView, RecommendationListView

BLANK_ROWS = 8  # for attendees nobody expected
REPORT_LIMIT = 200  # rows printed at most: WeasyPrint takes about 10 s for 200 (a region holds 100,000)


def portal_council() -> Organization | None:
    """The council that runs the portal, for a paper's header: the regional council of the
    region ``settings.PORTAL_REGION_CODE`` (the first recorded), or None when none is recorded."""
    councils = Organization.objects.filter(
        kind=Organization.Kind.REGIONAL_COUNCIL, region__code=settings.PORTAL_REGION_CODE
    )
    return councils.order_by("pk").first()


def attendee_rows(meeting) -> list[dict]:
    """One row per attendance row: name (a person, or an unnamed group), position (or the office
    named without its holder), organization."""
    rows = []
    for attendance in meeting.attendances.all():
        rows.append(
            {
                "name": str(attendance.person) if attendance.person else (attendance.group or "—"),
                "position": attendance.position.title
                if attendance.position
                else (attendance.office.title if attendance.office else ""),
                "organization": attendance.organization.name_on(meeting.date or meeting.period_start)
                if attendance.organization
                else "",
                "role": attendance.role_label() if attendance.role != attendance.Role.PARTICIPANT else "",
                "status": attendance.get_status_display(),
            }
        )
    return rows


class AttendanceSheetView(MeetingDetailView):
    """The attendance sheet: the meeting's facts, one row per expected attendee with an empty
    signature column, then blank rows; the table's header repeats on each page."""

    def get(self, request, *args, **kwargs):
        meeting = self.object = self.get_object(Meeting.objects.all())  # may they see it? the rest if not kept
        return pdf_response("meetings/pdf/attendance_sheet.html", self.sheet, request, f"attendance-{meeting.pk}.pdf")

    def sheet(self) -> dict:
        meeting = self.get_object()
        context = {"meeting": meeting, "attendees": attendee_rows(meeting)}
        context["blank_rows"] = range(len(context["attendees"]) + 1, len(context["attendees"]) + 1 + BLANK_ROWS)
        return context


class MinutesView(MeetingDetailView):
    """The minutes: title, when, where, chair; attendees grouped by organization with their
    roles; agenda, summary, outcome, decisions and recommendations."""

    def get(self, request, *args, **kwargs):
        meeting = self.object = self.get_object(Meeting.objects.all())  # may they see it? the rest if not kept
        return pdf_response("meetings/pdf/minutes.html", self.minutes, request, f"minutes-{meeting.pk}.pdf")

    def minutes(self) -> dict:
        meeting = self.get_object()
        rows = sorted(attendee_rows(meeting), key=lambda row: row["organization"])
        groups = [
            (name or _("no organization"), list(members))
            for name, members in groupby(rows, lambda r: r["organization"])
        ]
        return {"meeting": meeting, "groups": groups}


def by_axis(recommendations, descending=False) -> list[tuple]:
    """``(axis, recommendations)`` pairs: the axes in their order (reversed when ``descending``),
    those without an axis last; each group keeps the order it was given."""
    groups: dict = {}
    for recommendation in recommendations:
        groups.setdefault(recommendation.axis, []).append(recommendation)
    axes = sorted((axis for axis in groups if axis), key=lambda axis: (axis.order, axis.code), reverse=descending)
    return [(axis, groups[axis]) for axis in axes] + ([(None, groups[None])] if None in groups else [])


class RecommendationReportView(RecommendationListView):
    """The follow-up report: the rows of the recommendation list with its filters and order (the
    first ``REPORT_LIMIT``, saying so when more match), grouped by thematic axis, each with its
    source, its status and the day it was reached, the official answer and the projects that carry
    it; the filters in words, and the count per status of every matching row. Four queries of its
    own whatever the number of rows (one more per record filter given); 400 naming an invalid filter."""

    def get(self, request, *args, **kwargs):
        filterset, queryset = self.filtered_rows()
        if queryset is None:
            return bad_filters(filterset.errors)
        reached = StatusChange.objects.filter(recommendation=OuterRef("pk"), to_status=OuterRef("status"))
        rows = (
            queryset.select_related("answer__responsible")
            .prefetch_related("projects")
            .annotate(status_date=Subquery(reached.order_by("-changed_on", "-pk").values("changed_on")[:1]))
        )
        counts = dict(
            Recommendation.objects.filter(pk__in=queryset.values("pk"))
            .order_by()
            .values_list("status")
            .annotate(n=Count("pk"))
        )
        statuses = [(label, counts.get(status, 0)) for status, label in Recommendation.Status.choices]
        order = filterset.form.cleaned_data.get("o") if filterset.is_bound else None
        context = {
            "council": portal_council(),
            "filters": filterset.applied(),
            "groups": by_axis(rows[:REPORT_LIMIT], descending=bool(order) and order[0] == "-axis"),
            "limit": REPORT_LIMIT,
            "matching": sum(counts.values()),
            "statuses": statuses,
        }
        return pdf_response("meetings/pdf/recommendation_report.html", context, request, "follow-up-report.pdf")
