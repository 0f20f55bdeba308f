"""Open data: the programme's non-personal records as JSON, one serializer per dataset.

A record is a dict of JSON values (the schema is ``data/open-data.schema.json``): stable ids
(the records' primary keys), ISO dates (calendar days, Africa/Casablanca), datetimes with their
UTC offset in Africa/Casablanca, amounts in MAD as JSON numbers (decimals of at most 14
digits, which a double holds exactly to the cent), each name in Arabic and French
(``title_ar``, ``title_fr``), each choice as ``{"code", "label_ar", "label_fr"}``.

Left out: people (no name, position, email or phone; attendance only as counts, and the
organizations represented), users (who submitted, approved or changed a status), meetings'
free texts (purpose, summary, outcome: they name people), documents, and indicator values
that are not approved. Each page is one query on its model plus a fixed number per dataset
(prefetches and one grouped query), whatever the number of rows.
"""

import datetime
import functools
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Prefetch
from django.utils import translation

from meetings.models import Attendance, Consultation, Meeting, Recommendation, RecommendationLink
from projects.models import AgreementParty, BudgetLine, IndicatorValue, PartnershipAgreement, Programme, Project

PAGE_SIZE = 500
LANGUAGES = ("ar", "fr")
# Reuse as Law 31-13 on the right of access to information allows it (article 6).
LICENCE = {
    "name": "Loi 31-13, article 6",
    "note_ar": "يمكن استعمال هذه المعطيات أو إعادة استعمالها لأغراض مشروعة، دون تحريف مضمونها، مع الإشارة إلى مصدرها "
    "(مجلس جهة درعة تافيلالت) وتاريخها (القانون 31.13 المتعلق بالحق في الحصول على المعلومات، المادة 6).",
    "note_fr": "Ces données peuvent être utilisées et réutilisées à des fins licites, sans en altérer le contenu, en "
    "citant leur source (Conseil de la Région Drâa-Tafilalet) et leur date (loi 31-13 relative au droit d'accès "
    "à l'information, article 6).",
}


@functools.cache
def _labels(choices) -> dict[str, dict]:
    """``{code: {"code", "label_ar", "label_fr"}}`` of a TextChoices class (catalogues do not change at run time)."""
    labels = {code: {"code": code} for code in choices.values}
    for language in LANGUAGES:
        with translation.override(language):
            for code, label in choices.choices:
                labels[code][f"label_{language}"] = str(label)
    return labels


def choice(choices, code: str) -> dict | None:
    """A choice's code and its Arabic and French labels; None for an empty one."""
    return _labels(choices)[code] if code else None


def amount(value: Decimal | None) -> int | float | None:
    """A Decimal (MAD, or an indicator's value) as a JSON number: a whole one as an int."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def day(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def moment(value: datetime.datetime | None) -> str | None:
    """An aware datetime as ISO 8601 in Africa/Casablanca, with its offset ("2023-06-01T10:00:00+01:00")."""
    return value.astimezone(ZoneInfo(settings.TIME_ZONE)).isoformat() if value else None


def wall_clock(date: datetime.date | None, time: datetime.time | None, next_day=False) -> str | None:
    """A meeting's day and wall-clock time as an ISO datetime with Africa/Casablanca's offset then."""
    if not (date and time):
        return None
    date += datetime.timedelta(days=1 if next_day else 0)
    return datetime.datetime.combine(date, time, tzinfo=ZoneInfo(settings.TIME_ZONE)).isoformat()


def names(obj, field: str) -> dict:
    """``{"<field>_ar": ..., "<field>_fr": ...}``."""
    return {f"{field}_{language}": getattr(obj, f"{field}_{language}") for language in LANGUAGES}


def organization(org) -> dict | None:
    return {"id": org.pk, **names(org, "name"), "acronym": org.acronym} if org else None


def region(item) -> dict | None:
    """A region by its HCP code (e.g. "08") and names."""
    return {"code": item.code, **names(item, "name")} if item else None


def province(prov) -> dict | None:
    """A province by its HCP code (e.g. "08.201") and names."""
    return {"code": prov.code, **names(prov, "name")} if prov else None


def axis(item) -> dict | None:
    return {"code": item.code, **names(item, "name")} if item else None


def decision(item) -> dict | None:
    """The council decision that approved a project or an agreement, and its session (a meeting id)."""
    if not item:
        return None
    return {
        "id": item.pk,
        "number": item.number,
        "date": day(item.date),
        "meeting": item.meeting_id,
        **names(item, "subject"),
    }


def ids(related) -> list[int]:
    """The ids of a prefetched relation."""
    return [item.pk for item in related.all()]


def only_ids(model):
    """A prefetch queryset of ``model`` reading its ids only, in id order."""
    return model.objects.only("pk").order_by("pk")


class Dataset:
    """One dataset: its records, by keyset pages of ``PAGE_SIZE`` in id order."""

    slug = ""
    model = None
    definition = ""  # its record's name in the schema's $defs

    def rows(self):
        """Every record of the dataset (what ``count`` counts)."""
        return self.model.objects.all()

    def queryset(self):
        """``rows`` with what ``record`` reads (select_related, prefetch_related, annotations)."""
        return self.rows()

    def record(self, obj) -> dict:
        raise NotImplementedError

    def records(self, objs: list) -> list[dict]:
        return [self.record(obj) for obj in objs]

    def count(self) -> int:
        return self.rows().count()

    def page(self, after: int = 0) -> tuple[list[dict], int | None]:
        """The records whose id is above ``after``, at most ``PAGE_SIZE``, and the id to ask the
        next page after (None on the last page)."""
        objs = list(self.queryset().filter(pk__gt=after).order_by("pk")[: PAGE_SIZE + 1])
        more = len(objs) > PAGE_SIZE
        objs = objs[:PAGE_SIZE]
        return self.records(objs), objs[-1].pk if more else None


class Meetings(Dataset):
    """Meetings with their organizer, place and counts; no attendee, chair or free text."""

    slug, model, definition = "meetings", Meeting, "meeting"

    def queryset(self):
        return (
            self.rows()
            .select_related("organizer", "region", "province")
            .defer("purpose", "summary", "outcome", "search_text")
        )

    def records(self, objs):
        """Each meeting's attendance entries by status (an entry: a named person or an unnamed
        group) and the organizations represented, from one grouped query over the page."""
        counts = {obj.pk: dict.fromkeys(Attendance.Status.values, 0) for obj in objs}
        represented = {obj.pk: {} for obj in objs}
        names_of = {f"name_{language}": f"organization__name_{language}" for language in LANGUAGES}
        org = {"id": "organization", **names_of, "acronym": "organization__acronym"}
        groups = (
            Attendance.objects.filter(meeting__in=list(counts))
            .values("meeting", "status", *org.values())
            .annotate(entries=Count("pk"))
            .order_by("meeting", "organization")
        )
        for group in groups:
            counts[group["meeting"]][group["status"]] += group["entries"]
            if group["organization"]:  # the same shape as organization()
                represented[group["meeting"]][group["organization"]] = {key: group[path] for key, path in org.items()}
        return [
            self.record(obj) | {"attendance": counts[obj.pk], "organizations": list(represented[obj.pk].values())}
            for obj in objs
        ]

    def record(self, obj):
        return {
            "id": obj.pk,
            **names(obj, "title"),
            "region": region(obj.region),
            "kind": choice(Meeting.Kind, obj.kind),
            "format": choice(Meeting.Format, obj.format),
            "status": choice(Meeting.Status, obj.status),
            "date": day(obj.date),
            "starts_at": wall_clock(obj.date, obj.start_time),
            "ends_at": wall_clock(obj.date, obj.end_time, obj.ends_next_day),
            "period_start": day(obj.period_start),
            "period_end": day(obj.period_end),
            "venue": obj.venue,
            "province": province(obj.province),
            "organizer": organization(obj.organizer),
            "consultation": obj.consultation_id,
            "participants_total": obj.participants_total,
            "participants_women": obj.participants_women,
        }


class Consultations(Dataset):
    """Consultation series, with the participants counts of each provincial meeting when known."""

    slug, model, definition = "consultations", Consultation, "consultation"

    def queryset(self):
        provincial = Meeting.objects.select_related("province").only(
            "consultation", "participants_total", "participants_women",
            "province", "province__code", "province__name_ar", "province__name_fr",
        )  # fmt: skip
        return (
            self.rows()
            .select_related("organizer", "region")
            .defer("search_text")
            .prefetch_related("partners", Prefetch("meetings", provincial.order_by("province__code", "pk")))
        )

    def record(self, obj):
        return {
            "id": obj.pk,
            **names(obj, "title"),
            "region": region(obj.region),
            **names(obj, "theme"),
            "period_start": day(obj.period_start),
            "period_end": day(obj.period_end),
            "organizer": organization(obj.organizer),
            "partners": [organization(org) for org in obj.partners.all()],
            "programme": obj.programme_id,
            "participants_total": obj.participants_total,
            "participants_women": obj.participants_women,
            "meetings": [
                {
                    "id": meeting.pk,
                    "province": province(meeting.province),
                    "participants_total": meeting.participants_total,
                    "participants_women": meeting.participants_women,
                }
                for meeting in obj.meetings.all()
            ],
        }


def official_answer(answer) -> dict | None:
    """The council's official answer to a recommendation; ``estimated_cost`` in MAD."""
    if answer is None:
        return None
    return {
        **names(answer, "text"),
        "responsible": organization(answer.responsible),
        "estimated_cost": amount(answer.estimated_cost),
        "period_start": day(answer.period_start),
        "period_end": day(answer.period_end),
        "answered_on": day(answer.answered_on),
    }


class Recommendations(Dataset):
    """Recommendations with their official answer, status and each dated status change."""

    slug, model, definition = "recommendations", Recommendation, "recommendation"

    def queryset(self):
        return (
            self.rows()
            .select_related("axis", "answer__responsible")
            .defer("search_text")
            .prefetch_related("status_changes", Prefetch("links_in", RecommendationLink.objects.order_by("pk")))
        )

    def record(self, obj):
        status = Recommendation.Status
        return {
            "id": obj.pk,
            **names(obj, "text"),
            "axis": axis(obj.axis),
            "source_meeting": obj.source_meeting_id,
            "source_consultation": obj.source_consultation_id,
            "status": choice(status, obj.status),
            "status_changes": [
                {
                    "from": choice(status, change.from_status),
                    "to": choice(status, change.to_status),
                    "date": day(change.changed_on),
                    "reason": change.reason,
                }
                for change in obj.status_changes.all()
            ],
            "answer": official_answer(getattr(obj, "answer", None)),  # a reverse one-to-one: absent until answered
            "derived_from": [
                {"id": link.source_id, "kind": choice(RecommendationLink.Kind, link.kind)}
                for link in obj.links_in.all()
            ],
        }


class Programmes(Dataset):
    """Programmes with their owner and the session that adopted them."""

    slug, model, definition = "programmes", Programme, "programme"

    def queryset(self):
        return self.rows().select_related("owner", "region").defer("search_text")

    def record(self, obj):
        return {
            "id": obj.pk,
            **names(obj, "title"),
            "region": region(obj.region),
            "kind": choice(Programme.Kind, obj.kind),
            "owner": organization(obj.owner),
            "adopted_at": obj.adopted_at_id,
            **names(obj, "description"),
        }


class Projects(Dataset):
    """Projects with their provinces, axes, partners, budget and budget lines (MAD)."""

    slug, model, definition = "projects", Project, "project"

    def queryset(self):
        lines = BudgetLine.objects.select_related("funder").order_by("year", "pk")
        return (
            self.rows()
            .with_progress()
            .select_related("lead_organization", "region", "decision")
            .defer("search_text")
            .prefetch_related(
                "provinces",
                "thematic_axes",
                "partners",
                Prefetch("recommendations", only_ids(Recommendation)),
                Prefetch("budget_lines", lines),
            )
        )

    def record(self, obj):
        return {
            "id": obj.pk,
            **names(obj, "title"),
            "region": region(obj.region),
            **names(obj, "description"),
            "programme": obj.programme_id,
            "parent": obj.parent_id,
            "weight": obj.weight,
            "status": choice(Project.Status, obj.status),
            "progress": obj.progress,
            "overall_progress": obj.overall_progress,
            "budget": amount(obj.budget),
            "budget_lines": [
                {
                    "year": line.year,
                    "funder": organization(line.funder),
                    "planned": amount(line.planned),
                    "revised": amount(line.revised),
                }
                for line in obj.budget_lines.all()
            ],
            "provinces": [province(item) for item in obj.provinces.all()],
            "thematic_axes": [axis(item) for item in obj.thematic_axes.all()],
            "lead_organization": organization(obj.lead_organization),
            "partners": [organization(org) for org in obj.partners.all()],
            "approving_meeting": obj.approving_meeting_id,
            "decision": decision(obj.decision),
            "recommendations": ids(obj.recommendations),
        }


class Agreements(Dataset):
    """Partnership agreements: parties (organizations) with their role and commitments, amendments."""

    slug, model, definition = "agreements", PartnershipAgreement, "agreement"

    def queryset(self):
        return (
            self.rows()
            .select_related("region", "decision")
            .defer("search_text")
            .prefetch_related(
                Prefetch("agreement_parties", AgreementParty.objects.select_related("organization").order_by("pk")),
                "amendments",
                Prefetch("meetings", only_ids(Meeting)),
                Prefetch("approved_at", only_ids(Meeting)),
                Prefetch("carried_out_at", only_ids(Meeting)),
                Prefetch("projects", only_ids(Project)),
            )
        )

    def record(self, obj):
        return {
            "id": obj.pk,
            **names(obj, "title"),
            "region": region(obj.region),
            **names(obj, "subject"),
            "status": choice(PartnershipAgreement.Status, obj.status),
            "signing_date": day(obj.signing_date),
            "duration_months": obj.duration_months,
            "parties": [
                {
                    "organization": organization(party.organization),
                    "role": choice(AgreementParty.Role, party.role),
                    "financial_commitment": amount(party.financial_commitment),
                    "in_kind_commitment": party.in_kind_commitment,
                }
                for party in obj.agreement_parties.all()
            ],
            "amendments": [
                {"number": item.number, "date": day(item.date), **names(item, "changes")}
                for item in obj.amendments.all()
            ],
            "meetings": ids(obj.meetings),
            "approved_at": ids(obj.approved_at),
            "carried_out_at": ids(obj.carried_out_at),
            "projects": ids(obj.projects),
            "decision": decision(obj.decision),
        }


class IndicatorValues(Dataset):
    """Approved indicator values only, with their indicator; never a draft or a submitted one."""

    slug, model, definition = "indicator-values", IndicatorValue, "indicator_value"

    def rows(self):
        return IndicatorValue.objects.filter(status=IndicatorValue.Status.APPROVED)

    def queryset(self):
        return self.rows().select_related("indicator")

    def record(self, obj):
        indicator = obj.indicator
        return {
            "id": obj.pk,
            "indicator": {
                "id": indicator.pk,
                "project": indicator.project_id,
                **names(indicator, "name"),
                "unit": indicator.unit,
                "baseline": amount(indicator.baseline),
                "target": amount(indicator.target),
            },
            "period_start": day(obj.period_start),
            "period_end": day(obj.period_end),
            "value": amount(obj.value),
            "approved_at": moment(obj.approved_at),
        }


ALL = (Meetings(), Consultations(), Recommendations(), Programmes(), Projects(), Agreements(), IndicatorValues())
DATASETS = {dataset.slug: dataset for dataset in ALL}
