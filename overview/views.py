"""The home page and the global search: every record type the apps register as searchable."""

from urllib.parse import urlencode

from django.urls import reverse
from django.views.generic import TemplateView

from core import registry, shared_cache
from core.kept_pages import KeptPageMixin
from core.search import search_condition, search_words
from core.views import RoleRequiredMixin
from meetings.models import Meeting


def browsed_types() -> list[tuple[type, str]]:
    """(model, list URL name) of each searchable record type, in registration order: INSTALLED_APPS
    order (meetings, projects, stakeholders: the menu's), then each app's order of calls."""
    return [(t.model, registry.page_name(t.model, "list")) for t in registry.record_types(searchable=True)]


class HomeView(RoleRequiredMixin, KeptPageMixin, TemplateView):
    """What the portal holds: counts of each kind of record and the latest meetings."""

    template_name = "overview/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["counts"] = shared_cache.remember(  # a COUNT reads every row: kept until a record changes
            "home-counts",
            lambda: [
                (str(model._meta.verbose_name_plural), model.objects.count(), url) for model, url in browsed_types()
            ],
        )
        # keys first, from the ordering's index: with its joins, PostgreSQL sorted every meeting
        latest = list(Meeting.objects.newest_first().values_list("pk", flat=True)[:5])
        context["latest_meetings"] = Meeting.objects.with_related().filter(pk__in=latest).newest_first()
        return context


class SearchView(RoleRequiredMixin, KeptPageMixin, TemplateView):
    """One query across every record type the user may view: its ``PER_TYPE`` newest matches,
    and how many there are up to ``COUNTED`` ("100+" beyond, with the full list a link away).

    Runs two queries per record type (count and first rows), each stopping at its limit,
    whatever the number of rows.
    """

    template_name = "overview/search.html"
    PER_TYPE = 10
    COUNTED = 100

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "")
        words = search_words(query)
        sections = []
        if words:
            for model, url in browsed_types():
                opts = model._meta
                if not self.request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
                    continue
                matches = model.objects.filter(search_condition(query, model=model)).order_by("-pk")
                count = matches[: self.COUNTED + 1].count()
                sections.append(
                    {
                        "key": opts.model_name,
                        "label": opts.verbose_name_plural,
                        "count": min(count, self.COUNTED),
                        "more": count > self.COUNTED,
                        "rows": list(matches[: self.PER_TYPE]),
                        "more_url": f"{reverse(url)}?{urlencode({'q': query})}",
                    }
                )
        total = sum(section["count"] for section in sections)
        context.update(query=query, sections=sections, total=total, more=any(s["more"] for s in sections))
        return context
