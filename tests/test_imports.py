"""Imports of spreadsheets with a preview (issue 13): every row checked, all or nothing, no duplicates."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from stakeholders.models import Organization, Person

pytestmark = pytest.mark.django_db


def upload(client, slug, name, content):
    url = reverse("core:import", args=[slug])
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


def confirm(client, slug, preview):
    return client.post(reverse("core:import", args=[slug]), {"confirm": preview.context["token"]}, follow=True)


def french_label(model, field) -> str:
    with translation.override("fr"):
        return str(model._meta.get_field(field).verbose_name)


def test_people_from_a_french_csv_keep_their_phone_and_a_second_import_adds_nothing(staff_client, english):
    header = f"  {french_label(Person, 'full_name_ar').upper()} ;full_name_latin; Téléphone ;gender"
    rows = ["فاطمة الزهراء;Fatima Zahra;0612345678;female", "يوسف بنعلي;Youssef Benali;;male"]
    content = ("\ufeff" + "\n".join([header.replace("Téléphone", french_label(Person, "phone")), *rows])).encode()
    preview = upload(staff_client, "people", "people.csv", content)
    assert [(row.errors, row.existing) for row in preview.context["rows"]] == [([], None), ([], None)]
    done = confirm(staff_client, "people", preview)
    assert "2 records created, 0 already there." in str(list(done.context["messages"])[-1])
    assert Person.objects.get(full_name_latin="Fatima Zahra").phone == "0612345678"
    again = confirm(staff_client, "people", upload(staff_client, "people", "people.csv", content))
    assert "0 records created, 2 already there." in str(list(again.context["messages"])[-1])
    assert Person.objects.filter(full_name_latin__in=["Fatima Zahra", "Youssef Benali"]).count() == 2


def test_a_failing_row_writes_nothing_and_each_error_is_on_its_row(staff_client, english):
    book = openpyxl.Workbook()
    book.active.append(["name_fr", "parent", "province", "kind"])
    book.active.append(["Coopérative Tifawin", "Conseil de la Région Drâa-Tafilalet", "Zagora", "cooperative"])
    book.active.append(["Association Amal", "Organisme inconnu", "Errachidia", "association"])
    book.active.append(["Coopérative Tifawin", "", "", "cooperative"])
    out = io.BytesIO()
    book.save(out)
    before = Organization.objects.count()
    preview = upload(staff_client, "organizations", "orgs.xlsx", out.getvalue())
    errors = [row.errors for row in preview.context["rows"]]
    assert errors[0] == [] and "is not in the portal" in errors[1][0] and errors[2] == ["The same as row 2."]
    assert "token" in preview.context and 'id="import-confirm"' not in preview.content.decode()
    confirm(staff_client, "organizations", preview)  # a forged confirmation is checked again
    assert Organization.objects.count() == before


def test_missing_or_unknown_columns_and_number_cells_for_text_are_refused(staff_client, english):
    refused = upload(staff_client, "people", "p.csv", b"nom;email\nX;x@example.org\n")
    message = " ".join(refused.context["form"].errors["file"])
    assert "Missing columns" in message and "Columns the import does not know (check their names): nom." in message
    book = openpyxl.Workbook()
    book.active.append(["full_name_latin", "phone"])
    book.active.append(["Hamid Souati", 612345678])
    out = io.BytesIO()
    book.save(out)
    preview = upload(staff_client, "people", "p.xlsx", out.getvalue())
    assert preview.context["rows"][0].errors == [
        "Phone: Write it as text (a number cell loses leading zeros and spaces)."
    ]


def test_the_template_and_who_may_import(staff_client, partner_client, english):
    template = staff_client.get(reverse("core:import_template", args=["organizations"]))
    headers = [c.value for c in next(openpyxl.load_workbook(io.BytesIO(template.content)).active.iter_rows())]
    assert headers[:2] == ["Name (Arabic)", "Name (French)"]
    assert partner_client.get(reverse("core:import", args=["people"])).status_code == 403
    assert staff_client.get(reverse("core:import", args=["nothing"])).status_code == 404
    assert (
        reverse("core:import", args=["people"])
        in staff_client.get(reverse("stakeholders:person_list")).content.decode()
    )


def test_recommendations_come_in_as_proposed_with_their_axis_and_source(staff_client, english):
    from meetings.models import Consultation, Recommendation

    consultation = Consultation.objects.order_by("pk").first()  # the dataset's, of March 2022
    axis = Recommendation._meta.get_field("axis").related_model.objects.order_by("order").first()
    content = (
        "text_fr;axis;source_consultation\n"
        f"Créer une plateforme de commercialisation;{axis.code};{consultation.title_ar}\n"
        f"Former les coopératives;{axis.code};Consultation inconnue\n"
    ).encode()
    preview = upload(staff_client, "recommendations", "r.csv", content)
    assert preview.context["rows"][0].errors == [] and "is not in the portal" in preview.context["rows"][1].errors[0]
    fixed = content.replace(b"Consultation inconnue", consultation.title_ar.encode())
    confirm(staff_client, "recommendations", upload(staff_client, "recommendations", "r.csv", fixed))
    made = Recommendation.objects.get(text_fr="Former les coopératives")
    assert (made.status, made.axis, made.source_consultation) == ("proposed", axis, consultation)


def test_the_preview_shows_choices_as_their_label_and_each_rows_check_first(staff_client, english):
    preview = upload(staff_client, "people", "p.csv", b"full_name_latin;gender\nFatima Zahra;female\n")
    row = preview.context["rows"][0]
    assert row.shown(preview.context["importer"].columns, Person)[2] == "female" and row.values["gender"] == "female"
    staff_client.cookies["django_language"] = "fr"
    page = upload(
        staff_client, "people", "p.csv", "full_name_latin;gender\nFatima Zahra;féminin\n".encode()
    ).content.decode()
    assert '<td dir="auto">féminin</td>' in page and page.index(">nouvelle<") < page.index("Fatima Zahra</td>")


def attendance_url(meeting) -> str:
    return reverse("core:import", args=["attendance"]) + f"?meeting={meeting.pk}"


def test_a_meeting_attendance_list_imports_into_that_meeting_once(staff_client, english):
    from meetings.models import Meeting

    other = Meeting.objects.create(title_fr="Comité de suivi", date="2022-06-15")
    Person.objects.create(full_name_ar="حسني رشيدي", full_name_latin="Hosni Rachidi2")  # another Hosni: ambiguous
    rows = [
        "person;organization;group_ar;status",
        "Hosni Rachidi;;;present",  # the dataset's chair, by his Latin name; his position is found
        ";مجلس جهة درعة تافيلالت;أطر إدارة مجلس الجهة;excused",
    ]
    content = "\n".join(rows).encode()
    url = attendance_url(other)
    preview = staff_client.post(url, {"file": SimpleUploadedFile("list.csv", content)})
    assert [row.errors for row in preview.context["rows"]] == [[], []], preview.context["rows"]
    done = staff_client.post(url, {"confirm": preview.context["token"]}, follow=True)
    assert done.redirect_chain[-1][0] == other.get_absolute_url()
    named, group = other.attendances.order_by("pk")
    assert (named.person.full_name_latin, named.status) == ("Hosni Rachidi", "present")
    assert named.position is not None and named.organization == named.position.organization
    assert (group.group_ar, group.status, group.organization.name_ar) == (
        "أطر إدارة مجلس الجهة",
        "excused",
        "مجلس جهة درعة تافيلالت",
    )
    again = staff_client.post(
        url,
        {"confirm": staff_client.post(url, {"file": SimpleUploadedFile("list.csv", content)}).context["token"]},
        follow=True,
    )
    assert "0 records created, 2 already there." in str(list(again.context["messages"])[-1])
    assert other.attendances.count() == 2


def test_an_attendance_row_that_fails_leaves_the_meeting_unchanged(staff_client, english, meeting):
    before = meeting.attendances.count()
    content = b"person;status\nHosni Rachidi;present\nNobody Known;present\n"
    preview = staff_client.post(attendance_url(meeting), {"file": SimpleUploadedFile("list.csv", content)})
    errors = [row.errors for row in preview.context["rows"]]
    assert errors[1] == ["Person: “Nobody Known” is not in the portal: add it first."]
    assert "token" in preview.context and "import-confirm" not in preview.content.decode()
    staff_client.post(attendance_url(meeting), {"confirm": preview.context["token"]})
    assert meeting.attendances.count() == before


def test_the_attendance_import_needs_a_meeting(staff_client):
    assert staff_client.get(reverse("core:import", args=["attendance"])).status_code == 404
    assert staff_client.get(reverse("core:import", args=["attendance"]) + "?meeting=x").status_code == 404


def test_consultation_meetings_get_their_counts_filled_in_but_never_overwritten(staff_client, english):
    from meetings.models import Consultation

    consultation = Consultation.objects.get()
    url = reverse("core:import", args=["consultation-meetings"]) + f"?consultation={consultation.pk}"
    content = b"Province;participants;of whom women;venue\nErrachidia;40;12;Errachidia\n08.401;35;;\n"
    preview = staff_client.post(url, {"file": SimpleUploadedFile("counts.csv", content)})
    assert [(row.errors, row.fills) for row in preview.context["rows"]] == [
        ([], {"participants_total": 40, "participants_women": 12, "venue": "Errachidia"}),
        ([], {"participants_total": 35}),
    ]
    done = staff_client.post(url, {"confirm": preview.context["token"]}, follow=True)
    assert "0 records created, 2 completed, 0 already there." in str(list(done.context["messages"])[-1])
    errachidia = consultation.meetings.get(province__code="08.201")
    assert (errachidia.participants_total, errachidia.participants_women) == (40, 12)
    assert consultation.meetings.count() == 5

    changed = b"Province;participants\nErrachidia;41\n"
    preview = staff_client.post(url, {"file": SimpleUploadedFile("counts.csv", changed)})
    assert preview.context["rows"][0].errors == ["Participants: the portal has 40, the file 41."]
    women = b"Province;participants;of whom women\nOuarzazate;35;50\n"
    preview = staff_client.post(url, {"file": SimpleUploadedFile("counts.csv", women)})
    assert preview.context["rows"][0].errors == ["The number of women cannot exceed the number of participants."]
    assert consultation.meetings.get(province__code="08.401").participants_women is None


def test_a_downloaded_list_of_people_imports_back_into_an_empty_table_as_the_same_records(staff_client):
    from meetings.models import Attendance, Meeting
    from stakeholders.models import Position

    from .factories import PersonFactory

    PersonFactory(full_name_ar="=سلمى", full_name_latin='Salma, "la cheffe"', phone="0535123456", email="s@x.ma")
    fields = ("full_name_ar", "full_name_latin", "gender", "email", "phone")
    before = set(Person.objects.values_list(*fields))
    with translation.override("fr"):
        staff_client.cookies["django_language"] = "fr"
        download = staff_client.get(reverse("stakeholders:person_list") + "?export=csv")
        content = b"".join(download.streaming_content)
        assert content.startswith("\ufeff".encode()) and b";" in content.split(b"\n")[0]
        Meeting.objects.update(chair=None)
        Attendance.objects.all().delete()
        Position.objects.all().delete()
        Person.objects.all().delete()
        preview = upload(staff_client, "people", "personnes.csv", content)
        assert [row.errors for row in preview.context["rows"] if row.errors] == []
        confirm(staff_client, "people", preview)
    assert set(Person.objects.values_list(*fields)) == before and len(before) > 5
