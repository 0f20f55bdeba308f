"""Every URL of the portal, for every role, with GET and POST: the expected status, and no change when refused.

A new URL whose name is not classified below fails the walk, and a new view that forgets its
permission check fails the partner's or the anonymous user's expectations.
"""

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from meetings.models import Meeting
from projects.models import Event, EventKind, MilestoneDocument
from regional_statistics.models import Statistic, StatisticValue
from stakeholders.models import Person, Region

from .factories import (
    AnswerFactory,
    BudgetLineFactory,
    DecisionFactory,
    IndicatorValueFactory,
    LinkFactory,
    MilestoneFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

# Django's own views (sign-in, password change and reset) and the health endpoint, checked elsewhere.
SKIPPED = {"set_language", "logout", "login", "health", "password_change", "password_change_done"}
SKIPPED |= {"password_reset", "password_reset_done", "password_reset_confirm", "password_reset_complete"}
# A user's own calendar address (read signed out; reset by any role that views meetings): tests/test_calendar.py
SKIPPED |= {"meetings:calendar_feed", "meetings:calendar_reset"}
# A background job's page and file, seen by the user who started it only: tests/test_jobs.py
SKIPPED |= {"core:job", "core:job_file"}
# Open data: the same JSON for every role and signed out, read-only (POST 405); tests/test_open_data.py too
PUBLIC = {"open_data", "open_data_schema", "open_data_dataset"}
READ = {"home", "search", "chooser", "record_history", "deleted_records", "dashboard", "dashboard_provinces"}
READ |= {"dashboard_regions", "dashboard_timeline", "dashboard_follow_up", "dashboard_export", "document_download"}
READ |= {"meeting_attendance_sheet", "meeting_minutes", "meeting_ics", "calendar"}
READ |= {"recommendation_report", "project_sheet", "open_lists", "open_list"}
WRITE = {
    "record_restore",
    "record_purge",
    "indicatorvalue_submit",
    "indicatorvalue_approve",
    "import",
    "import_template",
    "meeting_copy_attendees",
}
ADMIN_ONLY = {"record_purge"}  # deleting for good: staff may delete and restore, not purge history
POST_ONLY = {"record_restore", "indicatorvalue_submit", "indicatorvalue_approve"}
READ_SUFFIXES = ("_list", "_detail")
WRITE_SUFFIXES = ("_create", "_update", "_delete")


def url_names(patterns=None, namespace=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def kind_of(name: str) -> str:
    short = name.split(":")[-1]
    if short in PUBLIC:
        return "public"
    if short in READ or short.endswith(READ_SUFFIXES):
        return "read"
    if short in WRITE or short.endswith(WRITE_SUFFIXES):
        return "write"
    raise AssertionError(f"URL {name!r} is not classified: say whether it reads or writes")


def build_url(name, pattern, deleted_history_id) -> str:
    if not pattern.pattern.converters:
        url = reverse(name)
        return (
            url + "?app_label=meetings&model_name=attendance&field_name=person&term=" if name == "core:chooser" else url
        )
    if name == "overview:dashboard_export":
        return reverse(name, args=["meetings-by-kind", "csv"])
    if name == "overview:open_data_dataset":
        return reverse(name, args=["meetings"])
    if name in ("core:import", "core:import_template"):
        return reverse(name, args=["people"])
    if name in ("core:record_restore", "core:record_purge"):
        return reverse(name, args=["stakeholders", "person", deleted_history_id])
    if name in ("core:record_history", "core:deleted_records"):
        meeting = Meeting.objects.first()
        args = ["meetings", "meeting"] + ([meeting.pk] if name == "core:record_history" else [])
        return reverse(name, args=args)
    if name in ("core:document_download", "core:document_delete"):
        return reverse(name, args=["projects", "milestonedocument", MilestoneDocument.objects.get().pk])
    if name in ("core:open_list", "core:open_list_create"):
        return reverse(name, args=["projects", "eventkind"])
    if name == "core:open_list_update":
        return reverse(name, args=["projects", "eventkind", EventKind.objects.order_by("pk").first().pk])
    if name == "core:document_create":
        return reverse(name, args=["projects", "milestonedocument", MilestoneDocument.objects.get().milestone_id])
    model = pattern.callback.view_class.model
    return reverse(name, args=[model.objects.order_by("pk").first().pk])


@pytest.fixture(autouse=True)
def one_of_each(tmp_path, settings):
    """A record of each follow-up kind, so that every URL has something to show."""
    settings.MEDIA_ROOT = tmp_path
    create_one_of_each()


def create_one_of_each():
    """The records of ``one_of_each``, for tests that make them after their own fixtures."""
    milestone = MilestoneFactory()
    MilestoneDocument.objects.create(
        milestone=milestone, title="برنامج المعرض", file=ContentFile(b"programme", "programme.txt")
    )
    BudgetLineFactory()
    IndicatorValueFactory()
    AnswerFactory()
    LinkFactory()
    DecisionFactory()
    Event.objects.create(kind=EventKind.objects.first(), title_fr="Salon régional", start_date="2023-10-03")
    StatisticValue.objects.create(
        statistic=Statistic.objects.first(), region=Region.objects.get(code="08"), period_start="2023-12-31", value=3200
    )


def snapshot():
    labels = ("stakeholders", "meetings", "projects", "regional_statistics")
    models = [m for m in apps.get_models() if m._meta.app_label in labels]
    return {m._meta.label: m.objects.count() for m in models} | {
        f"{m._meta.label}.max": (m.objects.order_by("-pk").values_list("pk", flat=True).first()) for m in models
    }


EXPECTED = {
    # role: (read GET, write GET, write POST)
    "anonymous": (302, 302, 302),
    "no role": (403, 403, 403),  # signed in, in no group: no page at all, not even counts
    "partner": (200, 403, 403),
    "staff": (200, 200, None),
    "administrator": (200, 200, None),
}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_permission_matrix(role, client, partner_user, staff_user, administrator, django_user_model):
    person = PersonFactory()
    pk = person.pk
    person.delete()
    deleted_history_id = Person.history.get(id=pk, history_type="-").history_id
    no_role = django_user_model.objects.create_user("no-role") if role == "no role" else None
    user = {"partner": partner_user, "staff": staff_user, "administrator": administrator, "no role": no_role}.get(role)
    if user:
        client.force_login(user)
    read_get, write_get, write_post = EXPECTED[role]
    names = [(name, pattern) for name, pattern in url_names() if name not in SKIPPED]
    assert len(names) > 40
    for name, pattern in names:
        url = build_url(name, pattern, deleted_history_id)
        if kind_of(name) == "public":
            assert client.get(url).status_code == 200, (role, name, url)
            assert client.post(url, {}).status_code == 405, (role, name, url)
            continue
        if kind_of(name) == "read":
            response = client.get(url)
            assert response.status_code == read_get, (role, name, url)
            if read_get == 302:
                assert response.url.startswith(reverse("login"))
            continue
        expected_get, expected_post = (
            (403, 403) if role == "staff" and name.split(":")[-1] in ADMIN_ONLY else (write_get, write_post)
        )
        if name.split(":")[-1] not in POST_ONLY:
            assert client.get(url).status_code == expected_get, (role, name, url)
        if expected_post is None:
            continue  # allowed writes are tested with real data elsewhere
        before = snapshot()
        response = client.post(url, {})
        assert response.status_code == expected_post, (role, name, url)
        assert snapshot() == before, (role, name)


def test_partner_sees_no_edit_control(partner_client, meeting):
    for url in [meeting.get_absolute_url(), reverse("meetings:meeting_list"), reverse("stakeholders:person_list")]:
        page = partner_client.get(url).content.decode()
        assert 'data-action="edit"' not in page and 'data-action="delete"' not in page
        assert 'data-action="create"' not in page
    assert 'data-action="history"' in partner_client.get(meeting.get_absolute_url()).content.decode()


def test_staff_see_edit_controls(staff_client, meeting):
    page = staff_client.get(meeting.get_absolute_url()).content.decode()
    assert reverse("meetings:meeting_update", args=[meeting.pk]) in page
    assert reverse("meetings:meeting_delete", args=[meeting.pk]) in page
    assert 'data-action="create"' in staff_client.get(reverse("meetings:meeting_list")).content.decode()


def test_chooser_needs_the_view_permission(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("no-role"))
    url = reverse("core:chooser") + "?app_label=meetings&model_name=attendance&field_name=person&term=a"
    assert client.get(url).status_code == 403


def test_chooser_searches_and_pages(staff_client):
    url = reverse("core:chooser")
    data = staff_client.get(
        url, {"app_label": "meetings", "model_name": "attendance", "field_name": "person", "term": "إلهام"}
    ).json()
    # Told apart by her current position, its committee named once (core.forms.chooser_detail).
    assert [(row["text"], row["detail"]) for row in data["results"]] == [
        ("الهام الدرويش", "نائبة رئيس لجنة القطاعات الإنتاجية والشغل")
    ]
    data = staff_client.get(
        url, {"app_label": "meetings", "model_name": "attendance", "field_name": "position", "term": "تاجري"}
    ).json()
    assert len(data["results"]) == 1 and "مديرة إنعاش الاقتصاد الاجتماعي" in data["results"][0]["text"]
    assert staff_client.get(url, {"app_label": "meetings", "model_name": "nope", "field_name": "x"}).status_code == 404


def test_choosers_tell_records_of_one_name_apart(staff_client):
    """A meeting with its day, an organization with its parent council (core.forms.chooser_detail)."""
    url = reverse("core:chooser")
    meetings = staff_client.get(
        url, {"app_label": "meetings", "model_name": "decision", "field_name": "meeting", "term": "الدورة العادية"}
    ).json()
    assert [(row["text"], row["detail"]) for row in meetings["results"]] == [
        ("الدورة العادية لشهر مارس 2022", "مارس 2022")
    ]
    organizations = staff_client.get(
        url,
        {"app_label": "meetings", "model_name": "attendance", "field_name": "organization", "term": "لجنة القطاعات"},
    ).json()
    assert [(row["text"], row["detail"]) for row in organizations["results"]] == [
        ("لجنة القطاعات الإنتاجية والشغل", "مجلس جهة درعة تافيلالت")
    ]
