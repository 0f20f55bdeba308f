import django_filters
from django.utils.translation import gettext_lazy as _

from sse_portal.filters import SearchFilterSet

from .models import Organization, Person, Province


class OrganizationFilter(SearchFilterSet):
    search_fields = ("name_ar", "name_fr", "acronym")
    province = django_filters.ModelChoiceFilter(
        queryset=Province.objects.filter(region__code="08"), label=_("province")
    )

    class Meta:
        model = Organization
        fields = ["q", "kind", "province"]


class PersonFilter(SearchFilterSet):
    search_fields = ("full_name_ar", "full_name_latin", "positions__title_ar", "positions__title_fr")

    class Meta:
        model = Person
        fields = ["q", "gender"]
