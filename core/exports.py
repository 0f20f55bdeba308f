"""A list's rows as CSV or XLSX, with the list's filters and order: ``?export=csv`` on any list page.

Each list view names its columns in ``export_fields``: model fields (choices as their label,
foreign keys as the record's name, yes/no as words) or annotations, whose headers come from
``export_headers``. Contact details (the model's registered ``private_fields``) are left out
for users without its ``private_permission``: partners never get them. The rows are the ones the
page shows (``visible_to``), read in chunks; CSV streams.
"""

from urllib.parse import quote

from django.core.exceptions import FieldDoesNotExist
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from . import registry
from .spreadsheets import XLSX, csv_lines, xlsx_bytes

FORMATS = ("csv", "xlsx")
CHUNK = 2000


def columns(model, fields, headers, user) -> list[tuple[str, callable]]:
    """(header, value getter) of each of ``fields`` that ``user`` may read."""
    record_type = registry.get(model)
    hidden = set()
    if record_type.private_fields and not user.has_perm(record_type.private_permission):
        hidden = set(record_type.private_fields)
    return [_column(model, name, headers) for name in fields if name not in hidden]


def _column(model, name, headers):
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return capfirst(str(headers[name])), lambda record: getattr(record, name)
    header = capfirst(str(headers.get(name, _("record number") if field.primary_key else field.verbose_name)))
    if field.choices:
        return header, lambda record: getattr(record, f"get_{name}_display")()
    if field.is_relation:
        return header, lambda record: str(getattr(record, name) or "")
    if field.get_internal_type() == "BooleanField":
        return header, lambda record: _("Yes") if getattr(record, name) else _("No")
    return header, lambda record: getattr(record, name)


def export_response(queryset, fmt: str, model, fields, headers, user, progress=None):
    """The file of ``queryset`` (ordered, already filtered and visible to ``user``) in ``fmt``;
    ``progress(rows written)`` is called every CHUNK rows (a background job's)."""
    chosen = columns(model, fields, headers, user)
    titles = [header for header, _get in chosen]
    rows = (_row(chosen, record, number, progress) for number, record in enumerate(queryset.iterator(CHUNK), 1))
    name = f"{model._meta.verbose_name_plural}-{timezone.localdate().isoformat()}.{fmt}".replace(" ", "-")
    if fmt == "csv":
        response = StreamingHttpResponse(csv_lines(titles, rows), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(xlsx_bytes([(model._meta.verbose_name_plural, titles, rows)]), content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response


def _row(chosen, record, number: int, progress) -> list:
    if progress and number % CHUNK == 0:
        progress(number)
    return [get(record) for _header, get in chosen]
