from django.urls import path

from . import views

app_name = "projects"
urlpatterns = [
    path("projects/", views.ProjectListView.as_view(), name="project_list"),
    path("projects/new/", views.ProjectCreateView.as_view(), name="project_create"),
    path("projects/<int:pk>/", views.ProjectDetailView.as_view(), name="project_detail"),
    path("projects/<int:pk>/edit/", views.ProjectUpdateView.as_view(), name="project_update"),
    path("projects/<int:pk>/delete/", views.ProjectDeleteView.as_view(), name="project_delete"),
    path("programmes/", views.ProgrammeListView.as_view(), name="programme_list"),
    path("programmes/new/", views.ProgrammeCreateView.as_view(), name="programme_create"),
    path("programmes/<int:pk>/", views.ProgrammeDetailView.as_view(), name="programme_detail"),
    path("programmes/<int:pk>/edit/", views.ProgrammeUpdateView.as_view(), name="programme_update"),
    path("programmes/<int:pk>/delete/", views.ProgrammeDeleteView.as_view(), name="programme_delete"),
    path("strategies/", views.StrategyListView.as_view(), name="strategy_list"),
    path("strategies/new/", views.StrategyCreateView.as_view(), name="strategy_create"),
    path("strategies/<int:pk>/", views.StrategyDetailView.as_view(), name="strategy_detail"),
    path("strategies/<int:pk>/edit/", views.StrategyUpdateView.as_view(), name="strategy_update"),
    path("strategies/<int:pk>/delete/", views.StrategyDeleteView.as_view(), name="strategy_delete"),
    path("agreements/", views.AgreementListView.as_view(), name="agreement_list"),
    path("agreements/new/", views.AgreementCreateView.as_view(), name="agreement_create"),
    path("agreements/<int:pk>/", views.AgreementDetailView.as_view(), name="agreement_detail"),
    path("agreements/<int:pk>/edit/", views.AgreementUpdateView.as_view(), name="agreement_update"),
    path("agreements/<int:pk>/delete/", views.AgreementDeleteView.as_view(), name="agreement_delete"),
]
