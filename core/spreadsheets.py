"""CSV and XLSX files for people who open them in Excel or LibreOffice: safe cells, the locale's separator.

A text cell starting with ``= + - @``, a tab or a carriage return would run as a formula when
opened (CSV injection, OWASP). In CSV it gets a leading apostrophe; in XLSX it stays as typed
but is written as a text cell marked "quote prefix", which Excel and LibreOffice never
evaluate, even after an edit. Numbers stay numbers (amounts in MAD as decimals), dates stay
dates (ISO in CSV), and None an empty cell.
"""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
from django.utils.translation import get_language, get_language_bidi
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOM = "\ufeff"


def value_of(value):
    """A cell's value: None, a number (Decimal as float), a date, or text (``str`` of anything else)."""
    if value is None or isinstance(value, bool | int | float | datetime.date):
        return value
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def separator() -> str:
    """The list separator of the interface language: ``;`` in French and Arabic (as their
    spreadsheets expect), ``,`` in English."""
    return "," if (get_language() or "").startswith("en") else ";"


def csv_lines(headers, rows):
    """The lines of a CSV file (UTF-8 with a BOM, the locale's separator), one by one, so that a
    long export streams instead of being built in memory. ``rows`` may be any iterable."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator())

    def line(values) -> str:
        writer.writerow(["'" + v if is_formula_like(v) else ("" if v is None else v) for v in map(value_of, values)])
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield BOM + line(headers)
    for row in rows:
        yield line(row)


def xlsx_bytes(sheets) -> bytes:
    """An XLSX workbook of ``sheets``: (title, headers, rows) each, written as they come (openpyxl's
    write-only mode), headers bold, right to left in Arabic."""
    book = openpyxl.Workbook(write_only=True)
    for title, headers, rows in sheets:
        sheet = book.create_sheet(str(title)[:31])
        sheet.sheet_view.rightToLeft = get_language_bidi()
        sheet.append([_cell(sheet, header, bold=True) for header in headers])
        for row in rows:
            sheet.append([_cell(sheet, value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(sheet, value, bold=False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value_of(value))
    if is_formula_like(cell.value):
        cell.data_type = "s"  # text, not a formula
        cell.quotePrefix = True
    if bold:
        cell.font = Font(bold=True)
    return cell
