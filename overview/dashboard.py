"""The figures of the partners' dashboards, computed in the database.

Every figure is one aggregate query (``values().annotate()``), whatever the number of records,
and follows the same filters: a region (the user's council's by default), a period, a province
of the region, a programme. Records of other regions are never counted. Amounts are in
MAD; dates are calendar days (Africa/Casablanca). What is not known (a budget, a number of women)
is counted apart, never taken as zero.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, OuterRef, Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from core.dates import format_period
from core.i18n import separator
from core.models import overlapping
from meetings.models import Attendance, Consultation, Meeting, ParticipantCategory, Recommendation
from projects.models import Event, EventKind, PartnershipAgreement, Programme, Project, ThematicAxis
from regional_statistics.models import StatisticValue
from stakeholders.models import Province, Region

from .figures_cache import cached_figure


@dataclass
class Filters:
    """The dashboard's filters; any may be None (no restriction)."""

    start: datetime.date | None = None
    end: datetime.date | None = None
    province: Province | None = None
    programme: Programme | None = None
    region: Region | None = None

    def key(self) -> str:
        """The filters as a cache key part, e.g. ``2022-01-01_-_12_-_8``."""
        parts = (self.start, self.end, self.province, self.programme, self.region)
        return "_".join("-" if p is None else str(getattr(p, "pk", p)) for p in parts)


@dataclass
class Figure:
    """A table of figures: ``columns`` headers and ``rows`` of values; ``chart`` is the column (index)
    drawn as bars next to the row's label (column 0), or None for no chart."""

    slug: str
    title: str
    columns: list
    rows: list = field(default_factory=list)
    chart: int | None = 1
    note: str = ""
    total: list | None = None  # a last row of totals, apart from the rows (not charted)

    @property
    def wide(self) -> bool:
        """Whether the table needs the page's width (its chart then stands above it)."""
        return len(self.columns) > 4

    @property
    def chart_rows(self) -> list[tuple[str, float, str]]:
        """(label, value, value as shown) of each row with a known value, for the bar chart."""
        return [
            (str(row[0]), float(row[self.chart]), row[self.chart]) for row in self.rows if row[self.chart] is not None
        ]


# A recommendation is carried into the development programme with one of these statuses, or when
# a project of a regional development programme carries it (in_development_programme).
CARRIED = (Recommendation.Status.IN_PROGRAMME, Recommendation.Status.IMPLEMENTED)


def in_development_programme():
    """The keys of the recommendations a project of a regional development programme carries (a subquery)."""
    return Project.recommendations.through.objects.filter(
        project__programme__kind=Programme.Kind.REGIONAL_DEVELOPMENT
    ).values("recommendation")


def share(part, whole) -> float | None:
    """``part`` / ``whole`` as a percentage rounded to 0.1, or None when ``whole`` is 0 or unknown."""
    if not whole or part is None:
        return None
    return round(100 * part / whole, 1)


class Dashboard:
    """All the figures for one set of ``Filters``; each property runs its own aggregate query once.

    The filtered querysets never join to-many relations (they use ``pk__in`` subqueries), so a
    record is never counted, or its amounts summed, twice.
    """

    def __init__(self, filters: Filters):
        self.f = filters

    # --- the records each figure counts, filtered --------------------------------------------------
    def regional(self, model):
        """The records of the chosen region; the portal's own region also counts those placed in
        none (a single-council install's records, as before regions)."""
        region = self.f.region
        return model.objects.in_region(
            region, unplaced=region is not None and region.code == settings.PORTAL_REGION_CODE
        )

    def meetings(self):
        f, qs = self.f, self.regional(Meeting)
        if f.start or f.end:
            qs = qs.within(f.start, f.end)
        if f.province:
            qs = qs.filter(province=f.province)
        if f.programme:
            qs = qs.filter(
                Q(consultation__programme=f.programme)
                | Q(pk__in=Programme.objects.filter(pk=f.programme.pk).values("adopted_at"))
                | Q(pk__in=Project.objects.filter(programme=f.programme).values("approving_meeting"))
            )
        return qs

    def consultations(self):
        f, qs = self.f, self.regional(Consultation)
        if f.start or f.end:
            qs = qs.filter(overlapping(f.start, f.end, date=None))
        if f.province:
            qs = qs.filter(pk__in=Meeting.objects.filter(province=f.province).values("consultation"))
        if f.programme:
            qs = qs.filter(programme=f.programme)
        return qs

    def recommendations(self):
        f, qs = self.f, self.regional(Recommendation)
        if f.start or f.end or f.province:
            qs = qs.filter(
                Q(source_consultation__in=self.consultations().values("pk"))
                | Q(source_meeting__in=self.meetings().values("pk"))
            )
        if f.programme:
            qs = qs.filter(
                Q(source_consultation__programme=f.programme)
                | Q(
                    pk__in=Project.recommendations.through.objects.filter(project__programme=f.programme).values(
                        "recommendation"
                    )
                )
            )
        return qs

    def projects(self):
        f, qs = self.f, self.regional(Project)
        if f.start or f.end:
            qs = qs.filter(approving_meeting__in=Meeting.objects.within(f.start, f.end).values("pk"))
        if f.province:
            qs = qs.filter(pk__in=Project.provinces.through.objects.filter(province=f.province).values("project"))
        if f.programme:
            qs = qs.filter(programme=f.programme)
        return qs

    def agreements(self):
        f, qs = self.f, self.regional(PartnershipAgreement)
        if f.start or f.end:
            signed = Q(signing_date__isnull=False)
            if f.start:
                signed &= Q(signing_date__gte=f.start)
            if f.end:
                signed &= Q(signing_date__lte=f.end)
            prepared = Q(signing_date__isnull=True, pk__in=PartnershipAgreement.meetings.through.objects.filter(
                meeting__in=Meeting.objects.within(f.start, f.end).values("pk")
            ).values("partnershipagreement"))  # fmt: skip
            qs = qs.filter(signed | prepared)
        if f.province or f.programme:
            projects = PartnershipAgreement.projects.through.objects.filter(project__in=self.projects().values("pk"))
            qs = qs.filter(pk__in=projects.values("partnershipagreement"))
        return qs

    def events(self):
        """Events that overlap the period, in the province, of a project of the programme."""
        f = self.f
        qs = self.regional(Event)
        qs = qs.filter(overlapping(f.start, f.end, date=None, period=("start_date", "end_date")))
        if f.province:
            qs = qs.filter(province=f.province)
        if f.programme:
            qs = qs.filter(project__programme=f.programme)
        return qs

    # --- headline figures ---------------------------------------------------------------------------
    @cached_figure
    def meetings_by_kind(self) -> Figure:
        counts = dict(
            self.meetings().filter(status=Meeting.Status.HELD).order_by().values_list("kind").annotate(n=Count("pk"))
        )
        rows = [[label, counts.get(kind, 0)] for kind, label in Meeting.Kind.choices]
        return Figure("meetings-by-kind", _("Meetings held, by kind"), [_("Kind"), _("Meetings")], rows)

    @cached_figure
    def participation(self) -> Figure:
        """Consultation meetings and participants. With a province chosen, the counts of that
        province's meetings; otherwise the consultations' totals (the source gives 186 in all)."""
        consultation_meetings = self.meetings().filter(
            kind=Meeting.Kind.CONSULTATION_MEETING, status=Meeting.Status.HELD
        )
        source = consultation_meetings if self.f.province else self.consultations()
        totals = source.aggregate(
            total=Sum("participants_total"),
            women=Sum("participants_women"),
            with_women=Sum("participants_total", filter=Q(participants_women__isnull=False)),
        )
        totals["meetings"] = consultation_meetings.count()
        rows = [
            [_("Consultation meetings"), totals["meetings"]],
            [_("Participants"), totals["total"]],
            [_("Of whom women"), totals["women"]],
            [_("Share of women, where counted (%)"), share(totals["women"], totals["with_women"])],
        ]
        return Figure(
            "participation", _("Consultations and participation"), [_("Figure"), _("Value")], rows, chart=None
        )

    def _by(self, queryset, group, choices, slug, title, column, counted):
        """Count ``queryset`` by ``group``, one row per (key, label) of ``choices``, zeros included."""
        counts = dict(queryset.order_by().values_list(group).annotate(n=Count("pk")))
        return Figure(slug, title, [column, counted], [[label, counts.get(key, 0)] for key, label in choices])

    @cached_figure
    def recommendations_by_axis(self) -> Figure:
        axes = [(axis.pk, axis.name) for axis in ThematicAxis.objects.all()]
        figure = self._by(self.recommendations(), "axis", axes + [(None, _("no axis"))], "recommendations-by-axis",
                          _("Recommendations by thematic axis"), _("Thematic axis"), _("Recommendations"))  # fmt: skip
        figure.rows = [row for row in figure.rows if row[0] != _("no axis") or row[1]]
        return figure

    @cached_figure
    def recommendations_by_status(self) -> Figure:
        return self._by(self.recommendations(), "status", Recommendation.Status.choices, "recommendations-by-status",
                        _("Recommendations by status"), _("Status"), _("Recommendations"))  # fmt: skip

    @cached_figure
    def recommendations_carried(self) -> Figure:
        """Recommendations carried by a project of a regional development programme."""
        recommendations = self.recommendations()
        carried = recommendations.filter(status__in=CARRIED).count()  # two counts, each read from an index
        carried += recommendations.exclude(status__in=CARRIED).filter(pk__in=in_development_programme()).count()
        totals = {"total": recommendations.count(), "carried": carried}
        rows = [
            [_("Recommendations"), totals["total"]],
            [_("Carried by a project of the development programme"), totals["carried"]],
            [_("Share carried (%)"), share(totals["carried"], totals["total"])],
        ]
        return Figure(
            "recommendations-carried",
            _("What became of the recommendations"),
            [_("Figure"), _("Value")],
            rows,
            chart=None,
        )

    @cached_figure
    def projects_by_status(self) -> Figure:
        return self._by(self.projects(), "status", Project.Status.choices, "projects-by-status",
                        _("Projects by status"), _("Status"), _("Projects"))  # fmt: skip

    def _budget(self, rows_by_key, labels, slug, title, column, note=""):
        rows = []
        for key, label in labels:
            n, total, unknown = rows_by_key.get(key, (0, None, 0))
            rows.append([label, total, n, unknown])
        return Figure(
            slug, title, [column, _("Budget (MAD)"), _("Projects"), _("Of which budget not known")], rows, note=note
        )

    @cached_figure
    def budget_by_programme(self) -> Figure:
        data = {
            row["programme"]: (row["n"], row["total"], row["unknown"])
            for row in self.projects()
            .with_effective_budget()
            .values("programme")
            .annotate(
                n=Count("pk"),
                total=Sum("effective_budget"),
                unknown=Count("pk", filter=Q(effective_budget__isnull=True)),
            )
        }
        labels = [(p.pk, p.title) for p in Programme.objects.filter(pk__in=[k for k in data if k])]
        return self._budget(data, labels + ([(None, _("no programme"))] if None in data else []), "budget-by-programme",
                            _("Budget by programme"), _("Programme"))  # fmt: skip

    def _through_budget(self, through, key):
        """Per ``key`` of a project link table: (projects, budget total, projects of unknown budget).

        The budget of a project is its effective budget (``ProjectQuerySet.with_effective_budget``).
        """
        budget = Coalesce("project__budget", Project.objects.lines_total(OuterRef("project")))
        rows = (
            through.objects.filter(project__in=self.projects().values("pk"))
            .annotate(budget=budget)
            .values(key)
            .annotate(n=Count("project"), total=Sum("budget"), unknown=Count("project", filter=Q(budget__isnull=True)))
            .order_by()
        )
        return {row[key]: (row["n"], row["total"], row["unknown"]) for row in rows}

    @cached_figure
    def budget_by_province(self) -> Figure:
        data = self._through_budget(Project.provinces.through, "province")
        labels = [(p.pk, p.name) for p in Province.objects.of_region(self.f.region)]
        return self._budget(data, labels, "budget-by-province", _("Budget by province"), _("Province"),
                            note=_("A project in several provinces counts in full in each."))  # fmt: skip

    @cached_figure
    def budget_by_axis(self) -> Figure:
        data = self._through_budget(Project.thematic_axes.through, "thematicaxis")
        labels = [(a.pk, a.name) for a in ThematicAxis.objects.all()]
        return self._budget(data, labels, "budget-by-axis", _("Budget by thematic axis"), _("Thematic axis"),
                            note=_("A project on several axes counts in full on each."))  # fmt: skip

    @cached_figure
    def agreements_by_status(self) -> Figure:
        return self._by(self.agreements(), "status", PartnershipAgreement.Status.choices, "agreements-by-status",
                        _("Partnership agreements by status"), _("Status"), _("Agreements"))  # fmt: skip

    @cached_figure
    def events_by_kind(self) -> Figure:
        counts = dict(self.events().order_by().values_list("kind").annotate(n=Count("pk")))
        rows = [[kind.name, counts.get(kind.pk, 0)] for kind in EventKind.objects.all()]
        return Figure("events-by-kind", _("Events by kind"), [_("Kind"), _("Events")], rows)

    @cached_figure
    def participants_by_category(self) -> Figure:
        """Unnamed groups in the meetings held, by category: how many groups, and how many people
        where their number is known (groups of unknown size are counted apart)."""
        groups = Attendance.objects.filter(
            meeting__in=self.meetings().filter(status=Meeting.Status.HELD).values("pk"), category__isnull=False
        )
        counts = {
            row["category"]: row
            for row in groups.order_by()
            .values("category")
            .annotate(
                groups=Count("pk"), people=Sum("headcount"), unknown=Count("pk", filter=Q(headcount__isnull=True))
            )
        }
        rows = [
            [c.name, counts.get(c.pk, {}).get("people") or 0, counts.get(c.pk, {}).get("groups", 0),
             counts.get(c.pk, {}).get("unknown", 0)]
            for c in ParticipantCategory.objects.all()
        ]  # fmt: skip
        columns = [_("Category"), _("People counted"), _("Groups"), _("Groups of unknown size")]
        # Bars for the groups: their number is always known, the people in them often not.
        return Figure("participants-by-category", _("Unnamed participants by category"), columns, rows, chart=2)

    STATISTICS_SHOWN = 60

    @cached_figure
    def regional_statistics(self) -> Figure:
        """The values of regional statistics for the portal's region as a whole (or the chosen
        province) within the period, each statistic as a time series, oldest first; at most
        ``STATISTICS_SHOWN`` rows, the list page has them all."""
        f = self.f
        qs = StatisticValue.objects.with_related()
        qs = qs.filter(region=f.region) if f.region else qs.filter(region__code=settings.PORTAL_REGION_CODE)
        qs = qs.filter(province=f.province) if f.province else qs.filter(province__isnull=True)
        qs = qs.filter(overlapping(f.start, f.end, date=None))
        values = qs.order_by("statistic__order", "statistic__code", "period_start", "pk")[: self.STATISTICS_SHOWN]
        rows = [
            [f"{value.statistic}{separator()}{format_period(value.period_start, value.period_end or value.period_start)}",
             value.value, str(value.source or "—")]
            for value in values
        ]  # fmt: skip
        columns = [_("Statistic and date"), _("Value"), _("Source")]
        return Figure("regional-statistics", _("Regional statistics"), columns, rows)

    # The figures of the overview page, in order, by slug (the slug names the download).
    OVERVIEW = {
        "meetings-by-kind": "meetings_by_kind",
        "participation": "participation",
        "recommendations-by-axis": "recommendations_by_axis",
        "recommendations-by-status": "recommendations_by_status",
        "recommendations-carried": "recommendations_carried",
        "projects-by-status": "projects_by_status",
        "budget-by-programme": "budget_by_programme",
        "budget-by-province": "budget_by_province",
        "budget-by-axis": "budget_by_axis",
        "agreements-by-status": "agreements_by_status",
        "events-by-kind": "events_by_kind",
        "participants-by-category": "participants_by_category",
        "regional-statistics": "regional_statistics",
    }
    DOWNLOADS = {**OVERVIEW, "provinces": "by_province"}

    def overview(self) -> list[Figure]:
        return [getattr(self, name) for name in self.OVERVIEW.values()]

    def figure(self, slug: str) -> Figure:
        """The figure downloaded as ``slug``, computed alone; raises KeyError for an unknown slug."""
        return getattr(self, self.DOWNLOADS[slug])

    # --- provinces ----------------------------------------------------------------------------------
    PROVINCE_MEASURES = {
        "meetings": _("Meetings"),
        "consultation_meetings": _("Consultation meetings"),
        "participants": _("Participants"),
        "projects": _("Projects"),
        "budget": _("Budget (MAD)"),
    }

    @cached_figure
    def by_province(self) -> Figure:
        """Per province of the region: meetings, consultation meetings, participants, projects, budget,
        and per-capita figures from the 2024 census (per 100,000 inhabitants; MAD per inhabitant)."""
        meetings = {
            row["province"]: row
            for row in self.meetings()
            .filter(province__isnull=False, status=Meeting.Status.HELD)
            .order_by()
            .values("province")
            .annotate(
                meetings=Count("pk"),
                consultation_meetings=Count("pk", filter=Q(kind=Meeting.Kind.CONSULTATION_MEETING)),
                participants=Sum("participants_total", filter=Q(kind=Meeting.Kind.CONSULTATION_MEETING)),
            )
        }
        projects = self._through_budget(Project.provinces.through, "province")
        rows = []
        for province in Province.objects.of_region(self.f.region):
            m = meetings.get(province.pk, {})
            n_projects, budget, _unknown = projects.get(province.pk, (0, None, 0))
            population = province.population_2024
            rows.append([
                province.name,
                m.get("meetings", 0),
                m.get("consultation_meetings", 0),
                m.get("participants"),
                n_projects,
                budget,
                population,
                per(n_projects, population, 100_000),
                per(budget, population, 1),
            ])  # fmt: skip
            rows[-1].append(province.code)
        columns = [
            _("Province"),
            _("Meetings"),
            _("Consultation meetings"),
            _("Participants"),
            _("Projects"),
            _("Budget (MAD)"),
            _("Population (2024)"),
            _("Projects per 100,000 inhabitants"),
            _("Budget per inhabitant (MAD)"),
        ]
        return Figure("provinces", _("Figures by province"), columns, rows, chart=None)


def per(value, population, unit) -> float | None:
    """``value`` per ``unit`` inhabitants, rounded to 0.01; None when either is unknown."""
    if value is None or not population:
        return None
    return round(float(value) * unit / population, 2)
