"""Staff edit records through the portal's forms: formsets, validation, deletion rules, history, conflicts."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from meetings.models import Attendance, Consultation, Meeting
from projects.models import Project
from stakeholders.models import Organization, Person

from .factories import OrganizationFactory, PersonFactory, PositionFactory, ProjectFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def meeting_data(**overrides):
    data = {
        "title_ar": "اجتماع تنسيقي حول المعارض الإقليمية",
        "title_fr": "Réunion de coordination des foires provinciales",
        "kind": "coordination_meeting",
        "format": "in_person",
        "status": "planned",
        "date": "2026-12-02",
        "start_time": "10:00",
        "end_time": "12:00",
        **management("attendances", 0),
        **management("agenda", 0),
        **management("links", 0),
    }
    data.update(overrides)
    return data


def attendee(index, person, position=None, **extra):
    row = {
        f"attendances-{index}-person": str(person.pk),
        f"attendances-{index}-position": str(position.pk) if position else "",
        f"attendances-{index}-mode": "in_person",
        f"attendances-{index}-status": "present",
    }
    return row | {f"attendances-{index}-{key}": value for key, value in extra.items()}


def errors_of(response, field):
    return response.context["form"].errors.get(field, [])


def test_staff_create_a_meeting_with_two_attendees(staff_client, staff_user):
    first, second = PositionFactory(), PositionFactory()
    data = meeting_data(
        **management("attendances", 2), **attendee(0, first.person, first), **attendee(1, second.person)
    )
    response = staff_client.post(reverse("meetings:meeting_create"), data)
    meeting = Meeting.objects.get(title_fr="Réunion de coordination des foires provinciales")
    assert response.status_code == 302 and response.url == meeting.get_absolute_url()
    assert (meeting.date, meeting.start_time) == (datetime.date(2026, 12, 2), datetime.time(10))
    attendances = meeting.attendances.order_by("pk")
    assert [a.person for a in attendances] == [first.person, second.person]
    assert attendances[0].organization == first.organization  # taken from the position
    assert meeting.history.get().history_user == staff_user
    assert "was created" in str(list(get_messages(response.wsgi_request))[0])


def test_the_same_person_twice_in_one_submission_is_refused(staff_client):
    person = PersonFactory()
    data = meeting_data(**management("attendances", 2), **attendee(0, person), **attendee(1, person))
    response = staff_client.post(reverse("meetings:meeting_create"), data)
    assert response.status_code == 200
    formset = response.context["formsets"][0][1]
    assert formset.forms[1].errors["person"] == [f"{person} is listed twice."]
    assert not Meeting.objects.filter(title_fr__startswith="Réunion de coordination").exists()
    page = response.content.decode()
    assert page.split("<title>")[1].startswith("Error: New meeting")
    summary = page.split('id="error-summary"')[1].split("</div>")[0]
    assert "Nothing was saved. Correct these errors:" in summary
    assert (
        f'<a href="#id_attendances-1-person" class="alert-link">Attendees, row 2, Person: {person} is listed twice.</a>'
        in summary
    )
    assert page.count(f"{person} is listed twice.") == 2  # in the summary, and once next to its cell


def test_an_error_summary_lists_the_forms_fields_and_a_rows_own_errors(staff_client):
    from core.error_summary import error_summary

    unnamed = {"attendances-0-mode": "remote", "attendances-0-status": "excused"}
    data = meeting_data(date="2022-02-31", **management("attendances", 1), **unnamed)
    context = staff_client.post(reverse("meetings:meeting_create"), data).context
    assert error_summary(context["form"], context["formsets"]) == [
        ("id_date", "Date: Enter a valid date."),
        ("id_date", "Date: A start or end time needs a date."),
        ("id_attendances-0-person", "Attendees, row 1: Name a person or an office, or describe the unnamed group."),
    ]


def test_the_same_person_twice_in_one_meeting_is_refused(staff_client, meeting):
    person = Person.objects.get(full_name_ar="سلوى تاجري")
    response = staff_client.post(
        reverse("meetings:attendance_create"),
        {"meeting": meeting.pk, "person": person.pk, "mode": "in_person", "status": "present"},
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["This person is already listed as attending this meeting."]
    assert meeting.attendances.filter(person=person).count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"period_start": "2022-03-23", "period_end": "2022-03-17", "date": ""},
            "period_end",
            "The end cannot be before the start.",
        ),
        (
            {"start_time": "12:00", "end_time": "10:00"},
            "end_time",
            "The end time must be after the start time (tick “ends the next day” for a meeting past midnight).",
        ),
        (
            {"start_time": "10:00", "end_time": "10:00"},
            "end_time",
            "The end time must be after the start time (tick “ends the next day” for a meeting past midnight).",
        ),
        (
            {"participants_total": "10", "participants_women": "11"},
            "participants_women",
            "The number of women cannot exceed the number of participants.",
        ),
        ({"date": "2022-02-30"}, "date", "Enter a valid date."),
        ({"date": "11/05/2022x"}, "date", "Enter a valid date."),
        ({"title_ar": "ا" * 301}, "title_ar", "Ensure this value has at most 300 characters (it has 301)."),
        ({"title_ar": "", "title_fr": ""}, "title_ar", "Fill it in Arabic or in French (or both)."),
        ({"participants_total": "-3"}, "participants_total", "Ensure this value is greater than or equal to 0."),
    ],
)
def test_meeting_form_rules_are_explained_next_to_the_field(staff_client, settings, overrides, field, message):
    settings.LANGUAGE_CODE = "en"
    before = Meeting.objects.count()
    response = staff_client.post(reverse("meetings:meeting_create"), meeting_data(**overrides))
    assert response.status_code == 200
    assert message in errors_of(response, field)
    assert Meeting.objects.count() == before


def test_arabic_indic_digits_and_decimal_comma_are_understood(staff_client):
    data = meeting_data(participants_total="١٨٦", participants_women="٧٤", date="٢٠٢٦-١٢-٠٢")
    assert staff_client.post(reverse("meetings:meeting_create"), data).status_code == 302
    meeting = Meeting.objects.get(title_fr="Réunion de coordination des foires provinciales")
    assert (meeting.participants_total, meeting.participants_women, meeting.date) == (
        186,
        74,
        datetime.date(2026, 12, 2),
    )
    project = ProjectFactory()
    response = staff_client.post(
        reverse("projects:project_update", args=[project.pk]),
        project_data(project, budget="1 250 000,50", progress="٤٥"),
    )
    assert response.status_code == 302, response.context["form"].errors
    project.refresh_from_db()
    assert (project.budget, project.progress) == (Decimal("1250000.50"), 45)


def project_data(project, **overrides):
    data = {
        "title_ar": project.title_ar,
        "title_fr": project.title_fr,
        "programme": project.programme_id,
        "status": project.status,
        "loaded_version": project.version,
        "weight": project.weight,
        "partners": [p.pk for p in project.partners.all()],
        "recommendations": [r.pk for r in project.recommendations.all()],
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"budget": "-5"}, "budget", "The budget cannot be negative."),
        ({"budget": "1000000000000000"}, "budget", "Ensure that there are no more than 14 digits in total."),
        ({"budget": "abc"}, "budget", "Enter a number."),
        ({"progress": "101"}, "progress", "Ensure this value is less than or equal to 100."),
        ({"progress": "-1"}, "progress", "Ensure this value is greater than or equal to 0."),
    ],
)
def test_project_form_rules(staff_client, settings, overrides, field, message):
    settings.LANGUAGE_CODE = "en"
    project = ProjectFactory(budget=Decimal("100.00"))
    response = staff_client.post(
        reverse("projects:project_update", args=[project.pk]), project_data(project, **overrides)
    )
    assert response.status_code == 200
    assert message in errors_of(response, field)
    project.refresh_from_db()
    assert project.budget == Decimal("100.00")


def test_consultation_form_with_women_over_participants_and_two_meetings_in_one_province(staff_client, settings):
    settings.LANGUAGE_CODE = "en"
    zagora = Consultation.objects.get().meetings.get(province__code="08.587").province
    data = {
        "title_ar": "لقاءات تشاورية جديدة",
        "participants_total": "20",
        "participants_women": "25",
        **management("meetings", 2),
        "meetings-0-province": zagora.pk,
        "meetings-0-status": "held",
        "meetings-1-province": zagora.pk,
        "meetings-1-status": "held",
    }
    response = staff_client.post(reverse("meetings:consultation_create"), data)
    assert response.status_code == 200
    assert errors_of(response, "participants_women") == [
        "The number of women cannot exceed the number of participants."
    ]
    data["participants_women"] = "12"
    response = staff_client.post(reverse("meetings:consultation_create"), data)
    assert response.context["formsets"][0][1].forms[1].errors["province"] == [
        "This province already has a meeting in this consultation."
    ]
    data["meetings-TOTAL_FORMS"] = "1"
    response = staff_client.post(reverse("meetings:consultation_create"), data)
    consultation = Consultation.objects.get(title_ar="لقاءات تشاورية جديدة")
    assert response.url == consultation.get_absolute_url()
    assert [m.title_ar for m in consultation.meetings.all()] == ["لقاء تشاوري بإقليم زاكورة"]


def test_delete_is_refused_while_records_refer_to_it(staff_client):
    council = Organization.objects.get(name_ar="مجلس جهة درعة تافيلالت")
    url = reverse("stakeholders:organization_delete", args=[council.pk])
    page = staff_client.get(url).content.decode()
    assert 'id="protected"' in page
    assert "Hosni Rachidi" in page  # his position is in the council
    response = staff_client.post(url)
    assert response.status_code == 200
    assert Organization.objects.filter(pk=council.pk).exists()


def test_delete_history_and_restore_with_many_to_many_links(staff_client, staff_user):
    project = ProjectFactory()
    partners = set(project.partners.all())
    pk = project.pk
    response = staff_client.post(reverse("projects:project_delete", args=[pk]))
    assert response.url == reverse("projects:project_list")
    assert not Project.objects.filter(pk=pk).exists()
    deleted = Project.history.get(id=pk, history_type="-")
    assert deleted.history_user == staff_user
    listing = staff_client.get(reverse("core:deleted_records", args=["projects", "project"])).content.decode()
    assert project.title_fr in listing
    last_state = staff_client.get(reverse("core:record_history", args=["projects", "project", pk])).content.decode()
    assert project.title_fr in last_state and 'id="last-state"' in last_state
    response = staff_client.post(reverse("core:record_restore", args=["projects", "project", deleted.history_id]))
    restored = Project.objects.get(pk=pk)
    assert response.url == restored.get_absolute_url()
    assert restored.title_ar == project.title_ar and set(restored.partners.all()) == partners


def test_history_shows_who_changed_which_field_from_what_to_what(staff_client, staff_user, settings):
    settings.LANGUAGE_CODE = "en"
    project = ProjectFactory(budget=Decimal("100.00"))
    staff_client.post(reverse("projects:project_update", args=[project.pk]), project_data(project, budget="250"))
    response = staff_client.get(reverse("core:record_history", args=["projects", "project", project.pk]))
    entry, changes, _part = response.context["entries"][0]
    assert entry.history_user == staff_user and entry.history_type == "~"
    assert ("Budget (MAD)", "100.00", "250.00") in changes


def test_a_concurrent_edit_is_refused_with_the_changes_shown_then_accepted_knowingly(staff_client, settings):
    settings.LANGUAGE_CODE = "en"
    project = ProjectFactory(budget=Decimal("100.00"))
    mine = project_data(project, budget="300")  # loaded at version 1
    theirs = Project.objects.get(pk=project.pk)
    theirs.budget = Decimal("200.00")
    theirs.save()
    response = staff_client.post(reverse("projects:project_update", args=[project.pk]), mine)
    assert response.status_code == 200
    assert ("Budget (MAD)", "100.00", "200.00") in response.context["form"].changed_meanwhile
    project.refresh_from_db()
    assert project.budget == Decimal("200.00")
    mine["loaded_version"] = response.context["form"].data["loaded_version"]
    response = staff_client.post(reverse("projects:project_update", args=[project.pk]), mine)
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.budget == Decimal("300.00")


def test_admin_explains_the_rules_too(client, administrator, settings):
    settings.LANGUAGE_CODE = "en"
    client.force_login(administrator)
    project = ProjectFactory()
    response = client.post(
        reverse("admin:projects_project_change", args=[project.pk]),
        {"title_ar": project.title_ar, "status": "approved", "budget": "-1", "progress": "150"},
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["budget"] == ["The budget cannot be negative."]
    assert errors["progress"] == ["Ensure this value is less than or equal to 100."]


def test_attendance_position_must_belong_to_the_person(staff_client, meeting, settings):
    settings.LANGUAGE_CODE = "en"
    other = PositionFactory()
    response = staff_client.post(
        reverse("meetings:attendance_create"),
        {
            "meeting": meeting.pk,
            "person": PersonFactory().pk,
            "position": other.pk,
            "mode": "in_person",
            "status": "present",
        },
    )
    assert errors_of(response, "position") == ["This position is held by someone else."]
    assert not Attendance.objects.filter(position=other).exists()


def test_new_organization_from_its_own_page(staff_client):
    response = staff_client.post(
        reverse("stakeholders:organization_create"),
        {"name_ar": "تعاونية الواحة", "name_fr": "Coopérative de l'Oasis", "kind": "cooperative", **{"acronym": ""}},
    )
    organization = OrganizationFactory._meta.model.objects.get(name_ar="تعاونية الواحة")
    assert response.url == organization.get_absolute_url()


def test_the_attendees_of_last_months_meeting_are_copied_once(staff_client, english):
    from meetings.models import Attendance

    from .factories import AttendanceFactory, MeetingFactory

    last_month, today = MeetingFactory(), MeetingFactory()
    kept = AttendanceFactory(meeting=today)
    AttendanceFactory(meeting=last_month, person=kept.person, position=kept.position, organization=kept.organization)
    AttendanceFactory(meeting=last_month, role="presenter", status="excused")
    AttendanceFactory(meeting=last_month, person=None, position=None, organization=kept.organization,
                      group_fr="Coopératives", group_ar="")  # fmt: skip
    url = reverse("meetings:meeting_copy_attendees", args=[today.pk])
    response = staff_client.post(url, {"source": last_month.pk}, follow=True)
    assert "2 attendees copied." in str(list(response.context["messages"])[-1])
    rows = Attendance.objects.filter(meeting=today)
    assert rows.count() == 3 and not rows.filter(role="presenter").exists() and not rows.exclude(status="present")
    staff_client.post(url, {"source": last_month.pk})
    assert Attendance.objects.filter(meeting=today).count() == 3  # copying again adds nothing
    assert staff_client.post(url, {"source": today.pk}).context["form"].errors["source"] == [
        "Choose another meeting than this one."
    ]


def test_cancel_leads_back_to_the_record_or_to_the_one_a_link_preset(staff_client):
    from .factories import MeetingFactory, ProjectFactory

    project, meeting = ProjectFactory(), MeetingFactory()
    new_milestone = staff_client.get(reverse("projects:milestone_create"), {"project": project.pk})
    assert new_milestone.context["cancel_url"] == project.get_absolute_url()
    assert (
        staff_client.get(reverse("projects:milestone_create"), {"project": "99999999999999999999"}).status_code == 200
    )
    edit = staff_client.get(reverse("meetings:meeting_update", args=[meeting.pk]))
    assert edit.context["cancel_url"] == meeting.get_absolute_url()
    assert staff_client.get(reverse("meetings:meeting_create")).context["cancel_url"] == reverse(
        "meetings:meeting_list"
    )


def test_roles_in_a_meeting_and_counted_unnamed_participants(staff_client, english):
    from meetings.models import ParticipantCategory

    members = ParticipantCategory.objects.get(code="cooperative-members")
    person = PositionFactory().person
    data = meeting_data(
        **management("attendances", 2),
        **attendee(0, person, role="rapporteur"),
        **{"attendances-1-group_fr": "Coopératives d'Errachidia", "attendances-1-category": members.pk,
           "attendances-1-headcount": "35", "attendances-1-mode": "in_person", "attendances-1-status": "present",
           "attendances-1-role": "participant"},
    )  # fmt: skip
    response = staff_client.post(reverse("meetings:meeting_create"), data)
    assert response.status_code == 302, [f.errors for _t, f in response.context["formsets"]]
    meeting = Meeting.objects.get(title_fr=data["title_fr"])
    rapporteur, group = meeting.attendances.order_by("pk")
    assert (rapporteur.role, group.category, group.headcount) == ("rapporteur", members, 35)
    page = staff_client.get(meeting.get_absolute_url()).content.decode()
    assert "rapporteur" in page and "(35)" in page and "Members of cooperatives" not in page  # its French name
    assert "Membres de coopératives" in page
    listed = staff_client.get(reverse("meetings:meeting_list"), {"category": members.pk}).context["object_list"]
    assert list(listed) == [meeting]


def test_a_position_chooser_next_to_a_person_offers_that_persons_positions(staff_client):
    first, other = PositionFactory(), PositionFactory()
    second = PositionFactory(person=first.person, title_fr="Trésorière", title_ar="أمينة المال")
    page = staff_client.get(reverse("meetings:meeting_create")).content.decode()
    assert 'data-narrowed-by="person"' in page.split('name="attendances-__prefix__-position"')[1].split(">")[0]
    assert "js/chooser.js" in page and "admin/js/autocomplete.js" not in page
    query = {"app_label": "meetings", "model_name": "attendance", "field_name": "position", "term": ""}

    def offered(**more) -> set[int]:
        answer = staff_client.get(reverse("core:chooser"), query | more).json()
        return {int(row["id"]) for row in answer["results"]}

    assert offered(narrow_person=str(first.person.pk)) == {first.pk, second.pk}
    assert {first.pk, second.pk, other.pk} <= offered()  # no person chosen yet: every position
    assert {first.pk, second.pk, other.pk} <= offered(narrow_person="abc")  # not a key: not narrowed


def test_an_arabic_error_summary_separates_with_arabic_commas(staff_client, settings):
    from django.utils import translation

    from core.error_summary import error_summary

    person = PersonFactory()
    data = meeting_data(**management("attendances", 2), **attendee(0, person), **attendee(1, person))
    context = staff_client.post(reverse("meetings:meeting_create"), data).context
    with translation.override("ar"):
        summary = dict(error_summary(context["form"], context["formsets"]))
    assert summary["id_attendances-1-person"].startswith("لائحة الحضور، السطر 2، ")
    assert "," not in summary["id_attendances-1-person"]
