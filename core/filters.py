"""The base FilterSet of every list: a free-text search box, the app's filters, sortable columns."""

import django_filters
from django.db import models
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from .dates import format_period
from .forms import Chooser, KeyRangeMixin, MultipleKeyRangeMixin
from .i18n import separator
from .search import search_condition


class RecordChoiceFilterField(KeyRangeMixin, django_filters.fields.ModelChoiceField):
    pass


class RecordMultipleChoiceFilterField(MultipleKeyRangeMixin, django_filters.fields.ModelMultipleChoiceField):
    pass


class RecordChoiceFilter(django_filters.ModelChoiceFilter):
    """A filter on one related record; a key no record can have is a form error, not a 500."""

    field_class = RecordChoiceFilterField


class RangeWidget(django_filters.widgets.RangeWidget):
    """A range's two inputs, named "from" and "to" for screen readers (the legend names the filter)."""

    ends = (pgettext_lazy("range", "from"), pgettext_lazy("range", "to"))

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, end in zip(context["widget"]["subwidgets"], self.ends, strict=True):
            subwidget["attrs"]["aria-label"] = str(end)
        return context


class DateRangeWidget(RangeWidget):
    suffixes = django_filters.widgets.DateRangeWidget.suffixes


class AmountRangeFilter(django_filters.RangeFilter):
    """From one amount to another (MAD)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", RangeWidget())
        super().__init__(*args, **kwargs)


class DayRangeFilter(django_filters.DateFromToRangeFilter):
    """From one day to another, each typed in the browser's date picker."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", DateRangeWidget(attrs={"type": "date"}))
        super().__init__(*args, **kwargs)


class RecordMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = RecordMultipleChoiceFilterField


def _record_filters(defaults: dict) -> dict:
    """django-filter's defaults, with relations filtered by the record filters above."""
    relations = {models.ForeignKey: RecordChoiceFilter, models.OneToOneField: RecordChoiceFilter}
    relations |= {models.ManyToManyField: RecordMultipleChoiceFilter}
    return defaults | {field: {**defaults[field], "filter_class": cls} for field, cls in relations.items()}


class SearchFilterSet(django_filters.FilterSet):
    """Adds ``q``: rows whose folded ``search_fields`` contain every word typed (see core.search).

    Searching الهام finds إلهام, المدرسه finds المدرسة, reunion finds Réunion. Subclasses add an
    ``o`` OrderingFilter for sortable columns.
    """

    FILTER_DEFAULTS = _record_filters(django_filters.FilterSet.FILTER_DEFAULTS)
    search_fields: tuple[str, ...] = ("search_text",)
    q = django_filters.CharFilter(method="search", label=_("Search"))

    @property
    def form(self):
        form = super().form
        for field in form.fields.values():
            field.label = capfirst(field.label)
        return form

    def applied(self) -> list[tuple[str, str]]:
        """The filters a bound, valid filterset applies, as (label, value in words) in the form's
        order: a record by its name, a choice or sort order by its label, yes or no, a period; a
        search as typed. Empty for an unbound or invalid one (whose rows are not filtered)."""
        if not self.is_bound or not self.is_valid():
            return []
        applied = []
        for name, field in self.form.fields.items():
            value = self.form.cleaned_data.get(name)
            if isinstance(value, slice):
                value = format_period(value.start, value.stop)
            if value is None or value == "" or (isinstance(value, list | tuple | models.QuerySet) and not value):
                continue
            applied.append((str(field.label), _in_words(field, value)))
        return applied

    def search(self, queryset, name, value):
        queryset = queryset.filter(search_condition(value, self.search_fields, queryset.model))
        return queryset.distinct() if any("__" in field for field in self.search_fields) else queryset


def chooser_filter(model_field, field_name: str, label, **kwargs) -> django_filters.ModelChoiceFilter:
    """A filter on a large related model (people, organizations), picked with a search-as-you-type chooser.

    ``model_field`` is the model field whose related records are offered (e.g. Attendance.person).
    """
    return RecordChoiceFilter(
        field_name=field_name,
        queryset=model_field.related_model.objects.all(),
        widget=Chooser(model_field),
        label=label,
        **kwargs,
    )


def _in_words(field, value) -> str:
    """One cleaned filter value as a reader would say it (see ``SearchFilterSet.applied``)."""
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, models.Model):  # by name: a record field's choices would read every row
        return str(value)
    if isinstance(value, models.QuerySet):
        return separator().join(str(record) for record in value)
    labels = dict(getattr(field, "choices", ()))
    if isinstance(value, list | tuple):  # a sort order
        return separator().join(_sort_words(labels, item) for item in value)
    return str(labels.get(value, value))


def _sort_words(labels: dict, item: str) -> str:
    """A sort order's label, e.g. "thematic axis (descending)"."""
    return str(labels.get(item, item))


def _descending(label) -> str:
    return gettext("%s (descending)") % label


class PortalOrderingFilter(django_filters.OrderingFilter):
    """django-filter's ordering, whose descending labels follow the interface language: its own
    are written once, when the filters are defined, in the language active then."""

    def build_choices(self, fields, labels):
        choices = super().build_choices(fields, labels)
        ascending = dict(choices[::2])
        return [
            (value, labels.get(value, lazy(_descending, str)(ascending[value[1:]])) if value.startswith("-") else label)
            for value, label in choices
        ]
