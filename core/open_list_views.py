"""Pages where council staff extend the lists the world keeps adding to: thematic axes, kinds of
event, categories of participants, statistics, series of meetings and of events (the models
registered with ``open_list``, ``core.registry``).

``/lists/`` shows the lists the user may view; each list's page its entries in order, with
"new" and "edit" for those who may add or change them (council staff). The URLs name the model
(``/lists/projects/eventkind/``); a model that is no open list is a 404.
"""

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import modelform_factory
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, TemplateView

from . import registry
from .editing import PortalCreateView, PortalUpdateView
from .forms import PortalModelForm, VersionedFormMixin
from .search import normalize
from .views import ModelPermissionMixin


def open_lists(user) -> list[dict]:
    """The open lists ``user`` may view: model, name and URL of each, in registration order."""
    lists = []
    for record_type in registry.record_types():
        model = record_type.model
        if record_type.open_list and user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}"):
            lists.append({"model": model, "name": model._meta.verbose_name_plural, "url": list_url(model)})
    return lists


def list_url(model) -> str:
    return reverse("core:open_list", args=[model._meta.app_label, model._meta.model_name])


class OpenListModelMixin:
    """Reads the model from the URL's ``app_label`` and ``model_name`` (404 if it is no open list)."""

    def dispatch(self, request, *args, app_label, model_name, **kwargs):
        try:
            self.model = apps.get_model(app_label, model_name)
        except LookupError:
            raise Http404 from None
        self.fields = registry.get(self.model).open_list
        if not self.fields:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        opts = self.model._meta
        return super().get_context_data(list_name=opts.verbose_name_plural, list_url=list_url(self.model), **kwargs)


class OpenListIndexView(TemplateView):
    """The open lists the user may view (403 for a user who may view none)."""

    template_name = "core/open_list_index.html"

    def get_context_data(self, **kwargs):
        lists = open_lists(self.request.user)
        if not lists:
            raise PermissionDenied
        return super().get_context_data(lists=lists, **kwargs)


class OpenListView(OpenListModelMixin, ModelPermissionMixin, ListView):
    """The entries of one open list, in their order, 100 to a page."""

    template_name = "core/open_list.html"
    paginate_by = 100

    def get_queryset(self):
        return self.model._default_manager.all()

    def get_context_data(self, **kwargs):
        opts = self.model._meta
        user = self.request.user
        args = [opts.app_label, opts.model_name]
        context = super().get_context_data(
            columns=[opts.get_field(name).verbose_name for name in self.fields],
            create_url=reverse("core:open_list_create", args=args),
            can_add=user.has_perm(f"{opts.app_label}.add_{opts.model_name}"),
            can_change=user.has_perm(f"{opts.app_label}.change_{opts.model_name}"),
            **kwargs,
        )
        context["rows"] = [
            (
                item,
                [getattr(item, name) for name in self.fields],
                reverse("core:open_list_update", args=[*args, item.pk]),
            )
            for item in context["object_list"]
        ]
        return context


class OpenListItemForm(VersionedFormMixin, PortalModelForm):
    """An entry of an open list; a blank code is made from the French name ("Salon régional" →
    "salon-regional"), and must then be unique like any code."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "code" in self.fields:
            self.fields["code"].required = False
            self.fields["code"].help_text = _(
                "Latin letters, digits and hyphens; left blank, made from the French name."
            )
        first, second = [name for name in self.fields if name.endswith(("_ar", "_fr"))][:2] or (None, None)
        self.bilingual = ((first, second),) if first else ()

    def clean_code(self):
        code = self.cleaned_data.get("code") or slugify(self.data.get(self.add_prefix("name_fr"), ""))[:60]
        if not code:
            raise ValidationError(_("Give a code (Latin letters, digits and hyphens)."), code="required")
        taken = self._meta.model._default_manager.filter(code=code).exclude(pk=self.instance.pk).first()
        if taken is not None:
            raise ValidationError(
                _("“%(entry)s” has this code: give another one."), code="code_taken", params={"entry": taken}
            )
        return code

    def clean(self):
        """An entry whose Arabic or French name is another's (whatever its hamza, accents or case) is refused."""
        cleaned = super().clean()
        model = self._meta.model
        for name in [name for name in self._meta.fields if name.endswith(("_ar", "_fr"))]:
            wanted = normalize(cleaned.get(name) or "")
            if not wanted:
                continue
            others = model._default_manager.exclude(pk=self.instance.pk).values_list(name, flat=True)
            if any(normalize(other or "") == wanted for other in others.iterator()):
                self.add_error(name, ValidationError(_("Another entry of this list has this name."), code="same_name"))
        return cleaned


class OpenListFormMixin(OpenListModelMixin):
    template_name = "core/form.html"

    def get_form_class(self):
        return modelform_factory(self.model, form=OpenListItemForm, fields=self.fields)

    def get_success_url(self):
        return list_url(self.model)

    def cancel_url(self) -> str:
        return list_url(self.model)

    def nothing_changed(self):
        messages.info(self.request, _("Nothing was changed, so nothing was saved."))
        return HttpResponseRedirect(list_url(self.model))


class OpenListCreateView(OpenListFormMixin, PortalCreateView):
    """Add an entry to an open list (needs the model's ``add`` permission)."""


class OpenListUpdateView(OpenListFormMixin, PortalUpdateView):
    """Change an entry of an open list (needs the model's ``change`` permission)."""
