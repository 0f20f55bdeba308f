"""The history every programme record keeps: django-simple-history's, one row per save.

simple-history writes a row on the record's save and one more on every change to a tracked
many-to-many field (its post_remove and post_add each), so one form save that changes a
project's partners wrote three rows, two of them half-done states. ``one_history_row``
gathers them: inside it, the saves and link changes of one record write nothing, and one
row, with the final state and links, is written when the block ends without an error.
"""

import contextlib

from simple_history import models as simple_history

_PENDING = "_history_pending"  # set on the instance while a one_history_row block runs


class HistoricalRecords(simple_history.HistoricalRecords):
    """``simple_history.models.HistoricalRecords`` that ``one_history_row`` can defer.

    Same options and same historical tables (no migration); models declare
    ``history = HistoricalRecords(...)`` from here.
    """

    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        if sender is self.cls:
            sender._history_records = self

    def post_save(self, instance, created, using=None, **kwargs):
        if not _deferred(instance, "+" if created else "~"):
            super().post_save(instance, created, using=using, **kwargs)

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs):
        if not (action in ("post_add", "post_remove", "post_clear") and _deferred(instance, "~")):
            super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)


def _deferred(instance, history_type: str) -> bool:
    if _PENDING not in instance.__dict__:
        return False
    if instance.__dict__[_PENDING] is None:  # the first kind wins: a creation stays "+"
        instance.__dict__[_PENDING] = history_type
    return True


@contextlib.contextmanager
def one_history_row(instance):
    """Saves of ``instance`` and changes to its tracked many-to-many links inside the block write
    one history row ("+" if the first save created it, else "~") when the block ends; none if
    nothing was saved or an exception left the block. Models without history are left alone.
    """
    records = getattr(type(instance), "_history_records", None)
    if records is None or _PENDING in instance.__dict__:  # no history, or an outer block writes it
        yield
        return
    instance.__dict__[_PENDING] = None
    try:
        yield
    except BaseException:
        instance.__dict__.pop(_PENDING, None)
        raise
    history_type = instance.__dict__.pop(_PENDING)
    if history_type is not None:
        records.create_historical_record(instance, history_type)
