from django.urls import path

from . import calendar, papers, views

app_name = "meetings"
urlpatterns = [
    path("meetings/", views.MeetingListView.as_view(), name="meeting_list"),
    path("meetings/new/", views.MeetingCreateView.as_view(), name="meeting_create"),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path("meetings/<int:pk>/edit/", views.MeetingUpdateView.as_view(), name="meeting_update"),
    path(
        "meetings/<int:pk>/attendance-sheet.pdf", papers.AttendanceSheetView.as_view(), name="meeting_attendance_sheet"
    ),
    path("meetings/<int:pk>/minutes.pdf", papers.MinutesView.as_view(), name="meeting_minutes"),
    path("meetings/<int:pk>/copy-attendees/", views.CopyAttendeesView.as_view(), name="meeting_copy_attendees"),
    path("meetings/<int:pk>/meeting.ics", calendar.MeetingIcsView.as_view(), name="meeting_ics"),
    path("calendar/", calendar.UpcomingMeetingsView.as_view(), name="calendar"),
    path("calendar/new-address/", calendar.CalendarResetView.as_view(), name="calendar_reset"),
    path("calendar/<str:token>.ics", calendar.CalendarFeedView.as_view(), name="calendar_feed"),
    path("meetings/<int:pk>/delete/", views.MeetingDeleteView.as_view(), name="meeting_delete"),
    path("attendance/new/", views.AttendanceCreateView.as_view(), name="attendance_create"),
    path("attendance/<int:pk>/edit/", views.AttendanceUpdateView.as_view(), name="attendance_update"),
    path("attendance/<int:pk>/delete/", views.AttendanceDeleteView.as_view(), name="attendance_delete"),
    path("consultations/", views.ConsultationListView.as_view(), name="consultation_list"),
    path("consultations/new/", views.ConsultationCreateView.as_view(), name="consultation_create"),
    path("consultations/<int:pk>/", views.ConsultationDetailView.as_view(), name="consultation_detail"),
    path("consultations/<int:pk>/edit/", views.ConsultationUpdateView.as_view(), name="consultation_update"),
    path("consultations/<int:pk>/delete/", views.ConsultationDeleteView.as_view(), name="consultation_delete"),
    path("recommendations/", views.RecommendationListView.as_view(), name="recommendation_list"),
    path("recommendations/follow-up.pdf", papers.RecommendationReportView.as_view(), name="recommendation_report"),
    path("recommendations/new/", views.RecommendationCreateView.as_view(), name="recommendation_create"),
    path("recommendations/<int:pk>/", views.RecommendationDetailView.as_view(), name="recommendation_detail"),
    path("recommendations/<int:pk>/edit/", views.RecommendationUpdateView.as_view(), name="recommendation_update"),
    path("recommendations/<int:pk>/delete/", views.RecommendationDeleteView.as_view(), name="recommendation_delete"),
    path("recommendations/answers/new/", views.AnswerCreateView.as_view(), name="answer_create"),
    path("recommendations/answers/<int:pk>/edit/", views.AnswerUpdateView.as_view(), name="answer_update"),
    path("recommendations/answers/<int:pk>/delete/", views.AnswerDeleteView.as_view(), name="answer_delete"),
    path("recommendations/status/new/", views.StatusChangeCreateView.as_view(), name="statuschange_create"),
    path(
        "recommendations/lineage/new/", views.RecommendationLinkCreateView.as_view(), name="recommendationlink_create"
    ),
    path(
        "recommendations/lineage/<int:pk>/delete/",
        views.RecommendationLinkDeleteView.as_view(),
        name="recommendationlink_delete",
    ),
    path("decisions/", views.DecisionListView.as_view(), name="decision_list"),
    path("decisions/new/", views.DecisionCreateView.as_view(), name="decision_create"),
    path("decisions/<int:pk>/", views.DecisionDetailView.as_view(), name="decision_detail"),
    path("decisions/<int:pk>/edit/", views.DecisionUpdateView.as_view(), name="decision_update"),
    path("decisions/<int:pk>/delete/", views.DecisionDeleteView.as_view(), name="decision_delete"),
]
