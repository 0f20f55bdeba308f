"""A project's results framework: milestones and activities, budget lines and spending, indicators.

Amounts are in Moroccan dirhams (MAD); dates are calendar days (Africa/Casablanca).
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import DecimalField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from core.audit import HistoricalRecords
from core.constraints import end_not_before_start, in_one_language_at_least
from core.documents import DocumentBase
from core.i18n import localized
from core.models import VersionedModel

from .programmes import Project

AMOUNT = {"max_digits": 14, "decimal_places": 2, "validators": [MinValueValidator(0)]}


def not_negative(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0}),
        name=name,
        violation_error_message=_("An amount cannot be negative."),
    )


class Milestone(VersionedModel):
    """A dated milestone or activity of a project, e.g. one edition of a provincial fair."""

    class Kind(models.TextChoices):
        MILESTONE = "milestone", _("milestone")
        ACTIVITY = "activity", _("activity")

    project = models.ForeignKey(Project, models.CASCADE, related_name="milestones", verbose_name=_("project"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ACTIVITY)
    title_ar = models.CharField(_("title (Arabic)"), max_length=300, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)

    title = localized("title")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("milestone or activity")
        verbose_name_plural = _("milestones and activities")
        ordering = ["start_date", "pk"]
        constraints = [
            in_one_language_at_least("title_ar", "title_fr", "milestone_has_a_title"),
            end_not_before_start("start_date", "end_date", "milestone_end_after_start"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.project.get_absolute_url()


class MilestoneDocument(DocumentBase):
    """A document of a milestone or activity (programme, report, photos)."""

    parent_field = "milestone"
    milestone = models.ForeignKey(Milestone, models.CASCADE, related_name="documents", verbose_name=_("milestone"))
    history = HistoricalRecords()


class ProjectDocument(DocumentBase):
    """A project's sheet, study, report or photos."""

    parent_field = "project"
    project = models.ForeignKey(Project, models.CASCADE, related_name="documents", verbose_name=_("project"))
    history = HistoricalRecords()

    class Meta(DocumentBase.Meta):
        verbose_name = _("project document")
        verbose_name_plural = _("project documents")


class BudgetLine(VersionedModel):
    """What one funder plans to give a project in one year: ``planned`` and, once revised, ``revised`` (MAD)."""

    project = models.ForeignKey(Project, models.CASCADE, related_name="budget_lines", verbose_name=_("project"))
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000)])
    funder = models.ForeignKey(
        "stakeholders.Organization", models.PROTECT, related_name="budget_lines", verbose_name=_("funder")
    )
    planned = models.DecimalField(_("planned (MAD)"), **AMOUNT)
    revised = models.DecimalField(_("revised (MAD)"), null=True, blank=True, **AMOUNT)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["year", "pk"]
        constraints = [
            not_negative("planned", "budget_line_planned_not_negative"),
            not_negative("revised", "budget_line_revised_not_negative"),
            models.UniqueConstraint(
                fields=["project", "year", "funder"],
                name="one_budget_line_per_funder_and_year",
                violation_error_message=_("This funder already has a budget line for this year."),
            ),
        ]

    def __str__(self):
        return f"{self.year} · {self.funder}"

    def get_absolute_url(self):
        return self.project.get_absolute_url()

    @property
    def current(self):
        """The amount in force: the revised one when there is one, else the planned one (MAD)."""
        return self.revised if self.revised is not None else self.planned


class Expenditure(VersionedModel):
    """Money spent against a budget line (MAD)."""

    budget_line = models.ForeignKey(
        BudgetLine, models.CASCADE, related_name="expenditures", verbose_name=_("budget line")
    )
    date = models.DateField(_("date"))
    amount = models.DecimalField(_("amount (MAD)"), **AMOUNT)
    description = models.CharField(_("description"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("expenditure")
        verbose_name_plural = _("expenditures")
        ordering = ["date", "pk"]
        constraints = [not_negative("amount", "expenditure_not_negative")]

    def __str__(self):
        return f"{self.date} · {self.amount}"

    def get_absolute_url(self):
        return self.budget_line.project.get_absolute_url()


class Indicator(VersionedModel):
    """A results indicator of a project: its unit, baseline and target."""

    project = models.ForeignKey(Project, models.CASCADE, related_name="indicators", verbose_name=_("project"))
    name_ar = models.CharField(_("name (Arabic)"), max_length=300, blank=True)
    name_fr = models.CharField(_("name (French)"), max_length=300, blank=True)
    unit = models.CharField(_("unit"), max_length=60)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2, null=True, blank=True)

    name = localized("name")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["project_id", "pk"]
        constraints = [in_one_language_at_least("name_ar", "name_fr", "indicator_has_a_name")]

    def __str__(self):
        return f"{self.name} ({self.unit})"

    def get_absolute_url(self):
        return self.project.get_absolute_url()


class IndicatorValueQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Approved values for everyone; drafts and submitted values only for those who may change them."""
        if user.has_perm("projects.change_indicatorvalue"):
            return self
        return self.filter(status=IndicatorValue.Status.APPROVED)


class IndicatorValue(VersionedModel):
    """A reported value of an indicator for a period: draft, then submitted, then approved by
    someone other than its submitter; partners see approved values only."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        APPROVED = "approved", _("approved")

    indicator = models.ForeignKey(Indicator, models.CASCADE, related_name="values", verbose_name=_("indicator"))
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    event = models.ForeignKey(
        "projects.Event",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="indicator_values",
        verbose_name=_("measured at the event"),
    )
    sources = models.ManyToManyField(
        "sources.Source", blank=True, related_name="indicator_values", verbose_name=_("sources")
    )

    objects = IndicatorValueQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=["sources"])

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator_id", "period_start", "pk"]
        permissions = [("approve_indicatorvalue", _("Can approve indicator values"))]
        constraints = [
            end_not_before_start("period_start", "period_end", "indicator_value_period"),
            models.CheckConstraint(
                condition=~Q(status="approved") | Q(approved_at__isnull=False),
                name="approved_value_has_approval_date",
                violation_error_message=_("An approved value records when it was approved."),
            ),
        ]

    def __str__(self):
        return f"{self.indicator}: {number_format(self.value.normalize() if self.value is not None else '')}"

    def get_absolute_url(self):
        return self.indicator.project.get_absolute_url()


def budget_totals(project) -> dict:
    """Totals of a project's budget lines, in MAD, computed in the database.

    Returns ``{"planned": ..., "current": ..., "spent": ..., "by_funder": [...], "by_year": [...]}``;
    each row of ``by_funder``/``by_year`` has ``planned``, ``current`` (revised where revised) and ``spent``.
    """
    spent = (
        Expenditure.objects.filter(budget_line=OuterRef("pk"))
        .values("budget_line")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    zero = Value(0, output_field=DecimalField(max_digits=14, decimal_places=2))
    lines = project.budget_lines.annotate(
        current_amount=Coalesce("revised", "planned"),
        spent_amount=Coalesce(Subquery(spent), zero),
    )
    sums = {"planned": Sum("planned"), "current": Sum("current_amount"), "spent": Sum("spent_amount")}
    return {
        **lines.aggregate(**sums),
        "by_funder": list(
            lines.values("funder", "funder__name_ar", "funder__name_fr").annotate(**sums).order_by("funder")
        ),
        "by_year": list(lines.values("year").annotate(**sums).order_by("year")),
    }
