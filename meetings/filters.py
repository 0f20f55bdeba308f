import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.filters import DayRangeFilter, PortalOrderingFilter, RecordChoiceFilter, chooser_filter
from stakeholders.filters import RegionFilterSet
from stakeholders.models import Province

from .models import Attendance, Consultation, Decision, Meeting, MeetingSeries, ParticipantCategory, Recommendation


class MeetingFilter(RegionFilterSet):
    date = DayRangeFilter(method="filter_date", label=_("date"))
    province = RecordChoiceFilter(queryset=Province.objects.of_portal_region(), label=_("province"))
    organization = chooser_filter(
        Meeting._meta.get_field("organizer"), "organization", _("organization"), method="filter_organization"
    )
    person = chooser_filter(Attendance._meta.get_field("person"), "attendances__person", _("person"), distinct=True)
    category = RecordChoiceFilter(
        field_name="attendances__category",
        queryset=ParticipantCategory.objects.all(),
        label=_("category of participants"),
        distinct=True,
    )
    series = RecordChoiceFilter(queryset=MeetingSeries.objects.all(), label=_("series of meetings"))
    o = PortalOrderingFilter(
        fields=(("date", "date"), ("title_ar", "title"), ("kind", "kind"), ("status", "status")),
        label=_("sort by"),
    )

    class Meta:
        model = Meeting
        fields = ["q", "region", "kind", "status", "date", "province", "organization", "person", "category", "series"]

    def filter_date(self, queryset, name, value):
        """Meetings on a day in the range, or known only by a period that overlaps it."""
        return queryset.within(value.start, value.stop)

    def filter_organization(self, queryset, name, value):
        """Meetings the organization organized or attended."""
        return queryset.filter(Q(organizer=value) | Q(attendances__organization=value)).distinct()


class ConsultationFilter(RegionFilterSet):
    o = PortalOrderingFilter(
        fields=(("period_start", "period"), ("participants_total", "participants")), label=_("sort by")
    )

    class Meta:
        model = Consultation
        fields = ["q", "region"]


class RecommendationFilter(RegionFilterSet):
    axis = RecordChoiceFilter(
        queryset=Recommendation._meta.get_field("axis").related_model.objects.all(), label=_("thematic axis")
    )
    province = RecordChoiceFilter(
        queryset=Province.objects.of_portal_region(), method="filter_province", label=_("province")
    )
    source_consultation = chooser_filter(  # a region holds hundreds: searched, not listed
        Recommendation._meta.get_field("source_consultation"), "source_consultation", _("source consultation"),
        method="filter_source_consultation",
    )  # fmt: skip
    has_project = django_filters.BooleanFilter(method="filter_has_project", label=_("carried by a project"))
    o = PortalOrderingFilter(
        fields=(("axis__order", "axis"), ("status", "status")),
        field_labels={"axis__order": _("thematic axis"), "status": _("status")},  # else "Axis", in English
        label=_("sort by"),
    )

    class Meta:
        model = Recommendation
        fields = ["q", "region", "axis", "status", "province", "source_consultation", "has_project"]

    def filter_province(self, queryset, name, value):
        """From a meeting in the province, or from a consultation with a meeting there."""
        return queryset.filter(
            Q(source_meeting__province=value) | Q(source_consultation__meetings__province=value)
        ).distinct()

    def filter_source_consultation(self, queryset, name, value):
        """Made by the consultation as a whole, or by one of its provincial meetings."""
        return queryset.of_consultations([value.pk])

    def filter_has_project(self, queryset, name, value):
        return queryset.filter(projects__isnull=not value).distinct()


class DecisionFilter(RegionFilterSet):
    meeting = chooser_filter(Decision._meta.get_field("meeting"), "meeting", _("session"))
    o = PortalOrderingFilter(fields=(("date", "date"), ("number", "number")), label=_("sort by"))

    class Meta:
        model = Decision
        fields = ["q", "region", "meeting"]
