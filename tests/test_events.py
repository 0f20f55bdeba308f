"""Events other than meetings (issue 14): a regional fair, one edition of its series, organized by
the council with partners, part of a dataset project, with a figure measured at it."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from core.forms import Chooser
from core.templatetags.portal import quantity
from projects.models import Event, EventKind, EventSeries, IndicatorValue, Project
from stakeholders.models import Organization, Province

from .factories import IndicatorFactory, OrganizationFactory
from .test_editing import management

pytestmark = pytest.mark.django_db


def fair_data(project, council, **overrides):
    data = {
        "kind": EventKind.objects.get(code="regional-fair").pk,
        "title_ar": "المعرض الجهوي للاقتصاد الاجتماعي والتضامني",
        "title_fr": "Salon régional de l'économie sociale et solidaire",
        "theme_fr": "Produits du terroir",
        "series": EventSeries.objects.get_or_create(title_fr="Salon régional de l'ESS")[0].pk,
        "edition": "2",
        "start_date": "2023-10-03",
        "end_date": "2023-10-08",
        "venue": "Errachidia",
        "province": Province.objects.get(code="08.201").pk,
        "project": project.pk,
        **management("organizers", 2),
        "organizers-0-organization": council.pk,
        "organizers-0-role": "organizer",
        "organizers-1-organization": OrganizationFactory(name_fr="Commune d'Errachidia").pk,
        "organizers-1-role": "host_commune",
    }
    return data | overrides


@pytest.fixture
def project():
    return Project.objects.order_by("pk").first()


@pytest.fixture
def council():
    return Organization.objects.get(kind="regional_council")


def test_staff_record_a_fair_with_its_organizers_and_find_it_on_the_project(staff_client, project, council, english):
    response = staff_client.post(reverse("projects:event_create"), fair_data(project, council))
    event = Event.objects.get()
    assert response["Location"] == event.get_absolute_url()
    assert (event.edition, str(event.start_date), str(event.end_date), event.province.code) == (
        2, "2023-10-03", "2023-10-08", "08.201"
    )  # fmt: skip
    assert [(row.organization.name_fr, row.role) for row in event.event_organizers.order_by("pk")] == [
        (council.name_fr, "organizer"),
        ("Commune d'Errachidia", "host_commune"),
    ]
    page = staff_client.get(event.get_absolute_url()).content.decode()
    assert "3 October 2023 – 8 October 2023" in page and "<dt>Edition</dt><dd>2</dd>" in page and "host commune" in page
    project_page = staff_client.get(project.get_absolute_url()).content.decode()
    assert event.get_absolute_url() in project_page  # in its events and on its timeline
    assert project_page.count(event.get_absolute_url()) >= 2


@pytest.mark.parametrize(
    "overrides,field,message",
    [
        ({"end_date": "2023-10-01"}, "end_date", "The end cannot be before the start."),
        ({"edition": "0"}, "edition", "Ensure this value is greater than or equal to 1."),
        ({"title_ar": "", "title_fr": ""}, "title_ar", "Fill it in Arabic or in French (or both)."),
    ],
)
def test_event_rules_are_explained_next_to_the_field(
    staff_client, project, council, english, overrides, field, message
):
    response = staff_client.post(reverse("projects:event_create"), fair_data(project, council, **overrides))
    assert message in " ".join(response.context["form"].errors.get(field, [])), response.context["form"].errors
    assert not Event.objects.exists()


def test_the_same_edition_twice_and_the_same_organizer_twice_are_refused(staff_client, project, council, english):
    staff_client.post(reverse("projects:event_create"), fair_data(project, council))
    again = staff_client.post(reverse("projects:event_create"), fair_data(project, council))
    assert "This series already has an event of this edition." in str(again.context["form"].errors)
    twice = fair_data(project, council, edition="3", **{"organizers-1-organization": council.pk})
    response = staff_client.post(reverse("projects:event_create"), twice)
    organizers = response.context["formsets"][0][1]
    assert "is listed twice" in str(organizers.errors) + str(organizers.non_form_errors())
    assert Event.objects.count() == 1


def test_figures_measured_at_the_event_and_the_list_filters(staff_client, partner_client, project, council):
    staff_client.post(reverse("projects:event_create"), fair_data(project, council))
    event = Event.objects.get()
    visitors = IndicatorFactory(project=project, name_fr="Visiteurs", unit="personnes")
    IndicatorValue.objects.create(indicator=visitors, event=event, value=12500, status="approved", approved_at=timezone.now(),
                                  period_start="2023-10-03", period_end="2023-10-08")  # fmt: skip
    IndicatorValue.objects.create(indicator=visitors, event=event, value=99, status="draft",
                                  period_start="2023-10-03", period_end="2023-10-08")  # fmt: skip
    partner_client.cookies["django_language"] = "fr"
    page = partner_client.get(event.get_absolute_url()).content.decode()
    with translation.override("fr"):
        shown = [
            f'{quantity(v)} <span class="text-body-secondary">({label})</span>'
            for v, label in ((12500, "approuvé"), (99, "brouillon"))
        ]
    assert shown[0] in page and shown[1] not in page and quantity(99) not in page.split('id="figures"')[-1]
    url = reverse("projects:event_list")
    assert list(staff_client.get(url, {"kind": event.kind_id}).context["object_list"]) == [event]
    assert (
        list(staff_client.get(url, {"province": Province.objects.get(code="08.401").pk}).context["object_list"]) == []
    )
    assert list(staff_client.get(url, {"q": "المعرض الجهوي"}).context["object_list"]) == [event]


def test_the_event_list_reads_a_bounded_number_of_queries(staff_client, django_assert_max_num_queries):
    kind = EventKind.objects.first()
    staff_client.get(reverse("projects:event_list"))
    Event.objects.bulk_create(
        [Event(kind=kind, title_fr=f"Forum {n}", start_date=f"2024-01-{n % 28 + 1:02d}") for n in range(60)]
    )
    with django_assert_max_num_queries(14):
        response = staff_client.get(reverse("projects:event_list"))
    assert len(response.context["object_list"]) == 25
    # projects are chosen by typing: a select of every project was 1.4 MiB at region scale (benchmark)
    assert isinstance(response.context["filter"].form.fields["project"].widget, Chooser)
