"""Rules held by the database itself, and deletions refused while records are in use."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from meetings.models import Attendance, Meeting
from projects.models import PartnershipAgreement
from stakeholders.models import Organization, Person, Position

from .factories import (
    AgreementFactory,
    AttendanceFactory,
    ConsultationFactory,
    MeetingFactory,
    PositionFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def refused(make):
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def test_end_cannot_precede_start():
    refused(lambda: MeetingFactory(period_start=datetime.date(2022, 3, 23), period_end=datetime.date(2022, 3, 17)))
    refused(lambda: MeetingFactory(start_time=datetime.time(11), end_time=datetime.time(9)))
    refused(lambda: ConsultationFactory(period_start=datetime.date(2022, 3, 23), period_end=datetime.date(2022, 3, 17)))
    refused(lambda: PositionFactory(start_date=datetime.date(2022, 1, 2), end_date=datetime.date(2022, 1, 1)))


def test_times_need_a_date():
    refused(lambda: MeetingFactory(date=None, start_time=datetime.time(9)))


def test_counts_are_not_negative_and_women_within_participants():
    refused(lambda: ConsultationFactory(participants_total=-1, participants_women=None))
    refused(lambda: ConsultationFactory(participants_total=10, participants_women=11))
    refused(lambda: MeetingFactory(participants_total=10, participants_women=11))
    assert ConsultationFactory(participants_total=10, participants_women=10).participants_women == 10


def test_budget_is_not_negative():
    refused(lambda: ProjectFactory(budget=-1))


def test_one_attendance_per_person_per_meeting():
    attendance = AttendanceFactory()
    refused(lambda: AttendanceFactory(meeting=attendance.meeting, position=attendance.position))


def test_attendance_names_a_person_or_a_group(meeting):
    refused(lambda: Attendance.objects.create(meeting=meeting))


def test_an_envisaged_agreement_has_no_signing_date():
    refused(lambda: AgreementFactory(status=PartnershipAgreement.Status.ENVISAGED))


def test_one_consultation_meeting_per_province(meeting):
    province = meeting.region.provinces.first()
    consultation = ConsultationFactory()
    MeetingFactory(consultation=consultation, province=province)
    refused(lambda: MeetingFactory(consultation=consultation, province=province))


def test_clean_explains_the_rules_field_by_field():
    meeting = Meeting(
        title_ar="اجتماع",
        period_start=datetime.date(2022, 3, 23),
        period_end=datetime.date(2022, 3, 17),
        participants_total=5,
        participants_women=6,
    )
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert set(error.value.message_dict) == {"period_end", "participants_women"}


def test_organizations_and_people_in_use_cannot_be_deleted(meeting):
    council = Organization.objects.get(name_ar="مجلس جهة درعة تافيلالت")
    chair = Person.objects.get(full_name_ar="حسني رشيدي")
    for record in (council, chair, meeting.chair):
        with pytest.raises(ProtectedError), transaction.atomic():
            record.delete()
    assert Position.objects.filter(person=chair).exists()
    assert meeting.attendances.count() == 11
