"""The portal's URLs: each app's pages under its namespace, accounts, health, the admin, languages."""

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from health_check.views import HealthCheckView

# Unauthenticated, for the reverse proxy and monitoring: each check's name and status, nothing else.
health = HealthCheckView.as_view(
    checks=[
        "health_check.checks.Database",
        "health_check.checks.Cache",
        "health_check.checks.Storage",
        "core.health.NoPendingMigrations",
    ]
)

urlpatterns = [
    path("", include("overview.urls")),
    path("", include("core.urls")),
    path("accounts/", include("django.contrib.auth.urls")),  # sign-in, password change and reset
    path("health/", login_not_required(health), name="health"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("meetings.urls")),
    path("", include("projects.urls")),
    path("", include("stakeholders.urls")),
]
