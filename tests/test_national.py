"""The national view (overview.national): every region's figures side by side, on the real dataset
(Drâa-Tafilalet) and factory records of Souss-Massa and the Oriental with known totals; a second
region's records never change Drâa-Tafilalet's figures; the queries do not grow with the regions."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import Meeting, Recommendation
from overview.dashboard import Dashboard, Filters
from overview.national import National
from projects.models import Event, EventKind, Programme, Project, StrategyAxis, ThematicAxis
from regional_statistics.models import Statistic, StatisticValue
from stakeholders.models import Organization, Region

from .factories import (
    AgreementFactory,
    AttendanceFactory,
    ConsultationFactory,
    MeetingFactory,
    OrganizationFactory,
    PositionFactory,
    ProgrammeFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

DRAA = [7, 1, 5, 186, 5, 0.0, 3, None, 1, 0]  # the dataset: meetings held ... events (National.MEASURES)
SOUSS = [4, 1, 1, 40, 4, 50.0, 2, Decimal("3500.50"), 1, 1]
ORIENTAL = [1, 0, 0, None, 0, None, 1, None, 0, 0]


def council(code):
    """A region's council, its session of 1 February 2023 (held) and the development programme it adopted."""
    region = Region.objects.get(code=code)
    organizer = OrganizationFactory(region=region, kind=Organization.Kind.REGIONAL_COUNCIL)
    session = MeetingFactory(organizer=organizer, kind=Meeting.Kind.ORDINARY_SESSION, date=datetime.date(2023, 2, 1))
    programme = ProgrammeFactory(owner=organizer, adopted_at=session, kind=Programme.Kind.REGIONAL_DEVELOPMENT)
    return region, organizer, programme


def project(programme, budget, **links):
    record = Project.objects.create(
        title_fr=f"Projet {budget}", programme=programme, status=Project.Status.APPROVED, budget=budget,
        approving_meeting=programme.adopted_at,
    )  # fmt: skip
    for name, values in links.items():
        getattr(record, name).set(values)
    return record


@pytest.fixture
def souss():
    """Souss-Massa: 4 meetings held (one with the ministry, one of consultation), a consultation of
    40, 4 recommendations of which 2 carried, 2 projects of 3,500.50 MAD, an agreement, an event."""
    region, organizer, programme = council("09")
    MeetingFactory(organizer=organizer)
    ministry = OrganizationFactory(kind=Organization.Kind.MINISTRY)
    AttendanceFactory(meeting=MeetingFactory(organizer=organizer), position=PositionFactory(organization=ministry))
    consultation = ConsultationFactory(organizer=organizer, programme=programme, participants_total=40)
    MeetingFactory(organizer=organizer, kind=Meeting.Kind.CONSULTATION_MEETING, consultation=consultation)
    axis = ThematicAxis.objects.get(code="solidarity-tourism")
    S = Recommendation.Status
    linked, *_others = [
        Recommendation.objects.create(text_fr=f"R{n}", axis=axis, source_consultation=consultation, status=status)
        for n, status in enumerate([S.PROPOSED, S.IN_PROGRAMME, S.REJECTED, S.PROPOSED])
    ]
    strategy_axis = StrategyAxis.objects.get(order=1)
    project(programme, Decimal("1000"), recommendations=[linked], strategy_axes=[strategy_axis])
    project(programme, Decimal("2500.50"))
    AgreementFactory(region=region)
    Event.objects.create(
        kind=EventKind.objects.first(), title_fr="Salon d'Agadir", start_date="2023-05-02", region=region
    )
    return region


@pytest.fixture
def oriental():
    """The Oriental: its session, a planned meeting (not counted) and a project of unknown budget."""
    region, organizer, programme = council("02")
    MeetingFactory(organizer=organizer, status=Meeting.Status.PLANNED)
    project(programme, None)
    return region


def rows(figure):
    return {row[-1]: row[1:-1] for row in figure.rows}


def test_each_regions_figures_and_the_national_totals(souss, oriental):
    national = National(Filters())
    summary = rows(national.summary)
    assert len(summary) == 12
    assert summary["08"] == DRAA and summary["09"] == SOUSS and summary["02"] == ORIENTAL
    assert summary["01"] == [0, 0, 0, None, 0, None, 0, None, 0, 0]  # Tanger-Tétouan-Al Hoceima: nothing yet
    assert national.summary.total[1:] == [12, 2, 6, 226, 9, 22.2, 6, Decimal("3500.50"), 2, 1]  # 2 of 9 carried

    statuses = [str(column) for column in national.recommendations_by_status.columns]
    souss_statuses = dict(zip(statuses[1:], rows(national.recommendations_by_status)["09"], strict=True))
    assert souss_statuses == {
        "proposed": 2, "under review": 0, "adopted": 0, "in the development programme": 1, "implemented": 0,
        "rejected": 1, "In all": 4,
    }  # fmt: skip
    assert national.recommendations_by_status.total[1:] == [7, 0, 0, 1, 0, 1, 9]
    by_axis = rows(national.recommendations_by_axis)
    assert by_axis["08"] == [1, 1, 1, 1, 1, 0, 5] and by_axis["09"] == [0, 0, 0, 4, 0, 0, 4]  # the tourism axis
    assert str(national.recommendations_by_axis.columns[-2]) == "no axis"
    projects = rows(national.projects_by_status)
    assert projects["09"][-3:] == [2, Decimal("3500.50"), 0] and projects["02"][-3:] == [1, None, 1]
    assert national.projects_by_status.total[-3:] == [6, Decimal("3500.50"), 4]
    assert rows(national.agreements_by_status)["09"][-1] == 1 and national.agreements_by_status.total[-1] == 2
    assert rows(national.events_by_kind)["09"][-1] == 1 and national.events_by_kind.total[-1] == 1

    axes = {row[0]: row[1:] for row in national.strategy_axes.rows}
    first, *others = StrategyAxis.objects.order_by("order")
    assert axes[str(first)] == [1, "Souss-Massa", 1, 1]  # a project of its programme, and the recommendation it carries
    assert all(axes[str(axis)] == [0, "—", 0, 0] for axis in others)


def test_other_regions_records_leave_draa_tafilalet_figures_as_they_were(souss, oriental):
    draa = Dashboard(Filters(region=Region.objects.get(code="08")))
    participation = {str(row[0]): row[1] for row in draa.participation.rows}
    assert (participation["Consultation meetings"], participation["Participants"]) == (5, 186)
    assert {str(row[0]): row[1] for row in draa.meetings_by_kind.rows}["ordinary session"] == 1
    assert sum(row[1] for row in draa.projects_by_status.rows) == 3
    souss_dashboard = Dashboard(Filters(region=souss))
    assert {str(row[0]): row[1] for row in souss_dashboard.participation.rows}["Participants"] == 40
    assert sum(row[1] for row in souss_dashboard.recommendations_by_status.rows) == 4


def test_the_period_filters_every_region(souss):
    may_2022 = rows(National(Filters(datetime.date(2022, 5, 1), datetime.date(2022, 5, 31))).summary)
    assert may_2022["08"][:2] == [1, 1]  # the meeting of 11 May 2022, with the ministry
    assert may_2022["09"][:2] == [0, 0]  # Souss-Massa's meetings are of 2023


def test_the_national_page_and_its_download(partner_client, souss):
    page = partner_client.get(reverse("overview:dashboard_regions"), {"measure": "participants"})
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-figure="regions"' in html and 'data-figure="regions-strategy-axes"' in html
    shaded = {area["code"]: area["value"] for area in page.context["map"]["areas"]}
    assert len(shaded) == 12 and shaded["08"] == 186 and shaded["09"] == 40 and shaded["01"] is None
    download = partner_client.get(reverse("overview:dashboard_export", args=["regions", "csv"]))
    lines = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert len(lines) == 1 + 12 + 1  # header, the regions, the national total
    assert lines[-1][1:5] == ["11", "2", "6", "226"]
    xlsx = partner_client.get(reverse("overview:dashboard_export", args=["regions-projects", "xlsx"]))
    assert xlsx.status_code == 200 and xlsx["Content-Disposition"] == 'attachment; filename="regions-projects.xlsx"'


def national_page_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("overview:dashboard_regions")).status_code == 200
    return len(queries)


def test_the_national_page_does_as_many_queries_for_three_regions_as_for_twelve(partner_client, souss, oriental):
    three = national_page_queries(partner_client)
    for code in ("01", "03", "04", "05", "06", "07", "10", "11", "12"):
        region, organizer, programme = council(code)
        project(programme, Decimal("10"))
        ConsultationFactory(organizer=organizer, programme=programme)
    assert national_page_queries(partner_client) == three
    assert three <= 30


def test_an_axis_is_covered_by_the_regions_of_its_projects_only(souss, oriental):
    """An Oriental recommendation carried by a Souss-Massa project counts on the axis, but the
    Oriental's programme does not cover it."""
    consultation = ConsultationFactory(organizer=OrganizationFactory(region=oriental), programme=None)
    theirs = Recommendation.objects.create(text_fr="Venue de l'Oriental", source_consultation=consultation)
    Project.objects.get(budget=Decimal("1000")).recommendations.add(theirs)
    axes = {row[0]: row[1:] for row in National(Filters()).strategy_axes.rows}
    assert axes[str(StrategyAxis.objects.get(order=1))] == [1, "Souss-Massa", 1, 2]


def test_regional_statistics_are_the_latest_of_each_region_and_never_added(souss):
    statistic = Statistic.objects.order_by("order", "code").first()
    StatisticValue.objects.create(statistic=statistic, region=souss, period_start="2015-01-01", value=100)
    StatisticValue.objects.create(statistic=statistic, region=souss, period_start="2021-01-01", value=120)
    StatisticValue.objects.create(
        statistic=statistic, region=Region.objects.get(code="02"), period_start="2023-01-01", value=50
    )
    figure = National(Filters()).regional_statistics
    assert rows(figure)["09"][0] == Decimal("120") and rows(figure)["02"][0] == Decimal("50")
    assert figure.total is None  # values of different dates (and rates) do not add up
