"""Optimistic locking: a record's ``version`` goes up on every save through a form.

A form remembers the version it was loaded with; saving it when the stored version has moved
on is refused, with the changes made meanwhile shown (see ``VersionedFormMixin`` in forms).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VersionedModel(models.Model):
    """Adds ``version``: 1 on creation, incremented by each save of an existing record."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.version += 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version"}
        super().save(*args, **kwargs)
