from django.utils.translation import gettext_lazy as _

from core.filters import (
    AmountRangeFilter,
    DayRangeFilter,
    PortalOrderingFilter,
    RecordChoiceFilter,
    SearchFilterSet,
    chooser_filter,
)
from stakeholders.filters import RegionFilterSet
from stakeholders.models import Province

from .models import Event, EventKind, EventSeries, PartnershipAgreement, Programme, Project, Strategy, ThematicAxis


class ProjectFilter(RegionFilterSet):
    programme = RecordChoiceFilter(queryset=Programme.objects.all(), label=_("programme"))
    province = RecordChoiceFilter(
        field_name="provinces", queryset=Province.objects.of_portal_region(), label=_("province"), distinct=True
    )
    axis = RecordChoiceFilter(
        field_name="thematic_axes", queryset=ThematicAxis.objects.all(), label=_("thematic axis"), distinct=True
    )
    budget = AmountRangeFilter(label=_("budget (MAD)"))
    lead_organization = chooser_filter(
        Project._meta.get_field("lead_organization"), "lead_organization", _("lead organization")
    )
    o = PortalOrderingFilter(
        fields=(("title_ar", "title"), ("budget", "budget"), ("status", "status"), ("progress", "progress")),
        label=_("sort by"),
    )

    class Meta:
        model = Project
        fields = ["q", "region", "programme", "status", "province", "axis", "budget", "lead_organization"]


class ProgrammeFilter(RegionFilterSet):
    o = PortalOrderingFilter(fields=(("title_ar", "title"), ("kind", "kind")), label=_("sort by"))

    class Meta:
        model = Programme
        fields = ["q", "region", "kind"]


class StrategyFilter(SearchFilterSet):
    class Meta:
        model = Strategy
        fields = ["q"]


class AgreementFilter(RegionFilterSet):
    o = PortalOrderingFilter(fields=(("signing_date", "signing_date"), ("status", "status")), label=_("sort by"))

    class Meta:
        model = PartnershipAgreement
        fields = ["q", "region", "status"]


class EventFilter(RegionFilterSet):
    kind = RecordChoiceFilter(queryset=EventKind.objects.all(), label=_("kind"))
    series = RecordChoiceFilter(queryset=EventSeries.objects.all(), label=_("series"))
    province = RecordChoiceFilter(queryset=Province.objects.of_portal_region(), label=_("province"))
    start_date = DayRangeFilter(label=_("starting between"))
    organization = chooser_filter(Event._meta.get_field("organizers"), "organizers", _("organization"), distinct=True)
    project = chooser_filter(Event._meta.get_field("project"), "project", _("project"))  # 20,000 at region scale
    o = PortalOrderingFilter(fields=(("start_date", "date"), ("title_ar", "title")), label=_("sort by"))

    class Meta:
        model = Event
        fields = ["q", "region", "kind", "series", "province", "start_date", "organization", "project"]
