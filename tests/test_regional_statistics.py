"""Regional statistics (issue 14): counts stated by official answers and reports, per region or
province at a date, by source, as time series the dashboard charts."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from overview.dashboard import Dashboard, Filters
from regional_statistics.models import Statistic, StatisticValue
from sources.models import Source
from stakeholders.models import Province, Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def cooperatives():
    return Statistic.objects.get(code="cooperatives")


@pytest.fixture
def report():
    return Source.objects.create(kind="report", title="Rapport annuel de l'ODCo", outlet="ODCo", language="fr")


def region():
    return Region.objects.get(code="08")


def value_data(statistic, **overrides):
    return {"statistic": statistic.pk, "region": region().pk, "value": "3200", "known_to": "2023"} | overrides


def test_staff_record_a_statistic_as_the_report_writes_it_and_see_its_series(client, staff_user, cooperatives, report):
    client.force_login(staff_user)
    client.cookies["django_language"] = "fr"
    response = client.post(
        reverse("regional_statistics:value_create"), value_data(cooperatives, source=report.pk, value="3.200")
    )
    assert response.status_code == 302, response.context["form"].errors
    value = StatisticValue.objects.get()
    assert (value.value, value.period_start, value.period_end, value.province, value.source) == (
        Decimal("3200"), datetime.date(2023, 1, 1), datetime.date(2023, 12, 31), None, report
    )  # fmt: skip
    StatisticValue.objects.create(statistic=cooperatives, region=region(), period_start=datetime.date(2021, 12, 31),
                                  value=2750, source=report)  # fmt: skip
    page = client.get(value.get_absolute_url()).content.decode()
    assert "Coopératives" in page and "Rapport annuel de l&#x27;ODCo" in page
    series = client.get(value.get_absolute_url()).context["series"]
    assert [(point.period_start.year, point.value) for point in series] == [(2021, 2750), (2023, 3200)]
    listed = client.get(
        reverse("regional_statistics:value_list"), {"statistic": cooperatives.pk, "date_after": "2023-01-01"}
    )
    assert [point.value for point in listed.context["object_list"]] == [Decimal("3200")]


def test_statistic_rules_are_explained_next_to_the_field(staff_client, english, cooperatives):
    elsewhere = Province.objects.exclude(region__code="08").first()
    response = staff_client.post(
        reverse("regional_statistics:value_create"), value_data(cooperatives, province=elsewhere.pk)
    )
    assert "province" in response.context["form"].errors  # the form offers the region's provinces only
    stray = StatisticValue(statistic=cooperatives, region=region(), province=elsewhere,
                           period_start=datetime.date(2023, 1, 1), value=1)  # fmt: skip
    with pytest.raises(ValidationError) as raised:
        stray.full_clean()
    assert raised.value.message_dict["province"] == ["This province is not in the region."]
    response = staff_client.post(reverse("regional_statistics:value_create"), value_data(cooperatives, value="-3"))
    assert response.context["form"].errors["value"] == ["Ensure this value is greater than or equal to 0."]
    assert staff_client.post(reverse("regional_statistics:value_create"), value_data(cooperatives)).status_code == 302
    response = staff_client.post(reverse("regional_statistics:value_create"), value_data(cooperatives, value="3300"))
    assert response.context["form"].non_field_errors() == [
        "This source already gives this statistic for this territory and period: edit that value."
    ]


def test_partners_read_the_statistics_and_cannot_add_one(partner_client, cooperatives):
    StatisticValue.objects.create(statistic=cooperatives, region=region(), period_start=datetime.date(2023, 1, 1),
                                  period_end=datetime.date(2023, 12, 31), value=3200)  # fmt: skip
    assert partner_client.get(reverse("regional_statistics:value_list")).status_code == 200
    assert partner_client.get(reverse("regional_statistics:value_create")).status_code == 403


def test_the_dashboard_charts_each_statistic_over_time_and_follows_the_filters(partner_client, english, cooperatives):
    members = Statistic.objects.get(code="cooperative-members")
    errachidia = Province.objects.get(code="08.201")
    for year, count in ((2021, 2750), (2023, 3200)):
        StatisticValue.objects.create(statistic=cooperatives, region=region(), value=count,
                                      period_start=datetime.date(year, 1, 1), period_end=datetime.date(year, 12, 31))  # fmt: skip
    StatisticValue.objects.create(
        statistic=members, region=region(), period_start=datetime.date(2023, 6, 30), value=41000
    )
    StatisticValue.objects.create(statistic=cooperatives, region=region(), province=errachidia, value=900,
                                  period_start=datetime.date(2023, 1, 1), period_end=datetime.date(2023, 12, 31))  # fmt: skip
    figure = Dashboard(Filters()).regional_statistics
    assert [(row[0], row[1]) for row in figure.rows] == [
        ("Coopératives, 2021", 2750), ("Coopératives, 2023", 3200), ("Membres des coopératives, 30 June 2023", 41000)
    ]  # fmt: skip
    in_2023 = Dashboard(Filters(start=datetime.date(2023, 1, 1))).regional_statistics
    assert [row[1] for row in in_2023.rows] == [3200, 41000]
    assert [row[1] for row in Dashboard(Filters(province=errachidia)).regional_statistics.rows] == [900]
    page = partner_client.get(reverse("overview:dashboard")).content.decode()
    assert "Regional statistics" in page and "Membres des coopératives, 30 June 2023" in page
    response = partner_client.get(reverse("overview:dashboard_export", args=["regional-statistics", "csv"]))
    assert "Coopératives, 2021,2750" in response.content.decode("utf-8-sig").replace('"', "")
