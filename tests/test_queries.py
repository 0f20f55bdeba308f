"""Every page runs a bounded number of SQL queries, whatever the number of rows."""

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .factories import (
    AgreementFactory,
    AttendanceFactory,
    ConsultationFactory,
    MeetingFactory,
    PositionFactory,
    ProjectFactory,
    RecommendationFactory,
    StrategyAxisFactory,
)

pytestmark = pytest.mark.django_db

# Each list page and the most SQL queries it may run (measured, plus a little room): a page that
# starts running a query per row, or a few more per request, fails here.
LISTS = {  # +1 on each: the regions of the user's councils, whose region the page's title names
    "overview:home": 18,  # one count per record type (kept in the shared cache outside tests), the latest keys
    "meetings:meeting_list": 13,  # +1 the regions of the region filter, +1 every region's provinces (for the script)
    "meetings:consultation_list": 10,
    "meetings:recommendation_list": 12,
    "projects:project_list": 13,
    "projects:programme_list": 9,
    "projects:strategy_list": 9,
    "projects:agreement_list": 10,
    "stakeholders:organization_list": 10,
    "stakeholders:person_list": 11,
}
ADMIN_CHANGELIST_CEILING = 13
# The detail pages of ``detail_urls``, in its order, and their ceilings.
# Pages of a record staff may change: +1 for the regions of the user's councils (stakeholders.regions).
DETAIL_CEILINGS = [
    22,  # meeting: +3 links and series, +2 former names of its organizations, +2 agreements by meaning
    12,
    30,
    9,
    11,
    25,  # agreement: +4 for the meetings that approved it and carry it out (page and timeline)
    10,
    18,  # organization: +2 for its former names and predecessors
    20,
]  # project and agreement pages: +1 for their events


def grow(size: int) -> None:
    """Add ``size`` records of every kind, each with several related rows."""
    for _ in range(size):
        meeting = MeetingFactory()
        AttendanceFactory.create_batch(3, meeting=meeting)
        ProjectFactory()
        ConsultationFactory()
        RecommendationFactory()
        StrategyAxisFactory.create_batch(2)
        AgreementFactory().meetings.add(meeting)
        PositionFactory()


def query_counts(client, urls) -> dict[str, int]:
    counts = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


def admin_changelists() -> list[str]:
    return [reverse(f"admin:{m._meta.app_label}_{m._meta.model_name}_changelist") for m in admin.site._registry]


def test_lists_and_admin_changelists_run_the_same_queries_for_5_and_50_records(client, administrator):
    client.force_login(administrator)
    urls = [reverse(name) for name in LISTS] + admin_changelists()
    grow(5)
    small = query_counts(client, urls)
    grow(45)
    assert query_counts(client, urls) == small


def test_lists_and_admin_changelists_stay_under_their_query_ceilings(client, administrator):
    client.force_login(administrator)
    grow(5)
    counts = query_counts(client, [reverse(name) for name in LISTS])
    over = {name: n for (name, ceiling), n in zip(LISTS.items(), counts.values(), strict=True) if n > ceiling}
    assert not over, f"more queries than allowed: {over}"
    changelists = query_counts(client, admin_changelists())
    assert max(changelists.values()) <= ADMIN_CHANGELIST_CEILING, changelists


def detail_urls(size: int) -> list[str]:
    meeting = MeetingFactory()
    AttendanceFactory.create_batch(size, meeting=meeting)
    consultation = ConsultationFactory()
    for _ in range(size):
        MeetingFactory(consultation=consultation, kind="consultation_meeting")
        RecommendationFactory(source_consultation=consultation)
    project = ProjectFactory()
    project.recommendations.add(*RecommendationFactory.create_batch(size))
    strategy_axis = StrategyAxisFactory()
    StrategyAxisFactory.create_batch(size, strategy=strategy_axis.strategy)
    strategy_axis.strategy.presented_at.add(*MeetingFactory.create_batch(size))
    agreement = AgreementFactory()
    agreement.meetings.add(*MeetingFactory.create_batch(size))
    person = AttendanceFactory().person
    for _ in range(size):
        AttendanceFactory(person=person, position=PositionFactory(person=person))
    organization = project.lead_organization
    PositionFactory.create_batch(size, organization=organization)
    recommendation = RecommendationFactory()
    recommendation.projects.add(*ProjectFactory.create_batch(size))
    return [
        meeting.get_absolute_url(),
        consultation.get_absolute_url(),
        project.get_absolute_url(),
        project.programme.get_absolute_url(),
        strategy_axis.strategy.get_absolute_url(),
        agreement.get_absolute_url(),
        person.get_absolute_url(),
        organization.get_absolute_url(),
        recommendation.get_absolute_url(),
    ]


def test_detail_pages_run_the_same_queries_for_2_and_12_related_rows_under_a_ceiling(
    client, administrator, django_assert_max_num_queries
):
    client.force_login(administrator)
    small = list(query_counts(client, detail_urls(2)).values())
    large = list(query_counts(client, detail_urls(12)).values())
    assert large == small
    for url, ceiling in zip(detail_urls(3), DETAIL_CEILINGS, strict=True):
        with django_assert_max_num_queries(ceiling):
            assert client.get(url).status_code == 200


def test_the_meeting_form_reads_the_same_queries_for_2_and_12_attendance_rows(staff_client):
    """Each table reads its columns' records once (core.forms.BaseTableFormSet.forms), not once a row;
    one more reads the regions of the user's councils (the meeting must be one they may change), one
    every region's provinces (stakeholders.regions.follow_region)."""
    counts = []
    for size in (2, 12):
        meeting = MeetingFactory()
        AttendanceFactory.create_batch(size, meeting=meeting)
        with CaptureQueriesContext(connection) as queries:
            response = staff_client.get(reverse("meetings:meeting_update", args=[meeting.pk]))
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 30, counts  # +1 every region's provinces: the choices follow the region
