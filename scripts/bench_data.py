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
    "events": 2_000,
    "sources": 5_000,
    "statistic_values": 3_000,
    "former_names": 400,
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
    from meetings.models import (
        Attendance,
        Consultation,
        Decision,
        Meeting,
        MeetingDocument,
        ParticipantCategory,
        Recommendation,
    )
    from projects.models import (
        BudgetLine,
        Event,
        EventKind,
        EventOrganizer,
        Indicator,
        IndicatorValue,
        PartnershipAgreement,
        Programme,
        Project,
    )
    from regional_statistics.models import Statistic, StatisticValue
    from sources.models import Source
    from stakeholders.models import Organization, OrganizationName, Person, Position, Province

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
    categories = list(ParticipantCategory.objects.all())
    roles = ["participant"] * 6 + ["presenter", "rapporteur", "guest", "secretary"]

    def attendance(m: int, meeting, k: int):
        """Every tenth row an unnamed group with its category and (mostly) headcount; the first row chairs."""
        position = positions[(m * per_meeting + k) % len(positions)]
        if (m * per_meeting + k) % 10 == 9:
            return Attendance(
                meeting=meeting,
                group_ar=f"أعضاء {_text(rng, WORDS, 2)}",
                organization=position.organization,
                category=categories[(m + k) % len(categories)],
                headcount=None if m % 7 == 0 else rng.randint(3, 120),
            )
        return Attendance(
            meeting=meeting,
            person=position.person,
            position=position,
            organization=position.organization,
            role="chair" if k == 0 else rng.choice(roles),
        )

    _bulk(Attendance, (attendance(m, meeting, k) for m, meeting in enumerate(meetings) for k in range(per_meeting)))
    # Two documents on every tenth meeting: rows naming a file that is not stored (downloads are not timed).
    _bulk(MeetingDocument, (
        MeetingDocument(meeting=meeting, title=f"{kind} {m}", kind=kind, file=f"meetings/meetingdocument/2024/bench-{m}-{kind}.pdf",
                        content_type="application/pdf", size=rng.randint(10_000, 2_000_000), internal=kind == "presentation")
        for m, meeting in enumerate(meetings[::10]) for kind in ("minutes", "presentation")
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
    kinds = list(EventKind.objects.all())
    events = _bulk(Event, (
        Event(kind=kinds[i % len(kinds)], title_ar=f"معرض {_text(rng, WORDS, 3)} {i}", title_fr=_text(rng, WORDS_FR, 3),
              theme_ar=_text(rng, WORDS, 4), start_date=day(i * 2), end_date=day(i * 2 + rng.randint(0, 3)),
              venue=_text(rng, WORDS, 2), province=provinces[i % len(provinces)],
              project=projects[i % len(projects)] if i % 2 == 0 else None, description=_text(rng, WORDS, 20))
        for i in range(count["events"])
    ))  # fmt: skip
    event_roles = ["organizer", "co_organizer", "sponsor", "partner"]
    _bulk(EventOrganizer, (
        EventOrganizer(event=e, organization=orgs[(i * 3 + k) % len(orgs)], role=event_roles[k])
        for i, e in enumerate(events) for k in range(1 + i % 4)
    ))  # fmt: skip
    Event.meetings.through.objects.bulk_create(
        (Event.meetings.through(event=e, meeting=meetings[(i * 7) % len(meetings)]) for i, e in enumerate(events)),
        batch_size=BATCH,
    )
    indicators = _bulk(Indicator, (Indicator(project=p, name_ar="عدد التعاونيات", unit="تعاونية") for p in projects))
    per_indicator = count["indicator_values"] // len(indicators)
    approved = datetime.datetime(2024, 1, 15, tzinfo=datetime.UTC)
    values = _bulk(IndicatorValue, (
        IndicatorValue(indicator=ind, period_start=datetime.date(2020 + k, 1, 1), period_end=datetime.date(2020 + k, 12, 31),
                       value=rng.randint(1, 50), event=events[n % len(events)] if n % 5 == 0 else None,
                       **rng.choice([{"status": "draft"}, {"status": "submitted"},
                                                               {"status": "approved", "approved_at": approved}]))
        for n, (ind, k) in enumerate((ind, k) for ind in indicators for k in range(per_indicator))
    ))  # fmt: skip
    agreements = _bulk(PartnershipAgreement, (
        PartnershipAgreement(title_ar=f"اتفاقية شراكة {_text(rng, WORDS, 3)} {i}",
                             status=rng.choice(["envisaged", "signed", "in_force"]))
        for i in range(count["agreements"])
    ))  # fmt: skip
    PartnershipAgreement.projects.through.objects.bulk_create(
        (
            PartnershipAgreement.projects.through(partnershipagreement=a, project=projects[i % len(projects)])
            for i, a in enumerate(agreements)
        ),
        batch_size=BATCH,
    )
    outlets = ["هسبريس", "Le Matin", "الصباح", "L'Économiste", "بوابة الجهة", "MAP"]
    sources = _bulk(Source, (
        Source(kind=rng.choice(["press_article"] * 3 + ["official_document", "report", "web_page"]),
               title=f"{_text(rng, WORDS, 6)} {i}", outlet=rng.choice(outlets), url=f"https://example.org/article/{i}",
               published_on=day(i), language=rng.choice(["ar", "ar", "fr"]))
        for i in range(count["sources"])
    ))  # fmt: skip
    # Each source cited by two meetings and two recommendations; one in ten also by an event, a
    # decision and an indicator value.
    citations = [
        (Meeting, "meeting", meetings, 2), (Recommendation, "recommendation", recommendations, 2),
        (Event, "event", events, 0), (Decision, "decision", decisions, 0), (IndicatorValue, "indicatorvalue", values, 0),
    ]  # fmt: skip
    for model, field, cited, per_source in citations:
        through = model.sources.through
        pairs = (
            {(i * 11 + k * 7919) % len(cited): s for i, s in enumerate(sources) for k in range(per_source)}
            if per_source
            else {(i // 10 * 13) % len(cited): s for i, s in enumerate(sources) if i % 10 == 0}
        )
        through.objects.bulk_create(
            (through(**{field: cited[c], "source": s}) for c, s in pairs.items()), batch_size=BATCH
        )
    # Regional statistics: each statistic for the region and its provinces, one value a month
    # or a year, by source; former names of one organization in five.
    statistics = list(Statistic.objects.all())
    territories = [(p.region, p) for p in provinces] + [(p.region, None) for p in provinces[:1]]
    _bulk(StatisticValue, (
        StatisticValue(statistic=statistics[i % len(statistics)], region=territories[i // 7 % len(territories)][0],
                       province=territories[i // 7 % len(territories)][1], period_start=day(i * 30),
                       value=rng.randint(10, 50_000), source=sources[i % len(sources)])
        for i in range(count["statistic_values"])
    ))  # fmt: skip
    _bulk(OrganizationName, (
        OrganizationName(organization=orgs[i * 5 % len(orgs)], name_ar=f"{_text(rng, WORDS, 3)} سابقا {i}",
                         start_date=day(i), end_date=day(i + 700))
        for i in range(count["former_names"])
    ))  # fmt: skip
    return {"meetings": len(meetings), "attendance": per_meeting * len(meetings), "recommendations": len(recommendations),
            "projects": len(projects), "people": len(people), "organizations": len(orgs), "events": len(events),
            "sources": len(sources)}  # fmt: skip
