"""The admin base of every model with history: one history row per save, as on the portal's pages."""

import contextlib

from django.conf import settings
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from .audit import one_history_row


class HistoryAdmin(SimpleHistoryAdmin):
    """simple-history's admin whose saves write one history row for the record and its
    many-to-many links (``core.audit.one_history_row``), not one more per link change."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """A past version, read only: reverting would set fields (workflow statuses) directly."""
        if request.method == "POST" and getattr(settings, "SIMPLE_HISTORY_REVERT_DISABLED", False):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        rows = request.__dict__["_one_history_row"] = contextlib.ExitStack()
        rows.enter_context(one_history_row(obj))
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        request.__dict__.pop("_one_history_row").close()
