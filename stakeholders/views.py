from django.db.models import Prefetch
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from core.editing import InlineFormsetsMixin, PortalCreateView, PortalDeleteView, PortalUpdateView
from core.models import newest_first, related_count
from core.views import PortalDetailView, PortalListView

from .filters import OrganizationFilter, PersonFilter
from .forms import OfficeForm, OrganizationForm, OrganizationNameFormSet, PersonForm, PositionForm
from .models import Office, Organization, Person, Position

# Meetings point at people and organizations; their pages list them through the reverse relation,
# without importing the meetings app (which builds on this one).
Attendance = Person._meta.get_field("attendances").related_model


class OrganizationListView(PortalListView):
    """Organizations with their kind, parent and how many people hold positions there."""

    model = Organization
    filterset_class = OrganizationFilter
    export_fields = ("id", "name_ar", "name_fr", "acronym", "kind", "parent", "region", "province", "position_count")
    export_headers = {"position_count": _("positions")}
    import_slug = "organizations"

    def get_queryset(self):
        return Organization.objects.select_related("parent", "region", "province").annotate(
            position_count=related_count(Position.objects.all(), "organization")
        )


class OrganizationDetailView(PortalDetailView):
    """An organization, its parent and units, people, meetings and commitments."""

    model = Organization

    def get_queryset(self):
        return Organization.objects.select_related(
            "parent", "region", "province", "commune", "successor"
        ).prefetch_related(
            "children",
            "former_names",
            "predecessors",
            Prefetch("positions", queryset=Position.objects.select_related("person")),
            Prefetch("offices", queryset=Office.objects.filter(positions__isnull=True)),
            Prefetch(
                "attendances",
                queryset=Attendance.objects.select_related("meeting", "person").order_by(*newest_first("meeting__")),
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
    export_fields = ("id", "full_name_ar", "full_name_latin", "gender", "email", "phone", "attendance_count")
    export_headers = {"attendance_count": _("meetings attended")}
    import_slug = "people"

    def get_queryset(self):
        return Person.objects.prefetch_related(
            Prefetch("positions", queryset=Position.objects.select_related("organization"))
        ).annotate(attendance_count=related_count(Person.attendances.field.model.objects.all(), "person"))


class PersonDetailView(PortalDetailView):
    """A person: positions held, meetings attended and chaired; contact details for staff only."""

    model = Person

    def get_queryset(self):
        positions = Position.objects.select_related("organization").prefetch_related(
            "meetings_chaired", "organization__former_names"
        )
        return Person.objects.prefetch_related(
            Prefetch("positions", queryset=positions),
            Prefetch(
                "attendances",
                queryset=Attendance.objects.select_related("meeting", "person", "position", "organization").order_by(
                    *newest_first("meeting__")
                ),
            ),
        )


class OrganizationEditMixin(InlineFormsetsMixin):
    model = Organization
    form_class = OrganizationForm
    formsets = [(_("Former names"), OrganizationNameFormSet, "former_names")]


class OrganizationCreateView(OrganizationEditMixin, PortalCreateView):
    """A new organization with the names it used before."""


class OrganizationUpdateView(OrganizationEditMixin, PortalUpdateView):
    """Change an organization and its former names."""


class OrganizationDeleteView(PortalDeleteView):
    model = Organization
    success_url = reverse_lazy("stakeholders:organization_list")


class PersonCreateView(PortalCreateView):
    model = Person
    form_class = PersonForm


class PersonUpdateView(PortalUpdateView):
    model = Person
    form_class = PersonForm


class PersonDeleteView(PortalDeleteView):
    model = Person
    success_url = reverse_lazy("stakeholders:person_list")


class PositionCreateView(PortalCreateView):
    model = Position
    form_class = PositionForm

    initial_from_query = ("person", "organization")


class PositionUpdateView(PortalUpdateView):
    model = Position
    form_class = PositionForm


class PositionDeleteView(PortalDeleteView):
    model = Position

    def get_success_url(self):
        return self.object.person.get_absolute_url()


class OfficeCreateView(PortalCreateView):
    """An office named in a report without its holder ("the director of the regional office")."""

    model = Office
    form_class = OfficeForm
    initial_from_query = ("organization",)


class OfficeUpdateView(PortalUpdateView):
    model = Office
    form_class = OfficeForm


class OfficeDeleteView(PortalDeleteView):
    model = Office

    def get_success_url(self):
        return self.object.organization.get_absolute_url()
