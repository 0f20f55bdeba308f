"""Views and mixins shared by the portal's apps."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404
from django.urls import reverse
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from .search import search_condition, search_words


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


class PortalListView(ModelPermissionMixin, FilterView):
    """A paginated, filtered list; subclasses set ``model``, ``filterset_class`` and ``get_queryset``."""

    paginate_by = settings.PAGINATE_BY
    template_name_suffix = "_list"

    def paginate_queryset(self, queryset, page_size):
        # Meta.ordering does not apply to GROUP BY queries (annotations): restore it.
        if not queryset.ordered:
            queryset = queryset.order_by(*self.model._meta.ordering, "pk")
        try:
            return super().paginate_queryset(queryset, page_size)
        except Http404:  # page=abc or past the end: show the first page rather than an error
            paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True)
            page = paginator.page(1)
            return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context["query_without_page"] = query.urlencode()
        context["opts"] = self.model._meta
        return context


class PortalDetailView(ModelPermissionMixin, DetailView):
    """A record's page; subclasses join related rows in ``get_queryset``."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["opts"] = self.model._meta
        return context


def _programme_models():
    """(model, list URL name) of each record type a person browses, in menu order."""
    from meetings.models import Consultation, Meeting, Recommendation
    from projects.models import PartnershipAgreement, Programme, Project, Strategy
    from stakeholders.models import Organization, Person

    return [
        (Meeting, "meetings:meeting_list"),
        (Consultation, "meetings:consultation_list"),
        (Recommendation, "meetings:recommendation_list"),
        (Programme, "projects:programme_list"),
        (Project, "projects:project_list"),
        (Strategy, "projects:strategy_list"),
        (PartnershipAgreement, "projects:agreement_list"),
        (Organization, "stakeholders:organization_list"),
        (Person, "stakeholders:person_list"),
    ]


class HomeView(TemplateView):
    """What the portal holds: counts of each kind of record and the latest meetings."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        from meetings.models import Meeting

        context = super().get_context_data(**kwargs)
        context["counts"] = [
            (model._meta.verbose_name_plural, model.objects.count(), url) for model, url in _programme_models()
        ]
        context["latest_meetings"] = Meeting.objects.with_related()[:5]
        return context


class SearchView(TemplateView):
    """One query across every record type the user may view: up to ``PER_TYPE`` matches of each.

    Runs two queries per record type (count and first rows), whatever the number of rows.
    """

    template_name = "search.html"
    PER_TYPE = 10

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "")
        words = search_words(query)
        sections = []
        if words:
            for model, url in _programme_models():
                opts = model._meta
                if not self.request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
                    continue
                matches = model.objects.filter(search_condition(query))
                sections.append(
                    {
                        "key": opts.model_name,
                        "label": opts.verbose_name_plural,
                        "count": matches.count(),
                        "rows": list(matches[: self.PER_TYPE]),
                        "more_url": f"{reverse(url)}?{urlencode({'q': query})}",
                    }
                )
        context.update(query=query, sections=sections, total=sum(section["count"] for section in sections))
        return context
