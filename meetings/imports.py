"""Imports of the meetings app (core.imports): recommendations at /import/recommendations/, a
meeting's attendance list at /import/attendance/?meeting=<id>, and a consultation's provincial
meetings with their participant counts at /import/consultation-meetings/?consultation=<id>.

Each recommendation comes in as proposed (its status then follows the workflow on its page), with its thematic
axis (code or name) and its source: a consultation or a meeting, by its title. A
recommendation already in the portal is one with the same Arabic and French texts.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.imports import Column, Importer, only_one, register
from stakeholders.imports import organization_named, province_named

from .models import Attendance, Consultation, Meeting, ParticipantCategory, Recommendation


def axis_named(text: str):
    """The thematic axis whose code or name (Arabic or French) is ``text``."""
    axes = Recommendation._meta.get_field("axis").related_model.objects
    return only_one(axes.filter(Q(code=text) | Q(name_ar=text) | Q(name_fr=text)))


def consultation_titled(text: str) -> Consultation | None:
    return only_one(Consultation.objects.filter(Q(title_ar=text) | Q(title_fr=text)))


def meeting_titled(text: str) -> Meeting | None:
    """The meeting titled ``text`` in Arabic or French, if exactly one is."""
    return only_one(Meeting.objects.filter(Q(title_ar=text) | Q(title_fr=text)))


@register("recommendations")
class RecommendationImporter(Importer):
    model = Recommendation
    title = _("recommendations")
    one_of = (("text_ar", "text_fr"),)
    columns = [
        Column("text_ar"),
        Column("text_fr"),
        Column("axis", kind="record", lookup=axis_named),
        Column("source_consultation", kind="record", lookup=consultation_titled),
        Column("source_meeting", kind="record", lookup=meeting_titled),
    ]

    def key(self, values):
        return {"text_ar": values["text_ar"] or "", "text_fr": values["text_fr"] or ""}


def person_named(text: str):
    """The person called ``text`` (in Arabic script or in Latin letters), if exactly one is."""
    people = Attendance._meta.get_field("person").related_model.objects
    return only_one(people.filter(Q(full_name_ar=text) | Q(full_name_latin=text)))


def category_named(text: str):
    """The category of participants whose code or name (Arabic or French) is ``text``."""
    return only_one(ParticipantCategory.objects.filter(Q(code=text) | Q(name_ar=text) | Q(name_fr=text)))


@register("attendance")
class AttendanceImporter(Importer):
    """A meeting's attendance list (``?meeting=<id>``): named people or unnamed groups, with the
    organization they represent; a person's position there is filled in when they hold one.
    A row already in the meeting (the same person, or the same group of the same organization)
    is left as it is."""

    model = Attendance
    title = _("attendance list")
    parent_field = "meeting"
    one_of = (("person", "group_ar", "group_fr"),)
    columns = [
        Column("person", kind="record", lookup=person_named),
        Column("group_ar"),
        Column("group_fr"),
        Column("organization", kind="record", lookup=organization_named),
        Column("category", kind="record", lookup=category_named),
        Column("headcount", kind="integer"),
        Column("status", kind="choice"),
        Column("mode", kind="choice"),
        Column("role", kind="choice"),
    ]

    def key(self, values):
        if values["person"]:
            return {"person": values["person"]}
        return {
            "person": None,
            "group_ar": values["group_ar"] or "",
            "group_fr": values["group_fr"] or "",
            "organization": values["organization"],
        }

    def build(self, values):
        attendance = super().build(values)
        if attendance.person_id:
            positions = attendance.person.positions.all()
            if attendance.organization_id:
                positions = positions.filter(organization=attendance.organization)
            attendance.position = only_one(positions)
        return attendance


@register("consultation-meetings")
class ConsultationMeetingImporter(Importer):
    """A consultation's meetings, one per province (``?consultation=<id>``), with their day or the
    consultation's period, venue and participant counts. A province that already has its meeting
    in this consultation gets the day, venue and counts the portal lacks (``Importer.fills``)."""

    model = Meeting
    title = _("consultation meetings and participants")
    parent_field = "consultation"
    fills = ("date", "venue", "participants_total", "participants_women")
    columns = [
        Column("province", kind="record", required=True, lookup=province_named),
        Column("date", kind="date"),
        Column("venue"),
        Column("participants_total", kind="integer"),
        Column("participants_women", kind="integer"),
    ]

    def key(self, values):
        return {"province": values["province"]}

    def build(self, values):
        meeting = super().build(values)
        consultation, province = self.parent, values["province"]
        meeting.kind = Meeting.Kind.CONSULTATION_MEETING
        meeting.title_ar = f"{consultation.title_ar} – {province.name_ar}"[:300] if consultation.title_ar else ""
        meeting.title_fr = f"{consultation.title_fr} – {province.name_fr}"[:300] if consultation.title_fr else ""
        meeting.region_id = province.region_id
        if not meeting.date:
            meeting.period_start, meeting.period_end = consultation.period_start, consultation.period_end
        return meeting
