from django.urls import path

from . import dashboard_views as dashboard
from . import opendata_views as opendata
from .views import HomeView, SearchView

app_name = "overview"
urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("search/", SearchView.as_view(), name="search"),
    path("dashboard/", dashboard.OverviewView.as_view(), name="dashboard"),
    path("dashboard/provinces/", dashboard.ProvincesView.as_view(), name="dashboard_provinces"),
    path("dashboard/regions/", dashboard.RegionsView.as_view(), name="dashboard_regions"),
    path("dashboard/timeline/", dashboard.TimelineView.as_view(), name="dashboard_timeline"),
    path("dashboard/follow-up/", dashboard.FollowUpView.as_view(), name="dashboard_follow_up"),
    path("dashboard/export/<slug:slug>.<str:fmt>", dashboard.ExportView.as_view(), name="dashboard_export"),
    path("open-data/", opendata.OpenDataIndexView.as_view(), name="open_data"),
    path("open-data/schema.json", opendata.OpenDataSchemaView.as_view(), name="open_data_schema"),  # before <dataset>
    path("open-data/<slug:dataset>.json", opendata.OpenDataDatasetView.as_view(), name="open_data_dataset"),
]
