import django_filters
from django.utils.translation import gettext_lazy as _

from projects.models import ThematicAxis
from sse_portal.filters import SearchFilterSet
from stakeholders.models import Province

from .models import Consultation, Meeting, Recommendation


class MeetingFilter(SearchFilterSet):
    search_fields = ("title_ar", "title_fr", "venue", "purpose")
    province = django_filters.ModelChoiceFilter(
        queryset=Province.objects.filter(region__code="08"), label=_("province")
    )

    class Meta:
        model = Meeting
        fields = ["q", "kind", "status", "province"]


class ConsultationFilter(SearchFilterSet):
    search_fields = ("title_ar", "title_fr", "theme_ar", "theme_fr")

    class Meta:
        model = Consultation
        fields = ["q"]


class RecommendationFilter(SearchFilterSet):
    search_fields = ("text_ar", "text_fr")
    axis = django_filters.ModelChoiceFilter(queryset=ThematicAxis.objects.all(), label=_("thematic axis"))

    class Meta:
        model = Recommendation
        fields = ["q", "axis", "status"]
