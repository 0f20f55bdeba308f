from django.db.models import Count, Prefetch
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from sse_portal.editing import InlineFormsetsMixin, PortalCreateView, PortalDeleteView, PortalUpdateView
from sse_portal.views import PortalDetailView, PortalListView

from .filters import ConsultationFilter, MeetingFilter, RecommendationFilter
from .forms import (
    AgendaItemFormSet,
    AttendanceForm,
    AttendanceFormSet,
    ConsultationForm,
    ConsultationMeetingFormSet,
    MeetingForm,
    RecommendationForm,
)
from .models import Attendance, Consultation, Meeting, Recommendation


class MeetingListView(PortalListView):
    """Meetings, newest first."""

    model = Meeting
    filterset_class = MeetingFilter

    def get_queryset(self):
        return Meeting.objects.with_related().annotate(attendee_count=Count("attendances")).newest_first()


class MeetingDetailView(PortalDetailView):
    """A meeting with its chair, agenda, attendees grouped by organization, and what followed."""

    model = Meeting

    def get_queryset(self):
        attendances = Attendance.objects.select_related("person", "position", "organization__parent").order_by(
            "organization__name_ar", "-is_presenter", "pk"
        )
        return Meeting.objects.with_related().prefetch_related(
            "agenda_items",
            Prefetch("attendances", queryset=attendances),
            "strategies_presented__owner",
            "agreements",
            "recommendations__axis",
            "programmes_adopted",
            "projects_approved__programme",
        )


class ConsultationListView(PortalListView):
    """Consultation series, most recent first."""

    model = Consultation
    filterset_class = ConsultationFilter

    def get_queryset(self):
        return (
            Consultation.objects.select_related("programme", "organizer")
            .annotate(meeting_count=Count("meetings", distinct=True))
            .prefetch_related("partners")
        )


class ConsultationDetailView(PortalDetailView):
    """A consultation with its per-province meetings, partners, programme and recommendations."""

    model = Consultation

    def get_queryset(self):
        return Consultation.objects.select_related("programme", "organizer", "region").prefetch_related(
            "partners",
            Prefetch("meetings", queryset=Meeting.objects.select_related("province").order_by("province__name_ar")),
            Prefetch(
                "recommendations", queryset=Recommendation.objects.select_related("axis").prefetch_related("projects")
            ),
        )


class RecommendationListView(PortalListView):
    """Recommendations by axis."""

    model = Recommendation
    filterset_class = RecommendationFilter

    def get_queryset(self):
        return Recommendation.objects.select_related("axis", "source_meeting", "source_consultation").annotate(
            project_count=Count("projects")
        )


class RecommendationDetailView(PortalDetailView):
    """A recommendation, its source and the projects that carry it."""

    model = Recommendation

    def get_queryset(self):
        return Recommendation.objects.select_related("axis", "source_meeting", "source_consultation").prefetch_related(
            "projects__programme"
        )


class MeetingEditMixin(InlineFormsetsMixin):
    model = Meeting
    form_class = MeetingForm
    template_name = "meetings/meeting_form.html"
    formsets = [
        (_("Attendees"), AttendanceFormSet, "attendances"),
        (_("Agenda"), AgendaItemFormSet, "agenda"),
    ]


class MeetingCreateView(MeetingEditMixin, PortalCreateView):
    """A new meeting with its attendees and agenda."""


class MeetingUpdateView(MeetingEditMixin, PortalUpdateView):
    """Change a meeting, its attendees and agenda."""


class MeetingDeleteView(PortalDeleteView):
    model = Meeting
    success_url = reverse_lazy("meetings:meeting_list")


class AttendanceCreateView(PortalCreateView):
    model = Attendance
    form_class = AttendanceForm

    def get_initial(self):
        return {"meeting": self.request.GET.get("meeting")}


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

    def get_initial(self):
        return {key: self.request.GET.get(key) for key in ("source_consultation", "source_meeting")}


class RecommendationUpdateView(PortalUpdateView):
    model = Recommendation
    form_class = RecommendationForm


class RecommendationDeleteView(PortalDeleteView):
    model = Recommendation
    success_url = reverse_lazy("meetings:recommendation_list")
