from django.urls import path

from . import views

app_name = "regional_statistics"
urlpatterns = [
    path("statistics/", views.StatisticValueListView.as_view(), name="value_list"),
    path("statistics/new/", views.StatisticValueCreateView.as_view(), name="value_create"),
    path("statistics/<int:pk>/", views.StatisticValueDetailView.as_view(), name="value_detail"),
    path("statistics/<int:pk>/edit/", views.StatisticValueUpdateView.as_view(), name="value_update"),
    path("statistics/<int:pk>/delete/", views.StatisticValueDeleteView.as_view(), name="value_delete"),
]
