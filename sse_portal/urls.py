"""The portal's URLs: each app's pages under its namespace, accounts, health, the admin, languages."""

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from core.health import HealthView

# Unauthenticated, for the reverse proxy and monitoring: each check's name and status, nothing else.
health = HealthView.as_view(
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
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),  # the sign-in page's menu too
    path("admin/", admin.site.urls),
    path("", include("meetings.urls")),
    path("", include("projects.urls")),
    path("", include("stakeholders.urls")),
    path("", include("sources.urls")),
    path("", include("regional_statistics.urls")),
]
