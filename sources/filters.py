import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import PortalOrderingFilter, SearchFilterSet

from .models import Source


class SourceFilter(SearchFilterSet):
    published_on = django_filters.DateFromToRangeFilter(
        label=_("published between"), widget=django_filters.widgets.DateRangeWidget(attrs={"type": "date"})
    )
    o = PortalOrderingFilter(fields=(("published_on", "date"), ("title", "title")), label=_("sort by"))

    class Meta:
        model = Source
        fields = ["q", "kind", "language", "published_on"]
