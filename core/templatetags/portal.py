"""The kit's template tags and filters: ``{% load portal %}``.

Dates and amounts as the council writes them, record actions for the user's permissions, sortable
column headers, history labels.
"""

import re

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import forms, template
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core import registry
from core.dates import format_day, format_period, format_when
from core.error_summary import row_errors as row_errors_of
from core.i18n import colon as i18n_colon
from core.i18n import ltr_number, separator

register = template.Library()


ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


@register.filter
def dir_of(text) -> str:
    """``rtl`` when ``text`` holds Arabic letters, else ``ltr``: an explicit ``dir`` for papers
    rendered by WeasyPrint, which ignores ``dir="auto"``."""
    return "rtl" if ARABIC_LETTER.search(str(text or "")) else "ltr"


@register.filter
def day(value):
    """A date in the interface language, e.g. "11 ماي 2022"; empty for no date."""
    return format_day(value) if value else ""


@register.simple_tag
def days(start, end=None) -> str:
    """From one day to another, each written out ("3 – 6 أكتوبر" as "3 أكتوبر 2023 – 6 أكتوبر 2023"),
    a whole month or year as such ("2024"), or the one day when the end is not known."""
    if not start:
        return ""
    return format_period(start, end) if end else format_day(start)


@register.filter
def when(obj):
    """When a meeting (or anything with date/times/period fields) takes place, in words."""
    return format_when(
        getattr(obj, "date", None),
        getattr(obj, "start_time", None),
        getattr(obj, "end_time", None),
        getattr(obj, "period_start", None),
        getattr(obj, "period_end", None),
        getattr(obj, "ends_next_day", False),
    )


@register.filter
def name_on(organization, day):
    """The name an organization had on ``day`` (``Organization.name_on``), else its name."""
    if organization is None:
        return ""
    return organization.name_on(day) if hasattr(organization, "name_on") else str(organization)


@register.filter
def period(obj):
    """The period of a consultation or anything with period_start/period_end."""
    return format_period(obj.period_start, obj.period_end)


@register.simple_tag
def comma():
    """The list separator of the interface language: "، " in Arabic, ", " otherwise."""
    return separator()


@register.simple_tag
def colon():
    """A colon as the interface language writes it (core.i18n.colon)."""
    return i18n_colon()


@register.filter
def mad(value):
    """An amount in Moroccan dirhams with the active locale's separators, e.g. "1 250 000,00 MAD"."""
    if value is None or value == "":
        return ""
    return _("%(amount)s MAD") % {"amount": ltr_number(number_format(value, 2, force_grouping=True))}


@register.filter
def quantity(value):
    """A count or measure with the active locale's separators, kept left to right: "1 250",
    "12,50"; empty for none."""
    if value is None or value == "":
        return ""
    return ltr_number(number_format(value, 0 if float(value).is_integer() else 2, force_grouping=True))


@register.filter
def with_parent(record):
    """A record named with what it belongs to, e.g. an attendance "Salwa Tajri · <the meeting>"."""
    name = registry.get(record).parent
    parent = getattr(record, name, None) if name else None
    return f"{record} · {parent}" if parent is not None else str(record)


@register.filter
def verbose_name_of(record):
    """The kind of a record, e.g. "project" for a Project."""
    return record._meta.verbose_name


def _allowed(user, opts, action: str) -> bool:
    return user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")


@register.inclusion_tag("core/includes/_record_actions.html", takes_context=True)
def record_actions(context, record):
    """Edit, delete and history buttons for a record, each shown only to users allowed to use it."""
    user, opts = context["user"], record._meta
    actions = []
    editable = registry.may_change(user, record)  # another council's region: read only
    if editable and _allowed(user, opts, "change"):
        actions.append(("edit", reverse(registry.page_name(record, "update"), args=[record.pk])))
    if editable and _allowed(user, opts, "delete"):
        actions.append(("delete", reverse(registry.page_name(record, "delete"), args=[record.pk])))
    if registry.get(record).history:
        actions.append(("history", reverse("core:record_history", args=[opts.app_label, opts.model_name, record.pk])))
    return {"actions": actions}


@register.inclusion_tag("core/includes/_new_record.html", takes_context=True)
def new_record(context, opts, query=""):
    """A "New …" button for users with the add permission, plus the deleted records' page."""
    user = context["user"]
    if not _allowed(user, opts, "add"):
        return {}
    try:
        url = reverse(registry.page_name(opts.model, "create"))
    except NoReverseMatch:
        return {}
    deleted = (
        reverse("core:deleted_records", args=[opts.app_label, opts.model_name])
        if registry.get(opts.model).history
        else ""
    )
    return {"url": f"{url}?{query}" if query else url, "label": opts.verbose_name, "deleted": deleted}


@register.inclusion_tag("core/includes/_sort_header.html", takes_context=True)
def sort_header(context, field, label):
    """A column header that sorts the list by ``field`` (``o`` parameter), toggling the direction.

    Keeps every other filter and goes back to page 1.
    """
    params = context["request"].GET.copy()
    params.pop("page", None)
    current = params.get("o", "")
    params["o"] = f"-{field}" if current == field else field
    direction = "asc" if current == field else "desc" if current == f"-{field}" else ""
    return {"url": f"?{params.urlencode()}", "label": label, "field": field, "direction": direction}


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` in a template."""
    return mapping.get(key)


@register.filter
def import_title(column, model) -> str:
    """The header of an import column (core.imports.Column) in the interface language."""
    return column.title(model)


@register.simple_tag
def import_cells(row, importer) -> list[str]:
    """A checked import row's values, shown (core.imports.Row.shown)."""
    return row.shown(importer.columns, importer.model)


@register.filter
def rows_with_errors(rows) -> list:
    """The checked import rows that have errors."""
    return [row for row in rows if row.errors]


@register.filter
def history_kind(entry):
    """What a history row records: created, changed, deleted, or restored."""
    if entry.history_change_reason == "restored":
        return _("Restored")
    return {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}.get(entry.history_type, entry.history_type)


@register.filter
def moment(value):
    """A date and time in Africa/Casablanca, e.g. "29 نونبر 2026، 09:51" or "29 novembre 2026, 09:51"."""
    if not value:
        return ""
    local = timezone.localtime(value)
    return format_when(local.date(), local.time())


@register.simple_tag
def home_url():
    """The portal's home page (``LOGIN_REDIRECT_URL``), wherever the portal is mounted."""
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _control(field, cell=False, **attrs) -> tuple[str, str]:
    """(the field's control with Bootstrap's class for its widget, invalid when it has errors; its
    help text and errors), under the ids Django points ``aria-describedby`` at; in a table's
    ``cell``, the help text is for screen readers only."""
    widget = field.field.widget
    kind = "form-check-input" if isinstance(widget, forms.CheckboxInput) else "form-control"
    if isinstance(widget, forms.Select):
        kind = "form-select"
    control = field.as_widget(attrs={"class": f"{kind} is-invalid" if field.errors else kind, **attrs})
    notes = ""
    if field.help_text:
        kind = "cell-help" if cell else "form-text"
        notes += format_html('<div id="{}_helptext" class="{}">{}</div>', field.auto_id, kind, field.help_text)
    if field.errors:
        messages = format_html_join(" ", "{}", ((error,) for error in field.errors))
        notes += format_html('<div id="{}_error" class="invalid-feedback d-block">{}</div>', field.auto_id, messages)
    return control, mark_safe(notes)  # noqa: S308  (format_html's, escaped there)


@register.filter
def lang_mark(value) -> str:
    """` lang="fr"` when ``value`` (a record or a text) is written in another language than the
    page's (a ``core.i18n.Text``: a record without its Arabic title shows its French one), else ""."""
    lang = getattr(value if isinstance(value, str) else str(value or ""), "lang", "")
    return format_html(' lang="{}"', lang) if lang and lang != (get_language() or "")[:2] else ""


@register.filter
def cell(field) -> str:
    """A row's field in its cell of an editable table (core/includes/_table_formset.html): its
    label (shown on phones, where each row is a card), its control named by it (``aria-label``),
    its errors; its help text, which the column's header shows, only on phones and to screen readers."""
    control, notes = _control(field, cell=True, **{"aria-label": field.label})
    label = format_html('<label class="cell-label" for="{}">{}</label>', field.id_for_label, field.label)
    return format_html('<div class="cell-field">{}{}{}</div>', label, control, notes)


@register.filter
def cells(form) -> list[list]:
    """A table row's cells, each a list of bound fields: the row form's ``cells`` (groups of field
    names sharing a cell, e.g. ``(("person", "position"), ...)``), then each other visible field alone."""
    groups = getattr(form, "cells", ())
    fields = {field.name: field for field in form.visible_fields()}
    row, placed = [], set()
    for name in fields:
        if name not in placed:
            group = next((group for group in groups if name in group), (name,))
            row.append([fields[member] for member in group if member in fields])
            placed.update(group)
    return row


@register.filter
def row_errors(form) -> list:
    """A table row's errors that belong to no visible cell: the form's own and its hidden fields'."""
    return row_errors_of(form)


@register.filter
def form_field(field) -> str:
    """A form's field as a labelled Bootstrap block (label, control, help text and errors; a
    checkbox before its label), the markup of crispy's bootstrap5 field template (kept for the lists of choices
    and multi-part widgets) in one call rather than a dozen templates: the meeting form has forty."""
    widget = field.field.widget
    if field.is_hidden:
        return field.as_widget()
    if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect | forms.MultiWidget):
        return as_crispy_field(field)
    checkbox = isinstance(widget, forms.CheckboxInput)
    required = mark_safe('<span class="asteriskField">*</span>') if field.field.required and not checkbox else ""
    label = format_html(
        '<label for="{}" class="{}">{}{}</label>',
        field.id_for_label, "form-check-label" if checkbox else "form-label", field.label, required,
    ) if field.label else ""  # fmt: skip
    control, notes = _control(field)
    parts = (control, label, notes) if checkbox else (label, control, notes)
    return format_html(
        '<div id="div_{}" class="mb-3{}">{}{}{}</div>', field.auto_id, " form-check" if checkbox else "", *parts
    )
