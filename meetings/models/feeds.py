"""Each user's secret calendar address (an iCalendar feed their calendar application reads)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    """43 URL-safe characters (256 bits) from ``secrets``."""
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret part of a user's feed address, ``/calendar/<token>.ics``: calendar applications
    read it without signing in, so it lists only what its user may view, while the account is
    active. Resetting it gives a new address and ends the old one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="calendar_feed", verbose_name=_("user")
    )
    token = models.CharField(_("secret"), max_length=64, unique=True, default=new_token, editable=False)
    created = models.DateTimeField(_("created"), auto_now=True)

    class Meta:
        verbose_name = _("calendar address")
        verbose_name_plural = _("calendar addresses")

    def __str__(self):
        return str(self.user)

    @classmethod
    def of(cls, user) -> "CalendarFeed":
        """The user's feed, created on first use."""
        return cls.objects.get_or_create(user=user)[0]

    def reset(self) -> None:
        """A new secret; the old address answers 404 from now on."""
        self.token = new_token()
        self.save(update_fields=["token", "created"])
