"""People found by how the press spells them: the definite article, hamza and ta marbuta, Latin variants."""

import pytest
from django.urls import reverse

from core.search import name_key, search_words
from stakeholders.models import Person

from .factories import PersonFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("محمد المهدي", "محمد مهدي"),
        ("عبد الله الإدريسي", "عبدالله ادريسي"),
        ("فاطمة الزهراء", "فاطمه زهراء"),
        ("Mohammed El-Mahdi", "Mohamed Mahdi"),
        ("Youssef Alaoui", "Yousef Alaoui"),
    ],
)
def test_spellings_of_one_name_share_a_key(one, other):
    assert name_key(one) == name_key(other)


def test_different_names_keep_different_keys():
    assert name_key("محمد المهدي") != name_key("أحمد المهدي")
    assert name_key("Youssef Ben Ali") != name_key("Youssef Ali")


def test_searching_with_the_article_finds_the_name_written_without_it(staff_client):
    PersonFactory(full_name_ar="محمد مهدي", full_name_latin="")
    PersonFactory(full_name_ar="يوسف الوزاني", full_name_latin="")
    assert search_words("المهدي") == ["مهدي"]
    response = staff_client.get(reverse("stakeholders:person_list"), {"q": "المهدي"})
    assert [p.full_name_ar for p in response.context["object_list"]] == ["محمد مهدي"]
    response = staff_client.get(reverse("stakeholders:person_list"), {"q": "وزاني"})
    assert [p.full_name_ar for p in response.context["object_list"]] == ["يوسف الوزاني"]


def person_data(**overrides):
    return {"full_name_ar": "محمد مهدي", "full_name_latin": "Mohamed Mahdi", "gender": "male"} | overrides


def test_creating_a_namesake_warns_before_saving(staff_client):
    existing = PersonFactory(full_name_ar="محمد المهدي", full_name_latin="Mohammed El-Mahdi")
    response = staff_client.post(reverse("stakeholders:person_create"), person_data())
    assert response.status_code == 200
    [message] = response.context["form"].non_field_errors()
    assert message.startswith(f"The portal already has {existing} (#{existing.pk}), spelt the same way or nearly.")
    assert 'type="checkbox" name="another_person"' in response.content.decode()
    assert Person.objects.namesakes("محمد مهدي").count() == 1

    response = staff_client.post(reverse("stakeholders:person_create"), person_data(another_person="on"))
    assert response.status_code == 302
    assert Person.objects.namesakes("محمد مهدي").count() == 2


def test_a_new_name_saves_at_once_and_editing_other_fields_does_not_warn(staff_client):
    response = staff_client.post(reverse("stakeholders:person_create"), person_data())
    assert response.status_code == 302
    person = Person.objects.get(full_name_latin="Mohamed Mahdi")
    assert (person.name_key_ar, person.name_key_latin) == ("محمد مهدي", "mohamed mahdi")
    PersonFactory(full_name_ar="محمد المهدي", full_name_latin="")
    data = person_data(gender="male", phone="0600000000", loaded_version=person.version)
    response = staff_client.post(reverse("stakeholders:person_update", args=[person.pk]), data)
    assert response.status_code == 302
