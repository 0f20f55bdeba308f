"""What a deployment needs: error pages, sign-in lockout, headers, logs, health, password flows."""

import io
import logging
import re
import subprocess
import sys
import time

import pytest
from axes.utils import reset
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from core.middleware import SESSION_REFRESHED

from .conftest import production_env

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_lines():
    """What the configured stdout log handler (settings.LOGGING) writes during the test."""
    handler = logging.getLogger("django").handlers[0]
    written = io.StringIO()
    previous = handler.setStream(written)
    yield written
    handler.setStream(previous)


def test_a_missing_page_answers_in_the_portals_layout_and_language(staff_client):
    response = staff_client.get("/nowhere/", HTTP_ACCEPT_LANGUAGE="ar")
    page = response.content.decode()
    assert response.status_code == 404 and "الصفحة غير موجودة" in page and 'dir="rtl"' in page and "<nav" in page


def test_a_signed_in_user_without_a_role_sees_no_page(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("no-role"))
    for url in [reverse("overview:home"), reverse("overview:search") + "?q=x", reverse("overview:dashboard")]:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
        assert response.status_code == 403 and "Accès refusé" in response.content.decode(), url


def test_an_error_is_logged_with_its_traceback_and_request_id_and_shown_translated(
    staff_client, monkeypatch, log_lines
):
    def boom(self, **kwargs):
        raise RuntimeError("boom in the home page")

    monkeypatch.setattr("overview.views.HomeView.get_context_data", boom)
    staff_client.raise_request_exception = False
    response = staff_client.get(reverse("overview:home"), HTTP_ACCEPT_LANGUAGE="fr", HTTP_X_REQUEST_ID="req-42")
    assert response.status_code == 500 and "Une erreur s’est produite" in response.content.decode()
    assert response["X-Request-ID"] == "req-42"
    logged = log_lines.getvalue()
    assert "level=ERROR request=req-42 logger=django.request" in logged
    assert "Traceback" in logged and "RuntimeError: boom in the home page" in logged


def test_slow_requests_are_logged_with_path_duration_and_queries(staff_client, settings, log_lines):
    settings.SLOW_REQUEST_SECONDS = 0
    staff_client.get(reverse("meetings:meeting_list"))
    line = next(line for line in log_lines.getvalue().splitlines() if "slow request" in line)
    assert re.search(r"level=WARNING request=\S+ .*path=/meetings/ status=200 duration_ms=\d+ queries=\d+", line)


def test_an_expired_form_gets_a_translated_page():
    response = Client(enforce_csrf_checks=True).post(reverse("login"), {}, HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 403 and "انتهت صلاحية الاستمارة" in response.content.decode()


def test_sign_in_locks_after_repeated_failures_until_an_administrator_unlocks(client, staff_user, settings):
    url = reverse("login")
    wrong = {"username": staff_user.username, "password": "wrong"}
    statuses = [client.post(url, wrong).status_code for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    locked = client.post(url, {"username": staff_user.username, "password": "x"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert locked.status_code == 429 and "La connexion est bloquée" in locked.content.decode()
    assert "15 minutes" in locked.content.decode()
    reset(username=staff_user.username)  # what "delete access attempts" in the admin does
    assert client.post(url, {"username": staff_user.username, "password": "x"}).status_code == 302


def test_signed_in_pages_are_never_stored_and_carry_a_strict_policy(staff_client, client):
    response = staff_client.get(reverse("meetings:meeting_list"))
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "camera=()" in response["Permissions-Policy"] and response["X-Frame-Options"] == "DENY"


def test_the_admin_alone_may_use_inline_style_attributes(administrator, client):
    client.force_login(administrator)
    policy = client.get("/admin/").headers["Content-Security-Policy"]
    assert "style-src-attr 'unsafe-inline'" in policy and "script-src 'self'" in policy


def test_health_is_open_and_tells_only_each_checks_status(client, monkeypatch):
    for accept in ("text/html", "text/plain", "application/json"):
        response = client.get(reverse("health"), HTTP_ACCEPT=accept)
        assert response.status_code == 200 and response.json() == {
            "Database": "OK",
            "Cache": "OK",
            "Storage": "OK",
            "NoPendingMigrations": "OK",
        }
    monkeypatch.setattr("django.db.migrations.executor.MigrationExecutor.migration_plan", lambda self, targets: [1])
    response = client.get(reverse("health"))
    assert response.status_code == 500 and response.json()["NoPendingMigrations"] == "failing"


def test_the_language_can_be_chosen_before_signing_in(client):
    response = client.post(reverse("set_language"), {"language": "fr", "next": reverse("login")})
    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert '<html lang="fr" dir="ltr">' in client.get(reverse("login")).content.decode()


def test_a_refused_page_logs_one_line_without_a_traceback(partner_client, meeting, log_lines):
    assert partner_client.get(reverse("meetings:meeting_update", args=[meeting.pk])).status_code == 403
    lines = log_lines.getvalue().splitlines()
    assert len(lines) == 1 and "level=WARNING" in lines[0] and "Forbidden" in lines[0]
    assert re.match(r"time=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} ", lines[0])


def test_every_user_can_change_their_password(partner_client, partner_user):
    page = partner_client.get(reverse("password_change"), HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "تغيير كلمة المرور" in page
    response = partner_client.post(
        reverse("password_change"),
        {"old_password": "x", "new_password1": "Tafilalet-2026!", "new_password2": "Tafilalet-2026!"},
    )
    assert response.status_code == 302
    partner_user.refresh_from_db()
    assert partner_user.check_password("Tafilalet-2026!")


def test_a_forgotten_password_is_reset_by_email(client, staff_user):
    staff_user.email = "staff@region-draa-tafilalet.ma"
    staff_user.save()
    response = client.post(reverse("password_reset"), {"email": staff_user.email}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302 and len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Portail ESS : choisissez un nouveau mot de passe"
    assert f"« {staff_user.username} »" in message.body
    link = re.search(r"http://\S+/accounts/reset/\S+/", message.body).group(0)
    form = client.get(link, follow=True)
    assert form.status_code == 200 and form.context["validlink"]
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": "Errachidia-77!", "new_password2": "Errachidia-77!"}
    )
    assert done.status_code == 302
    assert get_user_model().objects.get(pk=staff_user.pk).check_password("Errachidia-77!")


def test_the_session_expiry_moves_on_once_half_of_the_idle_time_has_passed(staff_client, settings):
    session = staff_client.session
    fresh = session[SESSION_REFRESHED]
    staff_client.get(reverse("meetings:meeting_list"))
    assert staff_client.session[SESSION_REFRESHED] == fresh  # no write while recent
    session[SESSION_REFRESHED] = int(time.time()) - settings.SESSION_COOKIE_AGE
    session.save()
    staff_client.get(reverse("meetings:meeting_list"))
    assert staff_client.session[SESSION_REFRESHED] > fresh - settings.SESSION_COOKIE_AGE


def test_the_deployment_check_finds_nothing_with_production_settings(settings):
    env = production_env(SECRET_KEY="production-like-" + "k3y" * 20, ALLOWED_HOSTS="portal.draa-tafilalet.ma")
    command = [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, cwd=settings.BASE_DIR)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
