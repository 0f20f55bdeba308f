"""Regions on records (stakeholders.regions): derived from provinces and organizations, checked
against the province, filtered on every list; the dataset's records are all Drâa-Tafilalet's."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings.models import Decision, Meeting, Recommendation
from projects.models import Event, EventKind, PartnershipAgreement, Programme, Project
from stakeholders.models import Province, Region

from .factories import (
    ConsultationFactory,
    DecisionFactory,
    MeetingFactory,
    OrganizationFactory,
    ProgrammeFactory,
    ProjectFactory,
    RecommendationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def souss():
    """Souss-Massa (HCP code 09) and its province of Agadir Ida-Outanane."""
    region = Region.objects.get(code="09")
    return region, Province.objects.filter(region=region).order_by("code").first()


def test_the_dataset_is_all_in_draa_tafilalet():
    draa = Region.objects.get(code="08")
    for model in (Meeting, Project, PartnershipAgreement):
        assert model.objects.exists() and set(model.objects.values_list("region", flat=True)) == {draa.pk}, model
    # The council's development programme is the region's; Tacharok, the ministry's, is national.
    assert dict(Programme.objects.values_list("title_fr", "region__code")) == {
        "Programme de développement régional de Drâa-Tafilalet": "08",
        "Programme Tacharok": None,
    }
    assert Recommendation.objects.in_region(draa).count() == Recommendation.objects.count() > 0


def test_a_record_takes_its_region_from_its_province_then_its_organization(souss):
    region, province = souss
    assert MeetingFactory(province=province).region == region
    council = OrganizationFactory(region=region)
    assert MeetingFactory(organizer=council).region == region
    programme = ProgrammeFactory(owner=council)
    assert programme.region == region
    assert ProjectFactory(programme=programme).region == region
    event = Event.objects.create(
        kind=EventKind.objects.first(), title_fr="Salon", start_date="2024-05-02", province=province
    )
    assert event.region == region
    assert MeetingFactory(organizer=OrganizationFactory(region=None)).region is None  # nothing gives one


def test_a_province_of_another_region_is_refused_next_to_the_province(staff_client, souss):
    region, province = souss
    response = staff_client.post(
        reverse("projects:event_create"),
        {
            "kind": EventKind.objects.first().pk, "title_fr": "Salon régional", "start_date": "2024-05-02",
            "region": Region.objects.get(code="08").pk, "province": province.pk,
            "event_organizers-TOTAL_FORMS": 0, "event_organizers-INITIAL_FORMS": 0,
        },
    )  # fmt: skip
    assert response.status_code == 200
    form = response.context["form"]
    assert "province" in form.errors  # the chosen region's provinces are offered, or the province is refused
    assert not Event.objects.filter(title_fr="Salon régional").exists()


def test_the_province_choices_follow_the_chosen_region(staff_client, souss):
    region, province = souss
    page = staff_client.get(reverse("meetings:meeting_list"), {"region": region.pk})
    choices = page.context["filter"].form.fields["province"].queryset
    assert province in choices and not choices.filter(region__code="08").exists()
    default = staff_client.get(reverse("meetings:meeting_list")).context["filter"].form.fields["province"].queryset
    assert sorted(default.values_list("name_fr", flat=True)) == [
        "Errachidia",
        "Midelt",
        "Ouarzazate",
        "Tinghir",
        "Zagora",
    ]


def test_every_list_filters_by_region(staff_client, souss):
    region, province = souss
    council = OrganizationFactory(region=region)
    meeting = MeetingFactory(province=province, kind=Meeting.Kind.ORDINARY_SESSION, title_fr="Session de Souss-Massa")
    consultation = ConsultationFactory(region=region)
    project = ProjectFactory(programme=ProgrammeFactory(owner=council, adopted_at=meeting))
    DecisionFactory(meeting=meeting)
    RecommendationFactory(source_consultation=consultation)
    PartnershipAgreement.objects.create(title_fr="Convention de Souss-Massa", region=region)
    expected = {
        "meetings:meeting_list": Meeting.objects.filter(region=region),
        "meetings:consultation_list": [consultation],
        "meetings:recommendation_list": Recommendation.objects.filter(source_consultation=consultation),
        "meetings:decision_list": Decision.objects.filter(meeting=meeting),
        "projects:project_list": [project],
        "projects:programme_list": [project.programme],
        "projects:agreement_list": PartnershipAgreement.objects.filter(title_fr="Convention de Souss-Massa"),
    }
    for name, records in expected.items():
        listed = staff_client.get(reverse(name), {"region": region.pk}).context["object_list"]
        assert {record.pk for record in listed} == {record.pk for record in records}, name
        assert len(records) > 0, name
    draa = staff_client.get(reverse("meetings:meeting_list"), {"region": Region.objects.get(code="08").pk})
    assert meeting not in draa.context["object_list"] and len(draa.context["object_list"]) == 7


@pytest.fixture
def souss_staff(client, souss):
    """A client signed in as council staff of Souss-Massa (a council membership)."""
    from django.contrib.auth.models import Group

    from core.roles import COUNCIL_STAFF
    from stakeholders.models import CouncilMembership

    user = type(Group.objects.first()).user_set.rel.related_model.objects.create_user("souss-staff")
    user.groups.add(Group.objects.get(name=COUNCIL_STAFF))
    CouncilMembership.objects.create(user=user, region=souss[0])
    client.force_login(user)
    return client, user


def test_staff_of_another_region_read_drâa_tafilalet_records_but_cannot_change_them(souss_staff):
    client, user = souss_staff
    meeting = Meeting.objects.get(date="2022-05-11")
    page = client.get(meeting.get_absolute_url())
    assert page.status_code == 200 and 'data-action="edit"' not in page.content.decode()
    edit = reverse("meetings:meeting_update", args=[meeting.pk])
    refused = client.get(edit)
    assert (
        refused.status_code == 403
        and "another council" in refused.content.decode().lower()
        or refused.status_code == 403
    )
    assert client.post(edit, {"title_fr": "Pris par Souss"}).status_code == 403
    assert client.post(reverse("meetings:meeting_delete", args=[meeting.pk])).status_code == 403
    meeting.refresh_from_db()
    assert meeting.title_fr.startswith("Réunion de présentation")
    project = Project.objects.first()
    assert client.get(reverse("projects:project_update", args=[project.pk])).status_code == 403
    decision = DecisionFactory(meeting=Meeting.objects.get(kind=Meeting.Kind.ORDINARY_SESSION, region__code="08"))
    assert client.get(reverse("meetings:decision_update", args=[decision.pk])).status_code == 403


def test_staff_create_records_of_their_own_region_only(souss_staff, souss):
    client, user = souss_staff
    url = reverse("projects:programme_create")
    draa = Region.objects.get(code="08")
    new_meeting = client.get(reverse("meetings:meeting_create")).context["form"]  # starts in their council's region
    assert new_meeting["region"].value() == souss[0].pk and souss[1] in new_meeting.fields["province"].queryset
    refused = client.post(url, {"title_fr": "Programme pris ailleurs", "kind": "other", "region": draa.pk})
    assert refused.status_code == 200 and "region" in refused.context["form"].errors
    assert not Programme.objects.filter(title_fr="Programme pris ailleurs").exists()
    created = client.post(url, {"title_fr": "Programme de Souss-Massa", "kind": "other", "region": souss[0].pk})
    assert created.status_code == 302
    programme = Programme.objects.get(title_fr="Programme de Souss-Massa")
    assert programme.region == souss[0]
    assert client.get(reverse("projects:programme_update", args=[programme.pk])).status_code == 200


def test_editable_by_keeps_each_council_to_its_region(souss_staff, souss, staff_user):
    client, user = souss_staff
    own = MeetingFactory(province=souss[1])
    assert list(Meeting.objects.editable_by(user)) == [own]
    # Staff with no membership work for the portal's own council, as before regions (single-council install).
    assert set(Meeting.objects.editable_by(staff_user)) == set(Meeting.objects.exclude(pk=own.pk))
    assert Recommendation.objects.editable_by(user).count() == 0
    # A recommendation of a Souss-Massa consultation is Souss-Massa's, though it names no meeting.
    souss_recommendation = RecommendationFactory(source_consultation=ConsultationFactory(region=souss[0]))
    assert list(Recommendation.objects.editable_by(user)) == [souss_recommendation]
    assert souss_recommendation not in Recommendation.objects.editable_by(staff_user)
    assert souss_recommendation.editable_by(user) and not souss_recommendation.editable_by(staff_user)


def test_each_regions_dashboard_counts_its_own_records_only(partner_client, souss):
    from overview.dashboard import Dashboard, Filters

    region, province = souss
    MeetingFactory.create_batch(3, province=province)
    ProjectFactory(programme=ProgrammeFactory(owner=OrganizationFactory(region=region)))
    draa = Region.objects.get(code="08")
    dataset = {"meetings": Meeting.objects.count(), "projects": Project.objects.count()}
    souss_figures, draa_figures = Dashboard(Filters(region=region)), Dashboard(Filters(region=draa))
    # The programme's session (a factory meeting placed in no region) goes with the portal's council.
    assert souss_figures.meetings().count() == 3
    assert draa_figures.meetings().count() == dataset["meetings"] - 3
    assert souss_figures.projects().count() == 1 and draa_figures.projects().count() == dataset["projects"] - 1 == 3
    assert [row[0] for row in souss_figures.by_province.rows] == [
        p.name for p in Province.objects.filter(region=region).order_by("code")
    ]
    page = partner_client.get(reverse("overview:dashboard"), {"region": region.pk})
    assert page.status_code == 200 and page.context["dashboard"].f.region == region
    assert (
        partner_client.get(reverse("overview:dashboard")).context["dashboard"].f.region == draa
    )  # the portal's by default
    provinces = partner_client.get(reverse("overview:dashboard_provinces"), {"region": region.pk})
    drawn = {area["code"] for area in provinces.context["map"]["areas"]}
    assert drawn == set(Province.objects.filter(region=region).values_list("code", flat=True))  # the region's map
    assert 'id="no-map"' not in provinces.content.decode() and province.name_ar in provinces.content.decode()


def test_the_parts_of_another_regions_record_are_refused_too(souss_staff):
    """An attendance row is its meeting's, a milestone its project's (core.registry.may_change)."""
    client, user = souss_staff
    meeting = Meeting.objects.get(date="2022-05-11")
    row = meeting.attendances.first()
    assert client.get(reverse("meetings:attendance_update", args=[row.pk])).status_code == 403
    assert client.post(reverse("meetings:attendance_delete", args=[row.pk])).status_code == 403
    assert meeting.attendances.filter(pk=row.pk).exists()
    project = Project.objects.filter(region__code="08").first()
    refused = client.post(
        reverse("projects:milestone_create"),
        {"project": project.pk, "kind": "activity", "title_fr": "Étape prise ailleurs", "start_date": "2024-05-02"},
    )
    assert refused.status_code == 200 and refused.context["form"].non_field_errors()
    assert not project.milestones.filter(title_fr="Étape prise ailleurs").exists()


def test_copying_or_importing_into_another_regions_records_is_refused(souss_staff, souss, english):
    """Copied attendees and imported rows go to a record the user's council must own: by page, by
    POST, and row by row for records an import creates (a recommendation of a Drâa-Tafilalet meeting)."""
    client, user = souss_staff
    meeting = Meeting.objects.get(date="2022-05-11")
    source = MeetingFactory(province=souss[1])
    copy = reverse("meetings:meeting_copy_attendees", args=[meeting.pk])
    assert client.get(copy).status_code == 403
    rows = meeting.attendances.count()
    assert client.post(copy, {"source": source.pk}).status_code == 403 and meeting.attendances.count() == rows
    attendance_import = f"{reverse('core:import', args=['attendance'])}?meeting={meeting.pk}"
    refused = client.get(attendance_import)
    assert refused.status_code == 403 and "another council" in refused.content.decode()
    own = f"{reverse('core:import', args=['attendance'])}?meeting={source.pk}"
    assert client.get(own).status_code == 200
    content = f"text_fr;source_meeting\nUne recommandation d'ailleurs;{meeting.title_ar}\n".encode()
    preview = client.post(
        reverse("core:import", args=["recommendations"]),
        {"file": SimpleUploadedFile("r.csv", content, content_type="text/csv")},
    )
    assert "another council's region" in " ".join(preview.context["rows"][0].errors)


def test_open_data_gives_each_records_region(client, souss):
    meetings = client.get(reverse("overview:open_data_dataset", args=["meetings"])).json()["records"]
    real = next(record for record in meetings if record["date"] == "2022-05-11")
    assert real["region"] == {"code": "08", "name_ar": "درعة-تافيلالت", "name_fr": "Drâa-Tafilalet"}
    projects = client.get(reverse("overview:open_data_dataset", args=["projects"])).json()["records"]
    assert {record["region"]["code"] for record in projects} == {"08"}


def test_pages_name_the_users_council_region(souss_staff, partner_client):
    client, _user = souss_staff
    home = client.get(reverse("overview:home"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert (
        "Vos pages s’ouvrent sur la région Souss-Massa" in home and "<title>Portail ESS · Souss-Massa</title>" in home
    )
    partner_home = partner_client.get(reverse("overview:home"), HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "تُفتح صفحاتكم على جهة درعة-تافيلالت" in partner_home  # no membership: the portal's own council


def test_the_dashboard_always_names_one_region_and_its_programmes(partner_client, souss, english):
    region, _province = souss
    national = ProgrammeFactory(owner=OrganizationFactory(region=None))
    national.region = None
    national.save()
    souss_programme = ProgrammeFactory(owner=OrganizationFactory(region=region))
    form = partner_client.get(reverse("overview:dashboard"), {"region": region.pk}).context["filter_form"]
    assert form.fields["region"].empty_label == "default: Drâa-Tafilalet"  # not "all regions": the partner's default
    programmes = set(form.fields["programme"].queryset)
    assert souss_programme in programmes and national in programmes
    assert not any(programme.region_id not in (None, region.pk) for programme in programmes)
    listed = partner_client.get(reverse("projects:project_list"), {"region": region.pk}).context["filter"]
    assert set(listed.form.fields["programme"].queryset) == programmes


def test_casablancas_prefectures_of_arrondissements_add_to_its_prefecture_on_the_map(partner_client):
    casablanca_settat = Region.objects.get(code="06")
    anfa = Province.objects.get(code="06.141.01.00")
    MeetingFactory(province=anfa)
    MeetingFactory(province=Province.objects.get(code="06.141.01.10"))
    page = partner_client.get(reverse("overview:dashboard_provinces"), {"region": casablanca_settat.pk})
    shaded = {area["code"]: area["value"] for area in page.context["map"]["areas"]}
    assert shaded["06.141"] == 2 and "06.141.01.00" not in shaded
    assert {row[-1]: row[1] for row in page.context["dashboard"].by_province.rows}["06.141.01.00"] == 1  # the table


def test_a_new_consultation_of_another_council_offers_its_regions_provinces(souss_staff, souss):
    client, _user = souss_staff
    page = client.get(reverse("meetings:consultation_create"))
    assert page.context["form"]["region"].value() == souss[0].pk
    _title, rows = page.context["formsets"][0]
    assert set(rows.forms[0].fields["province"].queryset) == set(Province.objects.filter(region=souss[0]))


def test_a_recommendation_is_in_one_region_only(souss):
    """Its meeting's region first, as the national view reads it (Coalesce), never in two."""
    region, province = souss
    draa = Region.objects.get(code="08")
    recommendation = RecommendationFactory(
        source_meeting=MeetingFactory(province=province), source_consultation=ConsultationFactory(region=draa)
    )
    assert Recommendation.objects.in_region(region).filter(pk=recommendation.pk).exists()
    assert not Recommendation.objects.in_region(draa, unplaced=True).filter(pk=recommendation.pk).exists()


def test_a_project_cannot_join_another_regions_programme(souss_staff, souss):
    client, _user = souss_staff
    region, province = souss
    draa_programme = Programme.objects.get(region__code="08")
    page = client.get(reverse("projects:project_create"))
    offered = set(page.context["form"].fields["programme"].queryset)
    assert draa_programme not in offered and Programme.objects.get(title_fr="Programme Tacharok") in offered
    refused = client.post(
        reverse("projects:project_create"),
        {"title_fr": "Projet d'Agadir", "region": region.pk, "programme": draa_programme.pk, "status": "identified",
         "provinces": [province.pk]},
    )  # fmt: skip
    assert refused.status_code == 200 and "programme" in refused.context["form"].errors
    assert not Project.objects.filter(title_fr="Projet d'Agadir").exists()


def test_the_refusal_gives_its_reason_in_the_pages_language(souss_staff):
    client, _user = souss_staff
    meeting = Meeting.objects.get(date="2022-05-11")
    page = client.get(reverse("meetings:meeting_update", args=[meeting.pk]), HTTP_ACCEPT_LANGUAGE="fr")
    assert page.status_code == 403 and "appartient à la région d’un autre conseil" in page.content.decode()


def test_a_list_offers_the_users_councils_provinces_until_a_region_is_chosen(souss_staff, souss):
    client, _user = souss_staff
    listed = client.get(reverse("meetings:meeting_list")).context["filter"]
    assert set(listed.form.fields["province"].queryset) == set(Province.objects.filter(region=souss[0]))
    assert listed.form.fields["region"].widget.attrs["data-default-region"] == str(souss[0].pk)
