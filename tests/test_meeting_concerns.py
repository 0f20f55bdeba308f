"""The meeting form links the meeting to what it concerns, each link with its meaning (issue 14):
agreements prepared, approved or carried out at it, strategies presented, projects approved."""

import pytest
from django.urls import reverse

from .factories import AgreementFactory, MeetingFactory, ProjectFactory, StrategyAxisFactory
from .test_meeting_links import edit_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_staff_link_a_session_to_the_agreements_strategy_and_project_it_concerns(staff_client):
    session = MeetingFactory(kind="ordinary_session", title_fr="Session ordinaire d'octobre")
    approved, followed = (
        AgreementFactory(title_fr="Convention approuvée"),
        AgreementFactory(title_fr="Convention suivie"),
    )
    strategy, project = StrategyAxisFactory().strategy, ProjectFactory(title_fr="Zones d'activités")
    data = edit_data(session, agreements_approved=[approved.pk], agreements_carried_out=[followed.pk],
                     strategies_presented=[strategy.pk], projects_approved=[project.pk])  # fmt: skip
    response = staff_client.post(reverse("meetings:meeting_update", args=[session.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    assert list(approved.approved_at.all()) == [session] and not approved.meetings.exists()
    assert list(followed.carried_out_at.all()) == [session]
    assert list(strategy.presented_at.all()) == [session]
    project.refresh_from_db()
    assert project.approving_meeting == session

    page = staff_client.get(session.get_absolute_url()).content.decode()
    assert "<dt>Approved here</dt>" in page and "<dt>Carried out through this meeting</dt>" in page
    page = staff_client.get(approved.get_absolute_url()).content.decode()
    assert 'data-section="approved-at"' in page and "Session ordinaire d&#x27;octobre" in page

    form = staff_client.get(reverse("meetings:meeting_update", args=[session.pk])).context["form"]
    assert form["agreements_approved"].value() == [approved.pk]
    session.refresh_from_db()
    data = edit_data(session, agreements_carried_out=[followed.pk])  # the approval and the rest removed
    assert staff_client.post(reverse("meetings:meeting_update", args=[session.pk]), data).status_code == 302
    assert not approved.approved_at.exists() and not strategy.presented_at.exists()
    project.refresh_from_db()
    assert project.approving_meeting is None and list(followed.carried_out_at.all()) == [session]


def test_the_consultation_meetings_table_has_no_such_fields(staff_client):
    from meetings.forms import ConsultationMeetingFormSet

    assert "agreements_approved" not in ConsultationMeetingFormSet().forms[0].fields


def test_the_link_choosers_search_the_records_from_the_meetings_side(staff_client):
    agreement = AgreementFactory(title_fr="Convention du salon régional")
    query = {"app_label": "meetings", "model_name": "meeting", "field_name": "agreements_approved", "term": "salon"}
    answer = staff_client.get(reverse("core:chooser"), query).json()
    assert {"id": str(agreement.pk), "text": str(agreement), "detail": ""} in answer["results"]
    query |= {"field_name": "projects_approved", "term": "zzz-none"}
    assert staff_client.get(reverse("core:chooser"), query).json()["results"] == []
    query |= {"field_name": "attendances"}  # a reverse relation to records that are not choosable
    assert staff_client.get(reverse("core:chooser"), query).status_code == 404
