"""The base FilterSet of every list: a free-text search box next to the app's own filters."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .search import search_condition


class SearchFilterSet(django_filters.FilterSet):
    """Adds ``q``: rows whose folded ``search_fields`` contain every word typed (see sse_portal.search).

    Searching الهام finds إلهام, المدرسه finds المدرسة, reunion finds Réunion.
    """

    search_fields: tuple[str, ...] = ("search_text",)
    q = django_filters.CharFilter(method="search", label=_("Search"))

    def search(self, queryset, name, value):
        queryset = queryset.filter(search_condition(value, self.search_fields))
        return queryset.distinct() if any("__" in field for field in self.search_fields) else queryset
