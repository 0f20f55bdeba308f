from django.db.models import Count, Prefetch

from meetings.models import Attendance
from sse_portal.views import PortalDetailView, PortalListView

from .filters import OrganizationFilter, PersonFilter
from .models import Organization, Person, Position


class OrganizationListView(PortalListView):
    """Organizations with their kind, parent and how many people hold positions there."""

    model = Organization
    filterset_class = OrganizationFilter

    def get_queryset(self):
        return Organization.objects.select_related("parent", "region", "province").annotate(
            position_count=Count("positions")
        )


class OrganizationDetailView(PortalDetailView):
    """An organization, its parent and units, people, meetings and commitments."""

    model = Organization

    def get_queryset(self):
        return Organization.objects.select_related("parent", "region", "province").prefetch_related(
            "children",
            Prefetch("positions", queryset=Position.objects.select_related("person")),
            Prefetch(
                "attendances",
                queryset=Attendance.objects.select_related("meeting", "person").order_by("-meeting__date", "pk"),
            ),
            "consultations",
            "agreements",
            "strategies",
            "programmes",
            "projects_led",
            "projects_partnered",
        )


class PersonListView(PortalListView):
    """People, with the positions they hold."""

    model = Person
    filterset_class = PersonFilter

    def get_queryset(self):
        return Person.objects.prefetch_related(
            Prefetch("positions", queryset=Position.objects.select_related("organization"))
        ).annotate(attendance_count=Count("attendances", distinct=True))


class PersonDetailView(PortalDetailView):
    """A person: positions held, meetings attended and chaired; contact details for staff only."""

    model = Person

    def get_queryset(self):
        positions = Position.objects.select_related("organization").prefetch_related("meetings_chaired")
        return Person.objects.prefetch_related(
            Prefetch("positions", queryset=positions),
            Prefetch(
                "attendances",
                queryset=Attendance.objects.select_related("meeting", "position", "organization").order_by(
                    "-meeting__date", "pk"
                ),
            ),
        )
