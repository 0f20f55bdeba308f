"""Fixtures of the browser tests: a live server on the dataset with a staff and a partner account, and chromium."""

import os

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from pytest_django.live_server_helper import LiveServer

from core.roles import COUNCIL_STAFF, MINISTRY_PARTNERS

from .support import ARGS, CHROMIUM, PASSWORD, playwright


@pytest.fixture
def browser_server(dataset_after_the_flush, transactional_db, django_user_model):
    """A live server for this test only, with the dataset and two accounts (browser-staff, browser-partner).

    Stopped at the end of the test (its database connection with it); the dataset is loaded
    again once the transactional test has emptied the database (``dataset_after_the_flush``).
    """
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop in this thread
    for username, group in (("browser-staff", COUNCIL_STAFF), ("browser-partner", MINISTRY_PARTNERS)):
        django_user_model.objects.create_user(username, password=PASSWORD).groups.add(Group.objects.get(name=group))
    server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture(scope="module", autouse=True)
def no_connection_left(django_db_blocker):
    """The live servers' request threads may still hold connections, which would keep the test
    database from being dropped at the end of the run: ended once a module's tests are done
    (ending them between two tests broke the next test's own connection)."""
    yield
    if connection.vendor == "postgresql":
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture
def browser():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()
