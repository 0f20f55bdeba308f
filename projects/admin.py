from django.contrib import admin

from core.admin import HistoryAdmin, document_inline

from .models import (
    AgreementDocument,
    AgreementParty,
    Amendment,
    BudgetLine,
    Event,
    EventKind,
    EventOrganizer,
    EventSeries,
    Expenditure,
    Indicator,
    IndicatorValue,
    Milestone,
    MilestoneDocument,
    PartnershipAgreement,
    Programme,
    Project,
    ProjectDocument,
    Strategy,
    StrategyAxis,
    ThematicAxis,
)


@admin.register(ThematicAxis)
class ThematicAxisAdmin(HistoryAdmin):
    list_display = ["order", "name_ar", "name_fr", "code"]
    search_fields = ["name_ar", "name_fr", "code"]


class StrategyAxisInline(admin.TabularInline):
    model = StrategyAxis
    extra = 0


@admin.register(Strategy)
class StrategyAdmin(HistoryAdmin):
    list_display = ["title_ar", "title_fr", "owner"]
    list_select_related = ["owner"]
    search_fields = ["title_ar", "title_fr"]
    autocomplete_fields = ["owner", "presented_at"]
    inlines = [StrategyAxisInline]


@admin.register(StrategyAxis)
class StrategyAxisAdmin(HistoryAdmin):
    list_display = ["strategy", "order", "title_ar", "title_fr"]
    list_select_related = ["strategy"]
    search_fields = ["title_ar", "title_fr", "strategy__title_ar"]


@admin.register(Programme)
class ProgrammeAdmin(HistoryAdmin):
    list_display = ["title_ar", "title_fr", "kind", "owner", "adopted_at"]
    date_hierarchy = "adopted_at__date"
    list_filter = ["kind"]
    list_select_related = ["owner", "adopted_at"]
    search_fields = ["title_ar", "title_fr"]
    autocomplete_fields = ["owner", "adopted_at"]


@admin.register(Project)
class ProjectAdmin(HistoryAdmin):
    list_display = ["title_ar", "programme", "status", "progress", "budget", "lead_organization", "approving_meeting"]
    list_filter = ["status", "programme", "thematic_axes", ("approving_meeting__date", admin.DateFieldListFilter)]
    list_select_related = ["programme", "lead_organization", "approving_meeting"]
    ordering = ["-pk"]  # newest first, on the key's index
    search_fields = ["title_ar", "title_fr", "description_ar", "description_fr"]
    autocomplete_fields = [
        "programme",
        "provinces",
        "thematic_axes",
        "strategy_axes",
        "lead_organization",
        "partners",
        "approving_meeting",
        "recommendations",
        "decision",
        "parent",
    ]
    inlines = [document_inline(ProjectDocument)]


class AgreementPartyInline(admin.TabularInline):
    model = AgreementParty
    extra = 0
    autocomplete_fields = ["organization"]


class AmendmentInline(admin.TabularInline):
    model = Amendment
    extra = 0


@admin.register(PartnershipAgreement)
class PartnershipAgreementAdmin(HistoryAdmin):
    list_display = ["title_ar", "status", "signing_date"]
    list_filter = ["status"]
    search_fields = ["title_ar", "title_fr", "subject_ar", "subject_fr"]
    date_hierarchy = "signing_date"
    autocomplete_fields = ["meetings", "projects", "decision"]
    inlines = [AgreementPartyInline, AmendmentInline, document_inline(AgreementDocument)]


@admin.register(Milestone)
class MilestoneAdmin(HistoryAdmin):
    list_display = ["title_ar", "kind", "project", "start_date", "end_date", "venue"]
    list_filter = ["kind"]
    list_select_related = ["project"]
    search_fields = ["title_ar", "title_fr", "venue"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["project"]
    inlines = [document_inline(MilestoneDocument)]


class ExpenditureInline(admin.TabularInline):
    model = Expenditure
    extra = 0


@admin.register(BudgetLine)
class BudgetLineAdmin(HistoryAdmin):
    list_display = ["project", "year", "funder", "planned", "revised"]
    list_filter = ["year"]
    list_select_related = ["project", "funder"]
    search_fields = ["project__title_ar", "funder__name_ar", "funder__name_fr"]
    autocomplete_fields = ["project", "funder"]
    inlines = [ExpenditureInline]


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 0
    # Submitted and approved only through projects.services (approval by someone else), on the pages.
    readonly_fields = ["status", "submitted_by", "submitted_at", "approved_by", "approved_at"]


@admin.register(Indicator)
class IndicatorAdmin(HistoryAdmin):
    list_display = ["name_ar", "project", "unit", "baseline", "target"]
    list_select_related = ["project"]
    search_fields = ["name_ar", "name_fr", "project__title_ar"]
    autocomplete_fields = ["project"]
    inlines = [IndicatorValueInline]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(HistoryAdmin):
    list_display = ["indicator", "period_start", "period_end", "value", "status", "approved_by"]
    list_filter = ["status"]
    list_select_related = ["indicator__project", "approved_by"]
    date_hierarchy = "period_end"
    search_fields = ["indicator__name_ar", "indicator__name_fr"]
    autocomplete_fields = ["indicator"]
    # Submitted and approved only through projects.services (approval by someone else), on the pages.
    readonly_fields = ["status", "submitted_by", "submitted_at", "approved_by", "approved_at"]


@admin.register(EventKind)
class EventKindAdmin(HistoryAdmin):
    list_display = ["code", "name_ar", "name_fr", "order"]
    search_fields = ["code", "name_ar", "name_fr"]


@admin.register(EventSeries)
class EventSeriesAdmin(HistoryAdmin):
    list_display = ["title_ar", "title_fr"]
    search_fields = ["title_ar", "title_fr"]


class EventOrganizerInline(admin.TabularInline):
    model = EventOrganizer
    extra = 0
    autocomplete_fields = ["organization"]


@admin.register(Event)
class EventAdmin(HistoryAdmin):
    list_display = ["title_ar", "kind", "series", "edition", "start_date", "province", "project"]
    list_filter = ["kind", "province"]
    list_select_related = ["kind", "series", "province", "project"]
    search_fields = ["title_ar", "title_fr", "venue"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["series", "project", "decisions", "meetings", "sources"]
    inlines = [EventOrganizerInline]
