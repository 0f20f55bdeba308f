"""Roles said in the person's grammatical gender (issue 14's roles; issue 15's French wording)."""

import pytest
from django.urls import reverse
from django.utils import translation

from meetings.models import Attendance, Meeting
from stakeholders.models import Person

from .factories import AttendanceFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("gender", "role", "fr", "ar"),
    [
        ("female", "presenter", "intervenante", "مقدِّمة العرض"),
        ("female", "chair", "présidente", "الرئيسة"),
        ("male", "presenter", "intervenant", "مقدِّم العرض"),
        ("male", "guest", "invité", "ضيف"),
        ("unknown", "chair", "présidence", "الرئاسة"),
    ],
)
def test_a_role_agrees_with_the_person(gender, role, fr, ar):
    row = AttendanceFactory(person=PersonFactory(gender=gender), position=None, organization=None, role=role)
    with translation.override("fr"):
        assert row.role_label() == fr
    with translation.override("ar"):
        assert row.role_label() == ar


def test_the_dataset_presenter_is_a_woman_on_the_meeting_page(client, staff_user):
    """Salwa Tajri presented the national strategy on 11 May 2022 (the source article)."""
    meeting = Meeting.objects.get(date="2022-05-11")
    presenter = Attendance.objects.get(meeting=meeting, role="presenter").person
    assert presenter.gender == Person.Gender.FEMALE
    client.force_login(staff_user)
    client.cookies["django_language"] = "fr"
    assert (
        '<span class="badge text-bg-success">intervenante</span>'
        in client.get(meeting.get_absolute_url()).content.decode()
    )
    client.cookies["django_language"] = "ar"
    page = client.get(reverse("stakeholders:person_detail", args=[presenter.pk])).content.decode()
    assert "مقدِّمة العرض" in page


def test_an_unnamed_group_keeps_the_label_of_its_role():
    row = AttendanceFactory(person=None, position=None, organization=None, group_fr="Coopératives", role="guest")
    with translation.override("fr"):
        assert row.role_label() == "invité"


def test_a_cancelled_meeting_and_a_cancelled_project_agree_in_french():
    from projects.models import Project

    with translation.override("fr"):
        assert (str(Meeting.Status.CANCELLED.label), str(Project.Status.CANCELLED.label)) == ("annulée", "annulé")


def test_a_french_history_page_puts_a_space_before_its_colons(staff_client):
    attendance = AttendanceFactory()
    url = reverse("core:record_history", args=["meetings", "meeting", attendance.meeting.pk])
    page = staff_client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Présence\u00a0: " in page and "Présence: " not in page
