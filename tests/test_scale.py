"""What keeps pages near the floor at region scale (issue 12): indexes used, capped pages, cached figures."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import Meeting
from overview.views import SearchView

from .factories import ConsultationFactory, MeetingFactory, RecommendationFactory

pytestmark = pytest.mark.django_db


def test_the_meeting_lists_order_is_read_from_its_index():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Meeting._meta.db_table)
    assert constraints["meeting_newest_first"]["index"]
    if connection.vendor == "sqlite":  # PostgreSQL plans a scan for tables this small
        sql, params = Meeting.objects.values_list("pk").newest_first()[:25].query.sql_with_params()
        with connection.cursor() as cursor:
            plan = " ".join(str(row) for row in cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall())
        assert "meeting_newest_first" in plan and "TEMP B-TREE" not in plan


def test_list_pages_read_ids_first_and_keep_their_order(staff_client):
    meetings = MeetingFactory.create_batch(30)
    with CaptureQueriesContext(connection) as queries:
        page = staff_client.get(reverse("meetings:meeting_list"))
    table = connection.ops.quote_name(Meeting._meta.db_table)
    keys_only = [
        q["sql"] for q in queries if q["sql"].startswith(f"SELECT {table}.{connection.ops.quote_name('id')} AS")
    ]
    assert len(keys_only) == 1 and "LIMIT 25" in keys_only[0]  # the page's keys, read alone
    shown = [meeting.pk for meeting in page.context["object_list"]]
    assert shown == [m.pk for m in sorted(meetings, key=lambda m: (m.date, m.pk), reverse=True)][:25]
    assert staff_client.get(reverse("meetings:meeting_list"), {"page": 2}).context["page_obj"].number == 2


def test_the_follow_up_chain_shows_ten_consultations_a_page_and_twenty_recommendations_each(partner_client):
    busy = ConsultationFactory(period_start="2024-06-01", period_end="2024-06-05")
    RecommendationFactory.create_batch(20, source_consultation=busy)
    provincial = MeetingFactory(consultation=busy, kind="consultation_meeting", date=None, period_start="2024-06-02")
    RecommendationFactory.create_batch(5, source_consultation=None, source_meeting=provincial)
    ConsultationFactory.create_batch(11)
    url = reverse("overview:dashboard_follow_up")
    first = partner_client.get(url)
    assert len(first.context["consultations"]) == 10 and first.context["paginator"].num_pages == 2
    shown = next(c for c in first.context["consultations"] if c.pk == busy.pk)
    assert (len(shown.followed), shown.followed_total) == (20, 25)
    assert f"?source_consultation={busy.pk}" in first.content.decode()
    listed = partner_client.get(reverse("meetings:recommendation_list"), {"source_consultation": busy.pk})
    assert listed.context["paginator"].count == 25
    last = partner_client.get(url, {"page": 2}).context["consultations"]  # 12 made here and the dataset's, oldest last
    assert len(last) == 3 and str(last[-1].period_start) == "2022-03-17"


def test_the_global_search_counts_up_to_its_limit(staff_client, monkeypatch, english):
    monkeypatch.setattr(SearchView, "COUNTED", 3)
    MeetingFactory.create_batch(5, title_fr="Salon régional de l'économie sociale")
    page = staff_client.get(reverse("overview:search"), {"q": "salon regional"})
    meetings = next(s for s in page.context["sections"] if s["key"] == "meeting")
    assert (meetings["count"], meetings["more"], len(meetings["rows"])) == (3, True, 5)
    assert "More than 3 results" in page.content.decode()


def test_dashboard_figures_are_kept_per_filter_set_until_a_record_changes(
    partner_client, settings, django_capture_on_commit_callbacks
):
    settings.RECORDS_CACHE_SECONDS = 60
    cache.clear()
    url = reverse("overview:dashboard")

    def held_meetings(response) -> int:
        return sum(row[1] for row in response.context["dashboard"].meetings_by_kind.rows)

    first = held_meetings(partner_client.get(url))
    with CaptureQueriesContext(connection) as cold:
        partner_client.get(url, {"start": "2022-01-01"})
    with CaptureQueriesContext(connection) as warm:
        partner_client.get(url, {"start": "2022-01-01"})
    assert len(warm) < len(cold) - 10
    with django_capture_on_commit_callbacks(execute=True):
        MeetingFactory()  # a saved change moves the generation on, once committed
    assert held_meetings(partner_client.get(url)) == first + 1


def test_a_deep_page_is_read_from_the_other_end_with_the_same_rows(staff_client):
    meetings = MeetingFactory.create_batch(60)
    newest_first = [m.pk for m in sorted([*meetings, *Meeting.objects.exclude(pk__in=[m.pk for m in meetings])],
                                         key=lambda m: (m.date or m.period_start, m.pk), reverse=True)]  # fmt: skip
    with CaptureQueriesContext(connection) as queries:
        last = staff_client.get(reverse("meetings:meeting_list"), {"page": 3})
    assert [m.pk for m in last.context["object_list"]] == newest_first[50:]
    table = connection.ops.quote_name(Meeting._meta.db_table)
    key_column = f"SELECT {table}.{connection.ops.quote_name('id')} AS"
    keys = [q["sql"] for q in queries if q["sql"].startswith(key_column) and "LIMIT" in q["sql"]]
    assert len(keys) == 1 and "OFFSET" not in keys[0]  # the last rows of the reversed order are its first
    middle = staff_client.get(reverse("meetings:meeting_list"), {"page": 2}).context["object_list"]
    assert [m.pk for m in middle] == newest_first[25:50]


def test_a_search_counts_its_rows_up_to_a_bound(staff_client, monkeypatch, english):
    from core.views import PortalListView

    monkeypatch.setattr(PortalListView, "search_count_bound", 30)
    MeetingFactory.create_batch(60, title_fr="Salon régional de l'économie sociale")
    found = staff_client.get(reverse("meetings:meeting_list"), {"q": "salon"})
    # counted up to the bound, or to the end of the page after the one asked for: 50
    assert (found.context["paginator"].count, found.context["paginator"].bounded) == (50, True)
    assert "More than 50 records" in found.content.decode() and "Page 1 of more than 2" in found.content.decode()
    assert len(found.context["object_list"]) == 25 and found.context["page_obj"].has_next()
    second = staff_client.get(reverse("meetings:meeting_list"), {"q": "salon", "page": 2})
    assert second.context["page_obj"].number == 2 and second.context["page_obj"].has_next()
    assert not second.context["paginator"].bounded and second.context["paginator"].count == 60  # all counted
    last = staff_client.get(reverse("meetings:meeting_list"), {"q": "salon", "page": 3})
    assert len(last.context["object_list"]) == 10 and not last.context["page_obj"].has_next()
    few = staff_client.get(reverse("meetings:meeting_list"), {"q": "salon", "kind": "working_meeting"})
    assert not few.context["paginator"].bounded
    everything = staff_client.get(reverse("meetings:meeting_list"))
    assert (
        everything.context["paginator"].count == Meeting.objects.count() and not everything.context["paginator"].bounded
    )


def test_open_data_pages_and_calendar_feeds_are_kept_until_a_record_changes(
    staff_user, client, settings, django_capture_on_commit_callbacks
):
    from meetings.models import CalendarFeed

    settings.RECORDS_CACHE_SECONDS = 60
    cache.clear()
    page_url = reverse("overview:open_data_dataset", args=["meetings"])
    feed_url = reverse("meetings:calendar_feed", args=[CalendarFeed.of(staff_user).token])
    first = client.get(page_url).json()
    assert client.get(feed_url).status_code == 200
    with CaptureQueriesContext(connection) as kept:
        again = client.get(page_url).json()
        client.get(feed_url)
    assert kept and again == first and not any("meetings_meeting" in q["sql"] for q in kept)
    with django_capture_on_commit_callbacks(execute=True):
        MeetingFactory(date="2099-01-05", title_ar="اجتماع مقبل")
    assert len(client.get(page_url).json()["records"]) == len(first["records"]) + 1
    assert "اجتماع مقبل" in client.get(feed_url).content.decode()


def test_a_paper_is_rendered_once_per_set_of_permissions_until_a_record_changes(
    staff_client, partner_client, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from core import pdf

    settings.RECORDS_CACHE_SECONDS = 60
    cache.clear()
    rendered = []
    real = pdf.pdf_bytes
    monkeypatch.setattr(pdf, "pdf_bytes", lambda *args, **kwargs: rendered.append(1) or real(*args, **kwargs))
    meeting = Meeting.objects.get(date="2022-05-11")
    url = reverse("meetings:meeting_minutes", args=[meeting.pk])
    first = staff_client.get(url).content
    assert staff_client.get(url).content == first and len(rendered) == 1
    assert partner_client.get(url).content.startswith(b"%PDF") and len(rendered) == 2  # a partner's own
    with django_capture_on_commit_callbacks(execute=True):
        meeting.save()
    staff_client.get(url)
    assert len(rendered) == 3


def test_a_lists_filter_form_is_kept_per_filters_until_a_record_changes(
    staff_client, settings, english, django_capture_on_commit_callbacks
):
    from meetings.models import MeetingSeries

    settings.RECORDS_CACHE_SECONDS = 60
    cache.clear()
    url = reverse("meetings:meeting_list")

    def filters(response) -> str:
        return response.content.decode().split('id="filters"')[1].split("</form>")[0]

    first = filters(staff_client.get(url, {"kind": "working_meeting"}))
    with CaptureQueriesContext(connection) as kept:
        again = filters(staff_client.get(url, {"kind": "working_meeting"}))
    assert kept and again == first and not any("meetings_participantcategory" in q["sql"] for q in kept)
    assert 'value="working_meeting" selected' in again
    assert 'value="working_meeting" selected' not in filters(staff_client.get(url))  # its own filters
    with django_capture_on_commit_callbacks(execute=True):
        MeetingSeries.objects.create(title_ar="دورات المجلس", title_fr="Sessions du conseil")
    assert "Sessions du conseil" in filters(staff_client.get(url, {"kind": "working_meeting"}))


def test_a_dashboard_tab_is_kept_rendered_per_filters_until_a_record_changes(
    partner_client, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from overview.dashboard_views import TimelineView

    settings.RECORDS_CACHE_SECONDS = 60
    cache.clear()
    built = []
    real = TimelineView.body_context
    monkeypatch.setattr(TimelineView, "body_context", lambda view, context: built.append(1) or real(view, context))
    url = reverse("overview:dashboard_timeline")
    first = partner_client.get(url, {"province": ""}).content.decode()
    with CaptureQueriesContext(connection) as kept:
        again = partner_client.get(url, {"province": ""}).content.decode()
    assert kept and not any("meetings_meeting" in q["sql"] for q in kept)
    assert again.split('id="timeline"')[1] == first.split('id="timeline"')[1] and len(built) == 1
    with django_capture_on_commit_callbacks(execute=True):
        MeetingFactory(date="2031-03-04", title_fr="Rencontre à venir", title_ar="لقاء مقبل")
    assert "لقاء مقبل" in partner_client.get(url, {"province": ""}).content.decode() and len(built) == 2


def test_a_timeline_is_kept_per_set_of_permissions(staff_client, partner_client, settings, monkeypatch, english):
    import overview.templatetags.overview as tags

    from .factories import IndicatorFactory, IndicatorValueFactory

    settings.RECORDS_CACHE_SECONDS = 60
    cache.clear()
    built = []
    real = tags.timeline_of
    monkeypatch.setattr(tags, "timeline_of", lambda record, user: built.append(user.username) or real(record, user))
    draft = IndicatorValueFactory(indicator=IndicatorFactory(), period_end="2023-12-31")
    url = draft.indicator.project.get_absolute_url()
    assert "indicator value (draft)" in staff_client.get(url).content.decode()
    assert "indicator value (draft)" not in partner_client.get(url).content.decode()  # not staff's, kept
    assert "indicator value (draft)" in staff_client.get(url).content.decode()
    assert built == ["staff-member", "ministry-partner"]


def test_pages_sorted_on_a_column_with_repeated_values_show_every_row_once(staff_client):
    MeetingFactory.create_batch(40, kind="working_meeting")
    MeetingFactory.create_batch(20, kind="committee_meeting")
    url = reverse("meetings:meeting_list")
    total = Meeting.objects.count()
    shown = []
    for page in range(1, (total + 24) // 25 + 1):
        shown += [m.pk for m in staff_client.get(url, {"o": "kind", "page": page}).context["object_list"]]
    assert sorted(shown) == sorted(Meeting.objects.values_list("pk", flat=True))  # none twice, none left out


def test_a_page_is_kept_whole_per_user_until_a_record_changes(
    staff_user, partner_client, settings, monkeypatch, english, django_capture_on_commit_callbacks
):
    from django.test import Client

    from meetings.views import MeetingDetailView

    from .test_defects import as_posted

    settings.RECORDS_CACHE_SECONDS = 60
    cache.clear()
    built = []
    real = MeetingDetailView.get_context_data
    monkeypatch.setattr(MeetingDetailView, "get_context_data", lambda view, **kw: built.append(1) or real(view, **kw))
    staff = Client(enforce_csrf_checks=True)
    staff.force_login(staff_user)
    meeting = Meeting.objects.get(date="2022-05-11")
    url = meeting.get_absolute_url()
    first = staff.get(url).content.decode()
    with CaptureQueriesContext(connection) as kept:
        again = staff.get(url).content.decode()
    assert len(built) == 1 and not any("meetings_attendance" in q["sql"] for q in kept)
    assert again.count("csrfmiddlewaretoken") == first.count("csrfmiddlewaretoken") > 0
    assert "kept-page-csrf-token" not in again and "الاقتصاد الاجتماعي" in again
    token = again.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    assert "ministry-partner" in partner_client.get(url).content.decode() and len(built) == 2  # not staff's page

    edit = reverse("meetings:meeting_update", args=[meeting.pk])
    unchanged = as_posted(staff.get(edit)) | {"csrfmiddlewaretoken": token}  # the kept page's token is valid
    shown = staff.post(edit, unchanged, follow=True).content.decode()
    assert "Nothing was changed, so nothing was saved." in shown and len(built) == 3  # a message: built anew
    with django_capture_on_commit_callbacks(execute=True):
        Meeting.objects.filter(pk=meeting.pk).update(title_fr="Réunion renommée")
        meeting.refresh_from_db()
        meeting.save()
    assert "Réunion renommée" in staff.get(url).content.decode() and len(built) == 4


def test_an_admin_change_list_is_kept_until_a_record_changes(
    admin_client, settings, django_capture_on_commit_callbacks
):
    settings.RECORDS_CACHE_SECONDS = 60
    cache.clear()
    url = reverse("admin:meetings_meeting_changelist")
    first = admin_client.get(url).content.decode()
    with CaptureQueriesContext(connection) as kept:
        again = admin_client.get(url).content.decode()
    assert kept and not any("meetings_meeting" in q["sql"] for q in kept)
    assert again.count("csrfmiddlewaretoken") == first.count("csrfmiddlewaretoken") > 0
    with django_capture_on_commit_callbacks(execute=True):
        MeetingFactory(date="2031-03-04", title_ar="لقاء مقبل")
    assert "لقاء مقبل" in admin_client.get(url).content.decode()
