from django.urls import path

from .document_views import DocumentCreateView, DocumentDeleteView, DocumentDownloadView
from .editing import ChooserView
from .history import DeletedRecordsView, PurgeView, RecordHistoryView, RestoreView
from .import_views import ImportTemplateView, ImportView
from .job_views import JobFileView, JobView
from .open_list_views import OpenListCreateView, OpenListIndexView, OpenListUpdateView, OpenListView

app_name = "core"
urlpatterns = [
    path("choose/", ChooserView.as_view(), name="chooser"),
    path(
        "documents/<str:app_label>/<str:model_name>/new/<int:parent>/",
        DocumentCreateView.as_view(),
        name="document_create",
    ),
    path(
        "documents/<str:app_label>/<str:model_name>/<int:pk>/", DocumentDownloadView.as_view(), name="document_download"
    ),
    path(
        "documents/<str:app_label>/<str:model_name>/<int:pk>/delete/",
        DocumentDeleteView.as_view(),
        name="document_delete",
    ),
    path("lists/", OpenListIndexView.as_view(), name="open_lists"),
    path("lists/<str:app_label>/<str:model_name>/", OpenListView.as_view(), name="open_list"),
    path("lists/<str:app_label>/<str:model_name>/new/", OpenListCreateView.as_view(), name="open_list_create"),
    path(
        "lists/<str:app_label>/<str:model_name>/<int:pk>/edit/", OpenListUpdateView.as_view(), name="open_list_update"
    ),
    path("jobs/<uuid:pk>/", JobView.as_view(), name="job"),
    path("jobs/<uuid:pk>/file/", JobFileView.as_view(), name="job_file"),
    path("import/<slug:slug>/", ImportView.as_view(), name="import"),
    path("import/<slug:slug>/template.xlsx", ImportTemplateView.as_view(), name="import_template"),
    path("history/<str:app_label>/<str:model_name>/<int:pk>/", RecordHistoryView.as_view(), name="record_history"),
    path("history/<str:app_label>/<str:model_name>/deleted/", DeletedRecordsView.as_view(), name="deleted_records"),
    path(
        "history/<str:app_label>/<str:model_name>/restore/<int:history_id>/",
        RestoreView.as_view(),
        name="record_restore",
    ),
    path(
        "history/<str:app_label>/<str:model_name>/purge/<int:history_id>/",
        PurgeView.as_view(),
        name="record_purge",
    ),
]
