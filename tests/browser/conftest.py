"""Fixtures of the browser tests: a live server on the dataset with a staff and a partner account, and chromium."""

import os

import pytest
from django.contrib.auth.models import Group
from django.db import connections
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


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """A browser test's own database connections closed when it ends: while Playwright's sync API
    runs, the test's code holds connections of its own (Django's are per context), which nothing
    else closes and which would keep the test database from being dropped at the end of the run."""
    try:
        return (yield)
    finally:
        if "browser" in item.fixturenames:
            connections.close_all()


@pytest.fixture
def browser():
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()
