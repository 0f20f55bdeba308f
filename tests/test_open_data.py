"""Open data (/open-data/): public, read-only JSON of the non-personal records, paged by id, valid
against its schema; no person, contact detail or unapproved indicator value ever goes out."""

import datetime
import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from jsonschema import Draft202012Validator, FormatChecker

from meetings.models import Meeting, Recommendation, RecommendationLink, StatusChange
from overview import opendata
from overview.draa_tafilalet import CONSULTATION, MEETING, PROJECTS
from overview.opendata_views import SCHEMA
from projects.models import AgreementParty, Amendment, IndicatorValue, PartnershipAgreement, Programme, Project
from stakeholders.models import Person

from .factories import (
    AgreementFactory,
    AnswerFactory,
    AttendanceFactory,
    BudgetLineFactory,
    ConsultationFactory,
    DecisionFactory,
    IndicatorValueFactory,
    LinkFactory,
    MeetingFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db

NAMES = [dataset.slug for dataset in opendata.ALL]
# Queries of one page of each dataset: its model's, plus one per prefetch (or grouped count), whatever its size.
QUERIES = {
    "meetings": 2,
    "consultations": 3,
    "recommendations": 3,
    "programmes": 1,
    "projects": 6,
    "agreements": 7,  # parties, amendments, projects and the meetings by meaning (prepared, approved, carried out)
    "indicator-values": 1,
}
APPROVED_AT = datetime.datetime(2023, 6, 1, 9, 0, tzinfo=datetime.UTC)


def schema() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def validator(definition: str | None = None) -> Draft202012Validator:
    """The schema's validator, of the whole document or of one of its ``$defs``."""
    document = schema() | ({"$ref": f"#/$defs/{definition}"} if definition else {})
    if definition:
        del document["oneOf"]
    return Draft202012Validator(document, format_checker=FormatChecker())


def page(client, dataset, after=None) -> dict:
    response = client.get(reverse("overview:open_data_dataset", args=[dataset]), {"after": after} if after else {})
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return response.json()


def records(client, dataset) -> list[dict]:
    return page(client, dataset)["records"]


@pytest.fixture
def approved_value():
    return IndicatorValueFactory(value=37, status=IndicatorValue.Status.APPROVED, approved_at=APPROVED_AT)


@pytest.fixture
def follow_up(approved_value, staff_user):
    """One of everything the datasets nest: an answered, reviewed and consolidated recommendation,
    a project with budget lines and a decision, an agreement with commitments and an amendment,
    and meetings attended by people with contact details."""
    recommendation = Recommendation.objects.order_by("pk").first()
    AnswerFactory(recommendation=recommendation, responsible=recommendation.source_consultation.organizer)
    StatusChange.objects.create(
        recommendation=recommendation, from_status="proposed", to_status="under_review",
        changed_on=datetime.date(2022, 6, 1), author=staff_user,
    )  # fmt: skip
    LinkFactory(target=recommendation)
    project = ProjectFactory(budget="1250000.50", decision=DecisionFactory(), progress=40)
    project.provinces.add(*Meeting.objects.filter(province__isnull=False).values_list("province", flat=True))
    BudgetLineFactory(project=project, planned="300000.25", revised=280000)
    agreement = AgreementFactory(decision=project.decision, duration_months=36)
    agreement.projects.add(project)
    AgreementParty.objects.filter(agreement=agreement).update(financial_commitment=500000, role="funder")
    Amendment.objects.create(agreement=agreement, number=1, date=datetime.date(2024, 1, 15), changes_ar="تمديد المدة")
    AttendanceFactory.create_batch(3, meeting=MeetingFactory(format=Meeting.Format.ONLINE))
    ConsultationFactory()


def test_the_index_lists_each_dataset_with_its_url_count_and_schema(client):
    response = client.get(reverse("overview:open_data"))
    assert response.status_code == 200 and response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    index = response.json()
    validator().validate(index)
    counts = {d["name"]: d["count"] for d in index["datasets"]}
    # the real dataset: the March 2022 session, five provincial consultation meetings and the meeting
    # of 11 May 2022; one consultation, five recommendation axes, two programmes, three projects, one agreement
    assert counts == {
        "meetings": 7,
        "consultations": 1,
        "recommendations": 5,
        "programmes": 2,
        "projects": 3,
        "agreements": 1,
        "indicator-values": 0,
    }
    meetings = index["datasets"][0]
    assert meetings["url"] == "http://testserver/open-data/meetings.json"
    assert (meetings["title_ar"], meetings["title_fr"]) == ("الاجتماعات", "Réunions")
    assert meetings["record_schema"] == "http://testserver/open-data/schema.json#/$defs/meeting"
    assert index["schema"] == "http://testserver/open-data/schema.json" and index["page_size"] == 500
    assert "31" in index["licence"]["note_ar"] and index["licence"]["note_fr"]


def test_the_meeting_of_11_may_2022_with_its_organizations_and_counts_and_no_one_named(client):
    response = client.get(reverse("overview:open_data_dataset", args=["meetings"]))
    assert MEETING["title_ar"].encode() in response.content  # Arabic as UTF-8, not \u escapes
    (meeting,) = [m for m in response.json()["records"] if m["date"] == "2022-05-11"]
    assert meeting["title_ar"] == MEETING["title_ar"] and meeting["title_fr"] == MEETING["title_fr"]
    assert meeting["kind"] == {"code": "working_meeting", "label_ar": "اجتماع عمل", "label_fr": "réunion de travail"}
    assert meeting["status"]["code"] == "held" and meeting["format"]["code"] == "in_person"
    assert meeting["venue"] == "مقر مجلس جهة درعة تافيلالت"
    assert meeting["organizer"]["name_fr"] == "Conseil de la Région Drâa-Tafilalet"
    assert meeting["starts_at"] is None and meeting["province"] is None  # the report gives no time; regional
    # eight named attendees and the chair, and two unnamed groups (the wilaya's and the council's staff)
    assert meeting["attendance"] == {"present": 11, "excused": 0, "absent": 0}
    represented = {org["name_ar"] for org in meeting["organizations"]}
    assert len(represented) == 8 and {"مجلس جهة درعة تافيلالت", "ولاية جهة درعة تافيلالت"} <= represented
    text = json.dumps(meeting, ensure_ascii=False)
    assert not [field for field in ("purpose", "summary", "outcome") if MEETING[field][:40] in text]  # free texts
    provincial = [m for m in response.json()["records"] if m["consultation"]]
    assert sorted(m["province"]["name_fr"] for m in provincial) == [
        "Errachidia", "Midelt", "Ouarzazate", "Tinghir", "Zagora",
    ]  # fmt: skip
    assert {(m["period_start"], m["period_end"]) for m in provincial} == {("2022-03-17", "2022-03-23")}


def test_times_carry_morocco_s_offset_in_and_out_of_ramadan_and_after_2026_09_20(client):
    times = {"start_time": datetime.time(20, 0), "end_time": datetime.time(1, 30), "ends_next_day": True}
    ramadan = MeetingFactory(date=datetime.date(2026, 3, 1), **times)
    summer = MeetingFactory(date=datetime.date(2026, 6, 10), **times)
    winter = MeetingFactory(date=datetime.date(2026, 11, 4), **times)
    found = {m["id"]: (m["starts_at"], m["ends_at"]) for m in records(client, "meetings")}
    assert found[ramadan.pk] == ("2026-03-01T20:00:00+00:00", "2026-03-02T01:30:00+00:00")
    assert found[summer.pk] == ("2026-06-10T20:00:00+01:00", "2026-06-11T01:30:00+01:00")
    assert found[winter.pk] == ("2026-11-04T20:00:00+00:00", "2026-11-05T01:30:00+00:00")


def test_the_consultations_with_186_participants_and_the_five_axes_of_recommendations(client):
    (consultation,) = records(client, "consultations")
    assert consultation["title_ar"] == CONSULTATION["title_ar"]
    assert (consultation["period_start"], consultation["period_end"]) == ("2022-03-17", "2022-03-23")
    assert consultation["participants_total"] == 186 and consultation["participants_women"] is None
    assert [m["province"]["code"] for m in consultation["meetings"]] == [
        "08.201", "08.363", "08.401", "08.577", "08.587",
    ]  # fmt: skip
    assert all(m["participants_total"] is None for m in consultation["meetings"])  # the report gives none
    assert {org["acronym"] for org in consultation["partners"]} == {"DGCT", "ARM", ""}
    recommendations = records(client, "recommendations")
    assert [r["axis"]["code"] for r in recommendations] == [
        "employment-training", "constraints", "support-development", "solidarity-tourism", "digitisation",
    ]  # fmt: skip
    assert {r["source_consultation"] for r in recommendations} == {consultation["id"]}
    assert {r["status"]["code"] for r in recommendations} == {"proposed"}
    projects = records(client, "projects")
    assert [p["title_ar"] for p in projects] == [title_ar for title_ar, _ in PROJECTS]
    assert {p["status"]["label_fr"] for p in projects} == {"approuvé"}
    (agreement,) = records(client, "agreements")
    assert agreement["status"]["code"] == "envisaged" and agreement["signing_date"] is None
    assert [party["organization"]["name_ar"] for party in agreement["parties"]] == [
        "مجلس جهة درعة تافيلالت", "وزارة السياحة والصناعة التقليدية والاقتصاد الاجتماعي والتضامني",
    ]  # fmt: skip


def test_answers_status_steps_budgets_and_commitments_in_mad_as_numbers(client, follow_up):
    answered = records(client, "recommendations")[0]
    assert answered["answer"]["estimated_cost"] == 2000000 and answered["answer"]["answered_on"] == "2023-04-02"
    assert answered["answer"]["text_ar"] == "يتم إدراج التوصية في برنامج التنمية الجهوية"
    assert answered["status_changes"] == [
        {
            "from": {"code": "proposed", "label_ar": "مقترحة", "label_fr": "proposée"},
            "to": {"code": "under_review", "label_ar": "قيد الدراسة", "label_fr": "en cours d'examen"},
            "date": "2022-06-01",
            "reason": "",
        }
    ]
    assert [link["kind"]["code"] for link in answered["derived_from"]] == ["consolidation"]
    project = records(client, "projects")[-1]
    assert project["budget"] == 1250000.5 and project["progress"] == 40 and project["overall_progress"] == 40
    (line,) = project["budget_lines"]
    assert (line["year"], line["planned"], line["revised"]) == (2023, 300000.25, 280000)
    assert line["funder"]["name_ar"].startswith("تعاونية رقم")
    assert len(project["provinces"]) == 5 and project["decision"]["date"] == "2023-03-07"
    agreement = records(client, "agreements")[-1]
    assert [p["financial_commitment"] for p in agreement["parties"]] == [500000, 500000]
    assert agreement["amendments"] == [
        {"number": 1, "date": "2024-01-15", "changes_ar": "تمديد المدة", "changes_fr": ""}
    ]
    assert agreement["projects"] == [project["id"]] and agreement["duration_months"] == 36


def test_only_approved_indicator_values_go_out(client, approved_value):
    draft = IndicatorValueFactory(value=35)
    submitted = IndicatorValueFactory(value=36, status=IndicatorValue.Status.SUBMITTED, submitted_at=timezone.now())
    (value,) = records(client, "indicator-values")
    assert value["id"] == approved_value.pk and value["id"] not in (draft.pk, submitted.pk)
    assert value["value"] == 37 and value["period_start"] == "2023-01-01" and value["period_end"] == "2023-12-31"
    assert value["approved_at"] == "2023-06-01T10:00:00+01:00"  # Africa/Casablanca, UTC+1 in June 2023
    assert value["indicator"]["name_ar"] == "عدد التعاونيات المستفيدة" and value["indicator"]["target"] == 120
    counts = {d["name"]: d["count"] for d in client.get(reverse("overview:open_data")).json()["datasets"]}
    assert counts["indicator-values"] == 1


def test_no_person_contact_detail_or_user_anywhere(client, follow_up, staff_user):
    text = client.get(reverse("overview:open_data")).content.decode()
    text += "".join(client.get(reverse("overview:open_data_dataset", args=[name])).content.decode() for name in NAMES)
    people = Person.objects.all()
    assert people.filter(full_name_ar="حسني رشيدي").exists() and people.exclude(email="").count() >= 3
    found = [
        value
        for person in people
        for value in (person.full_name_ar, person.full_name_latin, person.email, person.phone)
        if value and value in text
    ]
    assert found == []
    assert staff_user.username not in text and "@" not in text
    for key in ("person", "email", "phone", "chair", "author", "submitted_by", "approved_by", "purpose", "summary"):
        assert f'"{key}"' not in text


def test_keyset_pages_are_disjoint_and_cover_everything(client, monkeypatch):
    MeetingFactory.create_batch(4)
    monkeypatch.setattr(opendata, "PAGE_SIZE", 3)
    seen, url, pages = [], reverse("overview:open_data_dataset", args=["meetings"]), 0
    while url:
        body = client.get(url).json()
        ids = [m["id"] for m in body["records"]]
        assert len(ids) <= 3 and ids == sorted(ids) and not set(ids) & set(seen)
        assert all(i > body["after"] for i in ids)
        seen += ids
        url, pages = body["next"], pages + 1
    assert pages == 4 and sorted(seen) == sorted(Meeting.objects.values_list("pk", flat=True))
    last = max(seen)
    assert page(client, "meetings", after=last) == {
        "dataset": "meetings",
        "record_schema": "http://testserver/open-data/schema.json#/$defs/meeting",
        "after": last,
        "next": None,
        "records": [],
    }


@pytest.mark.parametrize("after", ["abc", "-1", "٣", "1.5", "9" * 19])
def test_after_must_be_a_record_id(client, after):
    response = client.get(reverse("overview:open_data_dataset", args=["meetings"]), {"after": after})
    assert response.status_code == 400 and "error" in response.json()


def test_an_unknown_dataset_is_404(client):
    assert client.get(reverse("overview:open_data_dataset", args=["people"])).status_code == 404


def test_public_to_every_role_and_read_only(client, partner_client, django_user_model):
    no_role = Client()
    no_role.force_login(django_user_model.objects.create_user("no-role"))
    urls = [reverse("overview:open_data"), reverse("overview:open_data_schema")]
    urls += [reverse("overview:open_data_dataset", args=[name]) for name in NAMES]
    for url in urls:
        for visitor in (client, partner_client, no_role):
            assert visitor.get(url).status_code == 200, url
        for method in (client.post, client.put, client.patch, client.delete):
            assert method(url).status_code == 405, url
        assert client.head(url).status_code == 200


@pytest.mark.parametrize("name", NAMES)
def test_a_page_runs_the_same_queries_for_one_record_and_many(name, client, follow_up, django_assert_num_queries):
    MeetingFactory.create_batch(3)
    AgreementFactory.create_batch(2)
    ProjectFactory.create_batch(2)
    IndicatorValueFactory.create_batch(3, status=IndicatorValue.Status.APPROVED, approved_at=APPROVED_AT)
    model = opendata.DATASETS[name].rows()
    second_last = model.order_by("-pk").values_list("pk", flat=True)[1]
    url = reverse("overview:open_data_dataset", args=[name])
    with django_assert_num_queries(QUERIES[name]):
        many = client.get(url).json()["records"]
    with django_assert_num_queries(QUERIES[name]):
        one = client.get(url, {"after": second_last}).json()["records"]
    assert len(one) == 1 and len(many) == model.count() > 2


def test_the_index_runs_one_count_per_dataset(client, django_assert_num_queries):
    with django_assert_num_queries(len(NAMES)):
        client.get(reverse("overview:open_data"))


def test_every_page_and_record_validates_against_the_schema(client, follow_up):
    Draft202012Validator.check_schema(schema())
    document = validator()
    for name in NAMES:
        body = page(client, name)
        document.validate(body)
        definition = body["record_schema"].split("#/$defs/")[1]
        assert body["records"], name
        for record in body["records"]:
            validator(definition).validate(record)
    served = client.get(reverse("overview:open_data_schema"))
    assert served["Content-Type"] == "application/json; charset=utf-8" and served.json() == schema()


def test_the_schema_rejects_what_is_not_a_record():
    meeting = validator("meeting")
    assert not meeting.is_valid({"id": 1})
    broken = {"code": "coffee", "label_ar": "", "label_fr": ""}
    assert not validator("meeting_status").is_valid(broken)


@pytest.mark.parametrize(
    ("definition", "choices"),
    [
        ("meeting_kind", Meeting.Kind),
        ("meeting_format", Meeting.Format),
        ("meeting_status", Meeting.Status),
        ("recommendation_status", Recommendation.Status),
        ("project_status", Project.Status),
        ("agreement_status", PartnershipAgreement.Status),
        ("party_role", AgreementParty.Role),
        ("programme_kind", Programme.Kind),
        ("lineage_kind", RecommendationLink.Kind),
    ],
)
def test_the_schema_lists_every_code_of_the_models_choices(definition, choices):
    assert schema()["$defs"][definition]["properties"]["code"]["enum"] == choices.values


def test_the_footer_links_to_open_data_signed_out_and_in(staff_client):
    link = f'href="{reverse("overview:open_data")}"'
    assert link in Client().get(reverse("login")).content.decode()
    assert link in staff_client.get(reverse("overview:home")).content.decode()
