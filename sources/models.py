"""Where the portal's facts come from: press articles, official documents, reports, web pages.

Meetings, decisions, recommendations and indicator values cite their sources (a many-to-many
``sources`` field on each, related names ``meetings``, ``decisions``...); a source lists what
cites it. Dates of publication are calendar days (Africa/Casablanca).
"""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.audit import HistoricalRecords
from core.models import OrderingIndex, SearchableModel, VersionedModel, search_index


class Source(SearchableModel, VersionedModel):
    """A published source: its kind, title, outlet (newspaper, site or issuing body), address,
    day of publication and language."""

    search_fields = ("title", "outlet", "url")

    class Kind(models.TextChoices):
        PRESS_ARTICLE = "press_article", _("press article")
        OFFICIAL_DOCUMENT = "official_document", _("official document")
        REPORT = "report", _("report")
        WEB_PAGE = "web_page", _("web page")
        OTHER = "other", _("other source")

    class Language(models.TextChoices):
        ARABIC = "ar", _("Arabic")
        FRENCH = "fr", _("French")
        ENGLISH = "en", _("English")
        AMAZIGH = "zgh", _("Amazigh")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.PRESS_ARTICLE)
    title = models.CharField(_("title"), max_length=500)
    outlet = models.CharField(
        _("outlet"), max_length=200, blank=True, help_text=_("Newspaper, website or issuing body.")
    )
    url = models.URLField(_("address (URL)"), max_length=1000, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=Language.choices, default=Language.ARABIC)
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = [models.F("published_on").desc(nulls_last=True), "-pk"]
        indexes = [
            search_index("source"),
            OrderingIndex(
                models.F("published_on").desc(nulls_last=True), models.F("id").desc(), name="source_newest_first"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(title=""), name="source_has_a_title", violation_error_message=_("Give its title.")
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.outlet})" if self.outlet else self.title

    def get_absolute_url(self):
        return reverse("sources:source_detail", args=[self.pk])

    @classmethod
    def dated_within(cls, start, end):
        """Published from ``start`` to ``end``."""
        return Q(published_on__range=(start, end))
