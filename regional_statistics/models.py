"""Regional statistics stated in official answers and reports: counts of SSE organizations by kind,
their members, programmes' beneficiaries, per region or province at a date, by source.

Each ``StatisticValue`` is one point of a time series (a ``Statistic`` for one territory), not tied
to a project: the dashboards chart them. Dates are calendar days (Africa/Casablanca); a value known
only for a month or a year covers that month or year (shown "2023").
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.audit import HistoricalRecords
from core.constraints import end_not_before_start, in_one_language_at_least
from core.models import OpenListItem, VersionedModel


class Statistic(OpenListItem):
    """What is counted, e.g. "cooperatives", "members of cooperatives", "beneficiaries of the
    programme" (an open list staff extend)."""

    history = HistoricalRecords()

    class Meta(OpenListItem.Meta):
        verbose_name = _("statistic")
        verbose_name_plural = _("statistics")
        constraints = [in_one_language_at_least("name_ar", "name_fr", "statistic_has_a_name")]

    def get_absolute_url(self):
        return reverse("regional_statistics:value_list") + f"?statistic={self.pk}"


class StatisticValueQuerySet(models.QuerySet):
    def with_related(self):
        return self.select_related("statistic", "region", "province", "source")


class StatisticValue(VersionedModel):
    """The value of a statistic for a region (or one of its provinces) at a date or over a period,
    as a source states it. ``period_end`` blank means the value is at ``period_start``."""

    statistic = models.ForeignKey(Statistic, models.PROTECT, related_name="values", verbose_name=_("statistic"))
    region = models.ForeignKey(
        "stakeholders.Region", models.PROTECT, related_name="statistic_values", verbose_name=_("region")
    )
    province = models.ForeignKey(
        "stakeholders.Province",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="statistic_values",
        verbose_name=_("province"),
        help_text=_("Blank for the whole region."),
    )
    period_start = models.DateField(_("date or start of the period"))
    period_end = models.DateField(_("end of the period"), null=True, blank=True)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)])
    source = models.ForeignKey(
        "sources.Source",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="statistic_values",
        verbose_name=_("source"),
    )
    note = models.TextField(_("note"), blank=True)

    objects = StatisticValueQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("value of a statistic")
        verbose_name_plural = _("regional statistics")
        ordering = ["statistic", "region", "province", "period_start", "pk"]
        indexes = [
            models.Index(fields=["statistic", "region", "province", "period_start"], name="statistic_value_series"),
            models.Index(F("period_start").desc(), F("id").desc(), name="statistic_value_newest"),
        ]
        constraints = [
            end_not_before_start("period_start", "period_end", "statistic_value_end_after_start"),
            models.CheckConstraint(
                condition=Q(value__gte=0), name="statistic_value_not_negative",
                violation_error_message=_("A statistic cannot be negative."),
            ),
        ]  # fmt: skip

    def __str__(self):
        territory = self.province or self.region
        return f"{self.statistic} · {territory}"

    def get_absolute_url(self):
        return reverse("regional_statistics:value_detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.province_id and self.region_id and self.province.region_id != self.region_id:
            errors["province"] = ValidationError(_("This province is not in the region."), code="province_elsewhere")
        if self.period_end and self.period_start and self.period_end < self.period_start:
            errors["period_end"] = ValidationError(_("The end cannot be before the start."), code="end_before_start")
        if errors:
            raise ValidationError(errors)
        same = StatisticValue.objects.filter(
            statistic=self.statistic_id, region=self.region_id, province=self.province_id,
            period_start=self.period_start, period_end=self.period_end, source=self.source_id,
        ).exclude(pk=self.pk)  # fmt: skip
        if self.statistic_id and self.region_id and self.period_start and same.exists():
            raise ValidationError(
                _("This source already gives this statistic for this territory and period: edit that value."),
                code="duplicate_value",
            )
