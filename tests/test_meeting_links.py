"""Meetings in sequence (issue 14): a numbered series, and typed links between meetings."""

import pytest
from django.urls import reverse

from meetings.models import Meeting, MeetingLink, MeetingSeries

from .factories import MeetingFactory
from .test_editing import management

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def edit_data(meeting, links=(), **overrides):
    data = {
        "title_ar": meeting.title_ar, "title_fr": meeting.title_fr, "kind": meeting.kind, "status": meeting.status,
        "date": meeting.date.isoformat(), "loaded_version": meeting.version,
        **management("attendances", 0), **management("agenda", 0), **management("links", len(links)),
    }  # fmt: skip
    for index, (kind, other) in enumerate(links):
        data |= {f"links-{index}-kind": kind, f"links-{index}-to_meeting": str(other.pk)}
    return data | overrides


@pytest.fixture
def series():
    return MeetingSeries.objects.create(
        title_ar="اجتماعات التنسيق حول المعرض الجهوي", title_fr="Coordination du salon régional"
    )


def test_a_committee_meeting_prepares_a_session_and_both_pages_say_so(staff_client, series):
    session = MeetingFactory(kind=Meeting.Kind.ORDINARY_SESSION, title_fr="Session ordinaire de mars")
    committee = MeetingFactory(kind=Meeting.Kind.COMMITTEE_MEETING, title_fr="Commission du budget")
    later = MeetingFactory(title_fr="Réunion de suivi")
    data = edit_data(committee, [("prepares", session), ("follows", later)], series=series.pk, number_in_series="2")
    response = staff_client.post(reverse("meetings:meeting_update", args=[committee.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    assert [(link.kind, link.to_meeting.title_fr) for link in committee.links_out.order_by("pk")] == [
        ("prepares", "Session ordinaire de mars"), ("follows", "Réunion de suivi")
    ]  # fmt: skip
    committee.refresh_from_db()
    assert (committee.series, committee.number_in_series) == (series, 2)

    page = staff_client.get(committee.get_absolute_url()).content.decode()
    assert "<dt>Prepares</dt>" in page and "Session ordinaire de mars" in page
    assert "meeting no. 2" in page and "Coordination du salon régional" in page
    page = staff_client.get(session.get_absolute_url()).content.decode()
    assert "<dt>Prepared by</dt>" in page and "Commission du budget" in page
    page = staff_client.get(later.get_absolute_url()).content.decode()
    assert "<dt>Followed up by</dt>" in page

    listed = staff_client.get(reverse("meetings:meeting_list"), {"series": series.pk}).context["object_list"]
    assert [meeting.title_fr for meeting in listed] == ["Commission du budget"]


def test_a_number_taken_in_the_series_a_self_link_and_a_link_twice_are_refused(staff_client, series):
    first = MeetingFactory(series=series, number_in_series=1)
    second = MeetingFactory()
    url = reverse("meetings:meeting_update", args=[second.pk])
    response = staff_client.post(url, edit_data(second, series=series.pk, number_in_series="1"))
    assert response.context["form"].non_field_errors() == ["This series already has a meeting with this number."]
    response = staff_client.post(url, edit_data(second, number_in_series="3"))
    assert response.context["form"].errors["series"] == ["A number in the series needs a series."]
    response = staff_client.post(url, edit_data(second, [("prepares", second)]))
    [(_title, links)] = [item for item in response.context["formsets"] if item[1].prefix == "links"]
    assert links.forms[0].errors["to_meeting"] == ["A meeting cannot be linked to itself."]
    response = staff_client.post(url, edit_data(second, [("prepares", first), ("follows", first)]))
    [(_title, links)] = [item for item in response.context["formsets"] if item[1].prefix == "links"]
    assert links.forms[1].errors["to_meeting"] == [f"{first} is linked twice."]
    assert not MeetingLink.objects.exists()


def test_the_meeting_page_reads_a_bounded_number_of_queries(staff_client, series, django_assert_max_num_queries):
    meeting = MeetingFactory(series=series, number_in_series=1)
    for number in range(2, 8):
        other = MeetingFactory(series=series, number_in_series=number)
        MeetingLink.objects.create(from_meeting=other, to_meeting=meeting, kind="follows")
    with django_assert_max_num_queries(30):
        page = staff_client.get(meeting.get_absolute_url()).content.decode()
    assert page.count("<dt>Followed up by</dt>") == 6
