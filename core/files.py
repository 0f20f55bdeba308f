"""Uploaded files live as long as a record, or a history row a restore could bring back, names them.

Deleting a document (alone, or with its milestone or project) keeps its file, so that a
restore brings it back whole. Once no live row and no history row of the model names a
file any more (its history purged for good: the deleted-records page's "delete for good", or
simple-history's ``clean_old_history``), the file is removed from storage, after the commit.
"""

from django.db import models, transaction
from django.db.models.signals import post_delete


def keep_files_while_named(model) -> None:
    """Connect the removal of ``model``'s files (a model with ``core.audit.HistoricalRecords``)
    to the deletion of its rows and of its history rows; nothing to do without file fields."""
    fields = [field.name for field in model._meta.concrete_fields if isinstance(field, models.FileField)]
    if not fields:
        return
    history = model.history.model

    def forget(sender, instance, using, **kwargs):
        named = {(field, str(getattr(instance, field))) for field in fields if getattr(instance, field)}
        if named:
            transaction.on_commit(lambda: _remove_unnamed(model, named, using), using=using)

    for sender in (model, history):
        post_delete.connect(forget, sender=sender, weak=False, dispatch_uid=f"core.files.{sender._meta.label}")


def _remove_unnamed(model, named: set[tuple[str, str]], using: str) -> None:
    for field, name in named:
        still = {field: name}
        if not (
            model._base_manager.using(using).filter(**still).exists()
            or model.history.using(using).filter(**still).exists()
        ):
            model._meta.get_field(field).storage.delete(name)
