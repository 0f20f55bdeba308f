"""Offices whose holder is not named (issue 14): "the president of the council", "a representative
of the Wali". An office exists in an organization whoever holds it; a position is a person holding it."""

import pytest
from django.urls import reverse

from meetings.models import Attendance
from stakeholders.models import Office, Organization, Position

from .factories import MeetingFactory, OrganizationFactory, PersonFactory, PositionFactory
from .test_editing import management

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_a_position_finds_or_creates_its_office():
    council = OrganizationFactory(name_fr="Conseil provincial de Midelt")
    first = PositionFactory(organization=council, title_ar="رئيس المجلس", title_fr="Président du conseil")
    second = PositionFactory(organization=council, title_ar="رئيس المجلس", title_fr="Président du conseil")
    assert first.office == second.office and first.office.organization == council
    assert Office.objects.filter(organization=council).count() == 1
    assert all(position.office_id for position in Position.objects.exclude(title_ar="", title_fr=""))


def test_staff_record_an_office_and_name_it_in_a_meeting_without_its_holder(staff_client):
    wilaya = Organization.objects.create(
        name_ar="ولاية جهة درعة تافيلالت", name_fr="Wilaya de la région Drâa-Tafilalet"
    )
    response = staff_client.post(
        reverse("stakeholders:office_create"),
        {"organization": wilaya.pk, "title_ar": "ممثل الوالي", "title_fr": "Représentant du Wali"},
    )
    assert response.status_code == 302
    office = Office.objects.get(organization=wilaya)
    page = staff_client.get(wilaya.get_absolute_url()).content.decode()
    assert "Offices named without their holder" in page and "Représentant du Wali" in page

    meeting, person = MeetingFactory(), PersonFactory()
    data = {
        "title_ar": meeting.title_ar, "title_fr": meeting.title_fr, "kind": meeting.kind, "status": meeting.status,
        "date": meeting.date.isoformat(), "loaded_version": meeting.version,
        **management("attendances", 2), **management("agenda", 0), **management("links", 0),
        "attendances-0-office": office.pk, "attendances-0-mode": "in_person", "attendances-0-status": "present",
        "attendances-0-role": "co_chair",
        "attendances-1-person": person.pk, "attendances-1-mode": "in_person", "attendances-1-status": "present",
    }  # fmt: skip
    response = staff_client.post(reverse("meetings:meeting_update", args=[meeting.pk]), data)
    assert response.status_code == 302, [f.errors for _t, fs in response.context["formsets"] for f in fs.forms]
    row = Attendance.objects.get(meeting=meeting, office=office)
    assert (row.person, row.organization, row.role) == (None, wilaya, "co_chair")
    page = staff_client.get(meeting.get_absolute_url()).content.decode()
    assert "Représentant du Wali" in page and "co-chair" in page and "Wilaya de la région Drâa-Tafilalet" in page


def test_a_row_naming_nobody_and_an_office_other_than_the_position_are_refused(staff_client):
    meeting, position = MeetingFactory(), PositionFactory(title_fr="Directeur régional")
    other = Office.objects.create(organization=position.organization, title_fr="Directeur adjoint")
    base = {
        "title_ar": meeting.title_ar, "title_fr": meeting.title_fr, "kind": meeting.kind, "status": meeting.status,
        "date": meeting.date.isoformat(), "loaded_version": meeting.version,
        **management("attendances", 1), **management("agenda", 0), **management("links", 0),
        "attendances-0-mode": "in_person", "attendances-0-status": "present",
    }  # fmt: skip
    url = reverse("meetings:meeting_update", args=[meeting.pk])
    rows = dict(
        staff_client.post(url, base | {"attendances-0-role": "guest"}).context["formsets"][0][1].forms[0].errors
    )
    assert rows == {"__all__": ["Name a person or an office, or describe the unnamed group."]}
    data = base | {"attendances-0-person": position.person.pk, "attendances-0-position": position.pk,
                   "attendances-0-office": other.pk}  # fmt: skip
    errors = staff_client.post(url, data).context["formsets"][0][1].forms[0].errors
    assert errors["office"] == ["The position held is another office."]
