import importlib
import os

import pytest
from django.apps import apps as global_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connections
from django.test import Client
from django.utils import translation

from core.roles import ADMINISTRATORS, COUNCIL_STAFF, MINISTRY_PARTNERS, sync_role_groups
from meetings.models import Meeting
from overview.draa_tafilalet import MEETING_DATE, load_draa_tafilalet
from stakeholders.territories import load_territories

SEEDS = [
    ("projects.migrations.0018_events", "seed_kinds"),
    ("meetings.migrations.0016_attendance_roles_and_categories", "seed_categories"),
    ("regional_statistics.migrations.0001_initial", "seed_statistics"),
]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the territories and the real dataset once; each test runs in a rolled-back transaction."""
    with django_db_blocker.unblock():
        load_territories()
        load_draa_tafilalet()


@pytest.fixture
def meeting(db):
    """The meeting of 11 May 2022."""
    return Meeting.objects.get(date=MEETING_DATE)


def _user(username, group):
    user = get_user_model().objects.create_user(username=username, password="x")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def staff_user(db):
    return _user("staff-member", COUNCIL_STAFF)


@pytest.fixture
def partner_user(db):
    return _user("ministry-partner", MINISTRY_PARTNERS)


@pytest.fixture
def administrator(db):
    user = _user("administrator", ADMINISTRATORS)
    user.is_staff = True
    user.save()
    return user


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def partner_client(partner_user):
    """A client of its own, so that a test can use it next to staff_client (which is ``client``)."""
    partner = Client()
    partner.force_login(partner_user)
    return partner


@pytest.fixture
def english(settings):
    """Read the portal's and Django's messages in English (the default is Arabic)."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def production_env(**overrides) -> dict:
    """The environment of a process run with the production settings (no test or plain-http switches)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "PLAIN_HTTP", "DJANGO_SETTINGS_MODULE")}
    return env | {"DJANGO_SETTINGS_MODULE": "sse_portal.settings", "ENV_FILE": os.devnull, **overrides}


@pytest.fixture
def dataset_after_the_flush(django_db_blocker):
    """Set up before transactional_db, so torn down after it: loads the dataset again once the
    transactional test has emptied the database."""
    yield
    with django_db_blocker.unblock():
        sync_role_groups()
        for migration, seed in SEEDS:  # the open lists' first values, which migrations write
            getattr(importlib.import_module(migration), seed)(global_apps, None)
        load_territories()
        load_draa_tafilalet()


@pytest.fixture
def committed(dataset_after_the_flush, transactional_db):
    """A database whose rows other connections and processes see (no test transaction)."""
    yield
    connections.close_all()
