import django_filters
from django.utils.translation import gettext_lazy as _

from sse_portal.filters import SearchFilterSet

from .models import PartnershipAgreement, Programme, Project, Strategy


class ProjectFilter(SearchFilterSet):
    programme = django_filters.ModelChoiceFilter(queryset=Programme.objects.all(), label=_("programme"))

    class Meta:
        model = Project
        fields = ["q", "programme", "status"]


class ProgrammeFilter(SearchFilterSet):
    class Meta:
        model = Programme
        fields = ["q", "kind"]


class StrategyFilter(SearchFilterSet):
    class Meta:
        model = Strategy
        fields = ["q"]


class AgreementFilter(SearchFilterSet):
    class Meta:
        model = PartnershipAgreement
        fields = ["q", "status"]
