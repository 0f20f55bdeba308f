"""Create, update and delete pages shared by the apps, and the choosers' search endpoint."""

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import NestedObjects
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import IntegrityError, router, transaction
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import resolve_url
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import CreateView, DeleteView, UpdateView

from . import registry
from .error_summary import error_summary
from .forms import chooser_detail, valid_key
from .history import one_deletion
from .kept_pages import KeptPageMixin
from .search import search_condition
from .views import ModelPermissionMixin, visible_to


class PortalFormMixin:
    """Common behaviour of the create and update pages: one transaction, a success message.

    With ``?dialog=1`` the page is the form alone (``core/form_dialog.html``, its fields prefixed
    "dialog" so that its ids differ from the page's that opened it), and a save answers 201 with
    the record as JSON, ``{"id": "7", "text": "…"}``: static/js/create_dialog.js creates a missing
    person from inside the meeting form and chooses them in the row.
    """

    template_name = "core/form.html"
    success_text = ""
    initial_from_query: tuple[str, ...] = ()  # fields a link may preset, e.g. ?project=3 on a new milestone

    def get_initial(self):
        # Only the keys present in the URL: an empty one would hide the record's own value when editing.
        preset = {key: self.request.GET[key] for key in self.initial_from_query if self.request.GET.get(key)}
        return {**super().get_initial(), **preset}

    def in_dialog(self) -> bool:
        return self.request.GET.get("dialog") == "1"

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.editing_user = self.request.user
        if hasattr(form, "for_user"):  # e.g. a new record starts in the user's council's region
            form.for_user(self.request.user)
        return form

    def get_template_names(self):
        return ["core/form_dialog.html"] if self.in_dialog() else super().get_template_names()

    def get_prefix(self):
        return "dialog" if self.in_dialog() else super().get_prefix()

    def post(self, request, *args, **kwargs):
        # clean() (row lock of the version check) and save() run in one transaction.
        with transaction.atomic():
            return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        if not form.instance._state.adding and not form.has_changed():
            return self.nothing_changed()
        return self.saved(super().form_valid(form))

    def saved(self, redirect):
        """After a save: ``redirect`` with a message, or in a dialog the record as JSON (201)."""
        if self.in_dialog():
            return JsonResponse({"id": str(self.object.pk), "text": str(self.object)}, status=201)
        messages.success(self.request, self.success_text % {"record": self.object})
        return redirect

    def nothing_changed(self):
        """Saving a form that changes nothing writes nothing (no new version, no empty history row)."""
        messages.info(self.request, _("Nothing was changed, so nothing was saved."))
        return HttpResponseRedirect(self.object.get_absolute_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["opts"] = self.model._meta
        context["media"] = context["form"].media
        context["cancel_url"] = self.cancel_url()
        context["error_summary"] = error_summary(context["form"], context.get("formsets", ()))
        return context

    def cancel_url(self) -> str:
        """Back to the record being edited; for a new one, to the record a link preset (the
        project of a new milestone), else to the list, else home."""
        if getattr(self, "object", None) is not None and self.object.pk:
            return self.object.get_absolute_url()
        for key in self.initial_from_query:
            field, value = self.model._meta.get_field(key), self.request.GET.get(key)
            if value and field.is_relation and valid_key(field.related_model, value):
                parent = field.related_model._default_manager.filter(pk=value).first()
                if parent is not None and hasattr(parent, "get_absolute_url"):
                    return parent.get_absolute_url()
        try:
            return reverse(registry.page_name(self.model, "list"))
        except NoReverseMatch:
            return resolve_url(settings.LOGIN_REDIRECT_URL)


class InlineFormsetsMixin:
    """Edits a record together with inline formsets (e.g. a meeting and its attendance).

    ``formsets`` lists (title, formset class, prefix). The record and every formset are saved
    in one transaction, or nothing is: a rule broken at save time becomes a form error. A post
    without a formset's management form (an older page, a script) posted no rows of it: that
    formset is left unbound, and neither checked nor saved.
    """

    formsets: list = []

    def build_formsets(self, instance):
        built = []
        for title, cls, prefix in self.formsets:
            posted = self.request.method == "POST" and f"{prefix}-TOTAL_FORMS" in self.request.POST
            data, files = (self.request.POST, self.request.FILES) if posted else (None, None)
            built.append((title, cls(data, files, instance=instance, prefix=prefix)))
        return built

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "formsets" not in context:  # a new record's rows follow its form's (e.g. its region's provinces)
            context["formsets"] = self.build_formsets(self.object or context["form"].instance)
        for _title, formset in context["formsets"]:
            context["media"] += formset.media  # Media drops the scripts already included
        return context

    def form_invalid(self, form):
        formsets = self.build_formsets(form.instance)
        for _title, formset in formsets:
            formset.is_bound and formset.is_valid()
        return self.render_to_response(self.get_context_data(form=form, formsets=formsets))

    def form_valid(self, form):
        formsets = self.build_formsets(form.instance)
        posted = [formset for _title, formset in formsets if formset.is_bound]
        if not all(formset.is_valid() for formset in posted):
            return self.render_to_response(self.get_context_data(form=form, formsets=formsets))
        creating = form.instance._state.adding
        if not creating and not form.has_changed() and not any(formset.has_changed() for formset in posted):
            return self.nothing_changed()
        try:
            with transaction.atomic():
                self.object = form.save()
                for formset in posted:
                    formset.instance = self.object
                    formset.save()
        except IntegrityError:
            if creating:
                form.instance.pk, form.instance._state.adding = None, True
            form.add_error(None, _("Not saved: these changes break a rule of the records. Check the rows below."))
            return self.render_to_response(self.get_context_data(form=form, formsets=formsets))
        return self.saved(HttpResponseRedirect(self.get_success_url()))


class PortalCreateView(ModelPermissionMixin, KeptPageMixin, PortalFormMixin, CreateView):
    """A page that creates one record; needs the model's ``add`` permission."""

    action = "add"

    @property
    def success_text(self):
        return _("“%(record)s” was created.")


class EditableObjectMixin:
    """The record must be one the user may change (``registry.may_change``: a record of another
    council's region, or a part of one, is refused with 403, for GET and POST alike)."""

    def get_object(self, queryset=None):
        record = super().get_object(queryset)
        if not registry.may_change(self.request.user, record):
            raise PermissionDenied(registry.OTHER_REGION)
        return record


class PortalUpdateView(ModelPermissionMixin, EditableObjectMixin, KeptPageMixin, PortalFormMixin, UpdateView):
    """A page that changes one record; needs ``change``. Its form should be versioned."""

    action = "change"

    @property
    def success_text(self):
        return _("“%(record)s” was saved.")


class PortalDeleteView(ModelPermissionMixin, EditableObjectMixin, DeleteView):
    """Deletes a record after confirmation; refused while other records refer to it.

    The page lists the records that protect it (PROTECT relations) and those that would go
    with it (its own parts, such as a meeting's attendance).
    """

    action = "delete"
    template_name = "core/confirm_delete.html"

    @cached_property
    def dependants(self) -> tuple[list, list]:
        """(records that refer to this one and forbid its deletion, [(kind, count)] of its parts)."""
        collector = NestedObjects(using=router.db_for_write(self.model))
        collector.collect([self.object])
        protected = sorted(collector.protected, key=lambda record: (type(record).__name__, record.pk))
        parts = [
            (model._meta.verbose_name_plural, len(records))
            for model, records in collector.model_objs.items()
            if model is not self.model and records and not model._meta.auto_created  # links, not records
        ]
        return protected, parts

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["protected"], context["parts"] = self.dependants
        context["opts"] = self.model._meta
        return context

    def form_valid(self, form):
        if self.dependants[0]:
            messages.error(self.request, _("Not deleted: other records still refer to it."))
            return self.render_to_response(self.get_context_data())
        with transaction.atomic(), one_deletion():
            name = str(self.object)
            self.object.delete()
        messages.success(self.request, _("“%(record)s” was deleted.") % {"record": name})
        return HttpResponseRedirect(self.get_success_url())


class ChooserView(View):
    """JSON for the search-as-you-type choosers (select2's format), 20 records a page.

    Query: ``term``, ``page``, the ``app_label``/``model_name``/``field_name`` of the form
    field, and ``narrow_<name>`` for the model's ``chooser_narrowed_by`` relations; answers with the related records whose folded name matches every word typed, among
    those the user may see (``visible_to``). The user needs the view permission of the related
    model (403 otherwise); 404 for an unknown field or one whose records are not choosable.
    """

    PAGE_SIZE = 20
    MAX_PAGE = 10_000  # 200,000 records deep; beyond, the offset would overflow the database's integers

    def get(self, request):
        try:
            model = apps.get_model(request.GET.get("app_label", ""), request.GET.get("model_name", ""))
            field = model._meta.get_field(request.GET.get("field_name", ""))
        except (LookupError, ValueError, FieldDoesNotExist):
            raise Http404 from None
        target = field.related_model
        # A relation to a record type registered as choosable: a form field's, or a reverse one
        # that a form edits from the other side (core.forms.extend_form).
        if target is None or not (field.concrete or field.auto_created) or not registry.get(target).choosable:
            raise Http404
        opts = target._meta
        if not request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            return JsonResponse({"error": "forbidden"}, status=403)
        record_type = registry.get(target)
        queryset = target._default_manager.select_related(*record_type.chooser_related)
        queryset = visible_to(queryset.prefetch_related(*record_type.chooser_prefetch), request.user)
        queryset = queryset.filter(
            search_condition(request.GET.get("term", ""), record_type.chooser_search, queryset.model)
        )
        for name in record_type.chooser_narrowed_by:  # e.g. narrow_person=7: that person's positions
            value = request.GET.get(f"narrow_{name}", "")
            if value and valid_key(target._meta.get_field(name).related_model, value):
                queryset = queryset.filter(**{name: value})
        queryset = queryset.distinct()
        try:
            page = min(max(int(request.GET.get("page") or 1), 1), self.MAX_PAGE)
        except ValueError:
            page = 1
        start = (page - 1) * self.PAGE_SIZE
        rows = list(queryset[start : start + self.PAGE_SIZE + 1])
        return JsonResponse(
            {
                "results": [
                    {"id": str(row.pk), "text": str(row), "detail": chooser_detail(row)}
                    for row in rows[: self.PAGE_SIZE]
                ],
                "pagination": {"more": len(rows) > self.PAGE_SIZE},
            }
        )
