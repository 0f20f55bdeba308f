import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import PortalOrderingFilter, RecordChoiceFilter, SearchFilterSet, chooser_filter

from .models import Organization, Person, Position, Province, Region
from .regions import follow_region, home_region, region_key


class RegionFilterSet(SearchFilterSet):
    """A list's filters with its region (``stakeholders.regions.RegionalQuerySet.in_region``); its
    province choices are the chosen region's, else the user's council's; its programme choices, with a
    region chosen, that region's and the national ones."""

    region = RecordChoiceFilter(queryset=Region.objects.order_by("code"), method="filter_region", label=_("region"))

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        region = (data or {}).get("region", "")
        user = getattr(self.request, "user", None)
        home = home_region(user) if user is not None and user.is_authenticated else None
        self.home_key = getattr(home, "pk", None)  # no region chosen: the user's council's provinces
        province = self.filters.get("province")
        if isinstance(province, django_filters.ModelChoiceFilter):
            province.queryset = Province.objects.of_region(region_key(region) or self.home_key)
        programme = self.filters.get("programme")
        if region_key(region) and isinstance(programme, django_filters.ModelChoiceFilter):
            # the region's programmes and the national ones (of no region)
            programme.queryset = programme.queryset.in_region(region_key(region), unplaced=True)

    @property
    def form(self):
        form = super().form
        follow_region(form.fields, default=self.home_key)
        return form

    def filter_region(self, queryset, name, value):
        return queryset.in_region(value)


class OrganizationFilter(SearchFilterSet):
    province = RecordChoiceFilter(queryset=Province.objects.of_portal_region(), label=_("province"))
    o = PortalOrderingFilter(fields=(("name_ar", "name"), ("kind", "kind")), label=_("sort by"))

    class Meta:
        model = Organization
        fields = ["q", "kind", "province"]


class PersonFilter(SearchFilterSet):
    search_fields = ("search_text", "positions__search_text")
    organization = chooser_filter(
        Position._meta.get_field("organization"), "positions__organization", _("organization"), distinct=True
    )
    organization_kind = django_filters.ChoiceFilter(
        field_name="positions__organization__kind",
        choices=Organization.Kind.choices,
        label=_("kind of organization"),
        distinct=True,
    )
    province = RecordChoiceFilter(
        field_name="positions__organization__province",
        queryset=Province.objects.of_portal_region(),
        label=_("province"),
        distinct=True,
    )
    o = PortalOrderingFilter(fields=(("full_name_ar", "name"),), label=_("sort by"))

    class Meta:
        model = Person
        fields = ["q", "gender", "organization", "organization_kind", "province"]
