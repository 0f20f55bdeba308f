from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views import View

from core.editing import InlineFormsetsMixin, PortalCreateView, PortalDeleteView, PortalUpdateView
from core.models import related_count
from core.views import ModelPermissionMixin, PortalDetailView, PortalListView
from meetings.models import Meeting

from .filters import AgreementFilter, EventFilter, ProgrammeFilter, ProjectFilter, StrategyFilter
from .forms import (
    AgreementForm,
    AgreementPartyFormSet,
    AmendmentFormSet,
    BudgetLineForm,
    EventForm,
    EventOrganizerFormSet,
    ExpenditureFormSet,
    IndicatorForm,
    IndicatorValueForm,
    MilestoneDocumentFormSet,
    MilestoneForm,
    ProgrammeForm,
    ProjectForm,
    StrategyAxisFormSet,
    StrategyForm,
)
from .models import (
    AgreementParty,
    BudgetLine,
    Event,
    EventOrganizer,
    Indicator,
    IndicatorValue,
    Milestone,
    MilestoneDocument,
    PartnershipAgreement,
    Programme,
    Project,
    Strategy,
    StrategyAxis,
)
from .models.results import budget_totals
from .services import approve_value, submit_value


class ProjectListView(PortalListView):
    """Projects with their programme, status and budget (MAD)."""

    model = Project
    filterset_class = ProjectFilter
    export_fields = ("id", "title_ar", "title_fr", "region", "programme", "status", "progress", "budget",
                     "lead_organization", "approving_meeting")  # fmt: skip

    def get_queryset(self):
        return Project.objects.select_related("programme", "region", "approving_meeting", "lead_organization")


class ProjectDetailView(PortalDetailView):
    """A project: programme, approval, recommendations, partners, sub-projects and progress,
    milestones, budget by funder and year, indicators, agreements, and its timeline."""

    model = Project

    def get_queryset(self):
        values = IndicatorValue.objects.visible_to(self.request.user).select_related("submitted_by", "approved_by")
        documents = MilestoneDocument.visible_to(MilestoneDocument.objects.all(), self.request.user)
        return (
            Project.objects.with_progress()
            .with_effective_budget()
            .select_related(
                "programme", "region", "approving_meeting", "lead_organization", "decision__meeting", "parent"
            )
            .prefetch_related(
                "provinces",
                "thematic_axes",
                "strategy_axes__strategy",
                "partners",
                "recommendations__source_consultation",
                "recommendations__source_meeting",
                "agreements",
                Prefetch("children", queryset=Project.objects.with_progress()),
                Prefetch("events", queryset=Event.objects.select_related("kind")),
                Prefetch("milestones", queryset=Milestone.objects.prefetch_related(Prefetch("documents", documents))),
                Prefetch("budget_lines", queryset=BudgetLine.objects.select_related("funder")),
                Prefetch(
                    "indicators", queryset=Indicator.objects.prefetch_related(Prefetch("values", queryset=values))
                ),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["budget"] = budget_totals(self.object)
        return context


class ProgrammeListView(PortalListView):
    """Programmes with how many projects each carries."""

    model = Programme
    filterset_class = ProgrammeFilter
    export_fields = ("id", "title_ar", "title_fr", "kind", "region", "owner", "adopted_at", "project_count")
    export_headers = {"project_count": _("projects")}

    def get_queryset(self):
        return Programme.objects.select_related("owner", "region", "adopted_at").annotate(
            project_count=related_count(Project.objects.all(), "programme")
        )


class ProgrammeDetailView(PortalDetailView):
    """A programme, the session that adopted it, its projects and consultations."""

    model = Programme

    def get_queryset(self):
        return Programme.objects.select_related("owner", "adopted_at").prefetch_related("projects", "consultations")


class StrategyListView(PortalListView):
    """Strategies with their owner."""

    model = Strategy
    filterset_class = StrategyFilter
    export_fields = ("id", "title_ar", "title_fr", "owner", "axis_count")
    export_headers = {"axis_count": _("axes")}

    def get_queryset(self):
        return Strategy.objects.select_related("owner").annotate(
            axis_count=related_count(StrategyAxis.objects.all(), "strategy")
        )


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
    export_fields = ("id", "title_ar", "title_fr", "region", "status", "signing_date", "duration_months", "decision")

    def get_queryset(self):
        return PartnershipAgreement.objects.select_related("decision", "region").prefetch_related("parties")


class AgreementDetailView(PortalDetailView):
    """An agreement: parties with their roles and commitments, amendments, decision, meetings that
    prepared it, projects, and its timeline."""

    model = PartnershipAgreement

    def get_queryset(self):
        return PartnershipAgreement.objects.select_related("decision__meeting", "region").prefetch_related(
            Prefetch("events", queryset=Event.objects.select_related("kind")),
            Prefetch("agreement_parties", queryset=AgreementParty.objects.select_related("organization")),
            "amendments",
            "meetings",
            "approved_at",
            "carried_out_at",
            "projects__programme",
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        known = [
            p.financial_commitment for p in self.object.agreement_parties.all() if p.financial_commitment is not None
        ]
        context["committed"] = sum(known) if known else None  # none stated: not known, not zero
        return context


class ProjectCreateView(PortalCreateView):
    model = Project
    form_class = ProjectForm

    initial_from_query = ("programme",)


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


class AgreementEditMixin(InlineFormsetsMixin):
    model = PartnershipAgreement
    form_class = AgreementForm
    formsets = [
        (_("Parties and commitments"), AgreementPartyFormSet, "parties"),
        (_("Amendments"), AmendmentFormSet, "amendments"),
    ]


class AgreementCreateView(AgreementEditMixin, PortalCreateView):
    """A new agreement with its parties, their commitments, and its amendments."""


class AgreementUpdateView(AgreementEditMixin, PortalUpdateView):
    """Change an agreement, its parties and commitments, and its amendments."""


class AgreementDeleteView(PortalDeleteView):
    model = PartnershipAgreement
    success_url = reverse_lazy("projects:agreement_list")


class ProjectChildMixin:
    """Pages of a project's parts (milestones, budget lines, indicators...): back to the project after."""

    initial_from_query = ("project",)

    def get_success_url(self):
        return self.object.get_absolute_url()


class MilestoneEditMixin(ProjectChildMixin, InlineFormsetsMixin):
    model = Milestone
    form_class = MilestoneForm
    formsets = [(_("Documents"), MilestoneDocumentFormSet, "documents")]


class MilestoneCreateView(MilestoneEditMixin, PortalCreateView):
    """A new milestone or activity of a project, with its documents."""


class MilestoneUpdateView(MilestoneEditMixin, PortalUpdateView):
    """Change a milestone or activity and its documents."""


class MilestoneDeleteView(ProjectChildMixin, PortalDeleteView):
    model = Milestone


class BudgetLineEditMixin(ProjectChildMixin, InlineFormsetsMixin):
    model = BudgetLine
    form_class = BudgetLineForm
    formsets = [(_("Spending"), ExpenditureFormSet, "expenditures")]


class BudgetLineCreateView(BudgetLineEditMixin, PortalCreateView):
    """A funder's planned amount for a year, with the spending recorded against it."""


class BudgetLineUpdateView(BudgetLineEditMixin, PortalUpdateView):
    """Revise a budget line and record spending."""


class BudgetLineDeleteView(ProjectChildMixin, PortalDeleteView):
    model = BudgetLine


class IndicatorCreateView(ProjectChildMixin, PortalCreateView):
    model = Indicator
    form_class = IndicatorForm


class IndicatorUpdateView(ProjectChildMixin, PortalUpdateView):
    model = Indicator
    form_class = IndicatorForm


class IndicatorDeleteView(ProjectChildMixin, PortalDeleteView):
    model = Indicator


class IndicatorValueCreateView(PortalCreateView):
    """A reported value, saved as a draft."""

    model = IndicatorValue
    form_class = IndicatorValueForm

    initial_from_query = ("indicator",)


class IndicatorValueUpdateView(PortalUpdateView):
    """Correct a value; it goes back to draft and must be submitted and approved again."""

    model = IndicatorValue
    form_class = IndicatorValueForm


class IndicatorValueDeleteView(PortalDeleteView):
    model = IndicatorValue

    def get_success_url(self):
        return self.object.indicator.project.get_absolute_url()


class IndicatorValueStepView(ModelPermissionMixin, View):
    """POST: submit a draft value (``change`` permission) or approve a submitted one (``approve``)."""

    model = IndicatorValue
    step = "submit"

    def get_permission_required(self):
        if self.step == "approve":
            return ["projects.approve_indicatorvalue"]
        return ["projects.change_indicatorvalue"]

    def post(self, request, pk):
        value = get_object_or_404(IndicatorValue, pk=pk)
        try:
            (approve_value if self.step == "approve" else submit_value)(value, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Approved: partners now see this value.") if self.step == "approve" else _("Submitted for approval."),
            )
        return HttpResponseRedirect(value.get_absolute_url())


class EventListView(PortalListView):
    """Fairs, forums, trainings and other events, newest first."""

    model = Event
    filterset_class = EventFilter
    export_fields = ("id", "kind", "title_ar", "title_fr", "series", "edition", "start_date", "end_date", "venue",
                     "region", "province", "commune", "project", "agreement")  # fmt: skip

    def get_queryset(self):
        return Event.objects.select_related("kind", "series", "region", "province", "project")


class EventDetailView(PortalDetailView):
    """An event: when and where, its series and edition, organizers and their roles, what it is
    part of (agreement, project, decisions, preparatory meetings), its figures and sources."""

    model = Event

    def get_queryset(self):
        values = IndicatorValue.objects.visible_to(self.request.user).select_related("indicator__project")
        return Event.objects.select_related(
            "kind", "series", "province", "commune", "agreement", "project", "project__programme"
        ).prefetch_related(
            Prefetch("event_organizers", queryset=EventOrganizer.objects.select_related("organization")),
            "decisions__meeting",
            "meetings",
            "sources",
            Prefetch("indicator_values", queryset=values),
            Prefetch("series__events", queryset=Event.objects.order_by("edition", "start_date")),
        )


class EventEditMixin(InlineFormsetsMixin):
    model = Event
    form_class = EventForm
    formsets = [(_("Organizers and partners"), EventOrganizerFormSet, "organizers")]
    initial_from_query = ("project", "agreement", "series")


class EventCreateView(EventEditMixin, PortalCreateView):
    """A new event with its organizers."""


class EventUpdateView(EventEditMixin, PortalUpdateView):
    """Change an event and its organizers."""


class EventDeleteView(PortalDeleteView):
    model = Event
    success_url = reverse_lazy("projects:event_list")
