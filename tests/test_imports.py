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
