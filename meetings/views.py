from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from django.views.generic.detail import SingleObjectMixin

from core.editing import (
    EditableObjectMixin,
    InlineFormsetsMixin,
    PortalCreateView,
    PortalDeleteView,
    PortalUpdateView,
)
from core.models import related_count
from core.views import ModelPermissionMixin, PortalDetailView, PortalListView

from .filters import ConsultationFilter, DecisionFilter, MeetingFilter, RecommendationFilter
from .forms import (
    AgendaItemFormSet,
    AnswerForm,
    AttendanceForm,
    AttendanceFormSet,
    ConsultationForm,
    ConsultationMeetingFormSet,
    CopyAttendeesForm,
    DecisionForm,
    MeetingForm,
    MeetingLinkFormSet,
    RecommendationForm,
    RecommendationLinkForm,
    StatusChangeForm,
)
from .models import (
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
from .services import change_status, copy_attendees


class MeetingListView(PortalListView):
    """Meetings, newest first."""

    model = Meeting
    filterset_class = MeetingFilter
    export_fields = ("id", "date", "start_time", "end_time", "period_start", "period_end", "title_ar", "title_fr",
                     "kind", "format", "status", "region", "province", "venue", "organizer", "chair", "consultation",
                     "series", "number_in_series", "participants_total", "participants_women", "attendee_count")  # fmt: skip
    export_headers = {"attendee_count": _("attendance rows")}

    def get_queryset(self):
        return (
            Meeting.objects.with_related()
            .annotate(attendee_count=related_count(Attendance.objects.all(), "meeting"))
            .newest_first()
        )


class MeetingDetailView(PortalDetailView):
    """A meeting with its chair, agenda, attendees grouped by organization, and what followed."""

    model = Meeting

    def get_queryset(self):
        attendances = (
            Attendance.objects.select_related("person", "position", "office", "organization__parent")
            .prefetch_related("organization__former_names")
            .order_by("organization__name_ar", "pk")
        )
        return Meeting.objects.with_related().prefetch_related(
            "agenda_items",
            Prefetch("attendances", queryset=attendances),
            "strategies_presented__owner",
            "agreements",
            "agreements_approved",
            "agreements_carried_out",
            "recommendations__axis",
            "programmes_adopted",
            "projects_approved__programme",
            "decisions",
            "sources",
            "organizer__former_names",
            Prefetch("links_out", queryset=MeetingLink.objects.select_related("to_meeting")),
            Prefetch("links_in", queryset=MeetingLink.objects.select_related("from_meeting")),
            Prefetch("series__meetings", queryset=Meeting.objects.order_by("number_in_series", "date", "pk")),
        )

    def get_context_data(self, **kwargs):
        """``meeting_day``: the day organizations' names are read on (the names they had then)."""
        return super().get_context_data(meeting_day=self.object.date or self.object.period_start, **kwargs)


class ConsultationListView(PortalListView):
    """Consultation series, most recent first."""

    model = Consultation
    filterset_class = ConsultationFilter
    export_fields = ("id", "period_start", "period_end", "title_ar", "title_fr", "theme_ar", "theme_fr", "organizer",
                     "region", "programme", "participants_total", "participants_women", "meeting_count")  # fmt: skip
    export_headers = {"meeting_count": _("meetings")}

    def get_queryset(self):
        return (
            Consultation.objects.select_related("programme", "organizer", "region")
            .annotate(meeting_count=related_count(Meeting.objects.all(), "consultation"))
            .prefetch_related("partners")
        )


class ConsultationDetailView(PortalDetailView):
    """A consultation with its per-province meetings, partners, programme and recommendations
    (its own and those of its provincial meetings)."""

    model = Consultation

    def get_queryset(self):
        return Consultation.objects.select_related("programme", "organizer", "region").prefetch_related(
            "partners",
            Prefetch("meetings", queryset=Meeting.objects.select_related("province").newest_first()),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["recommendations"] = (
            Recommendation.objects.of_consultations([self.object.pk])
            .select_related("axis", "source_meeting__province")
            .prefetch_related("projects")
        )
        return context


class RecommendationListView(PortalListView):
    """Recommendations, newest first (the primary key's order: sorting on the axis's order, a
    joined column, read all 100,000 rows of a region); sortable by axis or status."""

    model = Recommendation
    filterset_class = RecommendationFilter
    export_fields = (
        "id",
        "text_ar",
        "text_fr",
        "axis",
        "status",
        "source_meeting",
        "source_consultation",
        "project_count",
    )
    export_headers = {"project_count": _("projects")}
    import_slug = "recommendations"
    paper_url_name = "meetings:recommendation_report"
    paper_label = _("Follow-up report")

    def get_queryset(self):
        return (
            Recommendation.objects.select_related("axis", "source_meeting", "source_consultation")
            .annotate(project_count=related_count(Recommendation.projects.through.objects.all(), "recommendation"))
            .order_by("-pk")
        )


class RecommendationDetailView(PortalDetailView):
    """A recommendation: source, official answer, status steps, lineage both ways, projects, timeline."""

    model = Recommendation

    def get_queryset(self):
        return Recommendation.objects.select_related(
            "axis", "source_meeting", "source_consultation", "answer__responsible"
        ).prefetch_related(
            "projects__programme",
            Prefetch("status_changes", queryset=StatusChange.objects.select_related("author")),
            Prefetch("links_in", queryset=RecommendationLink.objects.select_related("source")),
            Prefetch("links_out", queryset=RecommendationLink.objects.select_related("target")),
            "sources",
        )


class MeetingEditMixin(InlineFormsetsMixin):
    model = Meeting
    form_class = MeetingForm
    template_name = "meetings/meeting_form.html"
    formsets = [
        (_("Attendees"), AttendanceFormSet, "attendances"),
        (_("Agenda"), AgendaItemFormSet, "agenda"),
        (_("Links to other meetings"), MeetingLinkFormSet, "links"),
    ]


class MeetingCreateView(MeetingEditMixin, PortalCreateView):
    """A new meeting with its attendees and agenda."""


class MeetingUpdateView(MeetingEditMixin, PortalUpdateView):
    """Change a meeting, its attendees and agenda."""


class MeetingDeleteView(PortalDeleteView):
    model = Meeting
    success_url = reverse_lazy("meetings:meeting_list")


class CopyAttendeesView(ModelPermissionMixin, EditableObjectMixin, SingleObjectMixin, FormView):
    """Copy into this meeting the attendees of another one (a committee that meets monthly):
    those it does not have yet, as expected attendees (``services.copy_attendees``)."""

    model = Meeting
    action = "change"
    form_class = CopyAttendeesForm
    template_name = "meetings/copy_attendees.html"

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "target": self.object}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["media"] = context["form"].media
        return context

    def form_valid(self, form):
        added = copy_attendees(form.cleaned_data["source"], self.object)
        messages.success(self.request, _("%(count)s attendees copied.") % {"count": added})
        return HttpResponseRedirect(self.object.get_absolute_url())


class AttendanceCreateView(PortalCreateView):
    model = Attendance
    form_class = AttendanceForm

    initial_from_query = ("meeting",)


class AttendanceUpdateView(PortalUpdateView):
    model = Attendance
    form_class = AttendanceForm


class AttendanceDeleteView(PortalDeleteView):
    model = Attendance

    def get_success_url(self):
        return self.object.meeting.get_absolute_url()


class ConsultationEditMixin(InlineFormsetsMixin):
    model = Consultation
    form_class = ConsultationForm
    formsets = [(_("Meetings by province"), ConsultationMeetingFormSet, "meetings")]


class ConsultationCreateView(ConsultationEditMixin, PortalCreateView):
    """A new consultation with its meetings, one per province."""


class ConsultationUpdateView(ConsultationEditMixin, PortalUpdateView):
    """Change a consultation and its per-province meetings."""


class ConsultationDeleteView(PortalDeleteView):
    model = Consultation
    success_url = reverse_lazy("meetings:consultation_list")


class RecommendationCreateView(PortalCreateView):
    model = Recommendation
    form_class = RecommendationForm

    initial_from_query = ("source_consultation", "source_meeting")


class RecommendationUpdateView(PortalUpdateView):
    model = Recommendation
    form_class = RecommendationForm


class RecommendationDeleteView(PortalDeleteView):
    model = Recommendation
    success_url = reverse_lazy("meetings:recommendation_list")


class DecisionListView(PortalListView):
    """Council decisions, newest first."""

    model = Decision
    filterset_class = DecisionFilter
    export_fields = ("id", "number", "date", "meeting", "subject_ar", "subject_fr", "votes_for", "votes_against",
                     "abstentions")  # fmt: skip

    def get_queryset(self):
        return Decision.objects.select_related("meeting")


class DecisionDetailView(PortalDetailView):
    """A decision: its session, vote, and the projects and agreements it approved."""

    model = Decision

    def get_queryset(self):
        return Decision.objects.select_related("meeting__region").prefetch_related("projects", "agreements", "sources")


class DecisionCreateView(PortalCreateView):
    model = Decision
    form_class = DecisionForm

    initial_from_query = ("meeting",)


class DecisionUpdateView(PortalUpdateView):
    model = Decision
    form_class = DecisionForm


class DecisionDeleteView(PortalDeleteView):
    model = Decision
    success_url = reverse_lazy("meetings:decision_list")


class AnswerCreateView(PortalCreateView):
    model = RecommendationAnswer
    form_class = AnswerForm

    initial_from_query = ("recommendation",)


class AnswerUpdateView(PortalUpdateView):
    model = RecommendationAnswer
    form_class = AnswerForm


class AnswerDeleteView(PortalDeleteView):
    model = RecommendationAnswer

    def get_success_url(self):
        return self.object.recommendation.get_absolute_url()


class StatusChangeCreateView(PortalCreateView):
    """Record the next step of a recommendation (see meetings.services.change_status)."""

    model = StatusChange
    form_class = StatusChangeForm

    initial_from_query = ("recommendation",)

    def get_initial(self):
        return {**super().get_initial(), "changed_on": timezone.localdate()}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            self.object = change_status(
                data["recommendation"],
                to_status=data["to_status"],
                author=self.request.user,
                changed_on=data["changed_on"],
                reason=data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The new status is recorded."))
        return HttpResponseRedirect(self.object.recommendation.get_absolute_url())


class RecommendationLinkCreateView(PortalCreateView):
    """Record that a recommendation was consolidated into, or split into, another."""

    model = RecommendationLink
    form_class = RecommendationLinkForm

    initial_from_query = ("source", "target", "kind")


class RecommendationLinkDeleteView(PortalDeleteView):
    model = RecommendationLink

    def get_success_url(self):
        return self.object.target.get_absolute_url()
