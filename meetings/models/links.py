"""Meetings in sequence: numbered series (first, second, third coordination meeting for one purpose)
and typed links between meetings (a committee meeting prepares a council session, a meeting follows up
on another)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.audit import HistoricalRecords
from core.constraints import in_one_language_at_least
from core.i18n import localized
from core.models import VersionedModel


class MeetingSeries(VersionedModel):
    """Meetings held one after another for the same purpose, numbered within the series
    (``Meeting.series`` and ``Meeting.number_in_series``), e.g. the coordination meetings on the
    regional fair."""

    title_ar = models.CharField(_("title (Arabic)"), max_length=300, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)

    title = localized("title")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("series of meetings")
        verbose_name_plural = pgettext_lazy("plural", "series of meetings")
        ordering = ["title_ar", "title_fr", "pk"]
        constraints = [in_one_language_at_least("title_ar", "title_fr", "meeting_series_has_a_title")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:meeting_list") + f"?series={self.pk}"


class MeetingLink(VersionedModel):
    """``from_meeting`` prepares or follows up on ``to_meeting``; each meeting's page shows the link
    from its own side ("prepares" / "prepared by", "follows up on" / "followed up by")."""

    class Kind(models.TextChoices):
        PREPARES = "prepares", _("prepares")
        FOLLOWS = "follows", _("follows up on")

    # The link as read from the other meeting's page.
    INVERSE = {Kind.PREPARES: _("prepared by"), Kind.FOLLOWS: _("followed up by")}

    from_meeting = models.ForeignKey(
        "meetings.Meeting", models.CASCADE, related_name="links_out", verbose_name=_("meeting")
    )
    kind = models.CharField(_("link"), max_length=20, choices=Kind.choices, default=Kind.PREPARES)
    to_meeting = models.ForeignKey(
        "meetings.Meeting", models.CASCADE, related_name="links_in", verbose_name=_("linked meeting")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("link between meetings")
        verbose_name_plural = _("links between meetings")
        ordering = ["from_meeting_id", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_meeting", "to_meeting"],
                name="one_link_per_pair_of_meetings",
                violation_error_message=_("These two meetings are already linked."),
            ),
            models.CheckConstraint(
                condition=~Q(from_meeting=F("to_meeting")),
                name="meeting_not_linked_to_itself",
                violation_error_message=_("A meeting cannot be linked to itself."),
            ),
        ]

    def __str__(self):
        return f"{self.from_meeting} — {self.get_kind_display()} — {self.to_meeting}"

    def get_absolute_url(self):
        return self.from_meeting.get_absolute_url()

    def inverse_label(self) -> str:
        """The link's name on ``to_meeting``'s page."""
        return str(self.INVERSE[self.kind])

    def clean(self):
        if self.from_meeting_id and self.from_meeting_id == self.to_meeting_id:
            raise ValidationError({"to_meeting": _("A meeting cannot be linked to itself.")}, code="self_link")
