"""Region-scale data for the benchmark, built in bulk with every relation real.

``grow(units)`` adds ``units`` hundredths of one region's data (``REGION``): 100 units are one
region (50,000 meetings, 500,000 attendance rows...), 1 unit its 1/100. Rows get what a save
through the pages would give them (folded ``search_text``, a history row) without the cost of
one save each. Call it after ``django.setup()`` on a database holding the real dataset.
"""

import datetime
import itertools
import random

# One region's data: what a council accumulates over years (issue 12's sizes).
REGION = {
    "organizations": 2_000,
    "people": 5_000,
    "meetings": 50_000,
    "attendance": 500_000,
    "consultations": 500,
    "recommendations": 100_000,
    "projects": 20_000,
    "budget_lines": 40_000,
    "indicator_values": 40_000,
    "decisions": 1_000,
    "agreements": 1_000,
}
WORDS = ["مجلس", "تعاونية", "الاقتصاد", "الاجتماعي", "التضامني", "معرض", "تكوين", "جمعية", "لجنة", "التنمية"]
WORDS_FR = ["conseil", "coopérative", "économie", "sociale", "solidaire", "salon", "formation", "comité"]
BATCH = 5_000


def _text(rng, words, n=5) -> str:
    return " ".join(rng.choice(words) for _ in range(n))


def _bulk(model, rows, history=True) -> list:
    """Create ``rows`` (folding their search text), with one "+" history row each when the model keeps history."""
    rows = list(rows)
    for row in rows:
        if hasattr(row, "fold_search_text"):
            row.fold_search_text()
    created = model.objects.bulk_create(rows, batch_size=BATCH)
    if history and hasattr(model, "history"):
        model.history.bulk_history_create(created, batch_size=BATCH, default_change_reason="benchmark")
    return created


def grow(units: int, seed: int = 12, regions=None) -> dict:
    """Add ``units``/100 of a region's data, spread over the provinces of ``regions`` (Region
    rows; the portal's region by default). Returns the counts added by kind."""
    from meetings.models import Attendance, Consultation, Decision, Meeting, Recommendation
    from projects.models import BudgetLine, Indicator, IndicatorValue, PartnershipAgreement, Programme, Project
    from stakeholders.models import Organization, Person, Position, Province

    rng = random.Random(seed + Meeting.objects.count())
    count = {kind: max(1, size * units // 100) for kind, size in REGION.items()}
    provinces = list(Province.objects.filter(region__in=regions) if regions else Province.objects.of_portal_region())
    day0 = datetime.date(2015, 1, 1)

    def day(i: int) -> datetime.date:
        return day0 + datetime.timedelta(days=i % 4000)

    orgs = _bulk(Organization, (
        Organization(name_ar=f"{_text(rng, WORDS, 3)} {i}", name_fr=f"{_text(rng, WORDS_FR, 3)} {i}",
                     kind=rng.choice(["cooperative", "association", "ministry", "other"]),
                     province=provinces[i % len(provinces)], region=provinces[i % len(provinces)].region)
        for i in range(count["organizations"])
    ))  # fmt: skip
    people = _bulk(Person, (
        Person(full_name_ar=f"{rng.choice(['محمد', 'فاطمة', 'إلهام', 'يوسف'])} {_text(rng, WORDS, 1)} {i}",
               full_name_latin=f"Person {i}", gender=rng.choice(["male", "female"]), phone=f"06{i:08d}")
        for i in range(count["people"])
    ))  # fmt: skip
    positions = _bulk(Position, (
        Position(person=person, organization=orgs[i % len(orgs)], title_ar=f"رئيس {_text(rng, WORDS, 2)}")
        for i, person in enumerate(people)
    ))  # fmt: skip
    programme = Programme.objects.order_by("pk").first()
    consultations = _bulk(Consultation, (
        Consultation(title_ar=f"لقاءات تشاورية {_text(rng, WORDS, 3)} {i}", period_start=day(i * 8),
                     period_end=day(i * 8 + 6), programme=programme, region=provinces[0].region,
                     participants_total=rng.randint(100, 300))
        for i in range(count["consultations"])
    ))  # fmt: skip
    consultation_meetings = [
        Meeting(title_ar=f"لقاء تشاوري بإقليم {province.name_ar}", kind="consultation_meeting", status="held",
                consultation=c, province=province, period_start=c.period_start, period_end=c.period_end)
        for c in consultations for province in provinces[:5]
    ]  # fmt: skip
    meetings = _bulk(Meeting, itertools.chain(consultation_meetings, (
        Meeting(title_ar=f"{_text(rng, WORDS)} {i}", title_fr=_text(rng, WORDS_FR), status="held",
                kind=rng.choice(["working_meeting", "committee_meeting", "coordination_meeting", "ordinary_session"]),
                date=day(i), province=provinces[i % len(provinces)], venue=_text(rng, WORDS, 2),
                chair=positions[i % len(positions)], organizer=orgs[i % len(orgs)], summary=_text(rng, WORDS, 20))
        for i in range(max(0, count["meetings"] - len(consultation_meetings)))
    )))  # fmt: skip
    per_meeting = max(1, count["attendance"] // len(meetings))
    _bulk(Attendance, (
        Attendance(meeting=meeting, person=positions[(m * per_meeting + k) % len(positions)].person,
                   position=positions[(m * per_meeting + k) % len(positions)],
                   organization=positions[(m * per_meeting + k) % len(positions)].organization)
        for m, meeting in enumerate(meetings) for k in range(per_meeting)
    ))  # fmt: skip
    statuses = ["proposed", "under_review", "adopted", "in_programme", "implemented", "rejected"]
    recommendations = _bulk(Recommendation, (
        Recommendation(text_ar=f"{_text(rng, WORDS, 12)} {i}", status=rng.choice(statuses),
                       **({"source_consultation": consultations[i % len(consultations)]} if i % 4 == 0 else
                          {"source_meeting": meetings[i % len(meetings)]}))
        for i in range(count["recommendations"])
    ))  # fmt: skip
    decisions = _bulk(Decision, (
        Decision(meeting=meetings[-1 - (i % len(meetings))], subject_ar=_text(rng, WORDS, 8), date=day(i))
        for i in range(count["decisions"])
    ))  # fmt: skip
    projects = _bulk(Project, (
        Project(title_ar=f"مشروع {_text(rng, WORDS, 4)} {i}", programme=programme, budget=rng.randint(1, 500) * 10_000,
                status=rng.choice(["identified", "approved", "in_progress"]), progress=rng.randint(0, 90),
                approving_meeting=meetings[i % len(meetings)], decision=decisions[i % len(decisions)],
                lead_organization=orgs[i % len(orgs)])
        for i in range(count["projects"])
    ))  # fmt: skip
    Project.provinces.through.objects.bulk_create(
        (Project.provinces.through(project=p, province=provinces[i % len(provinces)]) for i, p in enumerate(projects)),
        batch_size=BATCH,
    )
    Project.recommendations.through.objects.bulk_create(
        (
            Project.recommendations.through(project=p, recommendation=recommendations[i % len(recommendations)])
            for i, p in enumerate(projects)
        ),
        batch_size=BATCH,
    )
    lines = count["budget_lines"] // len(projects)
    _bulk(BudgetLine, (
        BudgetLine(project=p, year=2020 + k, funder=orgs[(i + k) % len(orgs)], planned=rng.randint(1, 100) * 10_000,
                   revised=rng.choice([None, rng.randint(1, 100) * 10_000]))
        for i, p in enumerate(projects) for k in range(lines)
    ))  # fmt: skip
    indicators = _bulk(Indicator, (Indicator(project=p, name_ar="عدد التعاونيات", unit="تعاونية") for p in projects))
    per_indicator = count["indicator_values"] // len(indicators)
    approved = datetime.datetime(2024, 1, 15, tzinfo=datetime.UTC)
    _bulk(IndicatorValue, (
        IndicatorValue(indicator=ind, period_start=datetime.date(2020 + k, 1, 1), period_end=datetime.date(2020 + k, 12, 31),
                       value=rng.randint(1, 50), **rng.choice([{"status": "draft"}, {"status": "submitted"},
                                                               {"status": "approved", "approved_at": approved}]))
        for ind in indicators for k in range(per_indicator)
    ))  # fmt: skip
    agreements = _bulk(PartnershipAgreement, (
        PartnershipAgreement(title_ar=f"اتفاقية شراكة {_text(rng, WORDS, 3)} {i}",
                             status=rng.choice(["envisaged", "signed", "in_force"]))
        for i in range(count["agreements"])
    ))  # fmt: skip
    PartnershipAgreement.projects.through.objects.bulk_create(
        (PartnershipAgreement.projects.through(partnershipagreement=a, project=projects[i % len(projects)])
         for i, a in enumerate(agreements)),
        batch_size=BATCH,
    )  # fmt: skip
    return {"meetings": len(meetings), "attendance": per_meeting * len(meetings), "recommendations": len(recommendations),
            "projects": len(projects), "people": len(people), "organizations": len(orgs)}  # fmt: skip
