"""The errors of a form and its tables, listed at the top of its page with links to each field."""

from django.utils.translation import gettext as _

from .i18n import colon, separator


def row_errors(form) -> list:
    """A table row's errors that belong to no visible cell: the form's own and its hidden fields'."""
    return [*form.non_field_errors(), *(error for field in form.hidden_fields() for error in field.errors)]


def error_summary(form, formsets=()) -> list[tuple[str, str]]:
    """(element id, message) of every error of ``form`` and of its tables ``formsets`` (a list of
    (title, formset)), in the page's order: "Attendance, row 3: this person appears twice". Rows
    marked for deletion are left out, as the formset leaves them out of its checks."""
    if not form.is_bound:
        return []
    items = [("form-errors", str(error)) for error in row_errors(form)]
    items += [
        (field.id_for_label, f"{field.label}{colon()} {error}")
        for field in form.visible_fields()
        for error in field.errors
    ]
    for title, formset in formsets:
        items += [(f"formset-{formset.prefix}", f"{title}{colon()} {error}") for error in formset.non_form_errors()]
        for number, row in enumerate(formset.forms, start=1):
            if not row.errors or (formset.can_delete and row["DELETE"].value()):
                continue
            where = _("%(table)s, row %(number)s") % {"table": title, "number": number}
            first = next(iter(row.visible_fields()), None)
            items += [
                (first.id_for_label if first else f"formset-{formset.prefix}", f"{where}{colon()} {e}")
                for e in row_errors(row)
            ]
            items += [
                (field.id_for_label, f"{where}{separator()}{field.label}{colon()} {error}")
                for field in row.visible_fields()
                for error in field.errors
            ]
    return items
