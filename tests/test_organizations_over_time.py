"""Organizations over time (issue 14): creation and end, former names with their periods, successor
and predecessors; past meetings show the name the organization had then; a commune's council."""

import datetime

import pytest
from django.urls import reverse

from stakeholders.models import Commune, Organization

from .factories import AttendanceFactory, MeetingFactory, PersonFactory
from .test_editing import management

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

FORMER = "Ministère de l'Économie solidaire et de l'Artisanat"
CURRENT = "Ministère de l'Inclusion économique et de l'Économie solidaire"


def organization_data(**overrides):
    return {
        "name_ar": "وزارة الإدماج الاقتصادي والاقتصاد التضامني", "name_fr": CURRENT,
        "kind": "ministry", **management("former_names", 1),
        "former_names-0-name_fr": FORMER, "former_names-0-start_date": "2019-10-09",
        "former_names-0-end_date": "2021-10-06",
    } | overrides  # fmt: skip


def test_staff_record_a_renamed_ministry_and_past_meetings_show_its_name_then(staff_client):
    response = staff_client.post(
        reverse("stakeholders:organization_create"), organization_data(founded_on="2021-10-07")
    )
    assert response.status_code == 302, response.context["form"].errors
    ministry = Organization.objects.get(name_fr=CURRENT)
    [former] = ministry.former_names.all()
    assert (former.name_fr, former.start_date, former.end_date) == (
        FORMER, datetime.date(2019, 10, 9), datetime.date(2021, 10, 6)
    )  # fmt: skip
    assert (ministry.name_on(datetime.date(2020, 3, 1)), ministry.name_on(datetime.date(2023, 3, 1))) == (
        FORMER,
        CURRENT,
    )
    page = staff_client.get(ministry.get_absolute_url()).content.decode()
    assert "Former names" in page and "9 October 2019 – 6 October 2021" in page and "7 October 2021" in page

    then, now = MeetingFactory(date=datetime.date(2020, 3, 1)), MeetingFactory(date=datetime.date(2023, 3, 1))
    for meeting in (then, now):
        AttendanceFactory(meeting=meeting, person=PersonFactory(), position=None, organization=ministry)
    assert FORMER.replace("'", "&#x27;") in staff_client.get(then.get_absolute_url()).content.decode()
    page = staff_client.get(now.get_absolute_url()).content.decode()
    assert CURRENT.replace("'", "&#x27;") in page and FORMER.replace("'", "&#x27;") not in page

    found = staff_client.get(reverse("stakeholders:organization_list"), {"q": "Economie solidaire et de l'Artisanat"})
    assert ministry in found.context["object_list"]


def test_a_successor_and_its_predecessors_show_on_both_pages(staff_client):
    agency = Organization.objects.create(name_fr="Agence de développement social", kind="public_agency")
    ministry = Organization.objects.create(name_fr=CURRENT, kind="ministry")
    data = {"name_fr": agency.name_fr, "kind": "public_agency", "dissolved_on": "2024-12-31",
            "successor": ministry.pk, "loaded_version": agency.version, **management("former_names", 0)}  # fmt: skip
    assert staff_client.post(reverse("stakeholders:organization_update", args=[agency.pk]), data).status_code == 302
    assert 'data-field="successor"' in staff_client.get(agency.get_absolute_url()).content.decode()
    page = staff_client.get(ministry.get_absolute_url()).content.decode()
    assert 'data-field="predecessors"' in page and "Agence de développement social" in page


@pytest.mark.parametrize(
    ("overrides", "where", "message"),
    [
        ({"founded_on": "2021-10-07", "dissolved_on": "2020-01-01"}, "dissolved_on", "The end cannot be before the start."),
        ({"former_names-0-start_date": "2022-01-01"}, "end_date", "The end cannot be before the start."),
        ({"former_names-0-end_date": ""}, "end_date", "This field is required."),
    ],
)  # fmt: skip
def test_dates_that_cannot_be_are_refused_next_to_the_field(staff_client, overrides, where, message):
    response = staff_client.post(reverse("stakeholders:organization_create"), organization_data(**overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors.get(where) or response.context["formsets"][0][1].forms[0].errors[where]
    assert message in errors
    assert not Organization.objects.filter(name_fr=CURRENT).exists()


def test_a_communes_council_names_its_commune(staff_client):
    commune = Commune.objects.filter(province__code="08.201").order_by("code").first()
    data = {"name_fr": "Conseil communal", "kind": "commune", "province": commune.province_id, "commune": commune.pk,
            **management("former_names", 0)}  # fmt: skip
    assert staff_client.post(reverse("stakeholders:organization_create"), data).status_code == 302
    council = Organization.objects.get(name_fr="Conseil communal")
    assert council.commune == commune
    other = Commune.objects.exclude(province__code="08.201").first()
    response = staff_client.post(reverse("stakeholders:organization_create"), data | {"commune": other.pk})
    assert response.context["form"].errors["commune"] == ["This commune is not in the province."]


def test_a_successor_needs_an_end_and_a_namesake_organization_a_confirmation(staff_client):
    ministry = Organization.objects.create(name_fr=CURRENT, kind="ministry")
    data = {
        "name_fr": "Agence ancienne",
        "kind": "public_agency",
        "successor": ministry.pk,
        **management("former_names", 0),
    }
    response = staff_client.post(reverse("stakeholders:organization_create"), data)
    assert response.context["form"].errors["dissolved_on"] == ["Give the day it ended: its successor took over then."]

    data = {"name_fr": CURRENT.upper(), "kind": "ministry", **management("former_names", 0)}
    response = staff_client.post(reverse("stakeholders:organization_create"), data)
    [message] = response.context["form"].non_field_errors()
    assert message.startswith(f"The portal already has {ministry} (#{ministry.pk}).")
    response = staff_client.post(reverse("stakeholders:organization_create"), data | {"another_organization": "on"})
    assert response.status_code == 302
