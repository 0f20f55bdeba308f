import django_filters
from django.utils.translation import gettext_lazy as _

from sse_portal.filters import SearchFilterSet

from .models import PartnershipAgreement, Programme, Project, Strategy


class ProjectFilter(SearchFilterSet):
    search_fields = ("title_ar", "title_fr", "description_ar", "description_fr")
    programme = django_filters.ModelChoiceFilter(queryset=Programme.objects.all(), label=_("programme"))

    class Meta:
        model = Project
        fields = ["q", "programme", "status"]


class ProgrammeFilter(SearchFilterSet):
    search_fields = ("title_ar", "title_fr")

    class Meta:
        model = Programme
        fields = ["q", "kind"]


class StrategyFilter(SearchFilterSet):
    search_fields = ("title_ar", "title_fr")

    class Meta:
        model = Strategy
        fields = ["q"]


class AgreementFilter(SearchFilterSet):
    search_fields = ("title_ar", "title_fr", "subject_ar", "subject_fr")

    class Meta:
        model = PartnershipAgreement
        fields = ["q", "status"]
