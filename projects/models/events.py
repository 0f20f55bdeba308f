"""Events other than meetings: fairs, exhibitions, forums, conferences, trainings, award ceremonies.

An event may be one edition of a recurring series (the second regional SSE fair), held under an
agreement, part of a project, approved by council decisions and prepared by meetings; its
organizers and partners each have a role. Figures measured at it are indicator values tied to it
(``IndicatorValue.event``). Dates are calendar days (Africa/Casablanca).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.audit import HistoricalRecords
from core.constraints import end_not_before_start, in_one_language_at_least
from core.i18n import localized
from core.models import OpenListItem, OrderingIndex, SearchableModel, VersionedModel, search_index
from stakeholders.regions import RegionalModel, RegionalQuerySet, region_field

from .agreements import PartnershipAgreement
from .programmes import Project


class EventKind(OpenListItem):
    """A kind of event (regional fair, forum, training...)."""

    history = HistoricalRecords()

    class Meta(OpenListItem.Meta):
        verbose_name = _("kind of event")
        verbose_name_plural = _("kinds of event")
        constraints = [in_one_language_at_least("name_ar", "name_fr", "event_kind_has_a_name")]

    def get_absolute_url(self):
        return reverse("projects:event_list") + f"?kind={self.pk}"


class EventSeries(VersionedModel):
    """A recurring series of events whose editions are numbered (the regional SSE fair)."""

    title_ar = models.CharField(_("title (Arabic)"), max_length=300, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)

    title = localized("title")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("series of events")
        verbose_name_plural = pgettext_lazy("plural", "series of events")
        ordering = ["title_ar", "title_fr", "pk"]
        constraints = [in_one_language_at_least("title_ar", "title_fr", "event_series_has_a_title")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:event_list") + f"?series={self.pk}"


class Event(RegionalModel, SearchableModel, VersionedModel):
    """A fair, forum, conference, training or ceremony: when and where, what it is part of, who organized it."""

    search_fields = ("title_ar", "title_fr", "theme_ar", "theme_fr", "venue")

    kind = models.ForeignKey(EventKind, models.PROTECT, related_name="events", verbose_name=_("kind"))
    title_ar = models.CharField(_("title (Arabic)"), max_length=300, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)
    theme_ar = models.CharField(_("theme or slogan (Arabic)"), max_length=300, blank=True)
    theme_fr = models.CharField(_("theme or slogan (French)"), max_length=300, blank=True)
    series = models.ForeignKey(
        EventSeries, models.PROTECT, null=True, blank=True, related_name="events", verbose_name=_("series")
    )
    edition = models.PositiveSmallIntegerField(
        _("edition"), null=True, blank=True, validators=[MinValueValidator(1)], help_text=_("1 for the first.")
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    province = models.ForeignKey(
        "stakeholders.Province",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("province"),
    )
    region = region_field("events")
    commune = models.ForeignKey(
        "stakeholders.Commune", models.PROTECT, null=True, blank=True, related_name="events", verbose_name=_("commune")
    )
    organizers = models.ManyToManyField(
        "stakeholders.Organization", through="EventOrganizer", related_name="events", verbose_name=_("organizers")
    )
    agreement = models.ForeignKey(
        PartnershipAgreement,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("held under the agreement"),
    )
    project = models.ForeignKey(
        Project, models.PROTECT, null=True, blank=True, related_name="events", verbose_name=_("project")
    )
    decisions = models.ManyToManyField(
        "meetings.Decision", blank=True, related_name="events", verbose_name=_("approved by the decisions")
    )
    meetings = models.ManyToManyField(
        "meetings.Meeting", blank=True, related_name="events_prepared", verbose_name=_("prepared at the meetings")
    )
    sources = models.ManyToManyField("sources.Source", blank=True, related_name="events", verbose_name=_("sources"))
    description = models.TextField(_("description"), blank=True)

    title = localized("title")
    theme = localized("theme")
    objects = RegionalQuerySet.as_manager()
    region_sources = ("province", "project", "agreement")

    history = HistoricalRecords(m2m_fields=["decisions", "meetings", "sources"])

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-start_date", "-pk"]
        indexes = [
            search_index("event"),
            OrderingIndex(models.F("start_date").desc(), models.F("id").desc(), name="event_newest_first"),
        ]
        constraints = [
            in_one_language_at_least("title_ar", "title_fr", "event_has_a_title"),
            end_not_before_start("start_date", "end_date", "event_end_after_start"),
            models.UniqueConstraint(
                fields=["series", "edition"],
                name="one_event_per_edition",
                violation_error_message=_("This series already has an event of this edition."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:event_detail", args=[self.pk])

    @classmethod
    def dated_within(cls, start, end):
        """Open on some day from ``start`` to ``end`` (an event without an end date lasts its first day)."""
        return Q(start_date__lte=end) & (Q(end_date__gte=start) | Q(end_date__isnull=True, start_date__gte=start))

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end cannot be before the start.")}, code="end_before_start")


class EventOrganizer(VersionedModel):
    """An organization's part in an event: organizer, co-organizer, sponsor, host commune or partner."""

    class Role(models.TextChoices):
        ORGANIZER = "organizer", _("organizer")
        CO_ORGANIZER = "co_organizer", _("co-organizer")
        SPONSOR = "sponsor", _("sponsor")
        HOST_COMMUNE = "host_commune", _("host commune")
        PARTNER = "partner", _("partner")

    event = models.ForeignKey(Event, models.CASCADE, related_name="event_organizers", verbose_name=_("event"))
    organization = models.ForeignKey(
        "stakeholders.Organization", models.PROTECT, related_name="event_roles", verbose_name=_("organization")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.ORGANIZER)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organizer of an event")
        verbose_name_plural = _("organizers of events")
        ordering = ["event_id", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organization"],
                name="one_role_per_event_organizer",
                violation_error_message=_("This organization is already listed for this event."),
            )
        ]

    def __str__(self):
        return f"{self.organization} ({self.get_role_display()})"

    def get_absolute_url(self):
        return self.event.get_absolute_url()
