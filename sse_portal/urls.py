from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import dashboard_views as dashboard
from .editing import ChooserView
from .history import DeletedRecordsView, RecordHistoryView, RestoreView
from .views import HomeView, SearchView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("search/", SearchView.as_view(), name="search"),
    path("choose/", ChooserView.as_view(), name="chooser"),
    path("dashboard/", dashboard.OverviewView.as_view(), name="dashboard"),
    path("dashboard/provinces/", dashboard.ProvincesView.as_view(), name="dashboard_provinces"),
    path("dashboard/timeline/", dashboard.TimelineView.as_view(), name="dashboard_timeline"),
    path("dashboard/follow-up/", dashboard.FollowUpView.as_view(), name="dashboard_follow_up"),
    path("dashboard/export/<slug:slug>.<str:fmt>", dashboard.ExportView.as_view(), name="dashboard_export"),
    path("history/<str:app_label>/<str:model_name>/<int:pk>/", RecordHistoryView.as_view(), name="record_history"),
    path("history/<str:app_label>/<str:model_name>/deleted/", DeletedRecordsView.as_view(), name="deleted_records"),
    path(
        "history/<str:app_label>/<str:model_name>/restore/<int:history_id>/",
        RestoreView.as_view(),
        name="record_restore",
    ),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("meetings.urls")),
    path("", include("projects.urls")),
    path("", include("stakeholders.urls")),
]
