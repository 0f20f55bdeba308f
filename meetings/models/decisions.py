"""Council decisions (deliberations) taken in session."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.audit import HistoricalRecords
from core.constraints import in_one_language_at_least
from core.i18n import localized
from core.models import OrderingIndex, SearchableModel, VersionedModel, search_index
from stakeholders.regions import RegionalQuerySet

from .meetings import Meeting

SESSIONS = (Meeting.Kind.ORDINARY_SESSION, Meeting.Kind.EXTRAORDINARY_SESSION)


class Decision(SearchableModel, VersionedModel):
    """A decision (مقرر / délibération) of the council in a session, with its vote; its number
    within the session when the source gives one (unique in the session then)."""

    search_fields = ("number", "subject_ar", "subject_fr")

    meeting = models.ForeignKey(Meeting, models.PROTECT, related_name="decisions", verbose_name=_("session"))
    number = models.CharField(_("number"), max_length=40, blank=True)  # reports rarely give one
    date = models.DateField(_("date"), null=True, blank=True)
    subject_ar = models.TextField(_("subject (Arabic)"), blank=True)
    subject_fr = models.TextField(_("subject (French)"), blank=True)
    votes_for = models.PositiveIntegerField(_("votes for"), null=True, blank=True)
    votes_against = models.PositiveIntegerField(_("votes against"), null=True, blank=True)
    abstentions = models.PositiveIntegerField(_("abstentions"), null=True, blank=True)
    sources = models.ManyToManyField("sources.Source", blank=True, related_name="decisions", verbose_name=_("sources"))

    subject = localized("subject")
    objects = RegionalQuerySet.as_manager()
    region_lookups = ("meeting__region",)  # its session's

    history = HistoricalRecords(m2m_fields=["sources"])

    class Meta:
        verbose_name = _("council decision")
        verbose_name_plural = _("council decisions")
        ordering = [F("date").desc(nulls_last=True), "number"]
        indexes = [
            search_index("decision"),
            OrderingIndex(F("date").desc(nulls_last=True), F("number").asc(), name="decision_newest_first"),
        ]
        constraints = [
            in_one_language_at_least("subject_ar", "subject_fr", "decision_has_a_subject"),
            models.UniqueConstraint(
                fields=["meeting", "number"],
                condition=~Q(number=""),
                name="decision_number_unique_in_session",
                violation_error_message=_("This session already has a decision with this number."),
            ),
            models.CheckConstraint(
                condition=Q(votes_for__gte=0) | Q(votes_for__isnull=True), name="decision_votes_not_negative"
            ),
        ]

    def __str__(self):
        if not self.number:
            return _("Decision: %(subject)s") % {"subject": self.subject[:80]}
        return _("Decision %(number)s: %(subject)s") % {"number": self.number, "subject": self.subject[:80]}

    def get_absolute_url(self):
        return reverse("meetings:decision_detail", args=[self.pk])

    @classmethod
    def dated_within(cls, start, end):
        """Taken from ``start`` to ``end``."""
        return Q(date__range=(start, end))

    def editable_by(self, user) -> bool:
        """Whether ``user``'s councils may change it: its session's region's (stakeholders.regions)."""
        return self.meeting.editable_by(user)

    def clean(self):
        if self.meeting_id and self.meeting.kind not in SESSIONS:
            raise ValidationError(
                {"meeting": _("A council decision is taken in an ordinary or extraordinary session.")},
                code="not_a_session",
            )
