"""Strategies and their axes, programmes, projects and partnership agreements."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, FloatField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.audit import HistoricalRecords
from core.constraints import in_one_language_at_least
from core.i18n import localized
from core.models import NumberedItem, OpenListItem, SearchableModel, VersionedModel, search_index
from stakeholders.regions import RegionalModel, RegionalQuerySet, region_field


class ThematicAxis(OpenListItem):
    """A thematic axis of recommendations and projects, e.g. solidarity tourism (السياحة التضامنية)."""

    history = HistoricalRecords()

    class Meta(OpenListItem.Meta):
        verbose_name = _("thematic axis")
        verbose_name_plural = _("thematic axes")

    def get_absolute_url(self):
        return reverse("meetings:recommendation_list") + f"?axis={self.pk}"


class Strategy(SearchableModel, VersionedModel):
    """A strategy such as the national SSE strategy, with its owner, vision, aim and challenges."""

    search_fields = ("title_ar", "title_fr", "aim_ar", "aim_fr", "vision_ar", "vision_fr")

    title_ar = models.CharField(_("title (Arabic)"), max_length=300, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)
    owner = models.ForeignKey(
        "stakeholders.Organization",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="strategies",
        verbose_name=_("owner organization"),
    )
    aim_ar = models.TextField(_("aim (Arabic)"), blank=True)
    aim_fr = models.TextField(_("aim (French)"), blank=True)
    vision_ar = models.TextField(_("vision (Arabic)"), blank=True)
    vision_fr = models.TextField(_("vision (French)"), blank=True)
    challenges_ar = models.TextField(_("challenges (Arabic)"), blank=True)
    challenges_fr = models.TextField(_("challenges (French)"), blank=True)
    presented_at = models.ManyToManyField(
        "meetings.Meeting", blank=True, related_name="strategies_presented", verbose_name=_("presented at")
    )

    title = localized("title")
    aim = localized("aim")
    vision = localized("vision")
    challenges = localized("challenges")

    history = HistoricalRecords(m2m_fields=["presented_at"])

    class Meta:
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        ordering = ["title_ar", "title_fr"]
        indexes = [search_index("strategy")]
        constraints = [in_one_language_at_least("title_ar", "title_fr", "strategy_has_a_title")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:strategy_detail", args=[self.pk])


class StrategyAxis(NumberedItem):
    """One numbered axis of a strategy."""

    strategy = models.ForeignKey(Strategy, models.CASCADE, related_name="axes", verbose_name=_("strategy"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("strategy axis")
        verbose_name_plural = _("strategy axes")
        ordering = ["strategy_id", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "order"],
                name="strategy_axis_order_unique",
                violation_error_message=_("Two axes of a strategy cannot have the same number."),
            )
        ]


class Programme(RegionalModel, SearchableModel, VersionedModel):
    """A programme that carries projects, e.g. the Regional Development Programme adopted in session."""

    search_fields = ("title_ar", "title_fr", "description_ar", "description_fr")

    class Kind(models.TextChoices):
        REGIONAL_DEVELOPMENT = "regional_development", _("regional development programme")
        COOPERATION = "cooperation", _("cooperation programme")
        OTHER = "other", _("other")

    title_ar = models.CharField(_("title (Arabic)"), max_length=300, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    owner = models.ForeignKey(
        "stakeholders.Organization",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="programmes",
        verbose_name=_("owner organization"),
    )
    adopted_at = models.ForeignKey(
        "meetings.Meeting",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="programmes_adopted",
        verbose_name=_("adopted at"),
    )
    region = region_field("programmes")
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)

    objects = RegionalQuerySet.as_manager()
    region_sources = ("owner",)

    title = localized("title")
    description = localized("description")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["title_ar", "title_fr"]
        indexes = [search_index("programme")]
        constraints = [in_one_language_at_least("title_ar", "title_fr", "programme_has_a_title")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:programme_detail", args=[self.pk])


class ProjectQuerySet(RegionalQuerySet):
    def with_progress(self):
        """Annotate ``overall_progress``: the weighted mean of the sub-projects' progress (0-100)
        when the project has sub-projects with a known progress, else its own ``progress``.

        weighted mean = sum(progress x weight) / sum(weight), over the direct sub-projects whose
        progress is known; one query, whatever the number of projects.
        """
        children = (
            Project.objects.filter(parent=OuterRef("pk"), progress__isnull=False)
            .values("parent")
            .annotate(mean=Cast(Sum(F("progress") * F("weight")), FloatField()) / Cast(Sum("weight"), FloatField()))
            .values("mean")
        )
        return self.annotate(overall_progress=Coalesce(Subquery(children), Cast("progress", FloatField())))

    def with_effective_budget(self):
        """Annotate ``effective_budget`` (MAD): the project's ``budget`` when known, else the total of
        its budget lines in force (revised where revised), else None. One query."""
        return self.annotate(effective_budget=Coalesce("budget", self.lines_total(OuterRef("pk"))))

    @staticmethod
    def lines_total(project) -> Subquery:
        """The total (MAD) of the budget lines in force of ``project`` (an OuterRef), None without lines;
        unordered, so that the database adds no sort to each evaluation."""
        from .results import BudgetLine

        lines = (
            BudgetLine.objects.filter(project=project)
            .order_by()
            .values("project")
            .annotate(total=Sum(Coalesce("revised", "planned")))
            .values("total")
        )
        return Subquery(lines)


class Project(RegionalModel, SearchableModel, VersionedModel):
    """A project of a programme; ``budget`` is in Moroccan dirhams (MAD), empty when not known."""

    search_fields = ("title_ar", "title_fr", "description_ar", "description_fr")

    class Status(models.TextChoices):
        IDENTIFIED = "identified", _("identified")
        APPROVED = "approved", _("approved")
        IN_PROGRESS = "in_progress", _("in progress")
        COMPLETED = "completed", _("completed")
        SUSPENDED = "suspended", _("suspended")
        CANCELLED = "cancelled", _("cancelled")

    title_ar = models.CharField(_("title (Arabic)"), max_length=300, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)
    programme = models.ForeignKey(
        Programme, models.PROTECT, null=True, blank=True, related_name="projects", verbose_name=_("programme")
    )
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    region = region_field("projects")
    provinces = models.ManyToManyField(
        "stakeholders.Province", blank=True, related_name="projects", verbose_name=_("provinces")
    )
    thematic_axes = models.ManyToManyField(
        ThematicAxis, blank=True, related_name="projects", verbose_name=_("thematic axes")
    )
    strategy_axes = models.ManyToManyField(
        StrategyAxis, blank=True, related_name="projects", verbose_name=_("strategy axes")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IDENTIFIED)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    budget = models.DecimalField(_("budget (MAD)"), max_digits=14, decimal_places=2, null=True, blank=True)
    lead_organization = models.ForeignKey(
        "stakeholders.Organization",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="projects_led",
        verbose_name=_("lead organization"),
    )
    partners = models.ManyToManyField(
        "stakeholders.Organization", blank=True, related_name="projects_partnered", verbose_name=_("partners")
    )
    approving_meeting = models.ForeignKey(
        "meetings.Meeting",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="projects_approved",
        verbose_name=_("approved at"),
    )
    recommendations = models.ManyToManyField(
        "meetings.Recommendation", blank=True, related_name="projects", verbose_name=_("recommendations")
    )
    decision = models.ForeignKey(
        "meetings.Decision",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        verbose_name=_("approving decision"),
    )
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("parent project")
    )
    weight = models.PositiveSmallIntegerField(
        _("weight in the parent project"), default=1, validators=[MinValueValidator(1)]
    )

    objects = ProjectQuerySet.as_manager()
    region_sources = ("programme", "lead_organization")
    title = localized("title")
    description = localized("description")

    history = HistoricalRecords(
        m2m_fields=["provinces", "thematic_axes", "strategy_axes", "partners", "recommendations"]
    )

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["programme", "pk"]
        indexes = [search_index("project"), models.Index(fields=["programme", "id"], name="project_by_programme")]
        constraints = [
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="project_budget_not_negative",
                violation_error_message=_("The budget cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(progress__isnull=True) | Q(progress__lte=100),
                name="project_progress_0_to_100",
                violation_error_message=_("Progress is a percentage, from 0 to 100."),
            ),
            in_one_language_at_least("title_ar", "title_fr", "project_has_a_title"),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="project_not_own_parent",
                violation_error_message=_("A project cannot be its own parent."),
            ),
            models.CheckConstraint(
                condition=Q(weight__gte=1),
                name="project_weight_positive",
                violation_error_message=_("The weight is at least 1."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:project_detail", args=[self.pk])

    def clean(self):
        if self.budget is not None and self.budget < 0:
            raise ValidationError({"budget": _("The budget cannot be negative.")}, code="negative_budget")
        if self.status == self.Status.COMPLETED and self.progress is not None and self.progress < 100:
            raise ValidationError(
                {"progress": _("A completed project's progress is 100: set it to 100, or choose another status.")},
                code="completed_below_100",
            )
