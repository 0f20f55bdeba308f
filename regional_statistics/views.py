from django.urls import reverse_lazy

from core.editing import PortalCreateView, PortalDeleteView, PortalUpdateView
from core.views import PortalDetailView, PortalListView

from .filters import StatisticValueFilter
from .forms import StatisticValueForm
from .models import StatisticValue


class StatisticValueListView(PortalListView):
    """Values of regional statistics, by statistic, territory and date."""

    model = StatisticValue
    filterset_class = StatisticValueFilter
    export_fields = ("id", "statistic", "region", "province", "period_start", "period_end", "value", "source", "note")

    def get_queryset(self):
        return StatisticValue.objects.with_related()


class StatisticValueDetailView(PortalDetailView):
    """A value with its territory, date, source and note, and the earlier and later values of its series."""

    model = StatisticValue

    def get_queryset(self):
        return StatisticValue.objects.with_related()

    def get_context_data(self, **kwargs):
        value = self.object
        series = StatisticValue.objects.with_related().filter(
            statistic=value.statistic_id, region=value.region_id, province=value.province_id
        )
        return super().get_context_data(series=series.order_by("period_start", "pk")[:50], **kwargs)


class StatisticValueCreateView(PortalCreateView):
    model = StatisticValue
    form_class = StatisticValueForm
    initial_from_query = ("statistic", "province", "source")


class StatisticValueUpdateView(PortalUpdateView):
    model = StatisticValue
    form_class = StatisticValueForm


class StatisticValueDeleteView(PortalDeleteView):
    model = StatisticValue
    success_url = reverse_lazy("regional_statistics:value_list")
