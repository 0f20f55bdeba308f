"""The list and detail bases of every app's pages, and the permission mixin they share."""

from django.conf import settings
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.views.generic import DetailView
from django_filters.views import FilterView

from . import registry, shared_cache
from .documents import document_model_of
from .exports import FORMATS, export_response
from .jobs import Job
from .kept_pages import KeptPageMixin
from .pagination import PortalPaginator, with_key_last


def query_without(request, *keys) -> str:
    """The request's query string without ``keys`` (e.g. "page"), for links that keep the filters."""
    query = request.GET.copy()
    for key in keys:
        query.pop(key, None)
    return query.urlencode()


def bad_filters(errors) -> HttpResponseBadRequest:
    """400 naming each invalid filter: a download of other rows than asked would mislead."""
    reasons = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in errors.items())
    return HttpResponseBadRequest(reasons, content_type="text/plain; charset=utf-8")


def visible_to(queryset, user):
    """``queryset`` narrowed to the rows ``user`` may see, when its QuerySet defines
    ``visible_to(user)`` (indicator values: drafts only for those who may change them). The list
    and detail bases and the chooser read records through this; history pages check each
    model's ``history_permission`` instead."""
    return queryset.visible_to(user) if hasattr(queryset, "visible_to") else queryset


class RoleRequiredMixin:
    """Only for users who hold a role: some permission in a programme app (403 otherwise).

    A signed-in account that belongs to no group sees no page of the portal, not even counts.
    """

    def dispatch(self, request, *args, **kwargs):
        if not any(request.user.has_module_perms(app) for app in registry.programme_apps()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ModelPermissionMixin(PermissionRequiredMixin):
    """Require the view's ``action`` permission on its model (e.g. ``meetings.change_meeting``).

    Anonymous users are sent to the sign-in page by LoginRequiredMiddleware; a signed-in user
    without the permission gets 403, for GET and POST alike.
    """

    action = "view"
    raise_exception = True

    def get_permission_required(self):
        opts = self.model._meta
        return [f"{opts.app_label}.{self.action}_{opts.model_name}"]


_filter_media: dict = {}


def filter_media(filterset_class, filterset):
    """The scripts and styles of a filterset's form, read once per class and language: building
    the form only for them took 5 of a list's 17 ms when the list is not filtered (its HTML kept)."""
    key = (filterset_class, get_language())
    if key not in _filter_media:
        _filter_media[key] = filterset.form.media
    return _filter_media[key]


class PortalListView(ModelPermissionMixin, KeptPageMixin, FilterView):
    """A paginated, filtered list; subclasses set ``model``, ``filterset_class`` and ``get_queryset``.

    ``?export=csv`` or ``?export=xlsx`` gives every row of the filtered, ordered list as a file,
    with the columns ``export_fields`` (headers of annotations in ``export_headers``; core.exports).
    ``paper_url_name`` names a view printing the same rows (``filtered_rows``) as PDF, linked
    with the list's query string under the label ``paper_label``.
    """

    paginate_by = settings.PAGINATE_BY
    paginator_class = PortalPaginator
    search_count_bound = 1000  # a search counts its rows up to this many (core.pagination)
    template_name_suffix = "_list"
    export_fields: tuple[str, ...] = ()
    export_headers: dict = {}
    import_slug = ""  # the core.imports importer offered next to "new" (to those who may add)
    paper_url_name = ""  # a PDF of the filtered list, offered next to the downloads
    paper_label = ""

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("export")
        if fmt not in FORMATS or not self.export_fields:
            return super().get(request, *args, **kwargs)
        filterset, queryset = self.filtered_rows()
        if queryset is None:
            return bad_filters(filterset.errors)
        job = getattr(request, "job", None)  # set when a background job builds this download
        if job is None and (total := queryset.count()) > settings.EXPORT_IN_BACKGROUND_ROWS:
            return self.export_in_background(fmt, total)
        progress = job.step if job else None
        fields, headers = self.export_fields, self.export_headers
        return export_response(queryset, fmt, self.model, fields, headers, request.user, progress)

    def export_in_background(self, fmt: str, total: int):
        """A download too big to wait for: a background job builds it; its page shows progress."""
        from .tasks import run_export

        name = capfirst(self.model._meta.verbose_name_plural)
        job = Job.objects.create(
            kind=Job.Kind.EXPORT,
            user=self.request.user,
            title=f"{name} ({fmt.upper()})",
            total=total,
            language=get_language(),
            back_url=f"{self.request.path}?{query_without(self.request, 'export')}",
        )
        view = f"{type(self).__module__}.{type(self).__qualname__}"
        run_export.enqueue(str(job.pk), view, self.request.GET.urlencode())
        return HttpResponseRedirect(job.get_absolute_url())

    def filtered_rows(self):
        """``(filterset, rows)``: the list's filterset and every row it selects, in the list's
        order, for downloads and papers; ``rows`` is None when a filter is invalid."""
        filterset = self.get_filterset(self.get_filterset_class())
        if filterset.is_bound and not filterset.is_valid():
            return filterset, None
        return filterset, with_key_last(filterset.qs)

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["queryset"] = visible_to(kwargs["queryset"], self.request.user)
        return kwargs

    def get_paginator(self, queryset, per_page, **kwargs):
        """A search counts up to its bound, or one page past the page asked for: each page has
        a next one while rows remain."""
        if self.request.GET.get("q", "").strip():
            page = self.request.GET.get("page", "")
            asked = int(page) if page.isdigit() and len(page) < 7 else 1
            kwargs["count_bound"] = max(self.search_count_bound, (asked + 1) * per_page)
        return super().get_paginator(queryset, per_page, **kwargs)

    def paginate_queryset(self, queryset, page_size):
        """Ids first: the page's keys come from a query that reads only the ordering's index
        (and the count from one without joins), then those 25 rows are read whole."""
        queryset = with_key_last(queryset)
        keys = queryset.values_list("pk", flat=True)
        try:
            paginator, page, _keys, is_paginated = super().paginate_queryset(keys, page_size)
        except Http404:  # page=abc or past the end: show the first page rather than an error
            paginator = self.get_paginator(keys, page_size, allow_empty_first_page=True)
            page = paginator.page(1)
            is_paginated = page.has_other_pages()
        wanted = list(page.object_list)
        rows = {row.pk: row for row in queryset.filter(pk__in=wanted).order_by()}
        page.object_list = [rows[key] for key in wanted if key in rows]  # one deleted meanwhile is left out
        return paginator, page, page.object_list, is_paginated

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["query_without_page"] = query_without(self.request, "page")
        context["opts"] = opts = self.model._meta
        if self.import_slug and self.request.user.has_perm(f"{opts.app_label}.add_{opts.model_name}"):
            context["import_url"] = reverse("core:import", args=[self.import_slug])
        if self.paper_url_name:
            context["paper_url"] = reverse(self.paper_url_name)
        context["media"] = filter_media(type(context["filter"]), context["filter"])
        context["filter_form_html"] = self.filter_form_html(context["filter"])
        return context

    def filter_form_html(self, filterset) -> str:
        """The filter form, kept in the shared cache per address and filters until a record
        changes (core.shared_cache): its selects and choosers took 9 of a list's 21 ms."""
        key = f"filter-form:{self.request.path}:{query_without(self.request, 'page')}"
        html = shared_cache.remember(
            key, lambda: render_to_string("core/includes/_filter_form.html", {"filter": filterset}, self.request)
        )
        return mark_safe(html)  # noqa: S308  (rendered by the template engine, escaped there)


class PortalDetailView(ModelPermissionMixin, KeptPageMixin, DetailView):
    """A record's page; subclasses join related rows in ``get_queryset``."""

    def get_object(self, queryset=None):
        return super().get_object(visible_to(self.get_queryset() if queryset is None else queryset, self.request.user))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["opts"] = self.model._meta
        # False for a record of another council's region (its editable_by): its page offers no change.
        context["editable"] = registry.may_change(self.request.user, self.object)
        if documents := document_model_of(self.model):
            context["documents"] = documents_context(documents, self.object, self.request.user)
            if not context["editable"]:
                context["documents"].update(can_add=False, can_delete=False)
        return context


def documents_context(model, parent, user) -> dict:
    """What ``core/includes/_documents.html`` shows: the documents of ``parent`` that ``user``
    may see (one query), the model's options, and whether the user may add or delete them."""
    opts = model._meta
    rows = model.visible_to(model.objects.filter(**{model.parent_field: parent}), user).select_related("uploaded_by")
    return {
        "rows": list(rows),
        "opts": opts,
        "parent": parent,
        "can_add": user.has_perm(f"{opts.app_label}.add_{opts.model_name}"),
        "can_delete": user.has_perm(f"{opts.app_label}.delete_{opts.model_name}"),
    }
