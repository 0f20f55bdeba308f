"""Writes with rules: the workflow of indicator values; milestones that are events made events."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Event, EventKind, IndicatorValue, Milestone


@transaction.atomic
def submit_value(value: IndicatorValue, *, user) -> IndicatorValue:
    """Submit a draft value for approval. Raises ValidationError unless it is a draft."""
    value = IndicatorValue.objects.select_for_update().get(pk=value.pk)
    if value.status != IndicatorValue.Status.DRAFT:
        raise ValidationError(_("Only a draft can be submitted."), code="not_draft")
    value.status, value.submitted_by, value.submitted_at = IndicatorValue.Status.SUBMITTED, user, timezone.now()
    value.save()
    return value


@transaction.atomic
def approve_value(value: IndicatorValue, *, user) -> IndicatorValue:
    """Approve a submitted value, which partners then see.

    Raises PermissionDenied without the ``projects.approve_indicatorvalue`` permission, and
    ValidationError unless the value is submitted, or when the approver submitted it (four eyes).
    """
    if not user.has_perm("projects.approve_indicatorvalue"):
        raise PermissionDenied
    value = IndicatorValue.objects.select_for_update().get(pk=value.pk)
    if value.status != IndicatorValue.Status.SUBMITTED:
        raise ValidationError(_("Only a submitted value can be approved."), code="not_submitted")
    if value.submitted_by_id == user.pk:
        raise ValidationError(
            _("A value is approved by someone other than the person who submitted it."), code="own_value"
        )
    value.status, value.approved_by, value.approved_at = IndicatorValue.Status.APPROVED, user, timezone.now()
    value.save()
    return value


@transaction.atomic
def milestone_to_event(milestone: Milestone, kind: EventKind, *, keep_milestone: bool = False) -> Event:
    """An event of ``kind`` made from a project's milestone or activity that is one (a fair, a
    forum...): its titles, days, venue and description, in its project. The milestone is then
    deleted (its history keeps it, restorable) unless ``keep_milestone``.

    Raises ValueError for a milestone with documents unless ``keep_milestone`` (events hold no
    documents: they would be lost).
    """
    if not keep_milestone and milestone.documents.exists():
        raise ValueError(_("“%(milestone)s” has documents: keep the milestone.") % {"milestone": milestone})
    event = Event(
        kind=kind, title_ar=milestone.title_ar, title_fr=milestone.title_fr, start_date=milestone.start_date,
        end_date=milestone.end_date, venue=milestone.venue, description=milestone.description,
        project=milestone.project,
    )  # fmt: skip
    event._change_reason = f"milestone #{milestone.pk}"
    event.full_clean()
    event.save()
    if not keep_milestone:
        milestone._change_reason = f"event #{event.pk}"
        milestone.delete()
    return event
