from django.urls import path

from . import views

app_name = "sources"
urlpatterns = [
    path("sources/", views.SourceListView.as_view(), name="source_list"),
    path("sources/new/", views.SourceCreateView.as_view(), name="source_create"),
    path("sources/<int:pk>/", views.SourceDetailView.as_view(), name="source_detail"),
    path("sources/<int:pk>/edit/", views.SourceUpdateView.as_view(), name="source_update"),
    path("sources/<int:pk>/delete/", views.SourceDeleteView.as_view(), name="source_delete"),
]
