"""The admin base of every model with history: one history row per save, as on the portal's pages."""

import contextlib

from simple_history.admin import SimpleHistoryAdmin

from .audit import one_history_row


class HistoryAdmin(SimpleHistoryAdmin):
    """simple-history's admin whose saves write one history row for the record and its
    many-to-many links (``core.audit.one_history_row``), not one more per link change."""

    def save_model(self, request, obj, form, change):
        rows = request.__dict__["_one_history_row"] = contextlib.ExitStack()
        rows.enter_context(one_history_row(obj))
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        request.__dict__.pop("_one_history_row").close()
