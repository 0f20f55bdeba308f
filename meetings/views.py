from django.db.models import Count, Prefetch

from sse_portal.views import PortalDetailView, PortalListView

from .filters import ConsultationFilter, MeetingFilter, RecommendationFilter
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
