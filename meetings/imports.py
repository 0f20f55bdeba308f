"""Imports of the meetings app (core.imports): recommendations at /import/recommendations/, a
meeting's attendance list at /import/attendance/?meeting=<id>, and a consultation's provincial
meetings with their participant counts at /import/consultation-meetings/?consultation=<id>.

Each recommendation comes in as proposed (its status then follows the workflow on its page), with its thematic
axis (code or name) and its source: a consultation or a meeting, by its title. A
recommendation already in the portal is one with the same Arabic and French texts.
"""

from django.utils.translation import gettext_lazy as _

from core.imports import Column, Importer, named, only_one, register
from stakeholders.imports import organization_named, province_named
from stakeholders.models import Person

from .models import Attendance, Consultation, Meeting, ParticipantCategory, Recommendation

# Column lookups: the one record a cell names, in Arabic or French (or by code).
axis_named = named(Recommendation._meta.get_field("axis").related_model.objects, "code", "name_ar", "name_fr")
consultation_titled = named(Consultation.objects, "title_ar", "title_fr")
meeting_titled = named(Meeting.objects, "title_ar", "title_fr")
person_named = named(Person.objects, "full_name_ar", "full_name_latin")
category_named = named(ParticipantCategory.objects, "code", "name_ar", "name_fr")


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
