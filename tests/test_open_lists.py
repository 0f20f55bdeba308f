"""Open lists staff extend through the pages (issue 14): kinds of event, categories of participants,
thematic axes, statistics, series of meetings and events."""

import pytest
from django.urls import reverse

from meetings.models import MeetingSeries, ParticipantCategory
from projects.models import EventKind

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_staff_add_a_kind_of_event_and_correct_its_name(staff_client):
    index = staff_client.get(reverse("core:open_lists")).content.decode()
    assert reverse("core:open_list", args=["projects", "eventkind"]) in index
    url = reverse("core:open_list_create", args=["projects", "eventkind"])
    response = staff_client.post(url, {"name_ar": "قافلة تضامنية", "name_fr": "Caravane solidaire", "order": "8"})
    assert response.status_code == 302
    kind = EventKind.objects.get(code="caravane-solidaire")
    assert (kind.name_ar, kind.order) == ("قافلة تضامنية", 8)
    page = staff_client.get(reverse("core:open_list", args=["projects", "eventkind"])).content.decode()
    assert "Caravane solidaire" in page and "Salon régional" in page

    url = reverse("core:open_list_update", args=["projects", "eventkind", kind.pk])
    data = {"name_ar": "قافلة التضامن", "name_fr": "Caravane solidaire", "code": kind.code, "order": "8",
            "loaded_version": kind.version}  # fmt: skip
    assert staff_client.post(url, data).status_code == 302
    kind.refresh_from_db()
    assert (kind.name_ar, kind.version) == ("قافلة التضامن", 2)


def test_a_code_taken_and_an_entry_without_a_name_are_refused(staff_client):
    url = reverse("core:open_list_create", args=["meetings", "participantcategory"])
    response = staff_client.post(url, {"name_fr": "Acteurs ESS", "code": "sse-actors", "order": "1"})
    taken = ParticipantCategory.objects.get(code="sse-actors")
    assert response.context["form"].errors["code"] == [f"“{taken}” has this code: give another one."]
    response = staff_client.post(url, {"name_ar": taken.name_ar.replace("ا", "أ", 1), "order": "2"})
    assert response.context["form"].errors["name_ar"] == ["Another entry of this list has this name."]
    response = staff_client.post(url, {"name_ar": "", "name_fr": "", "order": "1"})
    assert "Fill it in Arabic or in French (or both)." in response.context["form"].errors["name_ar"]
    count = ParticipantCategory.objects.count()
    assert staff_client.post(url, {"name_ar": "نساء قرويات", "code": "rural-women", "order": "9"}).status_code == 302
    assert ParticipantCategory.objects.count() == count + 1


def test_staff_create_a_series_of_meetings_on_its_list(staff_client):
    url = reverse("core:open_list_create", args=["meetings", "meetingseries"])
    response = staff_client.post(url, {"title_ar": "اجتماعات لجنة التتبع", "title_fr": ""})
    assert response.status_code == 302
    assert MeetingSeries.objects.get().title_ar == "اجتماعات لجنة التتبع"


def test_partners_read_the_lists_and_change_nothing(partner_client):
    page = partner_client.get(reverse("core:open_list", args=["projects", "thematicaxis"])).content.decode()
    assert 'data-action="create"' not in page and 'data-action="edit"' not in page
    assert partner_client.get(reverse("core:open_list_create", args=["projects", "thematicaxis"])).status_code == 403
    assert partner_client.get(reverse("core:open_list", args=["projects", "project"])).status_code == 404
    assert partner_client.get(reverse("core:open_list", args=["nope", "nothing"])).status_code == 404
