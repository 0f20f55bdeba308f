"""Spreadsheets the council and partners download: every list with its filters, safe cells (issue 13)."""

import csv
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from core.spreadsheets import FORMULA_TRIGGERS, csv_lines, xlsx_bytes
from meetings.models import Meeting

from .factories import MeetingFactory, ProgrammeFactory, ProjectFactory

pytestmark = pytest.mark.django_db
TRAPS = [f'{trigger}HYPERLINK("http://x")' for trigger in FORMULA_TRIGGERS]


def read_csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";" if text.count(";") > text.count(",") else ","))


def test_every_formula_trigger_is_neutralised_and_numbers_stay_numbers():
    with translation.override("fr"):
        lines = list(csv_lines(["titre", "montant"], [[trap, -1250.5] for trap in TRAPS]))
        book = openpyxl.load_workbook(
            io.BytesIO(xlsx_bytes([("feuille", ["titre", "montant"], [[t, -3] for t in TRAPS])]))
        )
    assert lines[0] == "\ufefftitre;montant\r\n"
    rows = list(csv.reader(io.StringIO("".join(lines[1:])), delimiter=";"))
    assert [row[0] for row in rows] == ["'" + trap for trap in TRAPS] and rows[0][1] == "-1250.5"
    cells = list(book.active.iter_rows(min_row=2))
    # (XML reads a carriage return back as a line feed)
    assert [(c[0].value.replace("\n", "\r"), c[0].data_type, c[0].quotePrefix) for c in cells] == [
        (t, "s", True) for t in TRAPS
    ]
    assert {(c[1].value, c[1].data_type) for c in cells} == {(-3, "n")}


def test_the_dashboard_downloads_neutralise_a_formula_in_a_programme_title(partner_client, english):
    programme = ProgrammeFactory(title_ar="", title_fr='=HYPERLINK("http://evil.example","x")')
    ProjectFactory(programme=programme, budget=1000)
    url = reverse("overview:dashboard_export", args=["budget-by-programme", "xlsx"])
    sheet = openpyxl.load_workbook(io.BytesIO(partner_client.get(url).content)).active
    cell = next(row[0] for row in sheet.iter_rows(min_row=2) if "HYPERLINK" in str(row[0].value))
    assert (cell.data_type, cell.quotePrefix, sheet.cell(cell.row, 2).value) == ("s", True, 1000)
    rows = read_csv(partner_client.get(reverse("overview:dashboard_export", args=["budget-by-programme", "csv"])))
    assert any(row[0] == "'" + programme.title_fr for row in rows)


def test_a_list_exports_with_its_filters_order_and_the_locales_separator(staff_client):
    staff_client.cookies["django_language"] = "fr"
    url = reverse("meetings:meeting_list")
    rows = read_csv(staff_client.get(url, {"export": "csv"}))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["Numéro de fiche", "Date", "Heure de début"] and len(body) == Meeting.objects.count()
    real = next(row for row in body if row[1] == "2022-05-11")
    assert "الاجتماعي والتضامني" in real[6] and real[10] == "tenue"
    assert header[11] == "Région" and real[11] == "Drâa-Tafilalet"
    MeetingFactory.create_batch(3, kind="committee_meeting", date="2024-02-01")
    filtered = read_csv(staff_client.get(url, {"export": "csv", "kind": "committee_meeting", "o": "-date"}))[1:]
    assert [row[1] for row in filtered][:3] == ["2024-02-01"] * 3 and {row[8] for row in filtered} == {
        "réunion de commission"
    }


def test_partners_get_no_contact_details_and_exports_run_bounded_queries(partner_client, staff_client):
    url = reverse("stakeholders:person_list")
    book = openpyxl.load_workbook(io.BytesIO(partner_client.get(url, {"export": "xlsx"}).content))
    headers = [c.value for c in next(book.active.iter_rows(max_row=1))]
    assert "email" not in " ".join(headers).lower() and len(headers) == 5
    staff_headers = read_csv(staff_client.get(url, {"export": "csv"}))[0]
    assert len(staff_headers) == 7

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            b"".join(staff_client.get(reverse("meetings:meeting_list"), {"export": "csv"}).streaming_content)
        return len(captured)

    few = queries()
    MeetingFactory.create_batch(30)
    assert queries() == few
