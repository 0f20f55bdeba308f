"""Every fact of the 11 May 2022 press report, as loaded by load_draa_tafilalet."""

import datetime

import pytest
from django.core.management import call_command

from meetings.models import Attendance, Consultation, Meeting, Recommendation
from overview.draa_tafilalet import load_draa_tafilalet
from projects.models import PartnershipAgreement, Programme, Project, Strategy, ThematicAxis
from stakeholders.models import Commune, Organization, Person, Position, Province, Region

pytestmark = pytest.mark.django_db

COUNCIL = "مجلس جهة درعة تافيلالت"
MINISTRY = "وزارة السياحة والصناعة التقليدية والاقتصاد الاجتماعي والتضامني"


def test_territories_are_morocco_s_with_hcp_codes_and_2024_population():
    assert Region.objects.count() == 12
    assert Province.objects.count() == 83
    assert Commune.objects.count() == 1503
    region = Region.objects.get(code="08")
    assert (region.name_fr, region.name_ar) == ("Drâa-Tafilalet", "درعة-تافيلالت")
    provinces = dict(region.provinces.values_list("name_fr", "name_ar"))
    assert provinces == {
        "Errachidia": "الرشيدية",
        "Ouarzazate": "ورزازات",
        "Midelt": "ميدلت",
        "Tinghir": "تنغير",
        "Zagora": "زاكورة",
    }
    assert Province.objects.get(code="08.201").population_2024 == 427572


def test_meeting_of_11_may_2022_chaired_by_the_second_vice_president(meeting):
    assert meeting.date == datetime.date(2022, 5, 11)
    assert meeting.start_time is None and meeting.end_time is None
    assert meeting.kind == Meeting.Kind.WORKING_MEETING
    assert meeting.status == Meeting.Status.HELD
    assert meeting.venue == "مقر مجلس جهة درعة تافيلالت"
    assert meeting.region.code == "08"
    assert meeting.chair.person.full_name_ar == "حسني رشيدي"
    assert meeting.chair.title_fr == "Deuxième vice-président du conseil"
    assert meeting.chair.organization.name_ar == COUNCIL
    assert "الاستراتيجية الجديدة وخطة العمل" in meeting.purpose
    assert "اتفاقية شراكة مستقبلية" in meeting.outcome
    assert list(meeting.agenda_items.values_list("order", flat=True)) == [1, 2, 3]


ATTENDEES = {
    "لطيفة حدوگة": ("النائبة السادسة للرئيس", COUNCIL),
    "نادية العلوي": (
        "رئيسة لجنة التنمية الاقتصادية والاجتماعية والثقافية",
        "لجنة التنمية الاقتصادية والاجتماعية والثقافية",
    ),
    "الهام الدرويش": ("نائبة رئيس لجنة القطاعات الإنتاجية والشغل", "لجنة القطاعات الإنتاجية والشغل"),
    "سلوى تاجري": ("مديرة إنعاش الاقتصاد الاجتماعي", MINISTRY),
    "يوسف الحسني": ("المدير العام", "مكتب تنمية التعاون"),
    "صفاء ختام": ("مستشارة الوزيرة", MINISTRY),
    "حميد صواتي": (None, "مكتب تنمية التعاون بمكناس"),
    "أسامة الخلفاني": (None, "وكالة تنمية مناطق الواحات وشجر الأركان"),
}


def test_the_eight_named_attendees_with_roles_and_organizations(meeting):
    named = meeting.attendances.filter(person__isnull=False).select_related("person", "position", "organization")
    found = {
        a.person.full_name_ar: (a.position.title_ar if a.position else None, a.organization.name_ar) for a in named
    }
    chair = found.pop("حسني رشيدي")
    assert chair == ("النائب الثاني لرئيس مجلس الجهة", COUNCIL)
    assert found == ATTENDEES
    assert [a.person.full_name_ar for a in named if a.role == "presenter"] == ["سلوى تاجري"]
    assert [a.person.full_name_ar for a in named if a.role == "chair"] == ["حسني رشيدي"]
    assert all(a.status == Attendance.Status.PRESENT and a.mode == Attendance.Mode.IN_PERSON for a in named)


def test_committees_sit_under_the_council_and_odco_meknes_under_odco():
    council = Organization.objects.get(name_ar=COUNCIL)
    assert set(council.children.values_list("kind", flat=True)) == {Organization.Kind.COUNCIL_COMMITTEE}
    assert council.children.count() == 2
    assert Organization.objects.get(name_ar="مكتب تنمية التعاون بمكناس").parent.acronym == "ODCO"


def test_unnamed_staff_of_the_wilaya_and_of_the_council(meeting):
    groups = meeting.attendances.filter(person__isnull=True).select_related("organization")
    assert {(g.group_ar, g.organization.name_ar) for g in groups} == {
        ("أطر ولاية جهة درعة تافيلالت", "ولاية جهة درعة تافيلالت"),
        ("أطر إدارة مجلس الجهة", COUNCIL),
    }


def test_people_have_latin_transliterations_and_gender_from_the_text():
    assert Person.objects.count() == 9
    assert Person.objects.get(full_name_ar="لطيفة حدوگة").full_name_latin == "Latifa Haddouga"
    assert Person.objects.filter(gender=Person.Gender.FEMALE).count() == 5
    assert not Person.objects.exclude(email="").exists()  # the report gives no contact details


def test_consultation_17_to_23_march_2022_with_186_participants():
    consultation = Consultation.objects.get()
    assert (consultation.period_start, consultation.period_end) == (
        datetime.date(2022, 3, 17),
        datetime.date(2022, 3, 23),
    )
    assert consultation.participants_total == 186
    assert consultation.participants_women is None
    assert set(consultation.partners.values_list("name_ar", flat=True)) == {
        "المديرية العامة للجماعات الترابية",
        "جمعية جهات المغرب",
        "سفارة المملكة البريطانية بالرباط",
    }
    assert consultation.programme.title_ar == "برنامج تشارك"


def test_one_consultation_meeting_per_province_without_invented_dates_or_counts():
    meetings = Meeting.objects.filter(kind=Meeting.Kind.CONSULTATION_MEETING)
    assert sorted(meetings.values_list("province__name_fr", flat=True)) == [
        "Errachidia",
        "Midelt",
        "Ouarzazate",
        "Tinghir",
        "Zagora",
    ]
    # French elides "de" before a vowel (core.i18n.of_name).
    assert sorted(meetings.values_list("title_fr", flat=True)) == [
        "Rencontre de concertation, province d'Errachidia",
        "Rencontre de concertation, province d'Ouarzazate",
        "Rencontre de concertation, province de Midelt",
        "Rencontre de concertation, province de Tinghir",
        "Rencontre de concertation, province de Zagora",
    ]
    for consultation_meeting in meetings:
        assert consultation_meeting.date is None
        assert consultation_meeting.period_start == datetime.date(2022, 3, 17)
        assert consultation_meeting.participants_total is None


def test_five_recommendation_axes_from_the_consultations():
    assert list(ThematicAxis.objects.values_list("name_ar", flat=True)) == [
        "التشغيل والتكوين بالنسبة للفاعلين والفاعلات في المجال",
        "الإكراهات والصعوبات التي يعاني منها الفاعلون",
        "سبل الدعم والتطوير ذات الأولوية",
        "النهوض بالسياحة التضامنية",
        "الرقمنة والتثمين الإلكتروني",
    ]
    assert Recommendation.objects.filter(source_consultation__participants_total=186).count() == 5
    assert not Recommendation.objects.exclude(status=Recommendation.Status.PROPOSED).exists()


def test_three_development_programme_projects_adopted_at_the_march_2022_session():
    session = Meeting.objects.get(kind=Meeting.Kind.ORDINARY_SESSION)
    assert session.date is None
    assert (session.period_start, session.period_end) == (datetime.date(2022, 3, 1), datetime.date(2022, 3, 31))
    pdr = Programme.objects.get(kind=Programme.Kind.REGIONAL_DEVELOPMENT)
    assert pdr.adopted_at == session
    projects = Project.objects.filter(programme=pdr)
    assert sorted(projects.values_list("title_fr", flat=True)) == [
        "Création de zones d'activités artisanales",
        "Foires provinciales à rayonnement national et international pour les produits du terroir",
        "Plateforme numérique de promotion des produits locaux",
    ]
    assert set(projects.values_list("approving_meeting", flat=True)) == {session.pk}
    assert not projects.filter(budget__isnull=False).exists()


def test_national_strategy_its_four_axes_and_its_presentation(meeting):
    strategy = Strategy.objects.get()
    assert strategy.owner.name_ar == MINISTRY
    assert list(strategy.axes.values_list("title_ar", flat=True)) == [
        "تحفيز القطاع الخاص بفاعلين جدد",
        "تأطير فاعلي القطاع",
        "توجيه مجالات الشغل لرفع التحديات",
        "التنسيق مع مختلف الفاعلين",
    ]
    assert "صلب السياسات العمومية" in strategy.vision_ar
    assert list(strategy.presented_at.all()) == [meeting]


def test_envisaged_partnership_agreement_between_council_and_ministry(meeting):
    agreement = PartnershipAgreement.objects.get()
    assert agreement.status == PartnershipAgreement.Status.ENVISAGED
    assert agreement.signing_date is None
    assert set(agreement.parties.values_list("name_ar", flat=True)) == {COUNCIL, MINISTRY}
    assert list(agreement.meetings.all()) == [meeting]


MODELS = [Region, Province, Commune, Organization, Person, Position, Meeting, Attendance, Consultation]
MODELS += [Recommendation, ThematicAxis, Programme, Project, Strategy, PartnershipAgreement]


def test_loading_again_changes_nothing():
    def snapshot():
        rows = {model.__name__: sorted(model.objects.values_list(flat=False)) for model in MODELS}
        history = {model.__name__: model.history.count() for model in MODELS if hasattr(model, "history")}
        return rows, history

    before = snapshot()
    load_draa_tafilalet()
    call_command("load_draa_tafilalet", stdout=open("/dev/null", "w"))
    assert snapshot() == before
