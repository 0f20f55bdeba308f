"""The three role groups from the data migration, the demo accounts and the settings' safeguards."""

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from core.roles import ADMINISTRATORS, COUNCIL_STAFF, MINISTRY_PARTNERS

pytestmark = pytest.mark.django_db


def codenames(group):
    return set(Group.objects.get(name=group).permissions.values_list("codename", flat=True))


def test_council_staff_may_view_add_change_delete_programme_records():
    staff = codenames(COUNCIL_STAFF)
    for model in ["meeting", "attendance", "consultation", "recommendation", "project", "programme", "organization"]:
        assert {f"view_{model}", f"add_{model}", f"change_{model}", f"delete_{model}"} <= staff
    assert "view_contact_details" in staff
    assert "add_user" not in staff


def test_ministry_partners_only_view_and_never_contact_details():
    partners = codenames(MINISTRY_PARTNERS)
    assert partners and all(code.startswith("view_") for code in partners)
    assert "view_meeting" in partners and "view_contact_details" not in partners


def test_administrators_manage_users_too():
    assert {"add_user", "change_user", "view_contact_details", "delete_project"} <= codenames(ADMINISTRATORS)


def test_partner_cannot_open_the_django_admin(partner_client):
    assert partner_client.get("/admin/").status_code == 302


def test_demo_users_get_a_password_printed_once():
    out = StringIO()
    call_command("create_demo_users", stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 3 and all(" / " in line for line in lines)
    username, password = lines[1].split(": ", 1)[1].split(" / ")
    assert get_user_model().objects.get(username=username).check_password(password)
    again = StringIO()
    call_command("create_demo_users", stdout=again)
    assert " / " not in again.getvalue()
    assert get_user_model().objects.get(username=username).check_password(password)


def test_secret_key_is_required_when_debug_is_off(settings):
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE")}
    env.update(DEBUG="false", DJANGO_SETTINGS_MODULE="sse_portal.settings", ENV_FILE=os.devnull)
    command = [sys.executable, "-c", "import django; django.setup()"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, cwd=settings.BASE_DIR)
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr
