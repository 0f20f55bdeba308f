from django.contrib import admin

from core.admin import HistoryAdmin

from .models import (
    Commune,
    CouncilMembership,
    Office,
    Organization,
    OrganizationName,
    Person,
    Position,
    Province,
    Region,
)  # fmt: skip


class TerritoryAdmin(admin.ModelAdmin):
    list_display = ["code", "name_ar", "name_fr", "population_2024"]
    search_fields = ["code", "name_ar", "name_fr"]


@admin.register(Region)
class RegionAdmin(TerritoryAdmin):
    pass


@admin.register(Province)
class ProvinceAdmin(TerritoryAdmin):
    list_display = [*TerritoryAdmin.list_display, "kind", "region"]
    list_filter = ["kind", "region"]
    list_select_related = ["region"]


@admin.register(Commune)
class CommuneAdmin(TerritoryAdmin):
    list_display = [*TerritoryAdmin.list_display, "kind", "province"]
    list_filter = ["kind", "province__region"]
    list_select_related = ["province"]
    autocomplete_fields = ["province"]


class PositionInline(admin.TabularInline):
    model = Position
    extra = 0
    autocomplete_fields = ["person", "organization"]


class OrganizationNameInline(admin.TabularInline):
    model = OrganizationName
    extra = 0


@admin.register(Organization)
class OrganizationAdmin(HistoryAdmin):
    list_display = ["name_ar", "name_fr", "acronym", "kind", "parent", "region"]
    list_filter = ["kind", "region"]
    list_select_related = ["parent", "region"]
    search_fields = ["name_ar", "name_fr", "acronym"]
    autocomplete_fields = ["parent", "region", "province", "commune", "successor"]
    inlines = [OrganizationNameInline, PositionInline]


@admin.register(Office)
class OfficeAdmin(HistoryAdmin):
    list_display = ["title_ar", "title_fr", "organization"]
    list_select_related = ["organization"]
    search_fields = ["title_ar", "title_fr", "organization__name_ar", "organization__name_fr"]
    autocomplete_fields = ["organization"]


@admin.register(Person)
class PersonAdmin(HistoryAdmin):
    list_display = ["full_name_ar", "full_name_latin", "gender"]
    list_filter = ["gender"]
    search_fields = ["full_name_ar", "full_name_latin", "email"]
    inlines = [PositionInline]


@admin.register(Position)
class PositionAdmin(HistoryAdmin):
    list_display = ["person", "title_ar", "title_fr", "organization", "start_date", "end_date"]
    list_filter = ["organization__kind"]
    date_hierarchy = "start_date"
    list_select_related = ["person", "organization"]
    search_fields = ["person__full_name_ar", "person__full_name_latin", "title_ar", "title_fr", "organization__name_ar"]
    autocomplete_fields = ["person", "organization"]


@admin.register(CouncilMembership)
class CouncilMembershipAdmin(admin.ModelAdmin):
    """Which regional council (by its region) each staff account works for: it creates and changes
    that region's records; an account with none works for the portal's own region."""

    list_display = ["user", "region"]
    list_filter = ["region"]
    list_select_related = ["user", "region"]
    autocomplete_fields = ["user"]
    search_fields = ["user__username"]
