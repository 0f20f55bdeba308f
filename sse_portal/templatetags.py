"""Template filters available in every template (registered as builtins in settings)."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .dates import format_day, format_period, format_when

register = template.Library()


@register.filter
def day(value):
    """A date in the interface language, e.g. "11 ماي 2022"; empty for no date."""
    return format_day(value) if value else ""


@register.filter
def when(obj):
    """When a meeting (or anything with date/times/period fields) takes place, in words."""
    return format_when(
        getattr(obj, "date", None),
        getattr(obj, "start_time", None),
        getattr(obj, "end_time", None),
        getattr(obj, "period_start", None),
        getattr(obj, "period_end", None),
    )


@register.filter
def period(obj):
    """The period of a consultation or anything with period_start/period_end."""
    return format_period(obj.period_start, obj.period_end)


@register.filter
def mad(value):
    """An amount in Moroccan dirhams with the active locale's separators, e.g. "1 250 000,00 MAD"."""
    if value is None or value == "":
        return ""
    return _("%(amount)s MAD") % {"amount": number_format(value, 2, force_grouping=True)}


@register.filter
def verbose_name_of(record):
    """The kind of a record, e.g. "project" for a Project."""
    return record._meta.verbose_name
