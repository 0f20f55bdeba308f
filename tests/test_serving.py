"""The portal as deployed: saves from many threads at once, and pages served by gunicorn.

These tests commit to the test database (other threads and processes must see the rows): see
the ``committed`` fixture.
"""

import http.cookiejar
import json
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import Group
from django.db import connection, transaction

from core.roles import COUNCIL_STAFF
from meetings.models import Meeting

from .conftest import production_env


def test_sixty_simultaneous_saves_of_different_records_all_succeed(committed):
    meetings = [Meeting.objects.create(title_fr=f"Réunion {i}", kind="working_meeting") for i in range(60)]
    start, errors = threading.Barrier(len(meetings)), []

    def save(pk):
        try:
            start.wait()
            with transaction.atomic():  # as a form's save: lock the row, then write
                meeting = Meeting.objects.select_for_update().get(pk=pk)
                meeting.title_fr += " (modifiée)"
                meeting.save()
        except Exception as error:  # noqa: BLE001 (counted, then asserted)
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(m.pk,)) for m in meetings]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Meeting.objects.filter(title_fr__endswith="(modifiée)").count() == 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture
def gunicorn(committed, tmp_path):
    """The portal under gunicorn with production settings (behind a TLS proxy), on a free port."""
    env = production_env(
        SECRET_KEY="served-by-gunicorn-" + "s3cret" * 8,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url(),
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https",
        SESSION_COOKIE_SECURE="false",  # the test speaks http to gunicorn, as a TLS proxy would
        CSRF_COOKIE_SECURE="false",
        CSRF_TRUSTED_ORIGINS="https://127.0.0.1",
        PORT=str(free_port()),
        WEB_CONCURRENCY="2",
    )
    python = Path(sys.executable)
    manage = [str(python), "manage.py"]
    subprocess.run([*manage, "collectstatic", "--no-input", "-v0"], env=env, check=True, cwd=settings.BASE_DIR)
    server = subprocess.Popen(
        [str(python.parent / "gunicorn"), "-c", "python:sse_portal.gunicorn"],
        env=env,
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{env['PORT']}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(Request(base + "/health/"), timeout=2)
                break
            except urllib.error.HTTPError:
                break  # it answers: the test says what is wrong
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        yield base, tmp_path / "static"
    finally:  # never leave a server (and its database connections) behind
        server.terminate()
        output, _ = server.communicate(timeout=20)
        print(output)


def Request(url, data=None, headers=None):
    """A request as the TLS proxy forwards it."""
    return urllib.request.Request(url, data=data, headers={"X-Forwarded-Proto": "https", **(headers or {})})


def test_gunicorn_serves_pages_health_and_static_files_with_the_production_headers(gunicorn):
    base, static_root = gunicorn
    # Hashed as the production settings can check it (the test settings hash with MD5 only).
    password = PBKDF2PasswordHasher().encode("Tafilalet-2026!", "portal-salt", iterations=1000)
    user = get_user_model().objects.create(username="served", password=password)
    user.groups.add(Group.objects.get(name=COUNCIL_STAFF))
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    login = browser.open(Request(base + "/accounts/login/"))
    assert login.status == 200 and login.headers["X-Request-ID"]
    assert "script-src 'self'" in login.headers["Content-Security-Policy"]
    assert login.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "camera=()" in login.headers["Permissions-Policy"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.read().decode()).group(1)
    form = f"csrfmiddlewaretoken={token}&username=served&password=Tafilalet-2026%21".encode()
    headers = {"Referer": "https://127.0.0.1/accounts/login/", "Content-Type": "application/x-www-form-urlencoded"}
    home = browser.open(Request(base + "/accounts/login/", data=form, headers=headers))
    assert home.status == 200 and home.url.endswith("/")
    assert "private" in home.headers["Cache-Control"] and "no-store" in home.headers["Cache-Control"]
    assert "11 ماي 2022" in home.read().decode()

    health = browser.open(Request(base + "/health/", headers={"Accept": "application/json"}))
    checks = {name.split("(")[0] for name in json.loads(health.read())}
    assert health.status == 200 and checks >= {"Database", "Cache", "Storage", "NoPendingMigrations"}

    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    css = browser.open(Request(base + "/static/" + manifest["vendor/bootstrap-5.3.9/bootstrap.rtl.min.css"]))
    assert css.status == 200 and "immutable" in css.headers["Cache-Control"]

    plain = urllib.request.build_opener(NoRedirect).open(base + "/accounts/login/")
    assert plain.status == 301 and plain.headers["Location"].startswith("https://")
    assert urllib.request.build_opener(NoRedirect).open(base + "/health/").status == 200  # probes speak http


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

    def http_error_301(self, req, fp, code, msg, headers):
        return fp
