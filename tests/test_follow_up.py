"""Follow-up: answers, ordered status changes, lineage, decisions, results framework, agreements, timelines."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import Decision, Meeting, Recommendation, RecommendationLink, StatusChange
from meetings.services import change_status
from overview.timeline import project_timeline
from projects.models import Amendment, Expenditure, IndicatorValue, Milestone, PartnershipAgreement, Project
from projects.models.results import budget_totals
from projects.services import approve_value, submit_value

from .factories import (
    AgreementFactory,
    AnswerFactory,
    BudgetLineFactory,
    ConsultationFactory,
    DecisionFactory,
    IndicatorValueFactory,
    LinkFactory,
    MeetingFactory,
    MilestoneFactory,
    OrganizationFactory,
    ProjectFactory,
    RecommendationFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
D = datetime.date


def test_progress_rolls_up_to_the_parent_by_weight():
    parent = ProjectFactory(progress=5)
    ProjectFactory(parent=parent, progress=100, weight=3)
    ProjectFactory(parent=parent, progress=20, weight=1)
    ProjectFactory(parent=parent, progress=None, weight=5)  # unknown progress: left out
    lone = ProjectFactory(progress=40)
    progress = dict(
        Project.objects.with_progress().filter(pk__in=[parent.pk, lone.pk]).values_list("pk", "overall_progress")
    )
    assert progress == {parent.pk: 80.0, lone.pk: 40.0}  # (100*3 + 20*1) / 4


def test_budget_totals_per_funder_and_per_year():
    project = ProjectFactory()
    region, ministry = OrganizationFactory(), OrganizationFactory()
    first = BudgetLineFactory(project=project, year=2023, funder=region, planned=100, revised=150)
    BudgetLineFactory(project=project, year=2023, funder=ministry, planned=200)
    BudgetLineFactory(project=project, year=2024, funder=region, planned=50)
    Expenditure.objects.create(budget_line=first, date=D(2023, 5, 1), amount=30)
    Expenditure.objects.create(budget_line=first, date=D(2023, 9, 1), amount=20)
    totals = budget_totals(project)
    assert (totals["planned"], totals["current"], totals["spent"]) == (350, 400, 50)
    assert {row["funder"]: (row["current"], row["spent"]) for row in totals["by_funder"]} == {
        region.pk: (200, 50),
        ministry.pk: (200, 0),
    }
    assert [(row["year"], row["planned"], row["current"]) for row in totals["by_year"]] == [
        (2023, 300, 350),
        (2024, 50, 50),
    ]


def test_an_indicator_value_is_seen_by_partners_only_once_approved(
    staff_client, partner_client, partner_user, staff_user, administrator
):
    value = IndicatorValueFactory(value=35)
    project_url = value.indicator.project.get_absolute_url()
    assert 'data-value-status="draft"' in staff_client.get(project_url).content.decode()
    assert "data-value-status" not in partner_client.get(project_url).content.decode()
    assert partner_client.post(reverse("projects:indicatorvalue_approve", args=[value.pk])).status_code == 403

    staff_client.post(reverse("projects:indicatorvalue_submit", args=[value.pk]))
    value.refresh_from_db()
    assert (value.status, value.submitted_by) == ("submitted", staff_user)
    with pytest.raises(ValidationError, match="someone other than"):
        approve_value(value, user=staff_user)
    approve_value(value, user=administrator)
    value.refresh_from_db()
    assert (value.status, value.approved_by) == ("approved", administrator) and value.approved_at
    page = partner_client.get(project_url).content.decode()
    assert 'data-value-status="approved"' in page
    assert list(IndicatorValue.objects.visible_to(partner_user)) == [value]


def test_a_corrected_value_goes_back_to_draft(staff_client, administrator):
    value = IndicatorValueFactory()
    submit_value(value, user=administrator)
    staff_client.post(reverse("projects:indicatorvalue_submit", args=[value.pk]))  # refused: not a draft
    value.refresh_from_db()
    response = staff_client.post(
        reverse("projects:indicatorvalue_update", args=[value.pk]),
        {
            "indicator": value.indicator_id,
            "period_start": "2023-01-01",
            "period_end": "2023-12-31",
            "value": "36",
            "loaded_version": value.version,
        },
    )
    assert response.status_code == 302
    value.refresh_from_db()
    assert (value.status, value.value, value.submitted_by) == ("draft", 36, None)


def test_lineage_is_visible_both_ways(staff_client):
    regional = RecommendationFactory(text_fr="Recommandation régionale consolidée")
    provincial = [RecommendationFactory(text_fr=f"Recommandation de la province {n}") for n in (1, 2)]
    for source in provincial:
        RecommendationLink.objects.create(source=source, target=regional, kind="consolidation")
    assert set(regional.derived_from.all()) == set(provincial)
    assert list(provincial[0].derived.all()) == [regional]
    page = staff_client.get(regional.get_absolute_url()).content.decode()
    lineage = page[page.index('id="lineage"') :]
    assert all(source.get_absolute_url() in lineage for source in provincial)
    page = staff_client.get(provincial[0].get_absolute_url()).content.decode()
    assert regional.get_absolute_url() in page[page.index('id="lineage"') :]
    response = staff_client.post(
        reverse("meetings:recommendationlink_create"), {"source": regional.pk, "target": regional.pk, "kind": "split"}
    )
    assert "A recommendation cannot come from itself." in str(response.context["form"].errors)


def test_status_changes_follow_the_order_and_are_recorded(staff_client, staff_user):
    recommendation = RecommendationFactory()
    url = reverse("meetings:statuschange_create")
    response = staff_client.post(
        url, {"recommendation": recommendation.pk, "to_status": "implemented", "changed_on": "2023-05-01"}
    )
    assert response.status_code == 200
    assert "cannot become “implemented”" in str(response.context["form"].errors)
    recommendation.refresh_from_db()
    assert recommendation.status == "proposed" and not recommendation.status_changes.exists()
    for to_status, day in [("under_review", "2023-05-01"), ("adopted", "2023-06-10"), ("in_programme", "2023-07-01")]:
        response = staff_client.post(
            url, {"recommendation": recommendation.pk, "to_status": to_status, "changed_on": day}
        )
        assert response.status_code == 302, response.context["form"].errors
    steps = list(recommendation.status_changes.values_list("from_status", "to_status", "author"))
    assert steps == [
        ("proposed", "under_review", staff_user.pk),
        ("under_review", "adopted", staff_user.pk),
        ("adopted", "in_programme", staff_user.pk),
    ]
    with pytest.raises(ValidationError) as error:
        change_status(recommendation, to_status="implemented", author=staff_user, changed_on=D(2023, 6, 30))
    assert "cannot be earlier" in str(error.value)


def test_a_rejection_needs_its_reason():
    recommendation = RecommendationFactory()
    with pytest.raises(ValidationError, match="Say why"):
        change_status(recommendation, to_status="rejected", author=None, changed_on=D(2023, 5, 1))
    change_status(recommendation, to_status="rejected", author=None, changed_on=D(2023, 5, 1), reason="Hors compétence")
    assert StatusChange.objects.get(recommendation=recommendation).reason == "Hors compétence"
    assert Recommendation.objects.get(pk=recommendation.pk).status == "rejected"


def test_status_is_not_edited_directly(staff_client):
    recommendation = RecommendationFactory()
    data = {"text_ar": recommendation.text_ar, "source_consultation": recommendation.source_consultation_id,
            "status": "implemented", "loaded_version": recommendation.version}  # fmt: skip
    staff_client.post(reverse("meetings:recommendation_update", args=[recommendation.pk]), data)
    recommendation.refresh_from_db()
    assert recommendation.status == "proposed"


def test_a_decision_belongs_to_a_session_and_records_its_vote(staff_client):
    working = MeetingFactory(kind="working_meeting")
    response = staff_client.post(
        reverse("meetings:decision_create"), {"meeting": working.pk, "number": "12/2023", "subject_fr": "Convention"}
    )
    assert response.context["form"].errors["meeting"] == [
        "A council decision is taken in an ordinary or extraordinary session."
    ]
    session = MeetingFactory(kind="ordinary_session", date=D(2023, 3, 7))
    response = staff_client.post(
        reverse("meetings:decision_create"),
        {
            "meeting": session.pk,
            "number": "12/2023",
            "subject_fr": "Convention",
            "votes_for": "٤٠",
            "votes_against": "2",
            "abstentions": "1",
        },
    )
    decision = Decision.objects.get(number="12/2023")
    assert (decision.votes_for, decision.votes_against, decision.abstentions) == (40, 2, 1)
    project = ProjectFactory(decision=decision)
    page = staff_client.get(decision.get_absolute_url()).content.decode()
    assert project.get_absolute_url() in page and "40 for, 2 against, 1 abstentions" in page


def test_agreement_parties_with_roles_commitments_and_amendments(staff_client):
    council, ministry = OrganizationFactory(), OrganizationFactory()
    data = {
        "title_ar": "اتفاقية شراكة لتنظيم المعارض",
        "status": "signed",
        "signing_date": "2024-01-15",
        "duration_months": "36",
        "parties-TOTAL_FORMS": "2", "parties-INITIAL_FORMS": "0", "parties-MIN_NUM_FORMS": "0", "parties-MAX_NUM_FORMS": "1000",
        "parties-0-organization": council.pk, "parties-0-role": "project_owner", "parties-0-financial_commitment": "1 500 000",
        "parties-1-organization": ministry.pk, "parties-1-role": "funder", "parties-1-financial_commitment": "2000000",
        "parties-1-in_kind_commitment": "Encadrement technique",
        "amendments-TOTAL_FORMS": "1", "amendments-INITIAL_FORMS": "0", "amendments-MIN_NUM_FORMS": "0", "amendments-MAX_NUM_FORMS": "1000",
        "amendments-0-number": "1", "amendments-0-date": "2024-06-01", "amendments-0-changes_fr": "Prolongation de 12 mois",
    }  # fmt: skip
    response = staff_client.post(reverse("projects:agreement_create"), data)
    agreement = PartnershipAgreement.objects.get(title_ar="اتفاقية شراكة لتنظيم المعارض")
    assert response.url == agreement.get_absolute_url()
    roles = {
        p.organization: (p.role, p.financial_commitment, p.in_kind_commitment)
        for p in agreement.agreement_parties.all()
    }
    assert roles == {
        council: ("project_owner", Decimal("1500000"), ""),
        ministry: ("funder", Decimal("2000000"), "Encadrement technique"),
    }
    assert Amendment.objects.get(agreement=agreement).changes_fr == "Prolongation de 12 mois"
    page = staff_client.get(agreement.get_absolute_url()).content.decode()
    assert 'data-total="committed">\u20663,500,000.00\u2069 MAD' in page
    data["title_ar"] = "اتفاقية بدون أطراف"
    data["parties-TOTAL_FORMS"] = "0"
    response = staff_client.post(reverse("projects:agreement_create"), data)
    assert "Name at least one party." in str(response.context["formsets"][0][1].non_form_errors())
    data["parties-TOTAL_FORMS"], data["parties-1-organization"] = "2", council.pk  # the same party twice
    parties = staff_client.post(reverse("projects:agreement_create"), data).context["formsets"][0][1]
    assert parties.forms[1].errors["organization"] == [f"{council} is listed twice."]
    assert not parties.non_form_errors()  # said once, next to its row


@pytest.fixture
def chain(administrator):
    """A factory-made chain, from a consultation to an amended agreement."""
    consultation = ConsultationFactory(period_start=D(2023, 3, 1), period_end=D(2023, 3, 5))
    recommendation = RecommendationFactory(source_consultation=consultation)
    AnswerFactory(recommendation=recommendation, answered_on=D(2023, 4, 2))
    change_status(recommendation, to_status="under_review", author=administrator, changed_on=D(2023, 4, 10))
    session = MeetingFactory(kind="ordinary_session", date=D(2023, 6, 10))
    decision = DecisionFactory(meeting=session, date=D(2023, 6, 10))
    project = ProjectFactory(approving_meeting=None, decision=decision)
    project.recommendations.set([recommendation])
    MilestoneFactory(project=project, start_date=D(2023, 10, 1))
    value = IndicatorValueFactory(indicator__project=project, period_end=D(2023, 12, 31))
    submit_value(value, user=administrator)
    IndicatorValueFactory(indicator=value.indicator, period_end=D(2024, 6, 30))  # a draft
    agreement = AgreementFactory(signing_date=D(2024, 1, 15))
    agreement.projects.add(project)
    Amendment.objects.create(agreement=agreement, number=1, date=D(2024, 6, 1), changes_fr="Avenant")
    return recommendation, project, agreement


def test_the_timeline_tells_the_chain_in_date_order(chain, staff_user, partner_user, partner_client):
    recommendation, project, agreement = chain
    events = project_timeline(project, staff_user)
    assert [(e.day, e.kind) for e in events] == [
        (D(2023, 3, 1), "consultation"),
        (D(2023, 4, 2), "official answer"),
        (D(2023, 4, 10), "status: under review"),
        (D(2023, 6, 10), "decision"),
        (D(2023, 10, 1), "activity"),
        (D(2023, 12, 31), "indicator value (submitted)"),
        (D(2024, 1, 15), "agreement signed"),
        (D(2024, 6, 1), "amendment"),
        (D(2024, 6, 30), "indicator value (draft)"),
    ]
    assert "indicator value" not in " ".join(e.kind for e in project_timeline(project, partner_user))
    for record in (recommendation, project, agreement):
        page = partner_client.get(record.get_absolute_url()).content.decode()
        days = [line.split('"')[1] for line in page.split("data-day=")[1:]]
        assert days == sorted(days) and "2023-03-01" in days and "2024-01-15" in days


def test_detail_pages_of_the_chain_run_bounded_queries(chain, staff_client):
    recommendation, project, agreement = chain
    urls = [recommendation.get_absolute_url(), project.get_absolute_url(), agreement.get_absolute_url()]

    def counts():
        result = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert staff_client.get(url).status_code == 200
            result.append(len(queries))
        return result

    few = counts()
    for n in range(8):
        MilestoneFactory(project=project, start_date=D(2023, 11, n + 1))
        BudgetLineFactory(project=project, year=2030 + n)
        IndicatorValueFactory(indicator=project.indicators.first(), period_end=D(2025, 1, n + 1))
        LinkFactory(target=recommendation)
        Amendment.objects.create(agreement=agreement, number=n + 2, date=D(2025, 1, n + 1), changes_fr="Avenant")
        ProjectFactory(parent=project, progress=n * 10)
    assert counts() == few


def test_the_real_dataset_infers_nothing_beyond_the_source(staff_client, partner_user):
    session = Meeting.objects.get(kind="ordinary_session")
    assert set(
        Project.objects.filter(programme__kind="regional_development").values_list("approving_meeting", flat=True)
    ) == {session.pk}
    assert not Decision.objects.exists() and not Milestone.objects.exists() and not Amendment.objects.exists()
    assert not StatusChange.objects.exists() and not IndicatorValue.objects.exists()
    assert Project.objects.filter(decision__isnull=False).count() == 0
    project = Project.objects.get(title_fr="Création de zones d'activités artisanales")
    events = project_timeline(project, partner_user)
    assert [(e.day, e.shown, e.kind) for e in events] == [(D(2022, 3, 1), "March 2022", "project approved")]
    page = staff_client.get(project.get_absolute_url()).content.decode()
    assert "March 2022" in page[page.index('id="timeline"') :]  # the session is known by its month only


def test_the_status_form_offers_only_the_next_steps(staff_client):
    recommendation = RecommendationFactory()
    url = reverse("meetings:statuschange_create")
    form = staff_client.get(url, {"recommendation": recommendation.pk}).context["form"]
    assert [value for value, _label in form.fields["to_status"].choices] == ["under_review", "rejected"]
    assert recommendation.next_statuses == [Recommendation.Status.UNDER_REVIEW, Recommendation.Status.REJECTED]
    assert staff_client.get(url, {"recommendation": "abc"}).status_code == 200
