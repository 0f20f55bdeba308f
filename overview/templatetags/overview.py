"""Template tags of the cross-app pages: ``{% load overview %}``.

Dashboard figures (bar charts, cells) and the timeline a recommendation, project or agreement
page shows, built here where meetings and projects are both known.
"""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

from core import shared_cache
from core.i18n import ltr_number
from overview.charts import bar_chart as layout
from overview.timeline import timeline_of

register = template.Library()


@register.inclusion_tag("overview/includes/_bar_chart.html")
def bar_chart(figure):
    """A figure's bar chart as inline SVG (see overview.charts)."""
    return {"chart": layout(figure.chart_rows), "figure": figure}


@register.filter
def figure_value(value):
    """A figure's cell: amounts and shares with the locale's separators, "—" when not known."""
    if value is None:
        return "—"
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        decimals = 0 if float(value).is_integer() else 2 if isinstance(value, Decimal) else 1
        return ltr_number(number_format(value, decimals, force_grouping=True))
    return value


@register.inclusion_tag("overview/includes/_timeline.html", takes_context=True)
def timeline(context, record):
    """The dated story of ``record`` (recommendation, project or agreement) as the signed-in user may
    see it: a few queries per kind of event (overview.timeline), kept in the shared cache per record
    and set of permissions until a record changes. Raises TypeError for another record."""
    user = context["user"]
    key = f"timeline:{record._meta.label}:{record.pk}:{shared_cache.permissions_key(user)}"
    return {"timeline": shared_cache.remember(key, lambda: timeline_of(record, user))}
