"""List filters with valid and invalid values: right rows, or a form error / empty list, never a 500."""

import pytest
from django.urls import reverse

from meetings.models import Meeting, Recommendation
from projects.models import Project
from stakeholders.models import Person

from .factories import AttendanceFactory, MeetingFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def rows(client, name, **params):
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    return list(response.context["object_list"]), response.context["filter"].form.errors


def test_meetings_by_kind_status_and_date_range_including_periods(staff_client, meeting):
    found, errors = rows(staff_client, "meetings:meeting_list", date_after="2022-03-20", date_before="2022-05-31")
    kinds = sorted(m.kind for m in found)
    # the meeting of 11 May, and those known by a period overlapping the range: the consultation
    # meetings (17-23 March) and the session of March 2022
    assert kinds == ["consultation_meeting"] * 5 + ["ordinary_session", "working_meeting"] and not errors
    found, _ = rows(staff_client, "meetings:meeting_list", date_after="2022-04-01")
    assert found == [meeting]
    found, _ = rows(staff_client, "meetings:meeting_list", kind="ordinary_session")
    assert [m.title_ar for m in found] == ["الدورة العادية لشهر مارس 2022"]
    found, _ = rows(staff_client, "meetings:meeting_list", status="planned")
    assert found == []


def test_meetings_by_person_and_organization(staff_client, meeting):
    person = Person.objects.get(full_name_ar="يوسف الحسني")
    found, _ = rows(staff_client, "meetings:meeting_list", person=person.pk)
    assert found == [meeting]
    andzoa = meeting.attendances.get(person__full_name_ar="أسامة الخلفاني").organization
    found, _ = rows(staff_client, "meetings:meeting_list", organization=andzoa.pk)
    assert found == [meeting]


def test_recommendations_by_axis_province_source_and_project(staff_client):
    recommendation = Recommendation.objects.get(axis__code="digitisation")
    found, _ = rows(staff_client, "meetings:recommendation_list", axis=recommendation.axis_id)
    assert found == [recommendation]
    zagora = Meeting.objects.get(province__code="08.587").province
    found, _ = rows(staff_client, "meetings:recommendation_list", province=zagora.pk)
    assert len(found) == 5  # the consultation had a meeting in every province
    found, _ = rows(staff_client, "meetings:recommendation_list", has_project="true")
    assert found == []
    Project.objects.get(title_fr="Plateforme numérique de promotion des produits locaux").recommendations.add(
        recommendation
    )
    found, _ = rows(staff_client, "meetings:recommendation_list", has_project="true")
    assert found == [recommendation]
    found, _ = rows(staff_client, "meetings:recommendation_list", has_project="false")
    assert len(found) == 4


def test_projects_by_programme_budget_range_and_sorting(staff_client):
    cheap, dear = ProjectFactory(budget=1000), ProjectFactory(budget=5_000_000)
    found, _ = rows(staff_client, "projects:project_list", budget_min="2000", budget_max="9000000")
    assert found == [dear]
    found, _ = rows(staff_client, "projects:project_list", budget_min="500", o="-budget")
    assert found[:2] == [dear, cheap]
    pdr = Project.objects.get(title_fr="Création de zones d'activités artisanales").programme
    found, _ = rows(staff_client, "projects:project_list", programme=pdr.pk)
    assert len(found) == 3


def test_people_by_organization_kind(staff_client):
    found, _ = rows(staff_client, "stakeholders:person_list", organization_kind="ministry", o="name")
    assert [p.full_name_ar for p in found] == ["سلوى تاجري", "صفاء ختام"]


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("meetings:meeting_list", {"date_after": "2022-13-45"}),
        ("meetings:meeting_list", {"person": "abc"}),
        ("meetings:meeting_list", {"person": "99999999"}),
        ("meetings:meeting_list", {"province": "1\x00"}),
        ("meetings:meeting_list", {"kind": "nope"}),
        ("meetings:recommendation_list", {"axis": "x"}),
        ("projects:project_list", {"budget_min": "abc"}),
        ("stakeholders:organization_list", {"province": "-1"}),
    ],
)
def test_invalid_filter_values_give_a_form_error_and_no_rows(staff_client, name, params):
    found, errors = rows(staff_client, name, **params)
    assert errors and found == []


@pytest.mark.parametrize("page", ["abc", "0", "999", "\x00"])
def test_odd_page_numbers_show_the_first_page(staff_client, page):
    found, errors = rows(staff_client, "meetings:meeting_list", page=page)
    assert len(found) == 7 and not errors


def test_pagination_keeps_filters_and_a_filter_change_goes_back_to_page_one(staff_client):
    for _ in range(30):
        AttendanceFactory(meeting=MeetingFactory(kind="committee_meeting"))
    response = staff_client.get(reverse("meetings:meeting_list"), {"kind": "committee_meeting", "page": "2"})
    assert response.context["page_obj"].number == 2
    assert len(response.context["object_list"]) == 5
    page = response.content.decode()
    assert "?kind=committee_meeting&amp;page=1" in page
    assert 'name="page"' not in page  # submitting the filter form starts again at page 1


def test_sort_orders_read_in_the_language_of_the_moment_descending_ones_too():
    from django.utils import translation

    from meetings.filters import MeetingFilter

    choices = MeetingFilter.base_filters["o"].field.choices
    for language, expected in (("fr", "Date (décroissant)"), ("ar", "التاريخ (تنازليا)"), ("en", "Date (descending)")):
        with translation.override(language):
            assert expected in [str(label) for _value, label in choices]
