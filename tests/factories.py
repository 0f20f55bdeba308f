"""factory_boy factories for every programme record, with Arabic and French names."""

import datetime

import factory

from meetings.models import (
    Attendance,
    Consultation,
    Decision,
    Meeting,
    Recommendation,
    RecommendationAnswer,
    RecommendationLink,
)
from projects.models import (
    BudgetLine,
    Indicator,
    IndicatorValue,
    Milestone,
    PartnershipAgreement,
    Programme,
    Project,
    Strategy,
    StrategyAxis,
    ThematicAxis,
)
from stakeholders.models import Organization, Person, Position


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name_ar = factory.Sequence(lambda n: f"تعاونية رقم {n}")
    name_fr = factory.Sequence(lambda n: f"Coopérative n° {n}")
    kind = Organization.Kind.COOPERATIVE


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name_ar = factory.Sequence(lambda n: f"فاطمة {n}")
    full_name_latin = factory.Sequence(lambda n: f"Fatima {n}")
    gender = Person.Gender.FEMALE
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    phone = "+212 600 000 000"


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    person = factory.SubFactory(PersonFactory)
    organization = factory.SubFactory(OrganizationFactory)
    title_ar = "رئيسة"
    title_fr = "Présidente"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    title_ar = factory.Sequence(lambda n: f"اجتماع رقم {n}")
    title_fr = factory.Sequence(lambda n: f"Réunion n° {n}")
    kind = Meeting.Kind.COORDINATION_MEETING
    date = factory.Sequence(lambda n: datetime.date(2023, 1, 1) + datetime.timedelta(days=n))
    status = Meeting.Status.HELD
    chair = factory.SubFactory(PositionFactory)
    organizer = factory.SubFactory(OrganizationFactory)


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.SubFactory(PositionFactory)
    person = factory.SelfAttribute("position.person")
    organization = factory.SelfAttribute("position.organization")


class ThematicAxisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThematicAxis

    code = factory.Sequence(lambda n: f"axis-{n}")
    order = factory.Sequence(lambda n: 100 + n)
    name_ar = factory.Sequence(lambda n: f"محور {n}")
    name_fr = factory.Sequence(lambda n: f"Axe {n}")


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    title_ar = factory.Sequence(lambda n: f"برنامج {n}")
    title_fr = factory.Sequence(lambda n: f"Programme {n}")
    owner = factory.SubFactory(OrganizationFactory)
    adopted_at = factory.SubFactory(MeetingFactory, kind=Meeting.Kind.ORDINARY_SESSION)


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    title_ar = factory.Sequence(lambda n: f"لقاءات تشاورية {n}")
    title_fr = factory.Sequence(lambda n: f"Concertation {n}")
    period_start = datetime.date(2023, 3, 1)
    period_end = datetime.date(2023, 3, 10)
    organizer = factory.SubFactory(OrganizationFactory)
    programme = factory.SubFactory(ProgrammeFactory)
    participants_total = 40
    participants_women = 15


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    text_ar = factory.Sequence(lambda n: f"توصية رقم {n}")
    text_fr = factory.Sequence(lambda n: f"Recommandation n° {n}")
    axis = factory.SubFactory(ThematicAxisFactory)
    source_consultation = factory.SubFactory(ConsultationFactory)


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project
        skip_postgeneration_save = True

    title_ar = factory.Sequence(lambda n: f"مشروع {n}")
    title_fr = factory.Sequence(lambda n: f"Projet {n}")
    programme = factory.SubFactory(ProgrammeFactory)
    status = Project.Status.IN_PROGRESS
    budget = factory.Sequence(lambda n: 100_000 + n)
    lead_organization = factory.SubFactory(OrganizationFactory)
    approving_meeting = factory.SelfAttribute("programme.adopted_at")

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        if create:
            self.partners.add(OrganizationFactory(), OrganizationFactory())

    @factory.post_generation
    def recommendations(self, create, extracted, **kwargs):
        if create:
            self.recommendations.add(RecommendationFactory())


class StrategyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Strategy

    title_ar = factory.Sequence(lambda n: f"استراتيجية {n}")
    title_fr = factory.Sequence(lambda n: f"Stratégie {n}")
    owner = factory.SubFactory(OrganizationFactory)


class StrategyAxisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StrategyAxis

    strategy = factory.SubFactory(StrategyFactory)
    order = factory.Sequence(lambda n: n + 1)
    title_ar = factory.Sequence(lambda n: f"محور استراتيجي {n}")


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnershipAgreement
        skip_postgeneration_save = True

    title_ar = factory.Sequence(lambda n: f"اتفاقية {n}")
    title_fr = factory.Sequence(lambda n: f"Convention {n}")
    status = PartnershipAgreement.Status.SIGNED
    signing_date = datetime.date(2023, 6, 1)

    @factory.post_generation
    def parties(self, create, extracted, **kwargs):
        if create:
            self.parties.add(OrganizationFactory(), OrganizationFactory(), through_defaults={"role": "partner"})


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory, kind=Meeting.Kind.ORDINARY_SESSION)
    number = factory.Sequence(lambda n: f"{n}/2023")
    date = datetime.date(2023, 3, 7)
    subject_ar = factory.Sequence(lambda n: f"المصادقة على مشروع {n}")
    votes_for, votes_against, abstentions = 40, 2, 1


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    project = factory.SubFactory(ProjectFactory)
    title_ar = factory.Sequence(lambda n: f"الدورة {n} للمعرض الإقليمي")
    start_date = datetime.date(2023, 10, 1)


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    project = factory.SubFactory(ProjectFactory)
    year = 2023
    funder = factory.SubFactory(OrganizationFactory)
    planned = 500_000


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    project = factory.SubFactory(ProjectFactory)
    name_ar = "عدد التعاونيات المستفيدة"
    name_fr = "Coopératives bénéficiaires"
    unit = "coopératives"
    baseline, target = 0, 120


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    period_start = datetime.date(2023, 1, 1)
    period_end = datetime.date(2023, 12, 31)
    value = 35


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RecommendationAnswer

    recommendation = factory.SubFactory(RecommendationFactory)
    text_ar = "يتم إدراج التوصية في برنامج التنمية الجهوية"
    answered_on = datetime.date(2023, 4, 2)
    estimated_cost = 2_000_000


class LinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RecommendationLink

    source = factory.SubFactory(RecommendationFactory)
    target = factory.SubFactory(RecommendationFactory)
    kind = RecommendationLink.Kind.CONSOLIDATION
