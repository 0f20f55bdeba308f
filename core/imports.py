"""Imports of spreadsheets (XLSX or CSV) with a preview: every row checked and shown with its errors,
then written in one transaction only when no row fails.

An importer (``Importer`` subclass, registered with ``register``) names its model, its
``columns`` and the natural ``key`` that finds a record already there, so that importing the
same file twice creates nothing new. Headers are matched after trimming spaces and case, in
any of the interface languages (the field's label) or as the field's name. A missing required
column is an error, never a silent empty value; dates are read as dates (ISO, dd/mm/yyyy, or
a date cell); text columns keep what was typed (a phone's leading 0), and refuse a number
cell, which has already lost it.
"""

import csv
import datetime
import functools
import io
import operator
import re
from dataclasses import dataclass, field

import openpyxl
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from . import registry
from .forms import TolerantDateField
from .numbers import read_number
from .spreadsheets import is_formula_like, xlsx_bytes

MAX_IMPORT_ROWS = 5000
PROGRESS_EVERY = 100
_importers: dict[str, type["Importer"]] = {}


@dataclass
class Column:
    """One column of an import: the model ``field`` it fills (or a name the importer reads),
    ``kind`` "text", "date", "choice", "integer" or "record" (``lookup`` finds the record)."""

    field: str
    kind: str = "text"
    required: bool = False
    label: object = ""
    lookup: object = None  # for "record": a function (text) -> model instance or None

    def title(self, model) -> str:
        return capfirst(str(self.label or model._meta.get_field(self.field).verbose_name))


@dataclass
class Row:
    """A row of the file as checked: its line number, values, errors, and what importing does."""

    number: int
    values: dict
    errors: list = field(default_factory=list)
    existing: object = None
    fills: dict = field(default_factory=dict)  # blanks of ``existing`` this row fills in

    def shown(self, columns, model) -> list[str]:
        """The row's values as a person reads them, in ``columns`` order: a choice's label, a record's name."""
        cells = []
        for column in columns:
            value = self.values.get(column.field)
            if column.kind == "choice" and value is not None:
                value = dict(model._meta.get_field(column.field).choices).get(value, value)
            cells.append("" if value is None else str(value))
        return cells


class Importer:
    """Base of the importers; subclasses set ``model``, ``columns``, ``title`` and ``key``."""

    model = None
    columns: list[Column] = []
    one_of: tuple[tuple[str, ...], ...] = ()  # groups of columns of which the file must have one
    title = ""
    permission = ""  # "app_label.codename" needed to import; the model's "add" by default
    # The foreign key of records that belong to one record, named in the page's address
    # (``/import/attendance/?meeting=3``): every row goes to ``parent`` and is looked up there.
    parent_field = ""
    parent = None
    # Fields that a row may fill in on a record already there when the portal has them empty
    # (a consultation meeting's participant counts); a different value is an error on the row.
    fills: tuple[str, ...] = ()
    # Headers of the list's download that the import skips (the record number, counts), so that
    # a downloaded file imports back as it is.
    skipped: tuple = (_lazy("record number"),)

    def key(self, values: dict) -> dict:
        """The lookup of the record these values describe, if it exists already."""
        raise NotImplementedError

    def full_key(self, values: dict) -> dict:
        """``key`` within the parent record, when the importer has one."""
        return {**self.key(values), self.parent_field: self.parent} if self.parent_field else self.key(values)

    def build(self, values: dict):
        """An unsaved record from the values, in the parent record (subclasses may add defaults)."""
        fields = {name: value for name, value in values.items() if value not in (None, "")}
        if self.parent_field:
            fields[self.parent_field] = self.parent
        return self.model(**fields)

    def parent_model(self):
        return self.model._meta.get_field(self.parent_field).related_model

    def required_permission(self) -> str:
        opts = self.model._meta
        return self.permission or f"{opts.app_label}.add_{opts.model_name}"


def only_one(queryset):
    """The record of ``queryset`` if it holds exactly one, else None (an ambiguous name finds nothing)."""
    matches = list(queryset[:2])
    return matches[0] if len(matches) == 1 else None


def named(records, *fields: str):
    """A ``Column`` lookup: (text) -> the record of ``records`` (a manager or queryset) whose
    ``fields`` (any of them) are ``text``, if exactly one is; e.g. ``named(Province.objects,
    "name_ar", "name_fr", "code")``."""

    def find(text: str):
        return only_one(records.filter(functools.reduce(operator.or_, (Q(**{field: text}) for field in fields))))

    return find


def register(slug: str):
    """Class decorator: the importer is offered at ``/import/<slug>/``."""

    def decorate(cls):
        _importers[slug] = cls
        return cls

    return decorate


def importer_for(slug: str) -> Importer | None:
    cls = _importers.get(slug)
    return cls() if cls else None


def normalized(header) -> str:
    return " ".join(str(header or "").replace(":", " ").split()).casefold()


def read_table(name: str, content: bytes) -> tuple[list, list[list]]:
    """(headers, rows) of an XLSX or CSV file (UTF-8, with or without BOM; ``;``, ``,`` or tab,
    whichever the header row uses most).
    Raises ValidationError when the file cannot be read, or has more than MAX_IMPORT_ROWS rows."""
    try:
        if name.lower().endswith(".xlsx"):
            sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
            table = [list(row) for row in sheet.iter_rows(values_only=True)]
        else:
            text = content.decode("utf-8-sig")
            first = text.split("\n", 1)[0]
            delimiter = max(";,\t", key=first.count)  # the separator the header row uses most
            table = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except (UnicodeDecodeError, csv.Error, ValueError, KeyError, OSError) as error:
        message = _("This file cannot be read as XLSX or as CSV in UTF-8 (%(error)s).") % {"error": error}
        raise ValidationError(message) from error
    table = [row for row in table if any(cell not in (None, "") for cell in row)]
    if not table:
        raise ValidationError(_("The file is empty."))
    if len(table) - 1 > MAX_IMPORT_ROWS:
        raise ValidationError(_("At most %(max)s rows at a time: split the file.") % {"max": MAX_IMPORT_ROWS})
    return table[0], table[1:]


def headers_of(importer: Importer, headers: list) -> dict[str, int]:
    """The position of each column in the file's ``headers``; raises ValidationError naming the
    required columns that are missing."""
    accepted = {}
    for column in importer.columns:
        names = {normalized(column.field)}
        for language in ("ar", "fr", "en"):
            with translation.override(language):
                names.add(normalized(column.title(importer.model)))
        accepted[column.field] = names
    found = {}
    for position, header in enumerate(headers):
        for name, names in accepted.items():
            if normalized(header) in names and name not in found:
                found[name] = position
    titles = {c.field: c.title(importer.model) for c in importer.columns}
    missing = [titles[c.field] for c in importer.columns if c.required and c.field not in found]
    missing += [_(" or ").join(titles[name] for name in group) for group in importer.one_of
                if not any(name in found for name in group)]  # fmt: skip
    skipped = set()
    for language in ("ar", "fr", "en"):
        with translation.override(language):
            skipped |= {normalized(capfirst(str(label))) for label in importer.skipped}
    unknown = [str(h) for position, h in enumerate(headers)
               if h not in (None, "") and position not in found.values() and normalized(h) not in skipped]  # fmt: skip
    problems = []
    if missing:
        problems.append(_("Missing columns: %(columns)s.") % {"columns": "; ".join(missing)})
    if unknown:
        problems.append(
            _("Columns the import does not know (check their names): %(columns)s.") % {"columns": "; ".join(unknown)}
        )
    if problems:
        raise ValidationError(problems)
    return found


def check(importer: Importer, headers: list, rows: list[list], progress=None, user=None) -> list[Row]:
    """Every row read, parsed, validated and matched with a record already there; nothing written.
    ``progress(rows checked)`` is called every ``PROGRESS_EVERY`` rows (a background job's). With
    ``user``, a row whose record is one they may not change (another council's region,
    ``registry.may_change``) is an error."""
    positions = headers_of(importer, headers)
    checked, seen = [], {}
    for number, cells in enumerate(rows, start=2):
        if progress and (number - 2) % PROGRESS_EVERY == 0:
            progress(number - 2)
        row = Row(number, {})
        for column in importer.columns:
            raw = (
                cells[positions[column.field]]
                if column.field in positions and positions[column.field] < len(cells)
                else None
            )
            try:
                row.values[column.field] = _parse(importer, column, raw)
            except ValidationError as error:
                row.errors.append(f"{column.title(importer.model)}: {' '.join(error.messages)}")
        if not row.errors:
            _validate(importer, row, seen, user)
        checked.append(row)
    return checked


def _parse(importer, column: Column, raw):
    text = "" if raw is None else (raw.strip() if isinstance(raw, str) else raw)
    if text == "":
        if column.required:
            raise ValidationError(_("This value is required."))
        return None
    if column.kind == "date":
        if isinstance(text, datetime.datetime):
            return text.date()
        if isinstance(text, datetime.date):
            return text
        return TolerantDateField().clean(str(text))
    if column.kind == "integer":
        if isinstance(text, int | float) and float(text).is_integer():
            return int(text)
        number = read_number(text)
        if isinstance(number, str) and re.fullmatch(r"\d+(\.0*)?", number):
            return int(number.partition(".")[0])
        raise ValidationError(_("Write a whole number."))
    if not isinstance(text, str):
        raise ValidationError(_("Write it as text (a number cell loses leading zeros and spaces)."))
    if text.startswith("'") and is_formula_like(text[1:]):
        text = text[1:]  # neutralised by the portal's downloads (core.spreadsheets): the text as typed
    if column.kind == "choice":
        return _choice(importer.model._meta.get_field(column.field), text)
    if column.kind == "record":
        record = column.lookup(text)
        if record is None:
            raise ValidationError(_("“%(text)s” is not in the portal: add it first.") % {"text": text})
        return record
    return text


def _choice(model_field, text: str):
    wanted = normalized(text)
    for value, label in model_field.choices:
        names = {normalized(value)}
        for language in ("ar", "fr", "en"):
            with translation.override(language):
                names.add(normalized(label))
        if wanted in names:
            return value
    raise ValidationError(_("“%(text)s” is not one of the choices.") % {"text": text})


def _validate(importer, row: Row, seen: dict, user=None) -> None:
    key = importer.full_key(row.values)
    marker = tuple(sorted((name, str(value)) for name, value in key.items()))
    if marker in seen:
        row.errors.append(_("The same as row %(row)s.") % {"row": seen[marker]})
        return
    seen[marker] = row.number
    row.existing = importer.model._default_manager.filter(**key).first() if key else None
    if row.existing is not None:
        _fill(importer, row)
        if row.fills:  # a record left as it is may be another council's
            _owned(row, row.existing, user)
        return
    record = importer.build(row.values)
    if hasattr(record, "derive_region"):
        record.derive_region()
    if not _owned(row, record, user):
        return
    try:
        record.full_clean(validate_unique=True)
    except ValidationError as error:
        row.errors += [f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
                       for name, messages in error.message_dict.items()]  # fmt: skip


def _owned(row: Row, record, user) -> bool:
    """Whether ``user`` (None: anyone) may write ``record``; if not, the row says why."""
    if user is None or registry.may_change(user, record):
        return True
    row.errors.append(
        _("This row is a record of another council's region: your council imports its own region's only.")
    )
    return False


def _fill(importer, row: Row) -> None:
    """The blanks of ``row.existing`` that the row fills in (``Importer.fills``), checked; a value
    that differs from the portal's is an error (never overwritten)."""
    record = row.existing
    for name in importer.fills:
        new, old = row.values.get(name), getattr(record, name)
        if new in (None, ""):
            continue
        if old in (None, ""):
            row.fills[name] = new
        elif old != new:
            label = capfirst(str(importer.model._meta.get_field(name).verbose_name))
            row.errors.append(_("%(field)s: the portal has %(old)s, the file %(new)s.") % {
                "field": label, "old": old, "new": new})  # fmt: skip
    if row.fills and not row.errors:
        for name, value in row.fills.items():
            setattr(record, name, value)
        try:
            record.full_clean(validate_unique=False)
        except ValidationError as error:
            row.errors += [" ".join(messages) for messages in error.message_dict.values()]
        finally:
            record.refresh_from_db(fields=list(row.fills))


def write(importer: Importer, rows: list[Row]) -> tuple[int, int]:
    """Create the new records of checked ``rows``, and fill in the blanks rows fill, in one
    transaction; return (created, filled in). Raises ValueError if any row has errors (nothing is
    written then)."""
    if any(row.errors for row in rows):
        raise ValueError("rows with errors")
    created = filled = 0
    with transaction.atomic():
        for row in rows:
            record = importer.build(row.values) if row.existing is None else row.existing
            if row.existing is not None:
                if not row.fills:
                    continue
                for name, value in row.fills.items():
                    setattr(record, name, value)
                filled += 1
            else:
                created += 1
            record._change_reason = "imported"
            record.save()
    return created, filled


def outcome(created: int, filled: int, rows: int) -> str:
    """What an import did, in words: records created, completed (``Importer.fills``), already there."""
    done = {"created": created, "filled": filled, "kept": rows - created - filled}
    if filled:
        return _("%(created)s records created, %(filled)s completed, %(kept)s already there.") % done
    return _("%(created)s records created, %(kept)s already there.") % done


def template_xlsx(importer: Importer) -> bytes:
    """An empty workbook with the importer's headers in the active language."""
    headers = [column.title(importer.model) for column in importer.columns]
    return xlsx_bytes([(importer.title, headers, [])])
