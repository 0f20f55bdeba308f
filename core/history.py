"""History pages: who changed what and when on a record, deleted records' last state, restore.

Built on django-simple-history: every save and delete of a programme record writes a
historical row (with the signed-in user, through HistoryRequestMiddleware).
"""

import contextlib
import contextvars
import datetime
import uuid

from django.apps import apps
from django.contrib import messages
from django.db import IntegrityError, models, transaction
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

from . import registry
from .audit import one_history_row
from .forms import display_value
from .i18n import colon, separator
from .kept_pages import KeptPageMixin
from .views import ModelPermissionMixin

HISTORY_PAGE = 20
DELETED_WITH = "deleted with "  # the change reason of every deletion row one portal deletion writes
_deletion = contextvars.ContextVar("deletion", default="")


@contextlib.contextmanager
def one_deletion():
    """Marks every deletion history row written inside (the record's, and its cascaded parts')
    with one reason, so that a restore brings back exactly those parts."""
    token = _deletion.set(f"{DELETED_WITH}{uuid.uuid4().hex}")
    try:
        yield
    finally:
        _deletion.reset(token)


def mark_deletion(sender, history_instance, **kwargs):
    """pre_create_historical_record receiver (connected in core.apps): writes the mark."""
    if history_instance.history_type == "-" and _deletion.get() and not history_instance.history_change_reason:
        history_instance.history_change_reason = _deletion.get()


ALWAYS_HIDDEN = {"id", "search_text", "version"}


def hidden_fields(model, user) -> set[str]:
    """Fields of ``model`` that ``user`` may not read in its history (contact details, for partners)."""
    record_type = registry.get(model)
    if record_type.private_fields and not user.has_perm(record_type.private_permission):
        return ALWAYS_HIDDEN | set(record_type.private_fields)
    return ALWAYS_HIDDEN


class HistoryModelMixin(ModelPermissionMixin):
    """Takes the model from the URL (``app_label``, ``model_name``); 404 unless registered with ``history``.

    Reading a record's history needs the model's ``history_permission`` ("view" by default;
    "change" for indicator values, whose drafts partners must not see); restoring needs "add".
    """

    def get_permission_required(self):
        opts = self.model._meta
        action = registry.get(self.model).history_permission if self.action == "view" else self.action
        return [f"{opts.app_label}.{action}_{opts.model_name}"]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        try:
            self.model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
        except LookupError:
            raise Http404 from None
        if not registry.get(self.model).history:
            raise Http404

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        opts = self.model._meta
        context["opts"] = opts
        context["can_restore"] = self.request.user.has_perm(f"{opts.app_label}.add_{opts.model_name}")
        context["can_purge"] = self.request.user.has_perm(purge_permission(self.model))
        return context


def purge_permission(model) -> str:
    """Deleting a record for good needs the permission to delete its history rows: administrators'."""
    history = model.history.model._meta
    return f"{history.app_label}.delete_{history.model_name}"


def _last_values(entry, hidden) -> list[tuple[str, str]]:
    """(label, value) of each field of a historical row, as a person reads them, but ``hidden``."""
    record = entry.instance
    return [
        (capfirst(f.verbose_name), display_value(record, f))
        for f in record._meta.concrete_fields
        if f.name not in hidden
    ]


def _changes(new, old, hidden) -> list[tuple[str, str, str]]:
    """(field label, old value, new value) for each field that differs between two historical rows.

    Choices are shown by their label, linked records by their name; ``hidden`` fields are left out.
    """
    if old is None:
        return []
    delta = new.diff_against(old, excluded_fields=sorted(hidden - {"id"}))
    model = new.instance_type
    rows = []
    for change in delta.changes:
        field = model._meta.get_field(change.field)
        if field.many_to_many:
            before, after = _names(field, change.old), _names(field, change.new)
        elif field.is_relation:
            before, after = _name(field, change.old), _name(field, change.new)
        elif field.choices:
            labels = dict(field.flatchoices)
            before, after = labels.get(change.old, change.old), labels.get(change.new, change.new)
        else:
            before, after = _readable(change.old), _readable(change.new)
        rows.append(
            (capfirst(field.verbose_name), "" if before is None else str(before), "" if after is None else str(after))
        )
    return rows


def _readable(value):
    """A plain value as a person reads it: yes or no, a time without seconds (wall clock)."""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.time):
        return f"{value:%H:%M}"
    return value


def _name(field, pk) -> str:
    """The linked record of a foreign key change, by name ("" when none or deleted since)."""
    return str(field.related_model.objects.filter(pk=pk).first() or "") if pk is not None else ""


def _names(field, rows) -> str:
    """The linked records of a many-to-many change, by name."""
    target = field.m2m_reverse_field_name()
    linked = field.related_model.objects.filter(pk__in=[row[target] for row in rows])
    return separator().join(sorted(str(record) for record in linked))


class RecordHistoryView(HistoryModelMixin, KeptPageMixin, TemplateView):
    """The latest ``HISTORY_PAGE`` changes of one record and of its parts (it may have been
    deleted since)."""

    template_name = "core/history.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        entries = list(
            self.model.history.filter(id=self.kwargs["pk"])
            .select_related("history_user")
            .order_by("-history_id")[: HISTORY_PAGE + 1]
        )
        if not entries:
            raise Http404
        older = entries[1:] + [None]
        record = self.model.objects.filter(pk=self.kwargs["pk"]).first()
        hidden = hidden_fields(self.model, self.request.user)
        own = [(entry, _changes(entry, previous, hidden), "") for entry, previous in zip(entries, older, strict=False)]
        everything = sorted(own + self._parts_history(), key=lambda item: item[0].history_date, reverse=True)
        context.update(
            record=record,
            last_state=entries[0],
            last_values=[] if record else _last_values(entries[0], hidden),
            # a "changed" row that changed nothing one may read (a version, a search text) is left out
            entries=[item for item in everything if item[0].history_type != "~" or item[1]][:HISTORY_PAGE],
        )
        return context

    def _parts_history(self) -> list:
        """(entry, changes, "kind: name") of the latest changes to the record's parts: the models
        registered with a ``parent`` that points here (a meeting's attendance and agenda rows),
        each only when the user may read that part's history (its ``history_permission``). At most
        HISTORY_PAGE rows of each part model; two queries for each, whatever the rows."""
        rows, user = [], self.request.user
        for part in registry.record_types(history=True):
            if not part.parent or part.model._meta.get_field(part.parent).related_model is not self.model:
                continue
            opts = part.model._meta
            if not user.has_perm(f"{opts.app_label}.{part.history_permission}_{opts.model_name}"):
                continue  # e.g. indicator values' drafts, for those who may not change them
            hidden = hidden_fields(part.model, self.request.user)
            links = [field for field in opts.concrete_fields if field.many_to_one]
            history = part.model.history.filter(**{f"{part.parent}_id": self.kwargs["pk"]})
            history = history.select_related("history_user", *(field.name for field in links))
            entries = list(history.order_by("-history_id")[:HISTORY_PAGE])
            previous = _previous_states(part.model, entries)
            for entry in entries:
                record = entry.instance
                for field in links:  # its name (an attendance row's person) from the rows just joined
                    if (linked := getattr(entry, field.name)) is not None:  # None: deleted since
                        field.set_cached_value(record, linked)
                label = f"{capfirst(opts.verbose_name)}{colon()} {record}"
                rows.append((entry, _changes(entry, previous.get(entry.history_id), hidden), label))
        return rows


def _previous_states(model, entries) -> dict:
    """history_id -> the row before it of the same record, for historical rows ``entries``, in one query."""
    if not entries:
        return {}
    rows = model.history.filter(
        id__in={entry.id for entry in entries}, history_id__lt=max(entry.history_id for entry in entries)
    ).order_by("id", "history_id")
    previous, last = {}, {}
    wanted = {entry.history_id for entry in entries}
    # the window's own rows are among them, or are the previous of one another
    everything = sorted({row.history_id: row for row in [*rows, *entries]}.values(), key=lambda r: (r.id, r.history_id))
    for row in everything:
        if row.history_id in wanted and row.id in last:
            previous[row.history_id] = last[row.id]
        last[row.id] = row
    return previous


def last_deletions(model):
    """The deletion rows of ``model``'s records that are deleted now, each record's last one
    (a record restored and deleted again has two: restore and purge act on the later)."""
    later = model.history.filter(id=OuterRef("id"), history_id__gt=OuterRef("history_id"))
    return model.history.filter(history_type="-").exclude(id__in=model.objects.values("pk")).exclude(Exists(later))


class DeletedRecordsView(HistoryModelMixin, ListView):
    """Records of a model that were deleted, with their last state; staff can restore them."""

    template_name = "core/deleted.html"
    paginate_by = 25

    def get_queryset(self):
        return last_deletions(self.model).select_related("history_user").order_by("-history_date")


class RestoreView(HistoryModelMixin, TemplateView):
    """POST: bring a deleted record back as it was when deleted, many-to-many links included."""

    action = "add"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        deleted = get_object_or_404(self.model.history, history_id=kwargs["history_id"], history_type="-")
        if self.model.objects.filter(pk=deleted.id).exists():
            messages.info(request, _("This record exists already."))
            return HttpResponseRedirect(self.model.objects.get(pk=deleted.id).get_absolute_url())
        opts = self.model._meta
        back = HttpResponseRedirect(reverse("core:record_history", args=[opts.app_label, opts.model_name, deleted.id]))
        if missing := missing_links(deleted):
            messages.error(
                request,
                _("Not restored: it points to records deleted since (%(fields)s). Restore them first.")
                % {"fields": separator().join(missing)},
            )
            return back
        try:
            with transaction.atomic():
                record = restore(deleted)
        except IntegrityError:
            messages.error(
                request,
                _(
                    "Not restored: it would now break a rule of the records (a duplicate, or a part that no longer fits)."
                ),
            )
            return back
        messages.success(request, _("“%(record)s” was restored.") % {"record": record})
        return HttpResponseRedirect(record.get_absolute_url())


class PurgeView(HistoryModelMixin, TemplateView):
    """Delete a deleted record for good: its history and that of the parts deleted with it go,
    and with them their files (``core.files``); no restore is possible afterwards. GET asks to
    confirm, POST does it in one transaction."""

    template_name = "core/purge_confirm.html"

    def get_permission_required(self):
        return [purge_permission(self.model)]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # a record back in use keeps its history; of one deleted twice, only the last deletion
        self.deleted = get_object_or_404(last_deletions(self.model), history_id=kwargs["history_id"])

    SHOWN = 50  # parts named on the page; the others are counted

    def get_context_data(self, **kwargs):
        parts = {}
        for part in _deleted_parts(self.deleted):
            parts.setdefault(capfirst(part.instance_type._meta.verbose_name_plural), []).append(part.instance)
        parts = [(label, len(records), records[: self.SHOWN]) for label, records in parts.items()]
        return super().get_context_data(deleted=self.deleted, parts=parts, **kwargs)

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            for row in [*_deleted_parts(self.deleted), self.deleted]:
                row.instance_type.history.filter(id=row.id).delete()
        messages.success(request, _("“%(record)s” was deleted for good.") % {"record": self.deleted.instance})
        opts = self.model._meta
        return HttpResponseRedirect(reverse("core:deleted_records", args=[opts.app_label, opts.model_name]))


def _deleted_parts(deleted) -> list:
    """Deletion rows of the parts deleted with ``deleted``, and of their parts, depth first."""
    return [row for part in _parts_deleted_with(deleted) for row in (*_deleted_parts(part), part)]


def missing_links(deleted) -> list[str]:
    """Labels ("chair: 3") of the foreign keys of a deleted record's last state whose target no
    longer exists: restoring it would break them."""
    record = deleted.instance
    missing = []
    for field in record._meta.concrete_fields:
        key = getattr(record, field.attname) if field.is_relation else None
        if key is not None and not field.related_model._default_manager.filter(pk=key).exists():
            missing.append(f"{capfirst(field.verbose_name)}{colon()} {key}")
    return missing


def restore(deleted):
    """Re-create the record of a deletion history row, with its many-to-many links and the parts
    deleted with it (a meeting's attendance and agenda, a project's milestones...); return it.

    The links come from the last state before the deletion (a deletion row holds none). Links
    to records that no longer exist are left out. Raises IntegrityError when the record would
    break a rule (e.g. a record it points to was deleted too); the caller's transaction then
    rolls back.
    """
    model = deleted.instance_type
    record = deleted.instance
    record._change_reason = "restored"
    with one_history_row(record):
        record.save()
        _restore_links(model, record, deleted)
    for part in _parts_deleted_with(deleted):
        restore(part)
    return record


def _restore_links(model, record, deleted) -> None:
    before = (
        model.history.filter(id=deleted.id, history_id__lt=deleted.history_id)
        .exclude(history_type="-")
        .order_by("-history_id")
        .first()
    )
    for field in model._meta.many_to_many:
        if before is None or not hasattr(before, field.name):
            continue
        column = f"{field.m2m_reverse_field_name()}_id"
        wanted = [getattr(row, column) for row in getattr(before, field.name).all()]
        getattr(record, field.name).set(field.related_model.objects.filter(pk__in=wanted))


def _parts_deleted_with(deleted):
    """Deletion rows of the records that a cascade removed together with ``deleted``.

    A deletion through the portal marks the rows it writes (``one_deletion``): exactly those
    parts. Deletions made before that mark existed, or in the admin, fall back to the parts
    deleted within the minute before the record.
    """
    reason = deleted.history_change_reason or ""
    for relation in deleted.instance_type._meta.related_objects:
        part_model = relation.related_model
        if relation.on_delete is not models.CASCADE or relation.many_to_many or not hasattr(part_model, "history"):
            continue
        rows = part_model.history.filter(history_type="-", **{relation.field.attname: deleted.id})
        if reason.startswith(DELETED_WITH):
            rows = rows.filter(history_change_reason=reason)
        else:
            rows = rows.filter(
                history_date__range=(deleted.history_date - datetime.timedelta(minutes=1), deleted.history_date)
            )
        yield from rows.exclude(id__in=part_model.objects.values("pk")).order_by("history_id")
