"""The pages show the dataset's facts, linked both ways, in Arabic (default) and French."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from meetings.models import Consultation, Meeting
from projects.models import PartnershipAgreement, Project, Strategy
from stakeholders.models import Organization, Person

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return response.content.decode()


def test_sign_in_is_required_everywhere_but_the_sign_in_page(client, meeting):
    for url in ["/", reverse("meetings:meeting_list"), meeting.get_absolute_url(), reverse("projects:project_list")]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    assert client.get(reverse("login")).status_code == 200


def test_demo_account_signs_in_with_its_password(client, staff_user):
    response = client.post(reverse("login"), {"username": "staff-member", "password": "x"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("overview:home")
    assert "staff-member" in text(response)


def test_user_without_a_role_gets_403(client):
    client.force_login(get_user_model().objects.create_user("nobody"))
    assert client.get(reverse("meetings:meeting_list")).status_code == 403


def test_home_counts_and_latest_meetings(staff_client, meeting):
    response = staff_client.get("/")
    counts = dict(re.findall(r'data-count="([^"]+)">(\d+)<', text(response)))
    assert counts["meetings:meeting_list"] == "7"  # the meeting, the March session, five consultation meetings
    assert counts["projects:project_list"] == "3"
    assert counts["meetings:recommendation_list"] == "5"
    assert counts["stakeholders:person_list"] == "9"
    assert response.context["latest_meetings"][0] == meeting
    assert "11 ماي 2022" in text(response)


def test_meeting_page_shows_chair_attendees_strategy_and_agreement(staff_client, meeting):
    page = text(staff_client.get(meeting.get_absolute_url()))
    assert '<dd data-field="when">11 ماي 2022</dd>' in page
    assert "حسني رشيدي" in page and "النائب الثاني لرئيس مجلس الجهة" in page
    for name, role in [
        ("لطيفة حدوگة", "النائبة السادسة للرئيس"),
        ("نادية العلوي", "رئيسة لجنة التنمية الاقتصادية والاجتماعية والثقافية"),
        ("الهام الدرويش", "نائبة رئيس لجنة القطاعات الإنتاجية والشغل"),
        ("سلوى تاجري", "مديرة إنعاش الاقتصاد الاجتماعي"),
        ("يوسف الحسني", "المدير العام"),
        ("صفاء ختام", "مستشارة الوزيرة"),
        ("حميد صواتي", ""),
        ("أسامة الخلفاني", ""),
    ]:
        assert name in page and role in page
    assert "أطر ولاية جهة درعة تافيلالت" in page and "أطر إدارة مجلس الجهة" in page
    # attendees are grouped by organization: one card per organization represented
    attendees = page[page.index('id="attendees"') :]
    assert attendees.count('class="card-header"') == 8
    assert Strategy.objects.get().get_absolute_url() in page
    agreement = PartnershipAgreement.objects.get()
    assert agreement.get_absolute_url() in page


def test_meeting_page_in_french(staff_client, meeting):
    page = text(staff_client.get(meeting.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="fr"))
    assert '<dd data-field="when">11 mai 2022</dd>' in page
    assert "Réunion de présentation de la nouvelle stratégie" in page
    assert 'lang="fr" dir="ltr"' in page


def test_meeting_page_is_right_to_left_in_arabic(staff_client, meeting):
    page = text(staff_client.get(meeting.get_absolute_url()))
    assert 'lang="ar" dir="rtl"' in page
    assert "bootstrap.rtl.min.css" in page


def test_consultation_page_shows_provinces_period_and_participants(staff_client):
    consultation = Consultation.objects.get()
    page = text(staff_client.get(consultation.get_absolute_url()))
    assert '<dd data-field="period">17 مارس 2022 – 23 مارس 2022</dd>' in page
    assert "186" in page
    for province in ["الرشيدية", "ورزازات", "ميدلت", "تنغير", "زاكورة"]:
        assert f"لقاء تشاوري بإقليم {province}" in page
    for partner in consultation.partners.all():
        assert partner.get_absolute_url() in page
    assert consultation.programme.get_absolute_url() in page


def test_each_project_links_to_the_march_2022_session(staff_client):
    session = Meeting.objects.get(kind=Meeting.Kind.ORDINARY_SESSION)
    for project in Project.objects.all():
        page = text(staff_client.get(project.get_absolute_url()))
        assert session.get_absolute_url() in page
        assert "مارس 2022" in page
        assert project.programme.get_absolute_url() in page
    session_page = text(staff_client.get(session.get_absolute_url()))
    assert all(project.get_absolute_url() in session_page for project in Project.objects.all())


def test_person_page_lists_positions_and_meetings_both_ways(staff_client, meeting):
    person = Person.objects.get(full_name_ar="حسني رشيدي")
    page = text(staff_client.get(person.get_absolute_url()))
    assert "Hosni Rachidi" in page
    assert "النائب الثاني لرئيس مجلس الجهة" in page
    assert page.count(meeting.get_absolute_url()) == 2  # chaired, and attended
    council = Organization.objects.get(name_ar="مجلس جهة درعة تافيلالت")
    assert council.get_absolute_url() in page
    assert person.get_absolute_url() in text(staff_client.get(council.get_absolute_url()))


def test_contact_details_are_for_staff_only(staff_client, partner_user, client):
    person = Person.objects.get(full_name_ar="سلوى تاجري")
    person.email = "s.tajri@example.org"
    person.save()
    assert "s.tajri@example.org" in text(staff_client.get(person.get_absolute_url()))
    client.force_login(partner_user)
    page = text(client.get(person.get_absolute_url()))
    assert "سلوى تاجري" in page
    assert "s.tajri@example.org" not in page and 'data-field="email"' not in page


def test_strategy_page_lists_its_four_axes(partner_client, meeting):
    strategy = Strategy.objects.get()
    page = text(partner_client.get(strategy.get_absolute_url()))
    axes = page[page.index('id="strategy-axes"') :]
    assert axes.count("<li") >= 4 and "التنسيق مع مختلف الفاعلين" in axes
    assert meeting.get_absolute_url() in page


def test_agreement_page_shows_envisaged_status_and_parties(partner_client, meeting):
    agreement = PartnershipAgreement.objects.get()
    response = partner_client.get(agreement.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en")
    page = text(response)
    assert '<dd data-field="status">envisaged</dd>' in page
    assert meeting.get_absolute_url() in page
    assert all(party.get_absolute_url() in page for party in agreement.parties.all())


def test_meeting_list_is_newest_first_and_filters_by_province(staff_client, meeting):
    response = staff_client.get(reverse("meetings:meeting_list"))
    meetings = list(response.context["object_list"])
    assert meetings[0] == meeting
    # then the consultation meetings (17-23 March 2022), then the session known only as "March 2022"
    assert [m.kind for m in meetings[1:6]] == [Meeting.Kind.CONSULTATION_MEETING] * 5
    assert meetings[6].kind == Meeting.Kind.ORDINARY_SESSION
    response = staff_client.get(
        reverse("meetings:meeting_list"), {"province": meeting.region.provinces.get(code="08.587").pk}
    )
    assert [m.title_ar for m in response.context["object_list"]] == ["لقاء تشاوري بإقليم زاكورة"]


def test_search_box_finds_by_any_word(staff_client):
    response = staff_client.get(reverse("stakeholders:organization_list"), {"q": "ODCO"})
    assert {o.name_ar for o in response.context["object_list"]} == {"مكتب تنمية التعاون"}
    response = staff_client.get(reverse("stakeholders:person_list"), {"q": "رئيس"})
    assert {p.full_name_ar for p in response.context["object_list"]} == {
        "حسني رشيدي",  # النائب الثاني لرئيس
        "لطيفة حدوگة",  # النائبة السادسة للرئيس
        "نادية العلوي",  # رئيسة لجنة
        "الهام الدرويش",  # نائبة رئيس لجنة
    }


def test_invalid_filter_values_never_give_a_500(staff_client):
    url = reverse("meetings:meeting_list")
    for params in [{"province": "abc"}, {"province": "999999"}, {"kind": "nope"}, {"q": "x\x00y"}]:
        response = staff_client.get(url, params)
        assert response.status_code == 200
        assert response.context["filter"].errors and list(response.context["object_list"]) == []
    response = staff_client.get(url, {"page": "abc"})
    assert response.status_code == 200 and response.context["page_obj"].number == 1
