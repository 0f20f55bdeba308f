"""Recommendations and their follow-up: official answer, status changes, lineage."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.audit import HistoricalRecords
from core.constraints import end_not_before_start, in_one_language_at_least
from core.i18n import arrow, localized
from core.models import SearchableModel, VersionedModel, search_index
from stakeholders.regions import RegionalQuerySet

from .meetings import Consultation, Meeting


class RecommendationQuerySet(RegionalQuerySet):
    def of_consultations(self, consultations):
        """Recommendations of these consultations (a queryset or ids): made by the consultation as a
        whole, or by one of its provincial meetings; each annotated with ``consultation_key``."""
        ids = consultations.values("pk") if isinstance(consultations, models.QuerySet) else consultations
        provincial = Meeting.objects.filter(consultation__in=ids).values("pk")
        if not isinstance(ids, models.QuerySet):  # a few ids: their meetings' keys as values, so that the
            provincial = list(provincial.values_list("pk", flat=True))  # planner reads both sides by index
        return self.filter(Q(source_consultation__in=ids) | Q(source_meeting__in=provincial)).annotate(
            consultation_key=Coalesce("source_consultation", "source_meeting__consultation")
        )


class Recommendation(SearchableModel, VersionedModel):
    """A recommendation that came out of a meeting or a consultation, followed until it is carried out."""

    search_fields = ("text_ar", "text_fr")
    objects = RecommendationQuerySet.as_manager()
    region_lookups = ("source_meeting__region", "source_consultation__region")  # through its source

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        UNDER_REVIEW = "under_review", _("under review")
        ADOPTED = "adopted", _("adopted")
        IN_PROGRAMME = "in_programme", _("in the development programme")
        IMPLEMENTED = "implemented", _("implemented")
        REJECTED = "rejected", _("rejected")

    # The order a recommendation goes through: reviewed, then adopted or rejected; adopted, then
    # carried into the development programme and implemented. A rejected one may be reopened.
    TRANSITIONS = {
        Status.PROPOSED: (Status.UNDER_REVIEW, Status.REJECTED),
        Status.UNDER_REVIEW: (Status.ADOPTED, Status.REJECTED),
        Status.ADOPTED: (Status.IN_PROGRAMME, Status.IMPLEMENTED),
        Status.IN_PROGRAMME: (Status.IMPLEMENTED,),
        Status.IMPLEMENTED: (),
        Status.REJECTED: (Status.UNDER_REVIEW,),
    }

    text_ar = models.TextField(_("text (Arabic)"), blank=True)
    text_fr = models.TextField(_("text (French)"), blank=True)
    axis = models.ForeignKey(
        "projects.ThematicAxis",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
        verbose_name=_("thematic axis"),
    )
    source_meeting = models.ForeignKey(
        Meeting,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
        verbose_name=_("source meeting"),
    )
    source_consultation = models.ForeignKey(
        Consultation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
        verbose_name=_("source consultation"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    derived_from = models.ManyToManyField(
        "self",
        through="RecommendationLink",
        through_fields=("target", "source"),
        symmetrical=False,
        related_name="derived",
        blank=True,
        verbose_name=_("derived from"),
    )
    sources = models.ManyToManyField(
        "sources.Source", blank=True, related_name="recommendations", verbose_name=_("sources")
    )

    text = localized("text")

    history = HistoricalRecords(m2m_fields=["sources"])

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["axis__order", "pk"]
        indexes = [
            search_index("recommendation"),
            models.Index(fields=["status", "id"], name="recommendation_by_status"),
        ]  # the dashboards' counts, and the list sorted by status
        constraints = [
            models.CheckConstraint(
                condition=Q(source_meeting__isnull=False) | Q(source_consultation__isnull=False),
                name="recommendation_has_a_source",
                violation_error_message=_(
                    "A recommendation comes from a meeting or a consultation: choose its source."
                ),
            ),
            in_one_language_at_least("text_ar", "text_fr", "recommendation_has_a_text"),
        ]

    def __str__(self):
        return self.text if len(self.text) <= 80 else f"{self.text[:79]}…"

    def get_absolute_url(self):
        return reverse("meetings:recommendation_detail", args=[self.pk])

    @property
    def source(self):
        return self.source_consultation or self.source_meeting

    @property
    def origins(self) -> list:
        """Where it comes from: the consultation, the meeting (a provincial one), or both (its
        published sources are ``sources``)."""
        return [source for source in (self.source_consultation, self.source_meeting) if source]

    @property
    def next_statuses(self) -> list["Recommendation.Status"]:
        """The statuses this recommendation may move to from its current one (``TRANSITIONS``)."""
        return [self.Status(status) for status in self.TRANSITIONS[self.status]]

    def editable_by(self, user) -> bool:
        """Whether ``user``'s councils may change it: its source's region's (stakeholders.regions)."""
        source = self.source_meeting or self.source_consultation
        return source is None or source.editable_by(user)

    def clean(self):
        if not self.source_meeting_id and not self.source_consultation_id:
            raise ValidationError(
                _("A recommendation comes from a meeting or a consultation: choose its source."), code="no_source"
            )


class RecommendationAnswer(VersionedModel):
    """The council's official answer to a recommendation; ``estimated_cost`` in MAD."""

    recommendation = models.OneToOneField(
        Recommendation, models.CASCADE, related_name="answer", verbose_name=_("recommendation")
    )
    text_ar = models.TextField(_("answer (Arabic)"), blank=True)
    text_fr = models.TextField(_("answer (French)"), blank=True)
    responsible = models.ForeignKey(
        "stakeholders.Organization",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="answers",
        verbose_name=_("responsible organization"),
    )
    estimated_cost = models.DecimalField(
        _("estimated cost (MAD)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    period_start = models.DateField(_("execution from"), null=True, blank=True)
    period_end = models.DateField(_("execution until"), null=True, blank=True)
    answered_on = models.DateField(_("date answered"))

    text = localized("text")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("official answer")
        verbose_name_plural = _("official answers")
        constraints = [
            in_one_language_at_least("text_ar", "text_fr", "answer_has_a_text"),
            end_not_before_start("period_start", "period_end", "answer_period_end_after_start"),
            models.CheckConstraint(
                condition=Q(estimated_cost__isnull=True) | Q(estimated_cost__gte=0),
                name="answer_cost_not_negative",
                violation_error_message=_("The cost cannot be negative."),
            ),
        ]

    def __str__(self):
        return _("Answer to “%(recommendation)s”") % {"recommendation": self.recommendation}

    def get_absolute_url(self):
        return self.recommendation.get_absolute_url()


class StatusChange(models.Model):
    """One step of a recommendation's status, dated, with its author (and reason, for a rejection)."""

    recommendation = models.ForeignKey(
        Recommendation, models.CASCADE, related_name="status_changes", verbose_name=_("recommendation")
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Recommendation.Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Recommendation.Status.choices)
    changed_on = models.DateField(_("date"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="recommendation_status_changes",
        verbose_name=_("author"),
    )
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["changed_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(to_status="rejected") | ~Q(reason=""),
                name="rejection_has_a_reason",
                violation_error_message=_("Say why the recommendation is rejected."),
            ),
        ]

    def __str__(self):
        return f"{self.get_from_status_display()}{arrow()}{self.get_to_status_display()}"

    def get_absolute_url(self):
        return self.recommendation.get_absolute_url()


class RecommendationLink(models.Model):
    """Lineage: ``target`` comes from ``source``, by consolidation (several into one) or split (one into several)."""

    class Kind(models.TextChoices):
        CONSOLIDATION = "consolidation", _("consolidation")
        SPLIT = "split", _("split")

    source = models.ForeignKey(
        Recommendation, models.CASCADE, related_name="links_out", verbose_name=_("earlier recommendation")
    )
    target = models.ForeignKey(
        Recommendation, models.CASCADE, related_name="links_in", verbose_name=_("resulting recommendation")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)

    history = HistoricalRecords()  # who linked or unlinked, and when

    class Meta:
        verbose_name = _("recommendation lineage")
        verbose_name_plural = _("recommendation lineage")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target"],
                name="recommendation_link_unique",
                violation_error_message=_("These two recommendations are already linked."),
            ),
            models.CheckConstraint(
                condition=~Q(source=models.F("target")),
                name="recommendation_link_not_to_itself",
                violation_error_message=_("A recommendation cannot come from itself."),
            ),
        ]

    def __str__(self):
        return f"{self.source}{arrow()}{self.target} ({self.get_kind_display()})"

    def get_absolute_url(self):
        return self.target.get_absolute_url()
