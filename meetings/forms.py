from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import (
    BaseTableFormSet,
    Chooser,
    KnownToMonthOrYearMixin,
    PortalModelForm,
    RecordChoiceField,
    VersionedFormMixin,
    numbered_items_formset,
    table_formset,
)
from core.search import normalize
from stakeholders.models import Province
from stakeholders.regions import RegionalFormMixin, follow_region

from .models import (
    AgendaItem,
    Attendance,
    Consultation,
    Decision,
    Meeting,
    MeetingLink,
    Recommendation,
    RecommendationAnswer,
    RecommendationLink,
    StatusChange,
)


class MeetingForm(RegionalFormMixin, KnownToMonthOrYearMixin, VersionedFormMixin, PortalModelForm):
    bilingual = (("title_ar", "title_fr"),)

    class Meta(PortalModelForm.Meta):
        model = Meeting
        fields = [
            "title_ar",
            "title_fr",
            "kind",
            "format",
            "status",
            "date",
            "start_time",
            "end_time",
            "ends_next_day",
            "period_start",
            "period_end",
            "venue",
            "region",
            "province",
            "chair",
            "organizer",
            "consultation",
            "series",
            "number_in_series",
            "purpose",
            "summary",
            "outcome",
            "participants_total",
            "participants_women",
            "sources",
        ]
        help_texts = {
            "period_start": _(
                "When only a period is known. With a day as well, the portal shows and sorts the "
                "meeting on the day and gives the period beside it."
            ),
        }


class RoleDefaultMixin:
    """A row posted without a role (an older page, a script) is a participant."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].required = False

    def clean_role(self):
        return self.cleaned_data.get("role") or Attendance.Role.PARTICIPANT


class AttendanceForm(RoleDefaultMixin, VersionedFormMixin, PortalModelForm):
    """One attendance record on its own page (the meeting form edits them as a table)."""

    class Meta(PortalModelForm.Meta):
        model = Attendance
        fields = [
            "meeting",
            "person",
            "position",
            "office",
            "organization",
            "group_ar",
            "group_fr",
            "mode",
            "status",
            "role",
            "category",
            "headcount",
        ]


class AttendanceRowForm(RoleDefaultMixin, PortalModelForm):
    # Six columns that fit a 1366 px screen: who, on whose behalf, which group, how many, how, what role.
    cells = (
        ("person", "position"), ("office", "organization"), ("group_ar", "group_fr"), ("category", "headcount"),
        ("mode", "status"), ("role", "DELETE"),
    )  # fmt: skip

    class Meta(PortalModelForm.Meta):
        model = Attendance
        fields = [
            "person", "position", "office", "organization", "group_ar", "group_fr", "category", "headcount", "mode",
            "status", "role",
        ]  # fmt: skip


class BaseAttendanceFormSet(BaseTableFormSet):
    def clean_rows(self):
        """The same person twice in one submission is refused, naming the person; so is the same
        unnamed group twice, whatever its spacing, hamza or accents (it would be counted twice)."""
        self.refuse_duplicates("person", lambda person: _("%(person)s is listed twice.") % {"person": person})
        seen = set()
        for form, data in self.kept_rows():
            if data.get("person"):
                continue
            names = {(lang, normalize(data.get(f"group_{lang}") or "")) for lang in ("ar", "fr")}
            names = {name for name in names if name[1]}
            if names & seen:
                form.add_error("group_ar", _("This group is already listed on this meeting."))
            seen |= names


AttendanceFormSet = table_formset(Meeting, Attendance, form=AttendanceRowForm, formset=BaseAttendanceFormSet)


AgendaItemFormSet = numbered_items_formset(Meeting, AgendaItem)


class MeetingLinkRowForm(PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = MeetingLink
        fields = ["kind", "to_meeting"]


class BaseMeetingLinkFormSet(BaseTableFormSet):
    def clean_rows(self):
        """A meeting is linked once (a link to itself is refused by each row: MeetingLink.clean)."""
        self.refuse_duplicates("to_meeting", lambda meeting: _("%(meeting)s is linked twice.") % {"meeting": meeting})


MeetingLinkFormSet = table_formset(
    Meeting, MeetingLink, form=MeetingLinkRowForm, formset=BaseMeetingLinkFormSet, fk_name="from_meeting"
)


class ConsultationForm(RegionalFormMixin, KnownToMonthOrYearMixin, VersionedFormMixin, PortalModelForm):
    bilingual = (("title_ar", "title_fr"),)

    class Meta(PortalModelForm.Meta):
        model = Consultation
        fields = [
            "title_ar",
            "title_fr",
            "theme_ar",
            "theme_fr",
            "period_start",
            "period_end",
            "organizer",
            "region",
            "partners",
            "programme",
            "participants_total",
            "participants_women",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        follow_region(self.fields, rows="province")  # its provincial meetings' rows


class ConsultationMeetingRowForm(PortalModelForm):
    """A consultation's meeting in one province; its title defaults to "لقاء تشاوري بإقليم …"."""

    class Meta(PortalModelForm.Meta):
        model = Meeting
        fields = [
            "province",
            "date",
            "period_start",
            "period_end",
            "participants_total",
            "participants_women",
            "status",
        ]

    def __init__(self, *args, region=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = Province.objects.of_region(region)  # the consultation's region's
        self.fields["province"].required = True

    def save(self, commit=True):
        meeting = super().save(commit=False)
        meeting.kind = Meeting.Kind.CONSULTATION_MEETING
        if not (meeting.title_ar or meeting.title_fr):
            meeting.title_ar = f"لقاء تشاوري بإقليم {meeting.province.name_ar}"
            meeting.title_fr = f"Rencontre de concertation, province de {meeting.province.name_fr}"
        if commit:
            meeting.save()
        return meeting


class BaseConsultationMeetingFormSet(BaseTableFormSet):
    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "region": self.instance.region_id}

    def clean_rows(self):
        """One meeting per province; each within the consultation's period; the provinces'
        participants no more than the consultation's total."""
        consultation = self.instance
        self.refuse_duplicates(
            "province", lambda _province: _("This province already has a meeting in this consultation.")
        )
        participants = 0
        for form, data in self.kept_rows():
            day = data.get("date")
            start, end = consultation.period_start, consultation.period_end
            if day and ((start and day < start) or (end and day > end)):
                form.add_error("date", _("This day is outside the consultation's period."))
            participants += data.get("participants_total") or 0
        total = consultation.participants_total
        if total is not None and participants > total:
            raise forms.ValidationError(
                _("The meetings count %(sum)s participants, more than the consultation's %(total)s.")
                % {"sum": participants, "total": total},
                code="participants_over_total",
            )


ConsultationMeetingFormSet = table_formset(
    Consultation,
    Meeting,
    fk_name="consultation",
    form=ConsultationMeetingRowForm,
    formset=BaseConsultationMeetingFormSet,
)


class RecommendationForm(VersionedFormMixin, PortalModelForm):
    """Text, axis and source; the status moves only through recorded status changes."""

    bilingual = (("text_ar", "text_fr"),)

    class Meta(PortalModelForm.Meta):
        model = Recommendation
        fields = ["text_ar", "text_fr", "axis", "source_consultation", "source_meeting", "sources"]


class AnswerForm(VersionedFormMixin, PortalModelForm):
    bilingual = (("text_ar", "text_fr"),)

    class Meta(PortalModelForm.Meta):
        model = RecommendationAnswer
        fields = [
            "recommendation",
            "text_ar",
            "text_fr",
            "responsible",
            "estimated_cost",
            "period_start",
            "period_end",
            "answered_on",
        ]


class StatusChangeForm(PortalModelForm):
    """The next step of a recommendation, validated by meetings.services.change_status.

    When the recommendation is known (a link from its page), only its possible next steps are offered.
    """

    class Meta(PortalModelForm.Meta):
        model = StatusChange
        fields = ["recommendation", "to_status", "changed_on", "reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        try:  # ?recommendation=abc is ignored, not a 500
            recommendation = self.fields["recommendation"].clean(self.initial.get("recommendation"))
        except forms.ValidationError:
            recommendation = None
        if recommendation and not self.is_bound:
            self.fields["to_status"].choices = [(status.value, status.label) for status in recommendation.next_statuses]


class RecommendationLinkForm(PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = RecommendationLink
        fields = ["source", "target", "kind"]


class DecisionForm(VersionedFormMixin, PortalModelForm):
    bilingual = (("subject_ar", "subject_fr"),)

    class Meta(PortalModelForm.Meta):
        model = Decision
        fields = [
            "meeting", "number", "date", "subject_ar", "subject_fr", "votes_for", "votes_against", "abstentions", "sources"
        ]  # fmt: skip


class CopyAttendeesForm(forms.Form):
    """The meeting whose attendees are copied into ``target`` (another one)."""

    source = RecordChoiceField(
        queryset=Meeting.objects.all(),
        label=_("Copy the attendees of"),
        widget=Chooser(Attendance._meta.get_field("meeting")),
    )

    def __init__(self, *args, target, **kwargs):
        super().__init__(*args, **kwargs)
        self.target = target

    def clean_source(self):
        source = self.cleaned_data["source"]
        if source == self.target:
            raise forms.ValidationError(_("Choose another meeting than this one."))
        return source
