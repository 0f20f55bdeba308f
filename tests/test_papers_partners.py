"""The papers partners are given (issue 13): the recommendations' follow-up report and a project sheet, as PDF."""

import datetime
import io
import re

import pypdf
import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override

from meetings import papers
from meetings.models import Recommendation, StatusChange
from projects.models import Expenditure, Project, ThematicAxis
from stakeholders.models import Organization

from .factories import (
    AnswerFactory,
    BudgetLineFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    MilestoneFactory,
    ProjectFactory,
    RecommendationFactory,
)
from .test_papers import text_and_fonts

pytestmark = pytest.mark.django_db

REPORT = reverse("meetings:recommendation_report")
CRAFT_ZONES = "مشروع خلق مناطق أنشطة للصناعة التقليدية"


def pdf_text(client, url, language, **query) -> tuple[str, set[str], int]:
    """The PDF's text with its spaces and line breaks made single spaces (a word broken after its
    hyphen joined again), its fonts, its pages."""
    client.cookies["django_language"] = language
    response = client.get(url, query)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf", response.content[:300]
    pdf = pypdf.PdfReader(io.BytesIO(response.content))
    text, fonts = text_and_fonts(pdf)
    return " ".join(text.replace("-\n", "-").split()), fonts, len(pdf.pages)


def test_the_follow_up_report_in_arabic_lists_every_recommendation_under_its_axis(partner_client):
    text, fonts, pages = pdf_text(partner_client, REPORT, "ar")
    for words in ["مجلس جهة درعة تافيلالت", "مقترحة", "المجموع"]:
        assert words in text, words
    axes = ThematicAxis.objects.order_by("order")
    assert axes.count() == 5
    positions = [text.index(axis.name_ar) for axis in axes]
    assert positions == sorted(positions)  # the axes in their order
    for recommendation in Recommendation.objects.all():
        assert recommendation.text_ar in text, recommendation.text_ar
    assert text.count("الصفحة") == pages and any("Noto-Naskh-Arabic" in font for font in fonts)


def test_the_follow_up_report_in_french_with_status_date_answer_and_project(partner_client):
    recommendation = Recommendation.objects.get(axis__code="solidarity-tourism")
    AnswerFactory(
        recommendation=recommendation,
        responsible=Organization.objects.get(name_ar="مجلس جهة درعة تافيلالت"),
        estimated_cost=2_500_000,
        period_start=datetime.date(2023, 1, 1),
        period_end=datetime.date(2024, 12, 31),
    )
    StatusChange.objects.create(
        recommendation=recommendation, from_status="proposed", to_status="under_review", changed_on="2022-06-10"
    )
    Recommendation.objects.filter(pk=recommendation.pk).update(status="under_review")
    Project.objects.get(title_ar=CRAFT_ZONES).recommendations.add(recommendation)
    text, _fonts, _pages = pdf_text(partner_client, REPORT, "fr")
    for axis in ThematicAxis.objects.all():
        assert axis.name_fr in text, axis.name_fr
    for recommendation in Recommendation.objects.all():
        assert recommendation.text_fr in text, recommendation.text_fr
    tourism = text[text.index("Promotion du tourisme solidaire") :]
    for words in ["10 juin 2022", "Conseil de la Région Drâa-Tafilalet", "2 500 000,00 MAD", "Création de zones"]:
        assert words in tourism, words
    assert "1 janvier 2023 – 31 décembre 2024" in tourism and "Page 1 sur" in text
    assert re.search(r"Proposée 4 .* Total 5", text)  # totals per status, then all of them


def test_the_follow_up_report_keeps_the_list_filters_and_says_which(staff_client):
    tourism = ThematicAxis.objects.get(code="solidarity-tourism")
    text, _fonts, _pages = pdf_text(staff_client, REPORT, "fr", axis=tourism.pk)
    assert "Axe thématique : Promotion du tourisme solidaire" in text  # the filter, in words
    assert "Promotion du tourisme solidaire" in text and "Digitalisation" not in text
    assert re.search(r"Total 1\b", text)

    Recommendation.objects.filter(axis__code="digitisation").update(status="adopted")
    text, _fonts, _pages = pdf_text(staff_client, REPORT, "fr", status="adopted", o="-axis")
    assert "Statut : adoptée" in text and "Trier par : axe thématique (décroissant)" in text
    assert "Digitalisation et e-valorisation" in text and "tourisme" not in text
    text, _fonts, _pages = pdf_text(staff_client, REPORT, "ar", status="adopted")
    assert "الرقمنة والتثمين الإلكتروني" in text and "النهوض بالسياحة التضامنية" not in text

    assert staff_client.get(REPORT, {"axis": "x"}).status_code == 400  # never another list than asked


def test_the_follow_up_report_prints_the_first_rows_only_and_says_so(partner_client, monkeypatch):
    monkeypatch.setattr(papers, "REPORT_LIMIT", 2)
    text, _fonts, _pages = pdf_text(partner_client, REPORT, "fr")
    with override("fr"):
        notice = gettext(
            "More recommendations match these filters than one paper holds: only the first %(limit)s are printed. "
            "Narrow the filters to print the others."
        )
    assert " ".join(notice.split()) % {"limit": 2} in text
    printed = [r for r in Recommendation.objects.all() if r.text_fr in text]
    assert len(printed) == 2 and re.search(r"Total 5\b", text)


def test_the_follow_up_report_repeats_its_table_header_on_every_page(partner_client):
    tourism = ThematicAxis.objects.get(code="solidarity-tourism")
    RecommendationFactory.create_batch(30, axis=tourism)
    partner_client.cookies["django_language"] = "fr"
    pdf = pypdf.PdfReader(io.BytesIO(partner_client.get(REPORT, {"axis": tourism.pk}).content))
    assert len(pdf.pages) > 2
    for number, page in enumerate(pdf.pages, start=1):
        text = page.extract_text()
        assert f"Page {number} sur {len(pdf.pages)}" in text
        if number < len(pdf.pages):  # the last one may hold the totals only
            assert "Recommandation Source Statut" in " ".join(text.split()), number


def test_the_recommendation_list_links_the_report_with_its_filters(partner_client):
    axis = ThematicAxis.objects.get(code="digitisation")
    page = partner_client.get(reverse("meetings:recommendation_list"), {"axis": axis.pk, "page": 1}).content.decode()
    assert f'href="{REPORT}?axis={axis.pk}"' in page


def test_the_follow_up_report_runs_the_same_queries_for_10_and_90_carried_recommendations(
    partner_client, django_assert_max_num_queries
):
    def grow(size):
        """``size`` answered recommendations each carried by two projects, and ``size`` more."""
        for _ in range(size):
            recommendation = ProjectFactory().recommendations.get()  # a project brings a new one
            AnswerFactory(recommendation=recommendation)
            StatusChange.objects.create(
                recommendation=recommendation, from_status="proposed", to_status="under_review", changed_on="2023-05-02"
            )
            ProjectFactory().recommendations.add(recommendation)

    counts = []
    for size in (5, 40):
        grow(size)
        with django_assert_max_num_queries(9) as queries:  # measured: 8
            partner_client.get(REPORT, {"has_project": "true"})
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert Recommendation.objects.filter(projects__isnull=False).distinct().count() == 90


def sheet_with_budget_and_values():
    """The dataset's craft-zones project with two funders over two years, spending, a milestone,
    and an indicator with an approved value (35) and a draft one (77)."""
    project = Project.objects.get(title_ar=CRAFT_ZONES)
    council = Organization.objects.get(name_ar="مجلس جهة درعة تافيلالت")
    line = BudgetLineFactory(project=project, year=2023, funder=council, planned=1_250_000, revised=1_400_000)
    BudgetLineFactory(project=project, year=2024, funder=council, planned=600_000)
    Expenditure.objects.create(budget_line=line, date=datetime.date(2023, 6, 1), amount=350_000)
    MilestoneFactory(project=project, title_ar="إطلاق دراسة الجدوى", title_fr="Lancement de l'étude")
    indicator = IndicatorFactory(project=project)
    IndicatorValueFactory(indicator=indicator, value=35, status="approved", approved_at=timezone.now())
    IndicatorValueFactory(indicator=indicator, value=77, period_start="2024-01-01", period_end="2024-12-31")
    project.recommendations.add(Recommendation.objects.get(axis__code="employment-training"))
    return project


def test_the_project_sheet_for_a_partner_shows_approved_values_only(partner_client):
    project = sheet_with_budget_and_values()
    url = reverse("projects:project_sheet", args=[project.pk])
    text, fonts, pages = pdf_text(partner_client, url, "ar")
    for words in [CRAFT_ZONES, "برنامج التنمية الجهوية لجهة درعة تافيلالت", "الدورة العادية لشهر مارس"]:
        assert words in text, words
    for amount in ["1 250 000,00", "1 400 000,00", "600 000,00", "2 000 000,00", "350 000,00", "1 850 000,00"]:
        assert amount in text, amount  # planned, revised, in force, spent, totals
    assert "إطلاق دراسة الجدوى" in text and "عدد التعاونيات المستفيدة" in text
    assert "مخرجات وتوصيات اللقاءات التشاورية في محور: التشغيل والتكوين" in text
    assert "مصادق عليه" in text and "مسودة" not in text and "77" not in text  # the draft is not shown
    assert text.count("الصفحة") == pages and any("Noto-Naskh-Arabic" in font for font in fonts)
    text, _fonts, _pages = pdf_text(partner_client, url, "fr")
    assert re.search(r"Statut 2023 35 Approuvé", text) and "Brouillon" not in text and "77" not in text


def test_the_project_sheet_in_french_shows_staff_the_draft_too(staff_client):
    project = sheet_with_budget_and_values()
    text, _fonts, _pages = pdf_text(staff_client, reverse("projects:project_sheet", args=[project.pk]), "fr")
    for words in ["Création de zones d'activités artisanales", "Approuvé", "1 250 000,00 MAD", "Brouillon", "77"]:
        assert words in text, words
    assert "Lancement de l'étude" in text and "Page 1 sur" in text


def test_the_project_page_links_its_sheet(partner_client):
    project = Project.objects.get(title_ar=CRAFT_ZONES)
    page = partner_client.get(project.get_absolute_url()).content.decode()
    assert reverse("projects:project_sheet", args=[project.pk]) in page


def test_the_project_sheet_runs_the_same_queries_with_more_rows(partner_client, django_assert_max_num_queries):
    project = sheet_with_budget_and_values()
    url = reverse("projects:project_sheet", args=[project.pk])
    counts = []
    for size in (0, 10):
        for year in range(2030, 2030 + size):
            BudgetLineFactory(project=project, year=year)
            MilestoneFactory(project=project)
            IndicatorValueFactory(
                indicator=IndicatorFactory(project=project), status="approved", approved_at=timezone.now()
            )
            project.recommendations.add(RecommendationFactory())
        with django_assert_max_num_queries(24) as queries:  # measured: 23 (+1: may they see it, before the kept paper)
            partner_client.get(url)
        counts.append(len(queries))
    assert counts[0] == counts[1]
