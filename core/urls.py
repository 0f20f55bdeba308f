from django.urls import path

from .editing import ChooserView
from .history import DeletedRecordsView, PurgeView, RecordHistoryView, RestoreView
from .import_views import ImportTemplateView, ImportView

app_name = "core"
urlpatterns = [
    path("choose/", ChooserView.as_view(), name="chooser"),
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
