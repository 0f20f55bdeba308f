"""Safeguards found by reviewing the portal as staff and partners would use it."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from meetings.models import Attendance, Consultation, Meeting, Recommendation
from overview.dashboard import Dashboard, Filters
from projects.models import Milestone, Project
from stakeholders.models import Person

from .factories import (
    AgreementFactory,
    AttendanceFactory,
    BudgetLineFactory,
    IndicatorValueFactory,
    MeetingFactory,
    MilestoneFactory,
    ProjectFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
D = datetime.date


def test_history_never_shows_contact_details_or_draft_values_to_partners(staff_client, partner_client):
    person = Person.objects.get(full_name_ar="حسني رشيدي")
    staff_client.post(
        reverse("stakeholders:person_update", args=[person.pk]),
        {"full_name_ar": person.full_name_ar, "full_name_latin": person.full_name_latin, "gender": "male",
         "email": "h.rachidi@example.ma", "phone": "0661234567", "loaded_version": person.version},
    )  # fmt: skip
    url = reverse("core:record_history", args=["stakeholders", "person", person.pk])
    assert "h.rachidi@example.ma" in staff_client.get(url).content.decode()
    page = partner_client.get(url).content.decode()
    assert "h.rachidi@example.ma" not in page and "0661234567" not in page
    value = IndicatorValueFactory(value=999)
    assert (
        partner_client.get(reverse("core:record_history", args=["projects", "indicatorvalue", value.pk])).status_code
        == 403
    )


def test_restoring_a_meeting_brings_back_its_attendance_and_agenda(staff_client):
    meeting = MeetingFactory()
    AttendanceFactory.create_batch(2, meeting=meeting)
    meeting.agenda_items.create(order=1, title_ar="افتتاح")
    pk = meeting.pk
    staff_client.post(reverse("meetings:meeting_delete", args=[pk]))
    assert not Attendance.objects.filter(meeting_id=pk).exists()
    deleted = Meeting.history.get(id=pk, history_type="-")
    staff_client.post(reverse("core:record_restore", args=["meetings", "meeting", deleted.history_id]))
    meeting = Meeting.objects.get(pk=pk)
    assert meeting.attendances.count() == 2 and meeting.agenda_items.get().title_ar == "افتتاح"
    history = staff_client.get(reverse("core:record_history", args=["meetings", "meeting", pk])).content.decode()
    assert "Restored" in history


def test_editing_a_project_part_keeps_its_project(staff_client):
    milestone = MilestoneFactory()
    form = staff_client.get(reverse("projects:milestone_update", args=[milestone.pk])).context["form"]
    assert form["project"].value() == milestone.project_id
    data = {"project": milestone.project_id, "kind": "activity", "title_ar": milestone.title_ar,
            "start_date": "2023-10-01", "loaded_version": milestone.version,
            "documents-TOTAL_FORMS": "0", "documents-INITIAL_FORMS": "0"}  # fmt: skip
    assert staff_client.post(reverse("projects:milestone_update", args=[milestone.pk]), data).status_code == 302
    assert Milestone.objects.get(pk=milestone.pk).project_id == milestone.project_id


def test_numbers_are_typed_in_text_inputs_so_nothing_is_dropped_by_the_browser(staff_client):
    page = staff_client.get(reverse("projects:budgetline_create")).content.decode()
    assert 'name="planned" inputmode="decimal"' in page and 'type="number"' not in page
    project = ProjectFactory()
    staff_client.post(
        reverse("projects:budgetline_create"),
        {"project": project.pk, "year": "٢٠٢٦", "funder": project.lead_organization_id, "planned": "1 250,50",
         "expenditures-TOTAL_FORMS": "0", "expenditures-INITIAL_FORMS": "0"},
    )  # fmt: skip
    line = project.budget_lines.get()
    assert (line.year, line.planned) == (2026, Decimal("1250.50"))


def test_saving_again_after_a_conflict_keeps_the_other_persons_changes(staff_client):
    meeting = MeetingFactory(venue="Errachidia")
    mine = {"title_ar": meeting.title_ar, "title_fr": "Nouveau titre", "kind": meeting.kind, "status": meeting.status,
            "date": meeting.date.isoformat(), "venue": "Errachidia", "chair": meeting.chair_id,
            "organizer": meeting.organizer_id, "loaded_version": meeting.version,
            "attendances-TOTAL_FORMS": "0", "attendances-INITIAL_FORMS": "0",
            "agenda-TOTAL_FORMS": "0", "agenda-INITIAL_FORMS": "0", "links-TOTAL_FORMS": "0", "links-INITIAL_FORMS": "0"}  # fmt: skip
    theirs = Meeting.objects.get(pk=meeting.pk)
    theirs.venue = "Ouarzazate"
    theirs.save()
    url = reverse("meetings:meeting_update", args=[meeting.pk])
    response = staff_client.post(url, mine)
    assert (
        response.status_code == 200
        and ("Venue", "Errachidia", "Ouarzazate") in response.context["form"].changed_meanwhile
    )
    again = response.context["form"].data
    assert again["venue"] == "Ouarzazate"  # their change, which this user did not touch, is kept
    assert staff_client.post(url, again).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.title_fr, meeting.venue) == ("Nouveau titre", "Ouarzazate")


def test_history_shows_choice_labels(staff_client, administrator):
    recommendation = Recommendation.objects.first()
    staff_client.post(
        reverse("meetings:statuschange_create"),
        {"recommendation": recommendation.pk, "to_status": "under_review", "changed_on": "2022-06-01"},
    )
    page = staff_client.get(reverse("core:record_history", args=["meetings", "recommendation", recommendation.pk]))
    _entry, changes, _part = page.context["entries"][0]
    assert ("Status", "proposed", "under review") in changes


def test_dashboard_counts_held_meetings_uses_budget_lines_and_statuses():
    zagora = Meeting.objects.get(province__code="08.587", kind="consultation_meeting")
    MeetingFactory(kind="consultation_meeting", province=zagora.province, status="cancelled")
    dashboard = Dashboard(Filters())
    participation = {str(row[0]): row[1] for row in dashboard.participation.rows}
    assert participation["Consultation meetings"] == 5  # the cancelled one does not count
    provinces = {row[-1]: row for row in dashboard.by_province.rows}
    assert provinces["08.587"][2] == 1
    project = Project.objects.get(title_fr="Création de zones d'activités artisanales")
    BudgetLineFactory(project=project, year=2023, planned=100, revised=150)
    BudgetLineFactory(project=project, year=2024, planned=50)
    budget = {str(row[0]): row[1:] for row in Dashboard(Filters()).budget_by_programme.rows}
    assert budget[project.programme.title] == [Decimal("200.00"), 3, 2]
    recommendation = Recommendation.objects.first()
    recommendation.status = "in_programme"
    recommendation.save()
    carried = {str(row[0]): row[1] for row in Dashboard(Filters()).recommendations_carried.rows}
    assert carried["Carried by a project of the development programme"] == 1


def test_consultation_meetings_stay_within_the_consultation(staff_client):
    consultation = Consultation.objects.get()
    zagora, errachidia = (
        Meeting.objects.get(consultation=consultation, province__code=c) for c in ("08.587", "08.201")
    )
    data = {"title_ar": consultation.title_ar, "period_start": "2022-03-17", "period_end": "2022-03-23",
            "participants_total": "186", "loaded_version": consultation.version,
            "meetings-TOTAL_FORMS": "2", "meetings-INITIAL_FORMS": "2",
            "meetings-0-id": zagora.pk, "meetings-0-province": zagora.province_id, "meetings-0-status": "held",
            "meetings-0-date": "2022-04-02", "meetings-0-participants_total": "100",
            "meetings-1-id": errachidia.pk, "meetings-1-province": errachidia.province_id, "meetings-1-status": "held",
            "meetings-1-participants_total": "100"}  # fmt: skip
    response = staff_client.post(reverse("meetings:consultation_update", args=[consultation.pk]), data)
    formset = response.context["formsets"][0][1]
    assert formset.forms[0].errors["date"] == ["This day is outside the consultation's period."]
    assert formset.non_form_errors() == ["The meetings count 200 participants, more than the consultation's 186."]


def test_an_amendment_comes_after_the_signature(staff_client):
    agreement = AgreementFactory(signing_date=D(2026, 6, 15))
    party = agreement.agreement_parties.first()
    data = {"title_ar": agreement.title_ar, "status": "signed", "signing_date": "2026-06-15", "loaded_version": agreement.version,
            "parties-TOTAL_FORMS": "1", "parties-INITIAL_FORMS": "1", "parties-0-id": party.pk,
            "parties-0-organization": party.organization_id, "parties-0-role": "partner",
            "amendments-TOTAL_FORMS": "1", "amendments-INITIAL_FORMS": "0",
            "amendments-0-number": "1", "amendments-0-date": "2026-01-10", "amendments-0-changes_fr": "Avenant"}  # fmt: skip
    response = staff_client.post(reverse("projects:agreement_update", args=[agreement.pk]), data)
    amendments = response.context["formsets"][1][1]
    assert amendments.forms[0].errors["date"] == ["An amendment cannot be dated before the signature."]


def test_exports_refuse_invalid_filters_and_name_the_valid_ones(partner_client):
    assert (
        partner_client.get(
            reverse("overview:dashboard_export", args=["participation", "csv"]), {"start": "bad"}
        ).status_code
        == 400
    )
    response = partner_client.get(
        reverse("overview:dashboard_export", args=["participation", "xlsx"]),
        {"start": "2022-03-01", "end": "2022-03-31"},
        HTTP_ACCEPT_LANGUAGE="ar",
    )
    assert 'filename="participation_2022-03-01_2022-03-31.xlsx"' in response["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.worksheets[0].sheet_view.rightToLeft is True
    assert [row[1] for row in book.worksheets[1].iter_rows(values_only=True)][1:4] == [
        "درعة-تافيلالت",
        "2022-03-01",
        "2022-03-31",
    ]  # the region first


def test_the_submitter_is_not_offered_to_approve(staff_client, staff_user, administrator):
    value = IndicatorValueFactory()
    staff_client.post(reverse("projects:indicatorvalue_submit", args=[value.pk]))
    page = staff_client.get(value.get_absolute_url()).content.decode()
    assert reverse("projects:indicatorvalue_approve", args=[value.pk]) not in page
    other = Client()
    other.force_login(administrator)
    assert (
        reverse("projects:indicatorvalue_approve", args=[value.pk])
        in other.get(value.get_absolute_url()).content.decode()
    )
