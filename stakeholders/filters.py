import django_filters
from django.utils.translation import gettext_lazy as _

from sse_portal.filters import SearchFilterSet

from .models import Organization, Person, Province


class OrganizationFilter(SearchFilterSet):
    province = django_filters.ModelChoiceFilter(
        queryset=Province.objects.filter(region__code="08"), label=_("province")
    )

    class Meta:
        model = Organization
        fields = ["q", "kind", "province"]


class PersonFilter(SearchFilterSet):
    search_fields = ("search_text", "positions__search_text")

    class Meta:
        model = Person
        fields = ["q", "gender"]
