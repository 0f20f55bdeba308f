from django.db.models import Count, Prefetch
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting
from sse_portal.editing import InlineFormsetsMixin, PortalCreateView, PortalDeleteView, PortalUpdateView
from sse_portal.views import PortalDetailView, PortalListView

from .filters import AgreementFilter, ProgrammeFilter, ProjectFilter, StrategyFilter
from .forms import AgreementForm, ProgrammeForm, ProjectForm, StrategyAxisFormSet, StrategyForm
from .models import PartnershipAgreement, Programme, Project, Strategy


class ProjectListView(PortalListView):
    """Projects with their programme, status and budget (MAD)."""

    model = Project
    filterset_class = ProjectFilter

    def get_queryset(self):
        return Project.objects.select_related("programme", "approving_meeting", "lead_organization")


class ProjectDetailView(PortalDetailView):
    """A project: programme, approving session, recommendations, partners, provinces and axes."""

    model = Project

    def get_queryset(self):
        return Project.objects.select_related("programme", "approving_meeting", "lead_organization").prefetch_related(
            "provinces",
            "thematic_axes",
            "strategy_axes__strategy",
            "partners",
            "recommendations__source_consultation",
            "recommendations__source_meeting",
            "agreements",
        )


class ProgrammeListView(PortalListView):
    """Programmes with how many projects each carries."""

    model = Programme
    filterset_class = ProgrammeFilter

    def get_queryset(self):
        return Programme.objects.select_related("owner", "adopted_at").annotate(project_count=Count("projects"))


class ProgrammeDetailView(PortalDetailView):
    """A programme, the session that adopted it, its projects and consultations."""

    model = Programme

    def get_queryset(self):
        return Programme.objects.select_related("owner", "adopted_at").prefetch_related("projects", "consultations")


class StrategyListView(PortalListView):
    """Strategies with their owner."""

    model = Strategy
    filterset_class = StrategyFilter

    def get_queryset(self):
        return Strategy.objects.select_related("owner").annotate(axis_count=Count("axes"))


class StrategyDetailView(PortalDetailView):
    """A strategy: vision, aim, challenges, axes and the meetings where it was presented."""

    model = Strategy

    def get_queryset(self):
        return Strategy.objects.select_related("owner").prefetch_related(
            "axes__projects",
            Prefetch("presented_at", queryset=Meeting.objects.with_related()),
        )


class AgreementListView(PortalListView):
    """Partnership agreements with their parties and status."""

    model = PartnershipAgreement
    filterset_class = AgreementFilter

    def get_queryset(self):
        return PartnershipAgreement.objects.prefetch_related("parties")


class AgreementDetailView(PortalDetailView):
    """An agreement: parties, status, signing date, meetings that prepared it and projects."""

    model = PartnershipAgreement

    def get_queryset(self):
        return PartnershipAgreement.objects.prefetch_related("parties", "meetings", "projects__programme")


class ProjectCreateView(PortalCreateView):
    model = Project
    form_class = ProjectForm

    def get_initial(self):
        return {"programme": self.request.GET.get("programme")}


class ProjectUpdateView(PortalUpdateView):
    model = Project
    form_class = ProjectForm


class ProjectDeleteView(PortalDeleteView):
    model = Project
    success_url = reverse_lazy("projects:project_list")


class ProgrammeCreateView(PortalCreateView):
    model = Programme
    form_class = ProgrammeForm


class ProgrammeUpdateView(PortalUpdateView):
    model = Programme
    form_class = ProgrammeForm


class ProgrammeDeleteView(PortalDeleteView):
    model = Programme
    success_url = reverse_lazy("projects:programme_list")


class StrategyEditMixin(InlineFormsetsMixin):
    model = Strategy
    form_class = StrategyForm
    formsets = [(_("Axes"), StrategyAxisFormSet, "axes")]


class StrategyCreateView(StrategyEditMixin, PortalCreateView):
    """A new strategy with its numbered axes."""


class StrategyUpdateView(StrategyEditMixin, PortalUpdateView):
    """Change a strategy and its axes."""


class StrategyDeleteView(PortalDeleteView):
    model = Strategy
    success_url = reverse_lazy("projects:strategy_list")


class AgreementCreateView(PortalCreateView):
    model = PartnershipAgreement
    form_class = AgreementForm


class AgreementUpdateView(PortalUpdateView):
    model = PartnershipAgreement
    form_class = AgreementForm


class AgreementDeleteView(PortalDeleteView):
    model = PartnershipAgreement
    success_url = reverse_lazy("projects:agreement_list")
