"""Records missing from a chooser created from inside a form (?dialog=1: the form alone; 201 and the record as JSON)."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from stakeholders.models import Organization, Person, Position

from .factories import OrganizationFactory, PersonFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_a_create_page_in_a_dialog_is_its_form_alone_with_fields_of_their_own(staff_client):
    page = staff_client.get(reverse("stakeholders:person_create"), {"dialog": "1"}).content.decode()
    assert "<html" not in page and "<nav" not in page and page.count("<form") == 1
    assert 'name="dialog-full_name_ar"' in page and 'id="id_dialog-full_name_ar"' in page  # ids unlike the page's
    assert 'name="csrfmiddlewaretoken"' in page


def test_a_person_saved_in_a_dialog_answers_with_the_record_and_leaves_no_message(staff_client):
    url = reverse("stakeholders:person_create") + "?dialog=1"
    response = staff_client.post(
        url,
        {
            "dialog-full_name_ar": "فاطمة الزهراء بنعلي",
            "dialog-full_name_latin": "Fatima Zahra Benali",
            "dialog-gender": "female",
        },
    )
    person = Person.objects.get(full_name_latin="Fatima Zahra Benali")
    assert response.status_code == 201 and response.json() == {"id": str(person.pk), "text": str(person)}
    assert list(get_messages(response.wsgi_request)) == []  # nothing to show on the form's next page


def test_a_dialog_with_errors_shows_them_in_its_form_and_saves_nothing(staff_client):
    count = Person.objects.count()
    url = reverse("stakeholders:person_create") + "?dialog=1"
    response = staff_client.post(url, {"dialog-full_name_ar": "", "dialog-full_name_latin": ""})
    page = response.content.decode()
    assert response.status_code == 200 and "<html" not in page
    assert "Nothing was saved. Correct these errors:" in page and 'class="alert-link"' in page
    assert Person.objects.count() == count


def test_a_new_position_from_a_row_is_for_the_rows_person_and_an_organization_for_its_chooser(staff_client):
    person = PersonFactory()
    page = staff_client.get(reverse("stakeholders:position_create"), {"dialog": "1", "person": person.pk})
    assert page.context["form"]["person"].value() == str(person.pk)
    organization = OrganizationFactory()
    data = {"dialog-person": person.pk, "dialog-organization": organization.pk, "dialog-title_fr": "Chargée de mission"}
    response = staff_client.post(
        reverse("stakeholders:position_create") + "?dialog=1", data | {"dialog-title_ar": "مكلفة بمهمة"}
    )
    position = Position.objects.get(title_fr="Chargée de mission")
    assert response.status_code == 201 and response.json()["text"] == str(position) and position.person == person
    response = staff_client.post(
        reverse("stakeholders:organization_create") + "?dialog=1",
        {"dialog-name_ar": "تعاونية الواحة", "dialog-name_fr": "Coopérative de l'oasis", "dialog-kind": "cooperative"},
    )
    assert response.status_code == 201 and Organization.objects.filter(name_fr="Coopérative de l'oasis").exists()


def test_the_meeting_form_offers_to_create_what_its_choosers_choose(staff_client):
    page = staff_client.get(reverse("meetings:meeting_create")).content.decode()
    assert 'data-chooses="stakeholders.person"' in page and 'data-create-for="stakeholders.person"' in page
    assert 'data-create-for="stakeholders.position"' in page and "js/create_dialog.js" in page
