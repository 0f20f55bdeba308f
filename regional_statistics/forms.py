from django.conf import settings

from core.forms import KnownToMonthOrYearMixin, PortalModelForm, VersionedFormMixin
from stakeholders.models import Province, Region

from .models import StatisticValue


class StatisticValueForm(KnownToMonthOrYearMixin, VersionedFormMixin, PortalModelForm):
    """A value of a statistic; the region defaults to the portal's, the provinces offered are its own."""

    class Meta(PortalModelForm.Meta):
        model = StatisticValue
        fields = ["statistic", "region", "province", "period_start", "period_end", "value", "source", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and "region" not in self.initial:
            self.initial["region"] = Region.objects.filter(code=settings.PORTAL_REGION_CODE).first()
        self.fields["province"].queryset = Province.objects.of_portal_region()
