"""Numbers as the press writes them ("45.000", "2.750.000,00", "45,000"), read by the page's language."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from core.imports import Column, _parse
from core.numbers import read_number
from meetings.models import Meeting

from .factories import ProjectFactory
from .test_editing import meeting_data, project_data


@pytest.mark.parametrize(
    ("text", "language", "number"),
    [
        ("45.000", "fr", "45000"),
        ("45.000", "ar", "45000"),
        ("3.200.000", "fr", "3200000"),
        ("2.750.000,00", "fr", "2750000.00"),
        ("2.750.000,00", "ar", "2750000.00"),
        ("45,000", "en", "45000"),
        ("2,750,000.00", "en", "2750000.00"),
        ("2,750,000.00", "fr", "2750000.00"),  # both marks: the last one is the decimal mark
        ("3\u202f200\u202f000", "fr", "3200000"),  # narrow no-break spaces
        ("1\u00a0250\u00a0000,50", "fr", "1250000.50"),
        ("١٢٣٫٥", "ar", "123.5"),
        ("٣٬٢٠٠٬٠٠٠", "ar", "3200000"),
        ("12,5", "fr", "12.5"),
        ("12.5", "fr", "12.5"),  # a point not followed by three digits cannot group thousands
        ("0,500", "fr", "0.500"),
        ("1234,567", "fr", "1234.567"),
        ("-1.500", "fr", "-1500"),
        ("186", "ar", "186"),
    ],
)
def test_numbers_are_read_as_written(text, language, number):
    assert read_number(text, language) == number


@pytest.mark.parametrize(("text", "language"), [("1,000", "fr"), ("1,000", "ar"), ("1.000", "en"), ("45,000", "fr")])
def test_a_number_that_could_mean_two_is_refused_with_how_to_write_it(text, language):
    with pytest.raises(ValidationError) as raised, translation.override("en"):
        read_number(text, language)
    assert raised.value.code == "ambiguous_number"
    group = "," if language == "en" else "."
    assert f"a thousand is written 1000 or 1{group}000" in raised.value.messages[0]


@pytest.mark.parametrize("text", ["1.00.000", "12.3456.789", "1,2.500,00", "1.000,000,5"])
def test_badly_grouped_numbers_are_refused(text):
    with pytest.raises(ValidationError) as raised:
        read_number(text, "fr")
    assert raised.value.code == "badly_grouped"


def test_text_that_is_no_number_is_left_to_the_field():
    assert read_number("abc", "fr") == "abc"
    assert read_number(None, "fr") is None


@pytest.mark.django_db
def test_a_french_page_reads_the_press_figures(client, staff_user):
    client.force_login(staff_user)
    client.cookies["django_language"] = "fr"
    data = meeting_data(participants_total="1.200", participants_women="450")
    response = client.post(reverse("meetings:meeting_create"), data)
    assert response.status_code == 302, response.context["form"].errors
    meeting = Meeting.objects.get(title_fr="Réunion de coordination des foires provinciales")
    assert (meeting.participants_total, meeting.participants_women) == (1200, 450)

    project = ProjectFactory()
    response = client.post(
        reverse("projects:project_update", args=[project.pk]), project_data(project, budget="2.750.000,00")
    )
    assert response.status_code == 302, response.context["form"].errors
    project.refresh_from_db()
    assert project.budget == Decimal("2750000.00")


@pytest.mark.django_db
def test_a_count_of_1_000_is_never_stored_as_1(client, staff_user):
    client.force_login(staff_user)
    client.cookies["django_language"] = "fr"
    response = client.post(reverse("meetings:meeting_create"), meeting_data(participants_total="1,000"))
    assert response.status_code == 200
    [message] = response.context["form"].errors["participants_total"]
    assert "« 1,000 » peut se lire de deux façons" in message
    assert not Meeting.objects.filter(title_fr="Réunion de coordination des foires provinciales").exists()

    client.cookies["django_language"] = "en"
    response = client.post(reverse("meetings:meeting_create"), meeting_data(participants_total="1,000"))
    assert response.status_code == 302
    assert Meeting.objects.get(title_fr="Réunion de coordination des foires provinciales").participants_total == 1000


def test_an_imported_count_is_read_as_the_importer_language_writes_it():
    column = Column("participants_total", kind="integer")
    with translation.override("fr"):
        assert _parse(None, column, "45.000") == 45000
        with pytest.raises(ValidationError):
            _parse(None, column, "1,000")
        with pytest.raises(ValidationError):
            _parse(None, column, "12,5")
    with translation.override("en"):
        assert _parse(None, column, "45,000") == 45000
