from django.utils.translation import gettext_lazy as _

from core.filters import DayRangeFilter, PortalOrderingFilter, SearchFilterSet

from .models import Source


class SourceFilter(SearchFilterSet):
    published_on = DayRangeFilter(label=_("published between"))
    o = PortalOrderingFilter(fields=(("published_on", "date"), ("title", "title")), label=_("sort by"))

    class Meta:
        model = Source
        fields = ["q", "kind", "language", "published_on"]
