"""The national view: the figures of Morocco's 12 regions side by side, for the ministry's partners.

Every figure is one aggregate query grouped by region (``values(region).annotate()``) over the
dashboard's querysets for the chosen period (``overview.dashboard.Dashboard``), so a page does
the same number of queries for 1 region or 12. A record counts in its own region; one placed in
none counts in the portal's (``settings.PORTAL_REGION_CODE``), as on the regional dashboard. Each
figure is a region per row, in HCP code order, with the region's code last (for the map) and
the national total in ``total``. Amounts in MAD, dates Africa/Casablanca.
"""

from django.conf import settings
from django.db.models import BigIntegerField, Count, F, Q, Sum, Value, Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from core.i18n import separator
from core.models import overlapping
from meetings.models import Attendance, Meeting, Recommendation
from projects.models import (
    EventKind,
    PartnershipAgreement,
    Programme,
    Project,
    StrategyAxis,
    ThematicAxis,
)
from regional_statistics.models import Statistic, StatisticValue
from stakeholders.models import Organization, Region

from .dashboard import CARRIED, Dashboard, Figure, Filters, in_development_programme, share
from .figures_cache import cached_figure

MINISTRY = Organization.Kind.MINISTRY


class National:
    """All the national figures for a period (``Filters.start`` and ``end``; the other filters are
    a region's and are ignored)."""

    def __init__(self, filters: Filters):
        self.f = Filters(filters.start, filters.end)
        self.dashboard = Dashboard(self.f)  # with no region: every region's records

    @cached_property
    def regions(self) -> list[Region]:
        return list(Region.objects.order_by("code"))

    @cached_property
    def portal(self) -> int | None:
        """The key of the portal's region, which records of no region count in."""
        return next((r.pk for r in self.regions if r.code == settings.PORTAL_REGION_CODE), None)

    def region_of(self, *lookups):
        """The region key of a row: the first of ``lookups`` that is set, else the portal's region."""
        parts = [F(lookup) for lookup in lookups] + ([Value(self.portal)] if self.portal else [])
        return Coalesce(*parts, output_field=BigIntegerField()) if len(parts) > 1 else parts[0]

    def by_region(self, queryset, lookups=("region",), **aggregates) -> dict[int, dict]:
        """``aggregates`` of ``queryset`` per region key (one query)."""
        rows = queryset.order_by().annotate(row_region=self.region_of(*lookups)).values("row_region")
        return {row.pop("row_region"): row for row in rows.annotate(**aggregates)}

    def table(self, slug, title, columns, cells, chart=1, note="", totals=True) -> Figure:
        """A figure of one row per region: its name, ``cells(region)``, then its code; with
        ``totals``, a total row adding up every column of numbers (None where no region's value is
        known)."""
        rows = [[region.name, *cells(region.pk), region.code] for region in self.regions]
        figure = Figure(slug, title, [_("Region"), *columns], rows, chart=chart, note=note)
        if totals:
            sums = [[row[index] for row in rows if row[index] is not None] for index in range(1, len(columns) + 1)]
            figure.total = [_("All regions"), *(sum(values) if values else None for values in sums)]
        return figure

    @staticmethod
    def counts_by(queryset, group, choices) -> dict:
        """Aggregates counting the rows of each (key, label) of ``choices`` by ``group``."""
        return {f"n{index}": Count("pk", filter=Q(**{group: key})) for index, (key, _label) in enumerate(choices)}

    def matrix(self, slug, title, queryset, lookups, group, choices, note="") -> Figure:
        """Rows of ``queryset`` per region and per ``choices`` of ``group`` (one column each), and in all."""
        data = self.by_region(queryset, lookups, total=Count("pk"), **self.counts_by(queryset, group, choices))

        def cells(region):
            row = data.get(region, {})
            return [row.get(f"n{index}", 0) for index in range(len(choices))] + [row.get("total", 0)]

        columns = [label for _key, label in choices] + [_("In all")]
        return self.table(slug, title, columns, cells, chart=None, note=note)

    # --- the figures -------------------------------------------------------------------------------
    @cached_figure
    def summary(self) -> Figure:
        """The map's table: per region, the headline figure of each part of the programme."""
        d = self.dashboard
        held = d.meetings().filter(status=Meeting.Status.HELD)
        ministry = Attendance.objects.filter(
            Q(organization__kind=MINISTRY)
            | Q(office__organization__kind=MINISTRY)
            | Q(position__organization__kind=MINISTRY)
        ).values("meeting")
        meetings = self.by_region(
            held,
            meetings=Count("pk"),
            ministry=Count("pk", filter=Q(organizer__kind=MINISTRY) | Q(pk__in=ministry)),
            consultation_meetings=Count("pk", filter=Q(kind=Meeting.Kind.CONSULTATION_MEETING)),
        )
        consultations = self.by_region(d.consultations(), participants=Sum("participants_total"))
        carried = self.recommendations_carried_counts()
        projects = self.by_region(d.projects().with_effective_budget(), n=Count("pk"), budget=Sum("effective_budget"))
        agreements = self.by_region(d.agreements(), n=Count("pk"))
        events = self.by_region(d.events(), n=Count("pk"))

        def cells(region):
            m, r = meetings.get(region, {}), carried.get(region, {})
            return [
                m.get("meetings", 0), m.get("ministry", 0), m.get("consultation_meetings", 0),
                consultations.get(region, {}).get("participants"), r.get("total", 0),
                share(r.get("carried", 0), r.get("total", 0)), projects.get(region, {}).get("n", 0),
                projects.get(region, {}).get("budget"), agreements.get(region, {}).get("n", 0),
                events.get(region, {}).get("n", 0),
            ]  # fmt: skip

        figure = self.table("regions", _("Figures by region"), list(self.MEASURES.values()), cells, chart=None)
        share_column = list(self.MEASURES).index("carried") + 1  # not a sum of shares
        figure.total[share_column] = share(sum(r["carried"] for r in carried.values()), figure.total[share_column - 1])
        return figure

    # The summary's columns, by the key the map's measure selector uses.
    MEASURES = {
        "meetings": _("Meetings held"),
        "ministry": _("Meetings with the ministry"),
        "consultation_meetings": _("Consultation meetings"),
        "participants": _("Participants in consultations"),
        "recommendations": _("Recommendations"),
        "carried": _("Share carried into the development programme (%)"),
        "projects": _("Projects"),
        "budget": _("Budget (MAD)"),
        "agreements": _("Partnership agreements"),
        "events": _("Events"),
    }

    def recommendations_carried_counts(self) -> dict[int, dict]:
        """Per region: recommendations, and those carried into a regional development programme
        (``overview.dashboard.CARRIED`` and ``in_development_programme``)."""
        return self.by_region(
            self.dashboard.recommendations(),
            Recommendation.region_lookups,
            total=Count("pk"),
            carried=Count("pk", filter=Q(status__in=CARRIED) | Q(pk__in=in_development_programme())),
        )

    @cached_figure
    def recommendations_by_status(self) -> Figure:
        return self.matrix("regions-recommendations-by-status", _("Recommendations by status"),
                           self.dashboard.recommendations(), Recommendation.region_lookups, "status",
                           Recommendation.Status.choices)  # fmt: skip

    @cached_figure
    def recommendations_by_axis(self) -> Figure:
        axes = [(axis.pk, axis.name) for axis in ThematicAxis.objects.all()] + [(None, _("no axis"))]
        return self.matrix("regions-recommendations-by-axis", _("Recommendations by thematic axis"),
                           self.dashboard.recommendations(), Recommendation.region_lookups, "axis", axes)  # fmt: skip

    @cached_figure
    def projects_by_status(self) -> Figure:
        projects = self.dashboard.projects().with_effective_budget()
        data = self.by_region(projects, budget=Sum("effective_budget"),
                              unknown=Count("pk", filter=Q(effective_budget__isnull=True)),
                              **self.counts_by(projects, "status", Project.Status.choices))  # fmt: skip
        choices = Project.Status.choices

        def cells(region):
            row = data.get(region, {})
            counts = [row.get(f"n{index}", 0) for index in range(len(choices))]
            return [*counts, sum(counts), row.get("budget"), row.get("unknown", 0)]

        columns = [label for _key, label in choices] + [_("In all"), _("Budget (MAD)"), _("Of which budget not known")]
        return self.table("regions-projects", _("Projects by status and budget"), columns, cells, chart=None)

    @cached_figure
    def agreements_by_status(self) -> Figure:
        return self.matrix("regions-agreements", _("Partnership agreements by status"), self.dashboard.agreements(),
                           ("region",), "status", PartnershipAgreement.Status.choices)  # fmt: skip

    @cached_figure
    def events_by_kind(self) -> Figure:
        kinds = [(kind.pk, kind.name) for kind in EventKind.objects.all()]
        return self.matrix("regions-events", _("Events by kind"), self.dashboard.events(), ("region",), "kind", kinds)

    STATISTICS_SHOWN = 8

    @cached_figure
    def regional_statistics(self) -> Figure:
        """Per region, the latest value in the period of each regional statistic (the region as a
        whole); the first ``STATISTICS_SHOWN`` statistics that have a value, in their order."""
        values = StatisticValue.objects.filter(province__isnull=True).filter(
            overlapping(self.f.start, self.f.end, date=None)
        )
        latest = Window(
            RowNumber(),
            partition_by=[F("region"), F("statistic")],
            order_by=[F("period_start").desc(), F("period_end").desc(nulls_last=True), F("pk").desc()],
        )
        rows = values.annotate(rank=latest).filter(rank=1).values_list("region", "statistic", "value")
        data = {(region, statistic): value for region, statistic, value in rows}
        shown = {statistic for _region, statistic in data}
        statistics = [s for s in Statistic.objects.order_by("order", "code") if s.pk in shown][: self.STATISTICS_SHOWN]
        if not statistics:
            return Figure("regions-statistics", _("Regional statistics"), [_("Region")], chart=None)
        # no total: values of different dates, and rates among them, are not to be added
        return self.table(
            "regions-statistics", _("Regional statistics"), [str(s) for s in statistics],
            lambda region: [data.get((region, s.pk)) for s in statistics], chart=None, totals=False,
            note=_("The latest value in the period, for the region as a whole; the regional statistics list has the dates and sources."),
        )  # fmt: skip

    @cached_figure
    def strategy_axes(self) -> Figure:
        """For each axis of a strategy (the national SSE strategy), the regions whose regional
        development programme covers it (a project of that programme on the axis, in the project's
        region), how many such projects, and how many recommendations they carry (each once).
        Rows: axis, number of regions, their names, projects, recommendations."""
        projects = self.dashboard.projects().filter(programme__kind=Programme.Kind.REGIONAL_DEVELOPMENT)
        on_axis = Project.strategy_axes.through.objects.filter(project__in=projects.values("pk"))
        project_rows = (
            on_axis.annotate(row_region=self.region_of("project__region"))
            .values("strategyaxis", "row_region")
            .annotate(n=Count("project"))
            .order_by()
        )
        carried = Project.recommendations.through.objects.filter(project__in=projects.values("pk"))
        n_recommendations = dict(
            carried.filter(project__strategy_axes__isnull=False)
            .values_list("project__strategy_axes")
            .annotate(n=Count("recommendation", distinct=True))
            .order_by()
        )
        covered, n_projects = {}, {}
        for row in project_rows:
            covered.setdefault(row["strategyaxis"], set()).add(row["row_region"])
            n_projects[row["strategyaxis"]] = n_projects.get(row["strategyaxis"], 0) + row["n"]
        names = {region.pk: region.name for region in self.regions}
        rows = []
        for axis in StrategyAxis.objects.select_related("strategy"):
            regions = [
                names[key] for key in sorted(covered.get(axis.pk, ()), key=lambda k: names.get(k, "")) if key in names
            ]
            rows.append([str(axis), len(regions), separator().join(regions) if regions else "—",
                         n_projects.get(axis.pk, 0), n_recommendations.get(axis.pk, 0)])  # fmt: skip
        columns = [_("Strategy axis"), _("Regions"), _("Regions covering it"), _("Projects"), _("Recommendations")]
        return Figure("regions-strategy-axes", _("Axes of the strategy in the regions' programmes"), columns, rows,
                      note=_("Projects of a regional development programme on the axis, and the recommendations they carry."))  # fmt: skip

    FIGURES = {
        "regions": "summary",
        "regions-recommendations-by-status": "recommendations_by_status",
        "regions-recommendations-by-axis": "recommendations_by_axis",
        "regions-projects": "projects_by_status",
        "regions-agreements": "agreements_by_status",
        "regions-events": "events_by_kind",
        "regions-statistics": "regional_statistics",
        "regions-strategy-axes": "strategy_axes",
    }

    def figures(self) -> list[Figure]:
        """The figures the page shows below the map (the summary is the map's table)."""
        return [getattr(self, name) for slug, name in self.FIGURES.items() if slug != "regions"]

    def figure(self, slug: str) -> Figure:
        """The figure downloaded as ``slug``; raises KeyError for an unknown slug."""
        return getattr(self, self.FIGURES[slug])
