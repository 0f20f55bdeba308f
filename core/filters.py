"""The base FilterSet of every list: a free-text search box, the app's filters, sortable columns."""

import django_filters
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .forms import Chooser
from .search import search_condition


class SearchFilterSet(django_filters.FilterSet):
    """Adds ``q``: rows whose folded ``search_fields`` contain every word typed (see core.search).

    Searching الهام finds إلهام, المدرسه finds المدرسة, reunion finds Réunion. Subclasses add an
    ``o`` OrderingFilter for sortable columns.
    """

    search_fields: tuple[str, ...] = ("search_text",)
    q = django_filters.CharFilter(method="search", label=_("Search"))

    @property
    def form(self):
        form = super().form
        for field in form.fields.values():
            field.label = capfirst(field.label)
        return form

    def search(self, queryset, name, value):
        queryset = queryset.filter(search_condition(value, self.search_fields))
        return queryset.distinct() if any("__" in field for field in self.search_fields) else queryset


def chooser_filter(model_field, field_name: str, label, **kwargs) -> django_filters.ModelChoiceFilter:
    """A filter on a large related model (people, organizations), picked with a search-as-you-type chooser.

    ``model_field`` is the model field whose related records are offered (e.g. Attendance.person).
    """
    return django_filters.ModelChoiceFilter(
        field_name=field_name,
        queryset=model_field.related_model.objects.all(),
        widget=Chooser(model_field),
        label=label,
        **kwargs,
    )
