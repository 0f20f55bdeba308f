"""Dates as precise as the source: a day, a month ("March 2022") or only a year ("in 2024")."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from core.dates import format_period, month_or_year
from meetings.models import Meeting
from projects.models import Event

from .factories import MeetingFactory
from .test_editing import meeting_data
from .test_events import council, fair_data, project  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

MARCH = (datetime.date(2022, 3, 1), datetime.date(2022, 3, 31))
YEAR = (datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))


@pytest.mark.parametrize(
    ("text", "bounds"),
    [("2024", YEAR), ("٢٠٢٤", YEAR), ("03/2022", MARCH), ("2022-03", MARCH), ("mars 2022", MARCH),
     ("Mars 2022", MARCH), ("مارس 2022", MARCH), ("آذار 2022", MARCH), ("March 2022", MARCH),
     ("février 2023", (datetime.date(2023, 2, 1), datetime.date(2023, 2, 28)))],
)  # fmt: skip
def test_a_month_or_a_year_is_read_in_either_language(text, bounds):
    assert month_or_year(text) == bounds


@pytest.mark.parametrize("text", ["13/2022", "mars", "2022 mars 3", "1800", "soon"])
def test_what_is_not_a_month_or_year_is_refused(text):
    with pytest.raises(ValueError):
        month_or_year(text)


def test_a_whole_year_or_month_is_shown_as_written():
    with translation.override("fr"):
        assert format_period(*YEAR) == "2024"
        assert format_period(*MARCH) == "mars 2022"
        assert format_period(datetime.date(2022, 3, 17), datetime.date(2022, 3, 23)) == "17 mars 2022 – 23 mars 2022"
    with translation.override("ar"):
        assert format_period(*MARCH) == "مارس 2022"


def meeting_in(**overrides):
    return meeting_data(**{"date": "", "start_time": "", "end_time": "", **overrides})


def test_a_meeting_known_to_the_month_is_saved_shown_and_edited_as_such(client, staff_user):
    client.force_login(staff_user)
    client.cookies["django_language"] = "ar"
    response = client.post(reverse("meetings:meeting_create"), meeting_in(known_to="مارس 2022"))
    assert response.status_code == 302, response.context["form"].errors
    meeting = Meeting.objects.get(title_fr="Réunion de coordination des foires provinciales")
    assert (meeting.date, meeting.period_start, meeting.period_end) == (None, *MARCH)
    assert "مارس 2022" in client.get(meeting.get_absolute_url()).content.decode()

    client.cookies["django_language"] = "fr"
    form = client.get(reverse("meetings:meeting_update", args=[meeting.pk])).context["form"]
    assert form["known_to"].value() == "mars 2022"
    assert (form["period_start"].value(), form["period_end"].value()) == (None, None)
    page = client.get(reverse("meetings:meeting_list"), {"q": "foires"}).content.decode()
    assert "mars 2022" in page and "1 mars 2022" not in page


def test_a_meeting_known_to_the_year_sorts_on_its_first_day(staff_client):
    staff_client.post(reverse("meetings:meeting_create"), meeting_in(known_to="2024"))
    meeting = Meeting.objects.get(title_fr="Réunion de coordination des foires provinciales")
    assert (meeting.period_start, meeting.period_end) == YEAR
    in_2024 = Meeting.objects.within(datetime.date(2024, 3, 1), datetime.date(2024, 3, 31))
    assert list(in_2024) == [meeting]
    assert list(Meeting.objects.within(datetime.date(2025, 1, 1))) == []
    before = MeetingFactory(date=datetime.date(2023, 12, 31))
    after = MeetingFactory(date=datetime.date(2024, 1, 2))
    ordered = [m.pk for m in Meeting.objects.filter(pk__in=[meeting.pk, before.pk, after.pk]).newest_first()]
    assert ordered == [after.pk, meeting.pk, before.pk]  # "2024" sorts on 1 January 2024


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"known_to": "bientôt"}, "known_to", "Write a month and its year"),
        ({"known_to": "2024", "period_start": "2024-03-01"}, "known_to", "Give the month or year here, or the days"),
        ({"date": "2022-05-11", "period_start": "2022-03-17", "period_end": "2022-03-23"}, "date",
         "The day is outside the period given (17 March 2022 – 23 March 2022)"),
    ],
)  # fmt: skip
def test_a_month_a_period_and_a_day_never_hide_one_another(staff_client, english, overrides, field, message):
    response = staff_client.post(reverse("meetings:meeting_create"), meeting_in(**overrides))
    assert response.status_code == 200
    assert any(error.startswith(message) for error in response.context["form"].errors[field])


def test_a_day_within_its_period_is_kept_and_the_period_said_beside_it(staff_client, english):
    data = meeting_in(date="2022-03-20", period_start="2022-03-17", period_end="2022-03-23")
    assert staff_client.post(reverse("meetings:meeting_create"), data).status_code == 302
    meeting = Meeting.objects.get(title_fr="Réunion de coordination des foires provinciales")
    page = staff_client.get(meeting.get_absolute_url()).content.decode()
    assert "20 March 2022 (period given: 17 March 2022 – 23 March 2022)" in page


def test_an_event_known_to_the_year(staff_client, english, project, council):  # noqa: F811
    data = fair_data(project, council, start_date="", end_date="", known_to="2024")
    response = staff_client.post(reverse("projects:event_create"), data)
    assert response.status_code == 302, response.context["form"].errors
    event = Event.objects.get()
    assert (event.start_date, event.end_date) == YEAR
    page = staff_client.get(event.get_absolute_url()).content.decode()
    assert "2024" in page and "1 January 2024" not in page

    response = staff_client.post(reverse("projects:event_create"), fair_data(project, council, start_date=""))
    assert response.context["form"].errors["start_date"] == ["Give the first day, or the month or year above."]
