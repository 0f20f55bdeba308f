from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import PartnershipAgreement, Programme, Project, Strategy, StrategyAxis, ThematicAxis


@admin.register(ThematicAxis)
class ThematicAxisAdmin(SimpleHistoryAdmin):
    list_display = ["order", "name_ar", "name_fr", "code"]
    search_fields = ["name_ar", "name_fr", "code"]


class StrategyAxisInline(admin.TabularInline):
    model = StrategyAxis
    extra = 0


@admin.register(Strategy)
class StrategyAdmin(SimpleHistoryAdmin):
    list_display = ["title_ar", "title_fr", "owner"]
    list_select_related = ["owner"]
    search_fields = ["title_ar", "title_fr"]
    autocomplete_fields = ["owner", "presented_at"]
    inlines = [StrategyAxisInline]


@admin.register(StrategyAxis)
class StrategyAxisAdmin(SimpleHistoryAdmin):
    list_display = ["strategy", "order", "title_ar", "title_fr"]
    list_select_related = ["strategy"]
    search_fields = ["title_ar", "title_fr", "strategy__title_ar"]


@admin.register(Programme)
class ProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ["title_ar", "title_fr", "kind", "owner", "adopted_at"]
    date_hierarchy = "adopted_at__date"
    list_filter = ["kind"]
    list_select_related = ["owner", "adopted_at"]
    search_fields = ["title_ar", "title_fr"]
    autocomplete_fields = ["owner", "adopted_at"]


@admin.register(Project)
class ProjectAdmin(SimpleHistoryAdmin):
    list_display = ["title_ar", "programme", "status", "progress", "budget", "lead_organization", "approving_meeting"]
    date_hierarchy = "approving_meeting__date"
    list_filter = ["status", "programme", "thematic_axes"]
    list_select_related = ["programme", "lead_organization", "approving_meeting"]
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
    ]


@admin.register(PartnershipAgreement)
class PartnershipAgreementAdmin(SimpleHistoryAdmin):
    list_display = ["title_ar", "status", "signing_date"]
    list_filter = ["status"]
    search_fields = ["title_ar", "title_fr", "subject_ar", "subject_fr"]
    date_hierarchy = "signing_date"
    autocomplete_fields = ["parties", "meetings", "projects"]
