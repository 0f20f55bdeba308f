"""The admin bases: models with history (one history row per save, as on the portal's pages), documents."""

import contextlib

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from .audit import one_history_row
from .jobs import Job
from .kept_pages import kept_page
from .pagination import PortalPaginator


class HistoryAdmin(SimpleHistoryAdmin):
    """simple-history's admin whose saves write one history row for the record and its
    many-to-many links (``core.audit.one_history_row``), not one more per link change.

    Change lists count their rows once (no second count of the unfiltered table) and read their
    deep pages from the nearer end (core.pagination). On the large tables, a ``date_hierarchy``
    would read every row's date on each page load: the date filter (DateFieldListFilter) reads none.
    A change list read again is kept like the portal's pages (core.kept_pages).
    """

    show_full_result_count = False
    paginator = PortalPaginator

    def changelist_view(self, request, extra_context=None):
        return kept_page(request, lambda: super(HistoryAdmin, self).changelist_view(request, extra_context))

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


def document_inline(document_model) -> type[admin.TabularInline]:
    """An inline of a record's documents (``core.documents``); type and size are read on save."""
    return type(
        f"{document_model.__name__}Inline",
        (admin.TabularInline,),
        {
            "model": document_model,
            "extra": 0,
            "fields": ["title", "kind", "file", "internal", "content_type", "size", "uploaded_at", "uploaded_by"],
            "readonly_fields": ["content_type", "size", "uploaded_at", "uploaded_by"],
        },
    )


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """Background jobs, read only: who started what, how far it went, how it ended."""

    list_display = ["title", "kind", "status", "user", "done", "total", "created_at", "finished_at"]
    list_filter = ["kind", "status"]
    list_select_related = ["user"]
    readonly_fields = [field.name for field in Job._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
