from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AgendaItem, Attendance, Consultation, Meeting, Recommendation


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ["person", "position", "organization"]


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["title_ar", "title_fr", "kind", "date", "period_start", "province", "status"]
    list_filter = ["kind", "status", "format", "province"]
    list_select_related = ["province"]
    search_fields = ["title_ar", "title_fr", "venue"]
    date_hierarchy = "date"
    autocomplete_fields = ["region", "province", "chair", "organizer", "consultation"]
    inlines = [AgendaItemInline, AttendanceInline]


@admin.register(Attendance)
class AttendanceAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "person", "group_ar", "position", "organization", "mode", "status", "is_presenter"]
    list_filter = ["mode", "status", "is_presenter"]
    date_hierarchy = "meeting__date"
    list_select_related = ["meeting", "person", "position__person", "position__organization", "organization"]
    search_fields = ["person__full_name_ar", "person__full_name_latin", "group_ar", "group_fr", "meeting__title_ar"]
    autocomplete_fields = ["meeting", "person", "position", "organization"]


class ConsultationMeetingInline(admin.TabularInline):
    model = Meeting
    fk_name = "consultation"
    fields = ["title_ar", "province", "date", "period_start", "period_end", "participants_total", "participants_women"]
    extra = 0
    autocomplete_fields = ["province"]


@admin.register(Consultation)
class ConsultationAdmin(SimpleHistoryAdmin):
    list_display = ["title_ar", "period_start", "period_end", "participants_total", "programme"]
    date_hierarchy = "period_start"
    list_select_related = ["programme"]
    search_fields = ["title_ar", "title_fr", "theme_ar", "theme_fr"]
    autocomplete_fields = ["organizer", "region", "partners", "programme"]
    inlines = [ConsultationMeetingInline]


@admin.register(Recommendation)
class RecommendationAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "axis", "status", "source_consultation", "source_meeting"]
    list_filter = ["status", "axis", "source_consultation"]
    list_select_related = ["axis", "source_consultation", "source_meeting"]
    search_fields = ["text_ar", "text_fr"]
    autocomplete_fields = ["axis", "source_meeting", "source_consultation"]
