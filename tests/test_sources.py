"""Sources (issue 14): meetings, decisions, recommendations and indicator values cite where their
facts come from; the dataset's press report is the first source."""

import pytest
from django.urls import reverse

from meetings.models import Recommendation
from sources.models import Source

from .factories import DecisionFactory, IndicatorValueFactory
from .test_defects import as_posted

pytestmark = pytest.mark.django_db
REPORT_TITLE = "تقرير صحفي: اجتماع بمقر مجلس جهة درعة تافيلالت حول الاستراتيجية الوطنية للاقتصاد الاجتماعي والتضامني"


def test_the_press_report_is_the_source_of_the_meeting_and_of_the_five_recommendations(staff_client, meeting):
    report = Source.objects.get()
    assert (report.title, report.kind, str(report.published_on), report.language) == (
        REPORT_TITLE, "press_article", "2022-05-11", "ar"
    )  # fmt: skip
    assert list(report.meetings.all()) == [meeting] and report.recommendations.count() == 5
    page = staff_client.get(meeting.get_absolute_url()).content.decode()
    assert 'id="sources"' in page and REPORT_TITLE in page and "11 ماي 2022" in page
    source_page = staff_client.get(report.get_absolute_url()).content.decode()
    assert meeting.title_ar in source_page
    assert all(r.get_absolute_url() in source_page for r in Recommendation.objects.filter(sources=report))


def test_staff_record_a_source_and_cite_it_from_a_recommendation(staff_client, english):
    response = staff_client.post(
        reverse("sources:source_create"),
        {"kind": "official_document", "title": "Réponse du ministère", "outlet": "Ministère", "language": "fr",
         "published_on": "2024-03", "url": "https://example.ma/reponse"},
    )  # fmt: skip
    assert response.status_code == 200 and "published_on" in response.context["form"].errors  # a month is not a day
    response = staff_client.post(
        reverse("sources:source_create"),
        {"kind": "official_document", "title": "Réponse du ministère", "outlet": "Ministère", "language": "fr",
         "published_on": "2024-03-15", "url": "https://example.ma/reponse"},
    )  # fmt: skip
    source = Source.objects.get(title="Réponse du ministère")
    assert response["Location"] == source.get_absolute_url() and str(source.published_on) == "2024-03-15"

    recommendation = Recommendation.objects.order_by("pk").first()
    url = reverse("meetings:recommendation_update", args=[recommendation.pk])
    data = as_posted(staff_client.get(url))
    data["sources"] = [str(pk) for pk in Source.objects.values_list("pk", flat=True)]
    assert staff_client.post(url, data).status_code == 302
    assert set(recommendation.sources.all()) == set(Source.objects.all())
    latest = recommendation.history.latest()
    assert {row.source_id for row in latest.sources.all()} == {s.pk for s in Source.objects.all()}
    page = staff_client.get(recommendation.get_absolute_url()).content.decode()
    assert "Réponse du ministère" in page and 'href="https://example.ma/reponse"' in page


def test_decisions_and_indicator_values_cite_sources_too(staff_client):
    source = Source.objects.get()
    decision, value = DecisionFactory(), IndicatorValueFactory()
    decision.sources.add(source)
    value.sources.add(source)
    page = staff_client.get(decision.get_absolute_url()).content.decode()
    assert REPORT_TITLE in page
    source_page = staff_client.get(source.get_absolute_url()).content.decode()
    assert str(decision) in source_page and str(value.indicator) in source_page


def test_the_source_list_filters_by_kind_and_searches_the_title(staff_client):
    Source.objects.create(kind="web_page", title="Salon régional de l'économie sociale", language="fr")
    url = reverse("sources:source_list")
    assert [s.title for s in staff_client.get(url, {"kind": "web_page"}).context["object_list"]] == [
        "Salon régional de l'économie sociale"
    ]
    assert [s.title for s in staff_client.get(url, {"q": "الاستراتيجيه الوطنيه"}).context["object_list"]] == [
        REPORT_TITLE
    ]
