"""Dashboard figures: the real dataset, a factory-made one with known totals, filters, exports, query counts."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import Meeting, Recommendation
from overview.dashboard import Dashboard, Filters
from overview.draa_tafilalet import MEETING_DATE
from projects.models import Programme, Project
from stakeholders.models import Province

from .factories import ConsultationFactory, MeetingFactory, ProgrammeFactory, ProjectFactory, RecommendationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def table(figure):
    return {str(row[0]): row[1:] for row in figure.rows}


def test_real_dataset_figures():
    dashboard = Dashboard(Filters())
    assert table(dashboard.participation) == {
        "Consultation meetings": [5],
        "Participants": [186],
        "Of whom women": [None],  # the source does not say
        "Share of women, where counted (%)": [None],
    }
    kinds = table(dashboard.meetings_by_kind)
    assert (kinds["working meeting"], kinds["ordinary session"], kinds["consultation meeting"]) == ([1], [1], [5])
    assert [row[1] for row in dashboard.recommendations_by_axis.rows] == [1, 1, 1, 1, 1]
    assert len(dashboard.recommendations_by_axis.rows) == 5
    assert table(dashboard.recommendations_by_status)["proposed"] == [5]
    assert table(dashboard.recommendations_carried) == {
        "Recommendations": [5],
        "Carried by a project of the development programme": [0],
        "Share carried (%)": [0.0],
    }
    assert table(dashboard.projects_by_status)["approved"] == [3]
    assert table(dashboard.budget_by_programme) == {
        "Programme de développement régional de Drâa-Tafilalet": [None, 3, 3],  # 3 projects, no budget known
    }
    assert table(dashboard.agreements_by_status)["envisaged"] == [1]
    provinces = {row[-1]: row for row in dashboard.by_province.rows}
    assert provinces["08.587"][:4] == ["Zagora", 1, 1, None]
    assert provinces["08.201"][6] == 427572  # population, 2024 census


def test_march_2022_and_province_filters_on_the_real_dataset():
    march = Dashboard(Filters(start=datetime.date(2022, 3, 1), end=datetime.date(2022, 3, 31)))
    assert table(march.meetings_by_kind)["working meeting"] == [0]
    assert table(march.participation)["Participants"] == [186]
    assert table(march.projects_by_status)["approved"] == [3]  # approved at the March 2022 session
    may = Dashboard(Filters(start=datetime.date(2022, 5, 1), end=datetime.date(2022, 5, 31)))
    assert table(may.agreements_by_status)["envisaged"] == [1]  # prepared at the meeting of 11 May
    assert table(may.projects_by_status)["approved"] == [0]
    zagora = Dashboard(Filters(province=Province.objects.get(code="08.587")))
    assert table(zagora.participation)["Consultation meetings"] == [1]
    assert table(zagora.participation)["Participants"] == [None]  # no per-province count in the source
    assert table(zagora.recommendations_carried)["Recommendations"] == [5]


@pytest.fixture
def known():
    """A programme with known totals, across two provinces of the region."""
    errachidia, zagora = Province.objects.get(code="08.201"), Province.objects.get(code="08.587")
    programme = ProgrammeFactory(kind=Programme.Kind.REGIONAL_DEVELOPMENT)
    session_2023 = MeetingFactory(kind="ordinary_session", date=datetime.date(2023, 3, 10))
    session_2024 = MeetingFactory(kind="ordinary_session", date=datetime.date(2024, 3, 12))
    a = ProjectFactory(programme=programme, budget=Decimal("100000"), approving_meeting=session_2023, status="approved")
    b = ProjectFactory(
        programme=programme, budget=Decimal("250000.50"), approving_meeting=session_2024, status="in_progress"
    )
    c = ProjectFactory(programme=programme, budget=None, approving_meeting=session_2024, status="in_progress")
    a.provinces.set([errachidia])
    b.provinces.set([errachidia, zagora])
    c.provinces.set([zagora])
    consultation = ConsultationFactory(programme=programme, participants_total=50, participants_women=20)
    MeetingFactory(
        consultation=consultation,
        province=errachidia,
        kind="consultation_meeting",
        participants_total=30,
        participants_women=12,
    )
    MeetingFactory(
        consultation=consultation,
        province=zagora,
        kind="consultation_meeting",
        participants_total=20,
        participants_women=8,
    )
    carried = RecommendationFactory(source_consultation=consultation, status="in_programme")
    RecommendationFactory(source_consultation=consultation)
    a.recommendations.add(carried)
    return programme, errachidia, zagora


def test_factory_dataset_totals_by_programme(known):
    programme, errachidia, zagora = known
    dashboard = Dashboard(Filters(programme=programme))
    assert table(dashboard.budget_by_programme)[programme.title] == [Decimal("350000.50"), 3, 1]
    by_province = table(dashboard.budget_by_province)
    assert by_province[errachidia.name] == [Decimal("350000.50"), 2, 0]
    assert by_province[zagora.name] == [Decimal("250000.50"), 2, 1]
    assert table(dashboard.projects_by_status)["in progress"] == [2]
    assert table(dashboard.participation) == {
        "Consultation meetings": [2],
        "Participants": [50],
        "Of whom women": [20],
        "Share of women, where counted (%)": [40.0],
    }
    # the 2 recommendations of the consultation, and the 3 that the factory linked to the projects
    assert table(dashboard.recommendations_carried)["Recommendations"] == [5]
    assert table(dashboard.recommendations_carried)["Share carried (%)"] == [80.0]
    provinces = {row[-1]: row for row in dashboard.by_province.rows}
    assert provinces[zagora.code][3:6] == [20, 2, Decimal("250000.50")]
    assert provinces[zagora.code][7] == round(2 * 100_000 / zagora.population_2024, 2)


def test_factory_dataset_follows_period_and_province(known):
    programme, errachidia, zagora = known
    in_2024 = Dashboard(Filters(start=datetime.date(2024, 1, 1), end=datetime.date(2024, 12, 31), programme=programme))
    assert table(in_2024.budget_by_programme)[programme.title] == [Decimal("250000.50"), 2, 1]
    in_zagora = Dashboard(Filters(province=zagora, programme=programme))
    assert table(in_zagora.participation)["Participants"] == [20]
    assert table(in_zagora.participation)["Share of women, where counted (%)"] == [40.0]
    assert table(in_zagora.budget_by_programme)[programme.title] == [Decimal("250000.50"), 2, 1]


def test_dashboard_pages_for_partners_with_filters_and_downloads(partner_client, known):
    programme, _errachidia, zagora = known
    for name in [
        "overview:dashboard",
        "overview:dashboard_provinces",
        "overview:dashboard_timeline",
        "overview:dashboard_follow_up",
    ]:
        response = partner_client.get(reverse(name), {"programme": programme.pk})
        assert response.status_code == 200
    page = partner_client.get(reverse("overview:dashboard_provinces"), {"measure": "participants"}).content.decode()
    assert page.count("<path d=") == 5 and 'id="map-legend"' in page
    response = partner_client.get(
        reverse("overview:dashboard_export", args=["participation", "csv"]), {"programme": programme.pk}
    )
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode("utf-8-sig").splitlines() == [
        "Figure,Value",
        "Consultation meetings,2",
        "Participants,50",
        "Of whom women,20",
        '"Share of women, where counted (%)",40.0',
    ]
    response = partner_client.get(
        reverse("overview:dashboard_export", args=["budget-by-province", "xlsx"]),
        {"programme": programme.pk},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True)}
    assert rows[zagora.name_fr] == (250000.5, 2, 1)
    assert partner_client.get(reverse("overview:dashboard_export", args=["nope", "csv"])).status_code == 404


def test_follow_up_tells_what_became_of_each_recommendation(partner_client, known):
    programme, *_ = known
    page = partner_client.get(reverse("overview:dashboard_follow_up"), {"programme": programme.pk}).content.decode()
    carried = Recommendation.objects.get(status="in_programme", source_consultation__programme=programme)
    assert carried.projects.get().get_absolute_url() in page
    page = partner_client.get(reverse("overview:dashboard_follow_up")).content.decode()
    assert "186" in page and page.count("<tr>") >= 5


def test_timeline_lists_meetings_consultations_and_agreements_in_date_order(partner_client):
    response = partner_client.get(reverse("overview:dashboard_timeline"), HTTP_ACCEPT_LANGUAGE="en")
    events = response.context["events"]
    days = [when for when, _record, _label in events]
    assert days == sorted(days, reverse=True)
    assert days[0] == datetime.date(2022, 5, 11)
    labels = [str(label) for _when, _record, label in events]
    assert "agreement prepared" in labels and "consultation" in labels and "ordinary session" in labels


def test_invalid_filters_are_explained_and_ignored(partner_client):
    response = partner_client.get(
        reverse("overview:dashboard"), {"start": "2022-13-40", "province": "abc", "end": "2022-01-01"}
    )
    assert response.status_code == 200
    assert set(response.context["filter_form"].errors) == {"start", "province"}
    response = partner_client.get(reverse("overview:dashboard"), {"start": "2022-05-01", "end": "2022-04-01"})
    assert response.context["filter_form"].errors["end"]


def test_dashboards_refuse_users_without_a_role(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("no-role"))
    assert client.get(reverse("overview:dashboard")).status_code == 403


def grow(size):
    """``size`` more records of each kind, in bulk, with links between them."""
    programme = Programme.objects.first()
    province = Province.objects.get(code="08.201")
    meetings = Meeting.objects.bulk_create(
        Meeting(
            title_ar=f"اجتماع {i}",
            kind="committee_meeting",
            status="held",
            date=datetime.date(2023, 1, 1),
            province=province,
        )
        for i in range(size)
    )
    projects = Project.objects.bulk_create(
        Project(title_ar=f"مشروع {i}", programme=programme, budget=i, approving_meeting=meetings[i])
        for i in range(size)
    )
    Project.provinces.through.objects.bulk_create(
        Project.provinces.through(project=p, province=province) for p in projects
    )
    recommendations = Recommendation.objects.bulk_create(
        Recommendation(text_ar=f"توصية {i}", source_meeting=meetings[i]) for i in range(size)
    )
    Project.recommendations.through.objects.bulk_create(
        Project.recommendations.through(project=p, recommendation=r)
        for p, r in zip(projects, recommendations, strict=True)
    )


def counts(client):
    result = {}
    for name in [
        "overview:dashboard",
        "overview:dashboard_provinces",
        "overview:dashboard_regions",
        "overview:dashboard_timeline",
        "overview:dashboard_follow_up",
    ]:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(name), {"start": "2022-01-01"}).status_code == 200
        result[name] = len(queries)
    return result


# The most SQL queries each dashboard page may run (measured, plus a little room).
DASHBOARD_CEILINGS = {
    # +3 on each: the user's councils' regions (the region opened on), the regions of the selector, and
    # every region's provinces (the province choices follow the region chosen)
    "overview:dashboard": 31,  # two for each of the events and participant-category figures, one for statistics
    "overview:dashboard_provinces": 12,
    "overview:dashboard_regions": 24,  # one aggregate per figure and part of the summary, by region
    "overview:dashboard_timeline": 13,
    "overview:dashboard_follow_up": 15,  # a page of consultations, their provincial meetings, recommendations
}


def test_same_queries_with_10_and_1000_records_and_under_a_ceiling(partner_client):
    grow(10)
    few = counts(partner_client)
    over = {name: n for name, n in few.items() if n > DASHBOARD_CEILINGS[name]}
    assert not over, f"more queries than allowed: {over}"
    grow(990)
    assert counts(partner_client) == few


def test_each_download_slug_names_its_figure_and_computes_it_alone(partner_client):
    dashboard = Dashboard(Filters())
    assert all(dashboard.figure(slug).slug == slug for slug in Dashboard.DOWNLOADS)
    with CaptureQueriesContext(connection) as overview:
        partner_client.get(reverse("overview:dashboard"))
    with CaptureQueriesContext(connection) as one:
        assert (
            partner_client.get(reverse("overview:dashboard_export", args=["participation", "csv"])).status_code == 200
        )
    assert len(one) < len(overview) - 5


def test_events_by_kind_and_unnamed_participants_by_category_follow_the_filters():
    from meetings.models import Attendance, ParticipantCategory
    from projects.models import Event, EventKind

    errachidia, zagora = Province.objects.get(code="08.201"), Province.objects.get(code="08.587")
    fair, forum = EventKind.objects.get(code="regional-fair"), EventKind.objects.get(code="forum")
    Event.objects.create(kind=fair, title_fr="Salon 2023", start_date=datetime.date(2023, 10, 3),
                         end_date=datetime.date(2023, 10, 8), province=errachidia)  # fmt: skip
    Event.objects.create(kind=forum, title_fr="Forum 2024", start_date=datetime.date(2024, 2, 1), province=zagora)
    counts = {row[0]: row[1] for row in Dashboard(Filters()).events_by_kind.rows}
    assert (counts[fair.name], counts[forum.name]) == (1, 1)
    in_2024 = {row[0]: row[1] for row in Dashboard(Filters(start=datetime.date(2024, 1, 1))).events_by_kind.rows}
    assert (in_2024[fair.name], in_2024[forum.name]) == (0, 1)

    meeting = Meeting.objects.get(date=MEETING_DATE)  # its two groups: state services and administrative staff
    members = ParticipantCategory.objects.get(code="cooperative-members")
    Attendance.objects.create(meeting=meeting, group_fr="Coopératives", category=members, headcount=35)
    Attendance.objects.create(meeting=meeting, group_fr="Coopératives de Zagora", category=members)
    rows = {row[0]: row[1:] for row in Dashboard(Filters()).participants_by_category.rows}
    assert rows[members.name] == [35, 2, 1]  # people counted, groups, groups of unknown size
    assert rows[ParticipantCategory.objects.get(code="state-services").name] == [0, 1, 1]
    bars = {label: value for label, value, _shown in Dashboard(Filters()).participants_by_category.chart_rows}
    assert bars[members.name] == 2  # bars count the groups, whose number is always known
