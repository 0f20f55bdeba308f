"""Numbered, bilingual items of a parent record: a meeting's agenda items, a strategy's axes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .i18n import localized
from .versioning import VersionedModel


class NumberedItem(VersionedModel):
    """Item number ``order`` of its parent (the foreign key named ``parent_field``), titled in Arabic and French."""

    parent_field = ""

    order = models.PositiveSmallIntegerField(_("order"))
    title_ar = models.CharField(_("title (Arabic)"), max_length=300, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)

    title = localized("title")

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.order}. {self.title}"

    def get_absolute_url(self):
        return getattr(self, self.parent_field).get_absolute_url()
