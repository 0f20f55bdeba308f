"""The papers the council prints: a meeting's attendance sheet and minutes as PDF (issue 13)."""

import io
import re

import pypdf
import pytest
from django.urls import reverse

from meetings.models import Meeting

pytestmark = pytest.mark.django_db


def real_meeting() -> Meeting:
    return Meeting.objects.filter(date="2022-05-11").order_by("pk").first()


def pdf_of(client, name, language) -> pypdf.PdfReader:
    client.cookies["django_language"] = language
    response = client.get(reverse(f"meetings:{name}", args=[real_meeting().pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return pypdf.PdfReader(io.BytesIO(response.content))


def text_and_fonts(pdf) -> tuple[str, set[str]]:
    fonts = {str(f.get_object()["/BaseFont"]) for page in pdf.pages for f in page["/Resources"]["/Font"].values()}
    return "\n".join(page.extract_text() for page in pdf.pages), fonts


def test_the_attendance_sheet_in_arabic_lists_each_attendee_with_an_arabic_font(partner_client):
    pdf = pdf_of(partner_client, "meeting_attendance_sheet", "ar")
    text, fonts = text_and_fonts(pdf)
    for words in [
        "نادية العلوي",
        "الهام الدرويش",
        "حسني رشيدي",
        "حدوگة",
        "ورقة الحضور",
        "التوقيع",
        "مجلس جهة درعة تافيلالت",
    ]:
        assert words in text, words
    assert "2022" in text and "11" in text and "ماي" in text  # the date's words and numbers, each in order
    assert re.search(r"(?<!\d)11(?!\d)", text) and len(pdf.pages) == 2
    # every page has its footer ("page N of M") and the table's header again
    assert text.count("الصفحة") == text.count("التوقيع") == len(pdf.pages)
    assert any("Noto-Naskh-Arabic" in font for font in fonts)


def test_the_minutes_in_french_group_attendees_by_organization(staff_client):
    pdf = pdf_of(staff_client, "meeting_minutes", "fr")
    text, _fonts = text_and_fonts(pdf)
    for words in [
        "Procès-verbal",
        "Hosni Rachidi",
        "Ordre du jour",
        "Ministère du Tourisme",
        "Salwa Tajri",
        "Page 1 sur",
    ]:
        assert words in text, words
    assert text.index("Liste de présence") < text.index("Ordre du jour")


def test_papers_need_the_right_to_view_the_meeting(client, django_user_model):
    url = reverse("meetings:meeting_minutes", args=[real_meeting().pk])
    assert client.get(url).status_code == 302
    client.force_login(django_user_model.objects.create_user("no-role"))
    assert client.get(url).status_code == 403
