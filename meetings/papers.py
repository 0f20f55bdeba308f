"""A meeting's printable papers, as PDF (core.pdf): the attendance sheet to sign and the minutes.

Both read the meeting with the same joins as its page (``MeetingDetailView``), in the
interface language; anyone who may view the meeting may print them.
"""

from itertools import groupby

from django.utils.translation import gettext as _

from core.pdf import pdf_response

from .views import MeetingDetailView

BLANK_ROWS = 8  # for attendees nobody expected


def attendee_rows(meeting) -> list[dict]:
    """One row per attendance row: name (a person, or an unnamed group), position, organization."""
    rows = []
    for attendance in meeting.attendances.all():
        rows.append(
            {
                "name": str(attendance.person) if attendance.person else attendance.group,
                "position": attendance.position.title if attendance.position else "",
                "organization": attendance.organization.name if attendance.organization else "",
                "presenter": attendance.is_presenter,
                "status": attendance.get_status_display(),
            }
        )
    return rows


class AttendanceSheetView(MeetingDetailView):
    """The attendance sheet: the meeting's facts, one row per expected attendee with an empty
    signature column, then blank rows; the table's header repeats on each page."""

    def get(self, request, *args, **kwargs):
        meeting = self.object = self.get_object()
        context = {"meeting": meeting, "attendees": attendee_rows(meeting)}
        context["blank_rows"] = range(len(context["attendees"]) + 1, len(context["attendees"]) + 1 + BLANK_ROWS)
        return pdf_response("meetings/pdf/attendance_sheet.html", context, request, f"attendance-{meeting.pk}.pdf")


class MinutesView(MeetingDetailView):
    """The minutes: title, when, where, chair; attendees grouped by organization with their
    roles; agenda, summary, outcome, decisions and recommendations."""

    def get(self, request, *args, **kwargs):
        meeting = self.object = self.get_object()
        rows = sorted(attendee_rows(meeting), key=lambda row: row["organization"])
        groups = [
            (name or _("no organization"), list(members))
            for name, members in groupby(rows, lambda r: r["organization"])
        ]
        context = {"meeting": meeting, "groups": groups}
        return pdf_response("meetings/pdf/minutes.html", context, request, f"minutes-{meeting.pk}.pdf")
