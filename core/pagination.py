"""The lists' paginator: deep pages read from the nearer end, searches counted up to a bound."""

from django.core.paginator import Paginator
from django.db.models import F, OrderBy, QuerySet
from django.utils.functional import cached_property

KEYS = {"pk", "id"}


def ends_on_key(queryset: QuerySet) -> bool:
    """True when the queryset's ordering (its own, else its model's) ends on the primary key:
    a total order, which reads the same rows backwards."""
    order = list(queryset.query.order_by) or (
        list(queryset.model._meta.ordering) if queryset.query.default_ordering else []
    )
    if not order:
        return False
    last = order[-1]
    if isinstance(last, str):
        return last.lstrip("-") in KEYS
    return isinstance(last, OrderBy) and isinstance(last.expression, F) and last.expression.name in KEYS


def with_key_last(queryset: QuerySet) -> QuerySet:
    """The queryset ordered as it is, then by the primary key when it does not end on it (rows
    sorted by a column with repeated values, such as a meeting's kind, otherwise come in any
    order, and a page could repeat rows another one shows)."""
    if ends_on_key(queryset):
        return queryset
    order = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
    return queryset.order_by(*order, "pk")


class PortalPaginator(Paginator):
    """A Paginator whose pages past the middle are read in the reversed order when the ordering
    ends on the primary key (``with_key_last``): the last page costs what the first does, where
    an OFFSET would step over every row before it (37 ms for a region's 50,000 meetings).

    ``count_bound``: when set, rows are counted up to it only (``bounded`` tells when there are
    more): a search matching most of a large table otherwise scans all of it to count them.
    """

    def __init__(self, *args, count_bound: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_bound = count_bound

    @cached_property
    def _counted(self) -> int:
        """Every row, or up to one past the bound."""
        if self.count_bound is None or not isinstance(self.object_list, QuerySet):
            return super().count
        return self.object_list[: self.count_bound + 1].count()

    @cached_property
    def count(self) -> int:
        return self._counted if self.count_bound is None else min(self._counted, self.count_bound)

    @cached_property
    def bounded(self) -> bool:
        """True when there are more rows than ``count`` says (only the bound was counted)."""
        return self.count_bound is not None and self._counted > self.count_bound

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        rows = self.object_list
        if bottom > self.count // 2 and isinstance(rows, QuerySet) and ends_on_key(rows) and not self.bounded:
            return self._get_page(list(rows.reverse()[self.count - top : self.count - bottom])[::-1], number, self)
        return self._get_page(rows[bottom:top], number, self)
