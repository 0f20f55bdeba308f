from django.urls import path

from . import views

app_name = "stakeholders"
urlpatterns = [
    path("organizations/", views.OrganizationListView.as_view(), name="organization_list"),
    path("organizations/new/", views.OrganizationCreateView.as_view(), name="organization_create"),
    path("organizations/<int:pk>/", views.OrganizationDetailView.as_view(), name="organization_detail"),
    path("organizations/<int:pk>/edit/", views.OrganizationUpdateView.as_view(), name="organization_update"),
    path("organizations/<int:pk>/delete/", views.OrganizationDeleteView.as_view(), name="organization_delete"),
    path("people/", views.PersonListView.as_view(), name="person_list"),
    path("people/new/", views.PersonCreateView.as_view(), name="person_create"),
    path("people/<int:pk>/", views.PersonDetailView.as_view(), name="person_detail"),
    path("people/<int:pk>/edit/", views.PersonUpdateView.as_view(), name="person_update"),
    path("people/<int:pk>/delete/", views.PersonDeleteView.as_view(), name="person_delete"),
    path("offices/new/", views.OfficeCreateView.as_view(), name="office_create"),
    path("offices/<int:pk>/edit/", views.OfficeUpdateView.as_view(), name="office_update"),
    path("offices/<int:pk>/delete/", views.OfficeDeleteView.as_view(), name="office_delete"),
    path("positions/new/", views.PositionCreateView.as_view(), name="position_create"),
    path("positions/<int:pk>/edit/", views.PositionUpdateView.as_view(), name="position_update"),
    path("positions/<int:pk>/delete/", views.PositionDeleteView.as_view(), name="position_delete"),
]
