"""Abstract models the apps build on: optimistic locking, folded search text, numbered items.

None of them has a table of its own; core's one table is its background jobs (``core.jobs``).
"""

import datetime

from django.contrib.postgres.indexes import GinIndex
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Func, IntegerField, OrderBy, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from .i18n import localized
from .search import folded_fields


def newest_first(path: str = "") -> list:
    """The order of dated records (a ``date``, or only a period from ``period_start``), newest
    first: by their day, or the start of their period when that is all that is known; undated
    ones last, on both databases. ``path`` reaches the dated record from another model
    (``"meeting__"`` for a meeting's attendance rows)."""
    return [Coalesce(f"{path}date", f"{path}period_start").desc(nulls_last=True), f"-{path}pk"]


def overlapping(start=None, stop=None, date="date", period=("period_start", "period_end")) -> Q:
    """A condition for records dated ``date`` in [start, stop], or, undated, whose ``period``
    (first day, last day; a missing last day means the first day only, or an open period that
    began then) overlaps it. ``date=None`` for records that only have a period (consultations,
    events with their ``("start_date", "end_date")``, statistics); ``start``/``stop`` may be None."""
    first, last = period
    by_period = Q(**{f"{first}__isnull": False})
    if start:
        by_period &= Q(**{f"{last}__gte": start}) | Q(**{f"{last}__isnull": True, f"{first}__gte": start})
    if stop:
        by_period &= Q(**{f"{first}__lte": stop})
    if date is None:
        return by_period
    on_day = Q(**{f"{date}__isnull": False})
    if start:
        on_day &= Q(**{f"{date}__gte": start})
    if stop:
        on_day &= Q(**{f"{date}__lte": stop})
    return on_day | (Q(**{f"{date}__isnull": True}) & by_period)


class OrderingIndex(models.Index):
    """An index in the order of a ``Meta.ordering`` whose terms may say ``nulls_last``/``nulls_first``.

    PostgreSQL gets them as written (``DESC NULLS LAST``), so that it reads a list in index
    order. SQLite refuses NULLS in an index; it sorts NULLs first, which is already where
    ``asc(nulls_first)`` and ``desc(nulls_last)`` put them, and its planner uses the plain index.
    """

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor == "sqlite":
            plain = self.clone()
            plain.expressions = tuple(
                OrderBy(term.expression, descending=term.descending) if isinstance(term, OrderBy) else term
                for term in self.expressions
            )
            return super(OrderingIndex, plain).create_sql(model, schema_editor, using, **kwargs)
        return super().create_sql(model, schema_editor, using, **kwargs)


class TrigramIndex(GinIndex):
    """PostgreSQL: a pg_trgm GIN index, which serves ``contains`` searches (``LIKE '%word%'``) of
    words of three letters or more; declare it with ``search_index``. SQLite has no such index:
    nothing is created or dropped there (its searches scan, and pages bound what they count)."""

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return ""  # an empty statement: the schema editor runs it as a no-op
        return super().create_sql(model, schema_editor, using, **kwargs)

    def remove_sql(self, model, schema_editor, **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return ""
        return super().remove_sql(model, schema_editor, **kwargs)


def search_index(name: str) -> TrigramIndex:
    """The trigram index of a ``SearchableModel``'s ``search_text``, named ``<name>_search``; the
    model's app needs a ``TrigramExtension()`` operation before it in its migrations."""
    return TrigramIndex(fields=["search_text"], opclasses=["gin_trgm_ops"], name=f"{name}_search")


def related_count(queryset, link: str) -> Coalesce:
    """An annotation counting the rows of ``queryset`` whose ``link`` is the annotated row, e.g.
    ``related_count(Attendance.objects.all(), "meeting")`` on meetings: one correlated subquery
    served by the foreign key's index, so the outer query needs no JOIN, GROUP BY or DISTINCT
    (which made a list of 25 meetings aggregate all 500,000 attendance rows). 0 when none."""
    rows = queryset.filter(**{link: OuterRef("pk")}).order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


class VersionedModel(models.Model):
    """Adds ``version``: 1 on creation, incremented by each save of an existing record.

    A form remembers the version it was loaded with; saving it when the stored version has
    moved on is refused, with the changes made meanwhile shown (``core.forms.VersionedFormMixin``).
    """

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.version += 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version"}
        super().save(*args, **kwargs)


class SearchableModel(models.Model):
    """A model whose ``search_fields`` are kept folded (``core.search.normalize``) in ``search_text`` on every save."""

    search_fields: tuple[str, ...] = ()

    search_text = models.TextField(_("search text"), default="", editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.fold_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    @classmethod
    def dated_within(cls, start: datetime.date, end: datetime.date) -> Q | None:
        """Rows dated from ``start`` to ``end`` (days, both included), for a search naming a day
        or a month (core.search.search_condition); None for a model without dates."""
        return None

    def fold_search_text(self) -> str:
        """Set and return ``search_text`` from ``search_fields`` (what ``save`` does; bulk
        creations call it themselves)."""
        self.search_text = folded_fields(self, self.search_fields)
        return self.search_text


class OpenListItem(VersionedModel):
    """An entry of a list that staff extend, where the world keeps adding values (thematic axes,
    kinds of event, categories of participants): a code, its place in the list, its name in
    Arabic and in French. Subclasses keep history and name their ``Meta``."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name_ar = models.CharField(_("name (Arabic)"), max_length=255, blank=True)
    name_fr = models.CharField(_("name (French)"), max_length=255, blank=True)

    name = localized("name")

    class Meta:
        abstract = True
        ordering = ["order", "code"]

    def __str__(self):
        return self.name


class NumberedItem(VersionedModel):
    """Item number ``order`` of its parent, titled in Arabic and French (a meeting's agenda item, a strategy's axis).

    Register the concrete model with ``numbered=True`` and ``parent=<its foreign key>`` (``core.registry``).
    """

    MAX_ORDER = 9999  # leaves room for NumberedItemsFormSet.SHIFT within a small integer

    order = models.PositiveSmallIntegerField(_("order"), validators=[MaxValueValidator(MAX_ORDER)])
    title_ar = models.CharField(_("title (Arabic)"), max_length=300, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)

    title = localized("title")

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.order}. {self.title}"

    def get_absolute_url(self):
        from .registry import get

        return getattr(self, get(self).parent).get_absolute_url()
