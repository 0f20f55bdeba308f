from django.contrib import admin

from core.admin import HistoryAdmin, document_inline

from .models import (
    AgendaItem,
    Attendance,
    Consultation,
    ConsultationDocument,
    Decision,
    DecisionDocument,
    Meeting,
    MeetingDocument,
    MeetingLink,
    MeetingSeries,
    Recommendation,
    RecommendationAnswer,
    RecommendationLink,
    StatusChange,
)


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ["person", "position", "office", "organization"]


class MeetingLinkInline(admin.TabularInline):
    model = MeetingLink
    fk_name = "from_meeting"
    extra = 0
    autocomplete_fields = ["to_meeting"]


@admin.register(MeetingSeries)
class MeetingSeriesAdmin(HistoryAdmin):
    list_display = ["title_ar", "title_fr"]
    search_fields = ["title_ar", "title_fr"]


@admin.register(Meeting)
class MeetingAdmin(HistoryAdmin):
    list_display = ["title_ar", "title_fr", "kind", "date", "period_start", "province", "status"]
    list_filter = ["kind", "status", "format", "province", ("date", admin.DateFieldListFilter)]
    list_select_related = ["province"]
    search_fields = ["title_ar", "title_fr", "venue"]
    autocomplete_fields = ["region", "province", "chair", "organizer", "consultation", "series"]
    inlines = [AgendaItemInline, AttendanceInline, MeetingLinkInline, document_inline(MeetingDocument)]


@admin.register(Attendance)
class AttendanceAdmin(HistoryAdmin):
    list_display = ["meeting", "person", "group_ar", "position", "organization", "mode", "status", "role"]
    list_filter = ["mode", "status", "role", "category", ("meeting__date", admin.DateFieldListFilter)]
    ordering = ["-pk"]
    list_select_related = ["meeting", "person", "position__person", "position__organization", "organization"]
    search_fields = ["person__full_name_ar", "person__full_name_latin", "group_ar", "group_fr", "meeting__title_ar"]
    autocomplete_fields = ["meeting", "person", "position", "office", "organization"]


class ConsultationMeetingInline(admin.TabularInline):
    model = Meeting
    fk_name = "consultation"
    fields = ["title_ar", "province", "date", "period_start", "period_end", "participants_total", "participants_women"]
    extra = 0
    autocomplete_fields = ["province"]


@admin.register(Consultation)
class ConsultationAdmin(HistoryAdmin):
    list_display = ["title_ar", "period_start", "period_end", "participants_total", "programme"]
    date_hierarchy = "period_start"
    list_select_related = ["programme"]
    search_fields = ["title_ar", "title_fr", "theme_ar", "theme_fr"]
    autocomplete_fields = ["organizer", "region", "partners", "programme"]
    inlines = [ConsultationMeetingInline, document_inline(ConsultationDocument)]


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    readonly_fields = ["from_status", "to_status", "changed_on", "author", "reason"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False  # steps are recorded through meetings.services.change_status


@admin.register(Recommendation)
class RecommendationAdmin(HistoryAdmin):
    list_display = ["__str__", "axis", "status", "source_consultation", "source_meeting"]
    list_filter = ["status", "axis", "source_consultation"]
    list_select_related = ["axis", "source_consultation", "source_meeting"]
    ordering = ["-pk"]  # newest first: sorting on the axis would sort every row
    search_fields = ["text_ar", "text_fr"]
    autocomplete_fields = ["axis", "source_meeting", "source_consultation"]
    inlines = [StatusChangeInline]
    # Status moves only through its workflow (meetings.services.change_status: in order, dated,
    # signed), on the recommendation's page; here it is shown, never edited.
    readonly_fields = ["status"]


@admin.register(RecommendationAnswer)
class RecommendationAnswerAdmin(HistoryAdmin):
    list_display = ["recommendation", "responsible", "estimated_cost", "answered_on"]
    list_select_related = ["recommendation", "responsible"]
    search_fields = ["text_ar", "text_fr", "recommendation__text_ar"]
    date_hierarchy = "answered_on"
    autocomplete_fields = ["recommendation", "responsible"]


@admin.register(RecommendationLink)
class RecommendationLinkAdmin(admin.ModelAdmin):
    list_display = ["source", "target", "kind"]
    list_filter = ["kind"]
    list_select_related = ["source", "target"]
    search_fields = ["source__text_ar", "target__text_ar"]
    autocomplete_fields = ["source", "target"]


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin):
    list_display = ["recommendation", "from_status", "to_status", "changed_on", "author"]
    list_filter = ["to_status"]
    list_select_related = ["recommendation", "author"]
    search_fields = ["recommendation__text_ar", "reason"]
    date_hierarchy = "changed_on"
    readonly_fields = ["recommendation", "from_status", "to_status", "changed_on", "author", "reason"]

    def has_add_permission(self, request):
        return False


@admin.register(Decision)
class DecisionAdmin(HistoryAdmin):
    list_display = ["number", "date", "meeting", "votes_for", "votes_against", "abstentions"]
    list_select_related = ["meeting"]
    search_fields = ["number", "subject_ar", "subject_fr"]
    date_hierarchy = "date"
    autocomplete_fields = ["meeting"]
    inlines = [document_inline(DecisionDocument)]
