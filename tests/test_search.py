"""Arabic-aware, accent-blind search: each folding rule by example, through the lists and the search page."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.search import normalize

from .factories import MeetingFactory, OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("إلهام", "الهام"),  # hamza below
        ("أسامة", "اسامة"),  # hamza above
        ("آمنة", "امنة"),  # madda
        ("المدرسة", "المدرسه"),  # taa marbuta / haa
        ("مستشفى", "مستشفي"),  # alif maqsura / yaa
        ("مؤسسة", "موسسة"),  # hamza on waw
        ("رئيس", "رييس"),  # hamza on yaa
        ("مَدْرَسَةٌ", "مدرسة"),  # tashkeel
        ("مــدرســة", "مدرسة"),  # tatweel
        ("٢٠٢٢", "2022"),  # Arabic-Indic digits
        ("Réunion", "reunion"),  # accents and case
        ("Drâa-Tafilalet", "DRAA-TAFILALET"),
    ],
)
def test_each_folding_rule_both_ways(written, typed):
    assert normalize(written) == normalize(typed)


def names(response):
    return {str(row) for row in response.context["object_list"]}


def test_people_list_finds_a_name_whatever_its_hamza(staff_client):
    PersonFactory(full_name_ar="إلهام بنعلي", full_name_latin="Ilham Benali")
    url = reverse("stakeholders:person_list")
    assert names(staff_client.get(url, {"q": "الهام"})) == {"إلهام بنعلي", "الهام الدرويش"}
    assert names(staff_client.get(url, {"q": "إلهام"})) == {"إلهام بنعلي", "الهام الدرويش"}
    assert names(staff_client.get(url, {"q": "حدوكة"})) == {"لطيفة حدوگة"}


def test_tashkeel_and_tatweel_in_the_query_or_in_the_text(staff_client):
    MeetingFactory(title_ar="زيارة المَدْرَسَة", title_fr="Visite")
    MeetingFactory(title_ar="زيارة المــدرسة", title_fr="Visite 2")
    url = reverse("meetings:meeting_list")
    for query in ("المدرسة", "المدرسه", "المَدْرَسَة", "المـدرسـة"):
        response = staff_client.get(url, {"q": query})
        assert {m.title_ar for m in response.context["object_list"]} == {"زيارة المَدْرَسَة", "زيارة المــدرسة"}


def test_french_queries_ignore_accents_and_case(staff_client):
    MeetingFactory(title_ar="اجتماع", title_fr="Réunion de coordination")
    response = staff_client.get(reverse("meetings:meeting_list"), {"q": "REUNION coordination"})
    assert [m.title_fr for m in response.context["object_list"]] == ["Réunion de coordination"]


def test_digits_in_either_script(staff_client):
    OrganizationFactory(name_ar="تعاونية ١٢", name_fr="Coopérative 12")
    url = reverse("stakeholders:organization_list")
    assert names(staff_client.get(url, {"q": "12"})) == {"تعاونية ١٢"}
    assert names(staff_client.get(url, {"q": "١٢"})) == {"تعاونية ١٢"}


def test_every_word_must_match_and_shown_text_is_unchanged(staff_client):
    response = staff_client.get(reverse("stakeholders:organization_list"), {"q": "مكتب مكناس"})
    assert names(response) == {"مكتب تنمية التعاون بمكناس"}
    assert "مكتب تنمية التعاون بمكناس" in response.content.decode()


def test_global_search_spans_record_types(staff_client):
    response = staff_client.get(reverse("overview:search"), {"q": "تشاورية"})
    sections = {s["key"]: s["count"] for s in response.context["sections"]}
    assert sections["consultation"] == 1
    assert sections["recommendation"] == 5
    response = staff_client.get(reverse("overview:search"), {"q": "الاستراتيجيه"})  # haa for taa marbuta
    found = {s["key"]: {str(r) for r in s["rows"]} for s in response.context["sections"] if s["count"]}
    assert "الاستراتيجية الوطنية للاقتصاد الاجتماعي والتضامني" in found["strategy"]
    assert found["meeting"] == {
        "اجتماع للاطلاع على الاستراتيجية الجديدة وخطة العمل المتعلقة بالاقتصاد الاجتماعي والتضامني"
    }


def test_global_search_runs_bounded_queries_and_survives_odd_input(staff_client):
    url = reverse("overview:search")
    with CaptureQueriesContext(connection) as few:
        staff_client.get(url, {"q": "مجلس"})
    OrganizationFactory.create_batch(20, name_ar="مجلس جماعي")
    with CaptureQueriesContext(connection) as many:
        staff_client.get(url, {"q": "مجلس"})
    assert len(many) == len(few)
    for query in ("\x00", "x\x00y", "%", "_", "'", " "):
        response = staff_client.get(url, {"q": query})
        assert response.status_code == 200
        if query in ("%", "_"):
            assert response.context["total"] == 0  # SQL wildcards are matched literally, not as "anything"


def test_search_covers_only_record_types_the_user_may_view(partner_client, client, django_user_model):
    response = partner_client.get(reverse("overview:search"), {"q": "حسني"})
    assert {s["key"] for s in response.context["sections"] if s["count"]} == {"person", "meeting"}
    only_people = django_user_model.objects.create_user("only-people")
    only_people.user_permissions.add(Permission.objects.get(codename="view_person"))
    client.force_login(only_people)
    response = client.get(reverse("overview:search"), {"q": "حسني"})
    assert [s["key"] for s in response.context["sections"]] == ["person"]
    client.force_login(django_user_model.objects.create_user("no-role"))
    assert client.get(reverse("overview:search"), {"q": "حسني"}).status_code == 403


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("11/05/2022", {"real"}),
        ("2022-05-11", {"real"}),
        ("١١/٠٥/٢٠٢٢", {"real"}),
        ("11 ماي 2022", {"real"}),
        ("11 mai 2022", {"real"}),
        ("mai 2022", {"real", "later in May", "known to May"}),
        ("ماي 2022", {"real", "later in May", "known to May"}),
        ("05/2022", {"real", "later in May", "known to May"}),
        ("اجتماع ماي 2022", {"real"}),  # the other words still match as words
        ("31/02/2022", set()),  # no such day: read as a word, which no meeting has
    ],
)
def test_a_search_naming_a_day_or_a_month_finds_the_meetings_of_that_day_or_month(staff_client, query, expected):
    from meetings.models import Meeting

    real = Meeting.objects.get(date="2022-05-11")
    MeetingFactory(date="2022-05-30", title_fr="Réunion plus tard en mai", title_ar="لقاء")
    MeetingFactory(
        date=None, period_start="2022-05-01", period_end="2022-05-31", title_fr="Réunion de mai", title_ar="لقاء"
    )
    MeetingFactory(
        date=None, period_start="2022-01-01", period_end="2022-12-31", title_fr="Réunion de 2022", title_ar="لقاء"
    )
    MeetingFactory(date="2022-06-01", title_fr="Réunion de juin", title_ar="لقاء")
    names = {real.pk: "real"} | {
        pk: {"Réunion plus tard en mai": "later in May", "Réunion de mai": "known to May"}.get(title, title)
        for pk, title in Meeting.objects.exclude(pk=real.pk).values_list("pk", "title_fr")
    }
    listed = staff_client.get(reverse("meetings:meeting_list"), {"q": query}).context["object_list"]
    assert {names[m.pk] for m in listed} == expected
    searched = staff_client.get(reverse("overview:search"), {"q": query}).context["sections"]
    meetings = next(s for s in searched if s["key"] == "meeting")
    assert meetings["count"] == len(expected)


def test_a_date_in_a_search_of_records_without_dates_stays_a_word(staff_client):
    PersonFactory(full_name_latin="Promotion 11/05/2022")
    found = staff_client.get(reverse("stakeholders:person_list"), {"q": "11/05/2022"}).context["object_list"]
    assert [p.full_name_latin for p in found] == ["Promotion 11/05/2022"]


def test_each_kind_of_dated_record_is_found_by_the_month_it_falls_in():
    from core.search import search_condition
    from meetings.models import Consultation, Decision
    from projects.models import Event, EventKind, PartnershipAgreement
    from sources.models import Source

    from .factories import AgreementFactory, ConsultationFactory, DecisionFactory

    kind = EventKind.objects.order_by("pk").first()

    def event(start, end=None):
        return Event.objects.create(kind=kind, title_fr="Foire", start_date=start, end_date=end)

    cases = {
        Consultation: (
            [ConsultationFactory(period_start="2022-04-25", period_end="2022-05-02")],  # running into May
            [ConsultationFactory(period_start="2022-06-01", period_end="2022-06-10")],
        ),
        Decision: ([DecisionFactory(date="2022-05-20")], [DecisionFactory(date="2022-06-20")]),
        PartnershipAgreement: (
            [AgreementFactory(signing_date="2022-05-20")],
            [AgreementFactory(signing_date="2022-04-30")],
        ),
        Event: (
            [event("2022-04-28", "2022-05-02"), event("2022-05-31")],
            [event("2022-04-01", "2022-04-30"), event("2022-06-01")],
        ),
        Source: (
            [Source.objects.create(title="Article de mai", published_on="2022-05-12")],
            [Source.objects.create(title="Article de juin", published_on="2022-06-12")],
        ),
    }
    for model, (inside, outside) in cases.items():
        found = set(model.objects.filter(search_condition("mai 2022", model=model)))
        assert set(inside) <= found and not set(outside) & found, model
