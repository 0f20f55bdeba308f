"""The story of a recommendation, a project or an agreement, in date order.

From the consultation a recommendation came from, through its answer and status changes, the
decision and the project, the project's milestones and (approved) indicator values, to the
agreement's preparation, signature and amendments. Each kind of event is one query, whatever
the number of records.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.dates import format_day, format_period, format_when
from meetings.models import Recommendation, StatusChange
from projects.models import Amendment, IndicatorValue, Milestone, PartnershipAgreement, Project
from projects.models import Event as EventRecord


@dataclass(frozen=True, order=True)
class Event:
    """One step: sorted by ``day``, then ``rank`` (the order of status steps recorded on the same
    day); ``shown`` says when as known (a day, or a period such as "March 2022" for a session
    known only by its month); what happened (``kind``), on which record."""

    day: datetime.date
    rank: int
    shown: str
    kind: str
    title: str
    url: str = ""


def _day(record) -> datetime.date | None:
    return getattr(record, "date", None) or getattr(record, "period_start", None)


def _event(day_or_record, kind, title, url="", rank=0) -> Event:
    """An event on a day, or on a dated record (meeting, consultation, decision) shown as it is known."""
    if isinstance(day_or_record, datetime.date):
        return Event(day_or_record, rank, format_day(day_or_record), str(kind), str(title), url)
    record = day_or_record
    shown = format_when(
        getattr(record, "date", None),
        None,
        None,
        getattr(record, "period_start", None),
        getattr(record, "period_end", None),
    )
    return Event(_day(record), rank, shown, str(kind), str(title), url)


def chain(recommendations, projects, agreements, user) -> list[Event]:
    """The events of the given querysets of recommendations, projects and agreements, oldest first.

    Indicator values are those ``user`` may see (approved ones for partners). The recommendations'
    keys are read first, and the records' keys are filtered on, not nested subqueries: those make
    PostgreSQL scan every recommendation (50 ms at a region's size for one agreement).
    """
    events = set()
    recommendation_keys = list(recommendations.values_list("pk", flat=True))
    recommendations = Recommendation.objects.filter(pk__in=recommendation_keys).select_related(
        "source_consultation", "source_meeting", "answer"
    )
    for rec in recommendations:
        source = rec.source_consultation or rec.source_meeting
        if source and _day(source):
            kind = _("consultation") if rec.source_consultation else _("meeting")
            events.add(_event(source, kind, source, source.get_absolute_url()))
        if hasattr(rec, "answer"):
            events.add(_event(rec.answer.answered_on, _("official answer"), rec, rec.get_absolute_url()))
    for step in StatusChange.objects.filter(recommendation__in=recommendation_keys).select_related("recommendation"):
        kind = _("status: %(status)s") % {"status": step.get_to_status_display()}
        url = step.recommendation.get_absolute_url()
        events.add(_event(step.changed_on, kind, step.recommendation, url, rank=step.pk))  # recorded in order

    projects = list(
        Project.objects.filter(pk__in=projects.values("pk")).select_related("decision__meeting", "approving_meeting")
    )
    project_keys = [project.pk for project in projects]
    for project in projects:
        if project.decision and (project.decision.date or _day(project.decision.meeting)):
            when = project.decision.date or project.decision.meeting
            events.add(_event(when, _("decision"), project.decision, project.decision.get_absolute_url()))
        if project.approving_meeting and _day(project.approving_meeting):
            events.add(_event(project.approving_meeting, _("project approved"), project, project.get_absolute_url()))
    for milestone in Milestone.objects.filter(project__in=project_keys).select_related("project"):
        url = milestone.project.get_absolute_url()
        events.add(_event(milestone.start_date, milestone.get_kind_display(), milestone, url))
    values = IndicatorValue.objects.visible_to(user).filter(indicator__project__in=project_keys)
    for value in values.select_related("indicator__project"):
        kind = _("indicator value (%(status)s)") % {"status": value.get_status_display()}
        events.add(_event(value.period_end, kind, value, value.indicator.project.get_absolute_url()))

    agreements = PartnershipAgreement.objects.filter(pk__in=agreements.values("pk")).select_related("decision__meeting")
    agreements = list(agreements.prefetch_related("meetings", "approved_at", "carried_out_at"))
    agreement_keys = [agreement.pk for agreement in agreements]
    for agreement in agreements:
        url = agreement.get_absolute_url()
        for meetings, kind in (
            (agreement.meetings, _("agreement prepared")),
            (agreement.approved_at, _("agreement approved")),
            (agreement.carried_out_at, _("agreement followed up")),
        ):
            for meeting in meetings.all():
                if _day(meeting):
                    events.add(_event(meeting, kind, meeting, meeting.get_absolute_url()))
        if agreement.decision and (agreement.decision.date or _day(agreement.decision.meeting)):
            when = agreement.decision.date or agreement.decision.meeting
            events.add(_event(when, _("decision"), agreement.decision, agreement.decision.get_absolute_url()))
        if agreement.signing_date:
            events.add(_event(agreement.signing_date, _("agreement signed"), agreement, url))
    for amendment in Amendment.objects.filter(agreement__in=agreement_keys).select_related("agreement"):
        title = f"{amendment.agreement}: {amendment}"
        events.add(_event(amendment.date, _("amendment"), title, amendment.agreement.get_absolute_url()))
    held = EventRecord.objects.filter(Q(project__in=project_keys) | Q(agreement__in=agreement_keys))
    for event in held.select_related("kind"):
        shown = format_period(event.start_date, event.end_date) if event.end_date else format_day(event.start_date)
        events.add(Event(event.start_date, 0, shown, str(event.kind), str(event), event.get_absolute_url()))
    return sorted(events)


def recommendation_timeline(recommendation, user) -> list[Event]:
    """The recommendation's story, with the projects that carry it and their agreements."""
    projects = Project.objects.filter(recommendations=recommendation)
    agreements = PartnershipAgreement.objects.filter(projects__in=projects.values("pk"))
    return chain(Recommendation.objects.filter(pk=recommendation.pk), projects, agreements, user)


def project_timeline(project, user) -> list[Event]:
    """The project's story (and its sub-projects'), from the recommendations it carries to its agreements."""
    projects = Project.objects.filter(Q(pk=project.pk) | Q(parent=project))
    agreements = PartnershipAgreement.objects.filter(projects__in=projects.values("pk"))
    return chain(Recommendation.objects.filter(projects__in=projects.values("pk")), projects, agreements, user)


def agreement_timeline(agreement, user) -> list[Event]:
    """The agreement's story, with its projects and the recommendations they carry."""
    projects = agreement.projects.all()
    return chain(
        Recommendation.objects.filter(projects__in=projects.values("pk")),
        projects,
        PartnershipAgreement.objects.filter(pk=agreement.pk),
        user,
    )


def timeline_of(record, user) -> list[Event]:
    """The story of a recommendation, a project or an agreement; raises TypeError for another record."""
    builders = {
        Recommendation: recommendation_timeline,
        Project: project_timeline,
        PartnershipAgreement: agreement_timeline,
    }
    try:
        builder = builders[type(record)]
    except KeyError:
        raise TypeError(f"No timeline for a {type(record).__name__}.") from None
    return builder(record, user)
