"""Defects found by using the portal as its users do (issue 11): each with the test that found it."""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from core import registry
from core.forms import MAX_ROWS
from meetings.models import AgendaItem, Decision, Meeting, RecommendationLink
from meetings.services import change_status
from overview.charts import bar_chart
from overview.timeline import recommendation_timeline
from projects.models import AgreementParty, MilestoneDocument
from stakeholders.models import Organization, Province

from .factories import (
    AgreementFactory,
    AttendanceFactory,
    ConsultationFactory,
    DecisionFactory,
    IndicatorValueFactory,
    MeetingFactory,
    PersonFactory,
    PositionFactory,
    ProjectFactory,
    RecommendationFactory,
)
from .test_editing import attendee, management, meeting_data

pytestmark = pytest.mark.django_db
TOO_BIG = "9223372036854775808"  # 2**63: no record can have it


def test_1_the_timeline_leaves_out_meetings_with_neither_a_date_nor_a_period(partner_client):
    undated = MeetingFactory(date=None, period_start=None, period_end=None, title_fr="Réunion sans date")
    response = partner_client.get(reverse("overview:dashboard_timeline"), HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200 and response.context["events"]  # the dated ones are all there
    assert undated not in [record for _day, record, _label in response.context["events"]]
    assert "Réunion sans date" not in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/meetings/meeting/autocomplete/?term=%00",
        "/admin/autocomplete/?app_label=meetings&model_name=attendance&field_name=person&term=%00",
        "/admin/meetings/meeting/?q=%00",
        "/admin/meetings/attendance/?person__id__exact=%00",
    ],
)
def test_4_a_nul_character_in_an_admin_query_gets_the_400_page_not_a_500(client, administrator, url):
    client.force_login(administrator)
    client.raise_request_exception = False
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400 and "Requête incomprise" in response.content.decode()


def test_4_the_portals_own_pages_refuse_it_next_to_the_field_or_drop_it_from_a_search(staff_client, english):
    assert staff_client.get(reverse("meetings:meeting_list"), {"q": "a\x00b"}).status_code == 200
    query = {"app_label": "meetings", "model_name": "attendance", "field_name": "person", "term": "\x00"}
    assert staff_client.get(reverse("core:chooser"), query).status_code == 200
    response = staff_client.post(reverse("meetings:meeting_create"), meeting_data(title_fr="a\x00b"))
    assert response.status_code == 200
    assert response.context["form"].errors["title_fr"] == ["Null characters are not allowed."]


def test_9_a_council_decision_needs_no_number_but_a_number_stays_unique_in_its_session(staff_client, english):
    session = MeetingFactory(kind=Meeting.Kind.ORDINARY_SESSION)
    for subject in ("Approbation du programme", "Convention de partenariat"):
        data = {"meeting": session.pk, "number": "", "subject_fr": subject, "date": "2023-03-07"}
        assert staff_client.post(reverse("meetings:decision_create"), data).status_code == 302
    assert sorted(str(d) for d in Decision.objects.filter(meeting=session)) == [
        "Decision: Approbation du programme",
        "Decision: Convention de partenariat",
    ]
    DecisionFactory(meeting=session, number="12/2023")
    data = {"meeting": session.pk, "number": "12/2023", "subject_fr": "Doublon", "date": "2023-03-07"}
    response = staff_client.post(reverse("meetings:decision_create"), data)
    assert response.status_code == 200
    assert "This session already has a decision with this number." in str(response.context["form"].errors)


def test_13_commitments_left_empty_are_not_known_rather_than_zero(staff_client, english):
    agreement = AgreementFactory()
    AgreementParty.objects.create(agreement=agreement, organization=Organization.objects.first(), role="partner")
    page = staff_client.get(agreement.get_absolute_url()).content.decode()
    total = re.search(r'data-total="committed">([^<]*)<', page).group(1)
    assert total == "not known"


def test_14_the_map_shows_each_provinces_value_and_raw_numbers_stay_unlocalised(partner_client):
    project = ProjectFactory(budget=1250000.5)
    project.provinces.add(Province.objects.get(code="08.201"))
    page = partner_client.get(
        reverse("overview:dashboard_provinces"), {"measure": "budget"}, HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()
    values = re.findall(r'<text x="([\d.]+)" y="([\d.]+)" text-anchor="middle" class="map-value">', page)
    assert len(values) == 5
    assert 'data-value="1250000.5' in page and 'data-value="1250000,5' not in page


@pytest.mark.parametrize(
    "url",
    [
        f"/meetings/?person={TOO_BIG}",
        f"/meetings/?province={TOO_BIG}",
        f"/recommendations/?axis={TOO_BIG}",
        f"/projects/?programme={TOO_BIG}",
        "/meetings/?person=99999999999999999999999999",
    ],
)
def test_19_a_key_no_record_can_have_is_a_filter_error(staff_client, url):
    response = staff_client.get(url)
    assert response.status_code == 200 and response.context["filter"].errors


def test_19_a_huge_key_in_a_form_or_page_number_is_refused_calmly(staff_client):
    data = meeting_data(**management("attendances", 1), **{"attendances-0-person": TOO_BIG})
    data |= {"attendances-0-mode": "in_person", "attendances-0-status": "present"}
    response = staff_client.post(reverse("meetings:meeting_create"), data)
    assert response.status_code == 200
    chooser = reverse("core:chooser")
    query = {"app_label": "meetings", "model_name": "attendance", "field_name": "person", "term": ""}
    answer = staff_client.get(chooser, query | {"page": "9" * 30}).json()
    assert answer["results"] == [] and answer["pagination"] == {"more": False}


def test_20_a_table_takes_at_most_max_rows_and_the_rest_is_not_read(staff_client, english):
    rows = MAX_ROWS + 700
    data = meeting_data(**management("agenda", rows))
    for index in range(rows):
        data[f"agenda-{index}-order"] = str(index + 1)
        data[f"agenda-{index}-title_fr"] = f"Point {index + 1}"
    response = staff_client.post(reverse("meetings:meeting_create"), data)
    assert response.status_code == 200
    agenda = dict(response.context["formsets"])["Agenda"]
    assert list(agenda.non_form_errors()) == [f"Please submit at most {MAX_ROWS} forms."]
    assert not Meeting.objects.filter(title_fr=data["title_fr"]).exists()


def test_staff_without_the_add_permission_cannot_reach_the_decision_form(client, django_user_model):
    user = django_user_model.objects.create_user("reader")
    user.user_permissions.add(Permission.objects.get(codename="view_decision"))
    client.force_login(user)
    assert client.get(reverse("meetings:decision_create")).status_code == 403


def test_10_same_day_status_steps_keep_their_order_in_the_timeline(staff_user, english):
    recommendation = RecommendationFactory()
    day = datetime.date(2023, 4, 3)
    for status in ("under_review", "adopted", "in_programme"):  # recorded on one day, in this order
        change_status(recommendation, to_status=status, author=staff_user, changed_on=day)
    kinds = [event.kind for event in recommendation_timeline(recommendation, staff_user) if event.day == day]
    assert kinds == [
        "status: under review",
        "status: adopted",
        "status: in the development programme",
    ]


def test_10_a_persons_meetings_and_a_consultations_meetings_are_in_date_order(staff_client):
    person = PersonFactory()
    march = MeetingFactory(date=None, period_start=datetime.date(2022, 3, 17), period_end=datetime.date(2022, 3, 23))
    may, january = MeetingFactory(date=datetime.date(2022, 5, 11)), MeetingFactory(date=datetime.date(2022, 1, 4))
    for meeting in (january, march, may):
        AttendanceFactory(meeting=meeting, person=person)
    attended = staff_client.get(person.get_absolute_url()).context["object"].attendances.all()
    assert [row.meeting for row in attended] == [may, march, january]  # a period counts from its start
    consultation = ConsultationFactory()
    provinces = Province.objects.of_portal_region().order_by("name_ar")
    late = MeetingFactory(consultation=consultation, province=provinces[0], date=datetime.date(2022, 3, 23))
    early = MeetingFactory(consultation=consultation, province=provinces[1], date=datetime.date(2022, 3, 17))
    shown = list(staff_client.get(consultation.get_absolute_url()).context["object"].meetings.all())
    assert shown == [late, early]  # newest first, as every list of meetings


def delete_through_the_page(client, record):
    opts = record._meta
    url = reverse(registry.page_name(record, "delete"), args=[record.pk])
    assert client.post(url).status_code == 302, opts.label


def test_2_a_restore_blocked_by_a_record_deleted_since_says_so(staff_client, english):
    chair = PositionFactory()
    meeting = MeetingFactory(chair=chair)
    delete_through_the_page(staff_client, meeting)
    delete_through_the_page(staff_client, chair)
    deleted = Meeting.history.get(id=meeting.pk, history_type="-")
    url = reverse("core:record_restore", args=["meetings", "meeting", deleted.history_id])
    response = staff_client.post(url, follow=True)
    assert response.status_code == 200 and not Meeting.objects.filter(pk=meeting.pk).exists()
    message = str(list(response.context["messages"])[-1])
    assert message.startswith("Not restored: it points to records deleted since (Chair: ")


def test_3_a_restore_brings_back_exactly_the_parts_deleted_with_the_record(staff_client):
    meeting = MeetingFactory()
    kept, removed_before = AttendanceFactory(meeting=meeting), AttendanceFactory(meeting=meeting)
    delete_through_the_page(staff_client, removed_before)  # on its own, seconds before
    delete_through_the_page(staff_client, meeting)
    deleted = Meeting.history.get(id=meeting.pk, history_type="-")
    staff_client.post(reverse("core:record_restore", args=["meetings", "meeting", deleted.history_id]))
    assert list(Meeting.objects.get(pk=meeting.pk).attendances.values_list("pk", flat=True)) == [kept.pk]


def test_12_a_completed_project_below_100_percent_is_refused(staff_client, english):
    project = ProjectFactory()
    data = {
        "title_ar": project.title_ar,
        "programme": project.programme_id,
        "status": "completed",
        "progress": "20",
        "weight": "1",
        "loaded_version": project.version,
    }
    response = staff_client.post(reverse("projects:project_update", args=[project.pk]), data)
    assert response.status_code == 200
    assert response.context["form"].errors["progress"] == [
        "A completed project's progress is 100: set it to 100, or choose another status."
    ]


def test_16_choosers_list_only_what_the_pages_show(partner_client, staff_client):
    IndicatorValueFactory(status="draft")
    reverse_relation = {"app_label": "projects", "model_name": "indicator", "field_name": "values", "term": ""}
    assert partner_client.get(reverse("core:chooser"), reverse_relation).status_code == 404
    assert staff_client.get(reverse("core:chooser"), reverse_relation).status_code == 404
    not_choosable = {"app_label": "meetings", "model_name": "meeting", "field_name": "province", "term": ""}
    assert partner_client.get(reverse("core:chooser"), not_choosable).status_code == 404


def milestone_with(document, project):
    return {
        "project": project.pk, "kind": "activity", "title_fr": "Salon régional", "start_date": "2023-10-01",
        **management("documents", 1), "documents-0-title": "Programme du salon", "documents-0-kind": "other", "documents-0-file": document,
    }  # fmt: skip


def test_18_documents_upload_through_the_page_within_their_limits(staff_client, settings, tmp_path, english):
    settings.MEDIA_ROOT = tmp_path
    project = ProjectFactory()
    url = reverse("projects:milestone_create")
    pdf = SimpleUploadedFile("programme.pdf", b"%PDF-1.7 programme", content_type="application/pdf")
    assert staff_client.post(url, milestone_with(pdf, project)).status_code == 302
    document = MilestoneDocument.objects.get(milestone__project=project)
    assert document.file.read() == b"%PDF-1.7 programme"

    program = SimpleUploadedFile("setup.exe", b"MZ", content_type="application/octet-stream")
    refused = staff_client.post(url, milestone_with(program, project))
    errors = refused.context["formsets"][0][1].errors[0]["file"]
    assert errors[0].startswith("File extension “exe” is not allowed.")
    settings.MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("scan.pdf", b"%PDF-1.7 " + b"0" * (1024 * 1024), content_type="application/pdf")
    refused = staff_client.post(url, milestone_with(big, project))
    assert refused.context["formsets"][0][1].errors[0]["file"] == ["This file is 1.0 MB; the limit is 1 MB."]
    assert MilestoneDocument.objects.filter(milestone__project=project).count() == 1


def test_5_the_admin_shows_workflow_statuses_without_letting_them_change(client, administrator):
    client.force_login(administrator)
    recommendation = RecommendationFactory()
    page = client.get(reverse("admin:meetings_recommendation_change", args=[recommendation.pk])).content.decode()
    assert 'name="status"' not in page
    value = IndicatorValueFactory()
    page = client.get(reverse("admin:projects_indicatorvalue_change", args=[value.pk])).content.decode()
    assert 'name="status"' not in page


def as_posted(page) -> dict:
    """What the browser would post back, unchanged, from an edit page (the portal's or the
    admin's): its form and tables."""
    if "adminform" in page.context:
        forms, formsets = [page.context["adminform"].form], [i.formset for i in page.context["inline_admin_formsets"]]
    else:
        forms, formsets = [page.context["form"]], [formset for _title, formset in page.context.get("formsets", [])]
    data = {}
    for formset in formsets:
        forms += formset.forms
        management_form = formset.management_form
        data |= {management_form.add_prefix(n): management_form[n].value() for n in management_form.fields}
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value not in (None, False, "", []):
                data[form.add_prefix(name)] = "on" if value is True else value
    return data


def test_6_saving_no_change_writes_nothing_and_a_meetings_history_shows_its_rows(staff_client, english):
    position = PositionFactory()
    data = meeting_data(**management("attendances", 1), **attendee(0, position.person, position))
    staff_client.post(reverse("meetings:meeting_create"), data)
    meeting = Meeting.objects.get(title_fr=data["title_fr"])
    edit = reverse("meetings:meeting_update", args=[meeting.pk])
    unchanged = as_posted(staff_client.get(edit))
    response = staff_client.post(edit, unchanged, follow=True)
    assert "Nothing was changed, so nothing was saved." in str(list(response.context["messages"])[-1])
    assert (Meeting.objects.get(pk=meeting.pk).version, meeting.history.count()) == (1, 1)

    changed = as_posted(staff_client.get(edit)) | {"attendances-0-status": "excused"}
    assert staff_client.post(edit, changed).status_code == 302
    page = staff_client.get(reverse("core:record_history", args=["meetings", "meeting", meeting.pk]))
    entry, changes, part = page.context["entries"][0]
    assert part.startswith("Attendance: ") and ("Status", "present", "excused") in changes


def test_7_a_provincial_meetings_recommendation_shows_with_its_consultation(staff_client, partner_client):
    consultation = ConsultationFactory()
    provincial = MeetingFactory(consultation=consultation, kind="consultation_meeting", date=datetime.date(2022, 3, 18))
    from_province = RecommendationFactory(source_consultation=None, source_meeting=provincial, text_fr="Foire à Zagora")
    both = RecommendationFactory(source_consultation=consultation, source_meeting=provincial, text_fr="Label régional")
    shown = list(staff_client.get(consultation.get_absolute_url()).context["recommendations"])
    assert sorted(r.pk for r in shown) == sorted([from_province.pk, both.pk])
    follow_up = partner_client.get(reverse("overview:dashboard_follow_up")).context["consultations"]
    assert sorted(r.pk for r in next(c for c in follow_up if c.pk == consultation.pk).followed) == sorted(
        [from_province.pk, both.pk]
    )
    page = staff_client.get(both.get_absolute_url()).content.decode()
    assert consultation.get_absolute_url() in page and provincial.get_absolute_url() in page


def test_8_agenda_numbers_swap_duplicates_are_marked_and_a_blank_one_comes_last(staff_client, english):
    meeting = MeetingFactory()
    first = AgendaItem.objects.create(meeting=meeting, order=1, title_fr="Ouverture")
    second = AgendaItem.objects.create(meeting=meeting, order=2, title_fr="Stratégie nationale")
    edit = reverse("meetings:meeting_update", args=[meeting.pk])
    posted = as_posted(staff_client.get(edit))
    rows = {posted[f"agenda-{i}-id"]: i for i in range(2)}
    swap = posted | {f"agenda-{rows[first.pk]}-order": "2", f"agenda-{rows[second.pk]}-order": "1"}
    swap |= {"agenda-TOTAL_FORMS": "3", "agenda-2-title_fr": "Divers"}  # a new row with no number
    assert staff_client.post(edit, swap).status_code == 302
    assert list(meeting.agenda_items.values_list("title_fr", "order")) == [
        ("Stratégie nationale", 1),
        ("Ouverture", 2),
        ("Divers", 3),
    ]
    posted = as_posted(staff_client.get(edit))
    twice = posted | {"agenda-0-order": "5", "agenda-1-order": "5"}
    response = staff_client.post(edit, twice)
    formset = dict(response.context["formsets"])["Agenda"]
    assert [form.errors.get("order") for form in formset.forms[:2]] == [["Number 5 is given to two rows."]] * 2


def test_15_bar_values_keep_room_and_arabic_labels_read_right_to_left(partner_client):
    rows = [("ميزانية مشروع المعرض الجهوي للاقتصاد الاجتماعي والتضامني بدرعة تافيلالت", 2_500_000.0, 2500000)]
    with translation.override("ar"):
        chart = bar_chart(rows)
        page = partner_client.get(reverse("overview:dashboard"), HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert chart["bars"][0]["value_x"] >= 100  # "2 500 000" (about 65 units) ends inside the chart
    with translation.override("fr"):
        bar = bar_chart(rows)["bars"][0]
    assert bar["value_x"] + 100 <= 640
    assert 'direction="rtl" text-anchor="start" class="bar-label"' in page


def test_11_an_evening_meeting_may_end_after_midnight_and_a_group_is_counted_once(staff_client, english):
    url = reverse("meetings:meeting_create")
    late = meeting_data(title_fr="Soirée des coopératives", start_time="20:00", end_time="01:00", ends_next_day="on")
    assert staff_client.post(url, late).status_code == 302
    meeting = Meeting.objects.get(title_fr="Soirée des coopératives")
    assert "20:00–01:00 (the next day)" in staff_client.get(meeting.get_absolute_url()).content.decode()
    groups = meeting_data(**management("attendances", 2), title_fr="Rencontre des coopératives")
    for index, name in enumerate(["أطر ولاية جهة درعة تافيلالت", "اطر  ولاية جهة درعة تافيلالت"]):  # hamza, spacing
        groups |= {f"attendances-{index}-group_ar": name, f"attendances-{index}-mode": "in_person"}
        groups |= {f"attendances-{index}-status": "present"}
    response = staff_client.post(url, groups)
    table = dict(response.context["formsets"])["Attendees"]
    assert table.forms[1].errors["group_ar"] == ["This group is already listed on this meeting."]


def test_21_lineage_links_keep_their_history_and_who_made_them(staff_client, staff_user, english):
    earlier, later = RecommendationFactory(), RecommendationFactory()
    data = {"source": earlier.pk, "target": later.pk, "kind": "consolidation"}
    assert staff_client.post(reverse("meetings:recommendationlink_create"), data).status_code == 302
    link = RecommendationLink.objects.get(source=earlier, target=later)
    assert link.history.get().history_user == staff_user
    page = staff_client.get(reverse("core:record_history", args=["meetings", "recommendation", later.pk]))
    assert any(
        part.startswith(("Recommendation lineage", "سلالة", "Filiation")) for _e, _c, part in page.context["entries"]
    )


def test_review_an_indicators_history_hides_draft_values_from_partners(partner_client, staff_client, english):
    value = IndicatorValueFactory(status="draft")
    url = reverse("core:record_history", args=["projects", "indicator", value.indicator_id])
    parts = [part for _entry, _changes, part in partner_client.get(url).context["entries"] if part]
    assert parts == []
    assert any(part.startswith("Indicator value") for *_rest, part in staff_client.get(url).context["entries"])


def test_review_deleting_a_numbered_row_frees_its_number_in_the_same_save(staff_client):
    meeting = MeetingFactory()
    first = AgendaItem.objects.create(meeting=meeting, order=1, title_fr="Ouverture")
    AgendaItem.objects.create(meeting=meeting, order=2, title_fr="Retiré")
    edit = reverse("meetings:meeting_update", args=[meeting.pk])
    posted = as_posted(staff_client.get(edit))
    rows = {posted[f"agenda-{i}-id"]: i for i in range(2)}
    index_of_removed = 1 - rows[first.pk]
    data = posted | {f"agenda-{rows[first.pk]}-order": "2", f"agenda-{index_of_removed}-DELETE": "on"}
    assert staff_client.post(edit, data).status_code == 302
    assert list(meeting.agenda_items.values_list("title_fr", "order")) == [("Ouverture", 2)]


def test_review_a_meeting_ending_the_next_day_lasts_less_than_a_day(staff_client, english):
    data = meeting_data(start_time="20:00", end_time="21:00", ends_next_day="on")
    response = staff_client.post(reverse("meetings:meeting_create"), data)
    assert response.context["form"].errors["end_time"] == [
        "Ending the next day, a meeting ends before its start time (it would last a day or more)."
    ]


def test_17_a_row_edited_meanwhile_on_its_own_page_is_not_overwritten(staff_client, english):
    consultation = ConsultationFactory()
    provincial = MeetingFactory(
        consultation=consultation, kind="consultation_meeting", province=Province.objects.first()
    )
    edit = reverse("meetings:consultation_update", args=[consultation.pk])
    stale = as_posted(staff_client.get(edit))
    provincial.participants_total = 40  # saved meanwhile on the meeting's own page
    provincial.save()
    row = next(i for i in range(5) if stale.get(f"meetings-{i}-id") == provincial.pk)
    response = staff_client.post(edit, stale | {f"meetings-{row}-participants_total": "35"})
    assert response.status_code == 200
    provincial.refresh_from_db()
    assert provincial.participants_total == 40


def test_17_a_post_without_its_version_is_refused(staff_client, meeting, english):
    edit = reverse("meetings:meeting_update", args=[meeting.pk])
    posted = as_posted(staff_client.get(edit)) | {"summary": "Résumé changé"}
    posted.pop("loaded_version")
    response = staff_client.post(edit, posted)
    assert response.status_code == 200 and response.context["form"].non_field_errors() == [
        "This form came without the version it was opened with: reload the page, then save again."
    ]


def test_6_a_meetings_history_runs_the_same_queries_for_2_and_12_changed_rows(staff_client):
    def queries(rows):
        meeting = MeetingFactory()
        for attendance in AttendanceFactory.create_batch(rows, meeting=meeting):
            attendance.status = "excused"
            attendance.save()
        url = reverse("core:record_history", args=["meetings", "meeting", meeting.pk])
        with CaptureQueriesContext(connection) as captured:
            assert staff_client.get(url).status_code == 200
        return len(captured)

    assert queries(2) == queries(12)


def test_6_history_shows_yes_no_and_wall_clock_times_as_people_read_them(staff_client, english):
    meeting = MeetingFactory()
    meeting.start_time, meeting.end_time, meeting.ends_next_day = datetime.time(20), datetime.time(1), True
    meeting.save()
    page = staff_client.get(reverse("core:record_history", args=["meetings", "meeting", meeting.pk]))
    _entry, changes, _part = page.context["entries"][0]
    assert ("Ends the next day", "No", "Yes") in changes and ("Start time", "", "20:00") in changes


def test_21_one_save_that_changes_partners_writes_one_history_row(staff_client, english):
    consultation = ConsultationFactory()
    first, second = Organization.objects.create(name_fr="REMESS"), Organization.objects.create(name_fr="ODCO")
    consultation.partners.set([first])
    before = consultation.history.count()
    edit = reverse("meetings:consultation_update", args=[consultation.pk])
    changed = as_posted(staff_client.get(edit)) | {"partners": [second.pk]}
    assert staff_client.post(edit, changed).status_code == 302
    assert consultation.history.count() == before + 1
    assert [row.organization_id for row in consultation.history.latest().partners.all()] == [second.pk]


def test_21_the_admin_and_a_restore_write_one_history_row_too(client, administrator, staff_client):
    project = ProjectFactory()
    client.force_login(administrator)
    partner = Organization.objects.create(name_fr="ADS")
    data = as_posted(client.get(reverse("admin:projects_project_change", args=[project.pk]))) | {
        "partners": [partner.pk]
    }
    before = project.history.count()
    response = client.post(reverse("admin:projects_project_change", args=[project.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert project.history.count() == before + 1
    assert [row.organization_id for row in project.history.latest().partners.all()] == [partner.pk]

    delete_through_the_page(staff_client, project)
    deleted = project.history.latest()
    staff_client.post(reverse("core:record_restore", args=["projects", "project", deleted.history_id]))
    restored = project.history.latest()
    assert (project.history.count(), restored.history_type) == (before + 3, "+")
    assert [row.organization_id for row in restored.partners.all()] == [partner.pk]


def test_18_a_restore_brings_documents_back_and_deleting_for_good_removes_their_files(
    staff_client, client, administrator, settings, tmp_path, django_capture_on_commit_callbacks, english
):
    settings.MEDIA_ROOT = tmp_path
    project = ProjectFactory()
    pdf = SimpleUploadedFile("programme.pdf", b"%PDF-1.7 programme", content_type="application/pdf")
    staff_client.post(reverse("projects:milestone_create"), milestone_with(pdf, project))
    stored = tmp_path / MilestoneDocument.objects.get().file.name
    with django_capture_on_commit_callbacks(execute=True):
        delete_through_the_page(staff_client, project)
    assert stored.read_bytes() == b"%PDF-1.7 programme" and not MilestoneDocument.objects.exists()

    deleted = project.history.get(history_type="-")
    staff_client.post(reverse("core:record_restore", args=["projects", "project", deleted.history_id]))
    document = MilestoneDocument.objects.get(milestone__project=project)
    download = staff_client.get(reverse("core:document_download", args=["projects", "milestonedocument", document.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.7 programme"

    with django_capture_on_commit_callbacks(execute=True):
        delete_through_the_page(staff_client, document.milestone)
    deleted = document.milestone.history.filter(history_type="-").latest()
    purge = reverse("core:record_purge", args=["projects", "milestone", deleted.history_id])
    assert staff_client.post(purge).status_code == 403
    client.force_login(administrator)
    assert "Documents: 1" in client.get(purge).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(purge).status_code == 302
    assert not stored.exists() and not MilestoneDocument.history.filter(id=document.pk).exists()
    assert project.history.exists()  # the project, still in use, keeps its history


def test_review_a_record_restored_and_deleted_again_is_listed_once(staff_client):
    meeting = MeetingFactory()
    delete_through_the_page(staff_client, meeting)
    first = Meeting.history.get(id=meeting.pk, history_type="-")
    staff_client.post(reverse("core:record_restore", args=["meetings", "meeting", first.history_id]))
    delete_through_the_page(staff_client, Meeting.objects.get(pk=meeting.pk))
    page = staff_client.get(reverse("core:deleted_records", args=["meetings", "meeting"]))
    listed = [entry.history_id for entry in page.context["object_list"] if entry.id == meeting.pk]
    assert listed == [Meeting.history.filter(id=meeting.pk, history_type="-").latest().history_id]


def test_review_the_admin_refuses_to_revert_to_a_past_version(client, administrator):
    project = ProjectFactory()
    project.title_fr = "Titre modifié"
    project.save()
    first = project.history.earliest()
    client.force_login(administrator)
    url = reverse("admin:projects_project_simple_history", args=[project.pk, first.history_id])
    before = project.history.count()
    assert client.post(url, {"title_fr": first.title_fr}).status_code == 403
    assert project.history.count() == before and type(project).objects.get(pk=project.pk).title_fr == "Titre modifié"


def test_review_only_a_records_last_deletion_can_be_deleted_for_good(staff_client, client, administrator):
    meeting = MeetingFactory()
    delete_through_the_page(staff_client, meeting)
    first = Meeting.history.get(id=meeting.pk, history_type="-")
    staff_client.post(reverse("core:record_restore", args=["meetings", "meeting", first.history_id]))
    delete_through_the_page(staff_client, Meeting.objects.get(pk=meeting.pk))
    client.force_login(administrator)
    assert client.get(reverse("core:record_purge", args=["meetings", "meeting", first.history_id])).status_code == 404
