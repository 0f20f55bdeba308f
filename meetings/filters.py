import django_filters
from django.utils.translation import gettext_lazy as _

from projects.models import ThematicAxis
from sse_portal.filters import SearchFilterSet
from stakeholders.models import Province

from .models import Consultation, Meeting, Recommendation


class MeetingFilter(SearchFilterSet):
    province = django_filters.ModelChoiceFilter(
        queryset=Province.objects.filter(region__code="08"), label=_("province")
    )

    class Meta:
        model = Meeting
        fields = ["q", "kind", "status", "province"]


class ConsultationFilter(SearchFilterSet):
    class Meta:
        model = Consultation
        fields = ["q"]


class RecommendationFilter(SearchFilterSet):
    axis = django_filters.ModelChoiceFilter(queryset=ThematicAxis.objects.all(), label=_("thematic axis"))

    class Meta:
        model = Recommendation
        fields = ["q", "axis", "status"]
