from django.utils.translation import gettext_lazy as _

from core.filters import DayRangeFilter, PortalOrderingFilter, RecordChoiceFilter, SearchFilterSet
from core.models import overlapping
from stakeholders.models import Province, Region

from .models import Statistic, StatisticValue


class StatisticValueFilter(SearchFilterSet):
    q = None  # the values have no text to search: they are found by statistic, territory and date
    statistic = RecordChoiceFilter(queryset=Statistic.objects.all(), label=_("statistic"))
    region = RecordChoiceFilter(queryset=Region.objects.all(), label=_("region"))
    province = RecordChoiceFilter(queryset=Province.objects.of_portal_region(), label=_("province"))
    date = DayRangeFilter(method="filter_date", label=_("date"))
    o = PortalOrderingFilter(fields=(("period_start", "date"), ("value", "value")), label=_("sort by"))

    class Meta:
        model = StatisticValue
        fields = ["statistic", "region", "province", "date"]

    def filter_date(self, queryset, name, value):
        """Values at a day in the range, or over a period that overlaps it."""
        return queryset.filter(overlapping(value.start, value.stop, date=None))
