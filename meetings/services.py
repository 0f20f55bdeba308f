"""Writes that follow rules across records: a recommendation's status changes, attendees copied between meetings."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.dates import format_day
from core.i18n import separator

from .models import Attendance, Meeting, Recommendation, StatusChange


@transaction.atomic
def change_status(
    recommendation: Recommendation, *, to_status: str, author, changed_on: datetime.date, reason: str = ""
) -> StatusChange:
    """Move a recommendation to ``to_status`` and record the step (date, author, reason).

    The order is Recommendation.TRANSITIONS (reviewed before adopted, adopted before implemented;
    a rejection needs a reason). A step may not be dated before the previous one.
    Raises ValidationError, keyed by form field (``to_status``, ``changed_on``, ``reason``).
    """
    current = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    allowed = current.next_statuses
    if to_status not in allowed:
        names = separator().join(str(status.label) for status in allowed) or _("none: it is final")
        raise ValidationError(
            {
                "to_status": _(
                    "A recommendation that is “%(current)s” cannot become “%(new)s”. Possible next steps: %(allowed)s."
                )
                % {
                    "current": current.get_status_display(),
                    "new": Recommendation.Status(to_status).label,
                    "allowed": names,
                }
            },
            code="out_of_order",
        )
    if to_status == Recommendation.Status.REJECTED and not reason.strip():
        raise ValidationError({"reason": _("Say why the recommendation is rejected.")}, code="reason_required")
    last = current.status_changes.order_by("-changed_on", "-pk").first()
    if last and changed_on < last.changed_on:
        raise ValidationError(
            {
                "changed_on": _("The previous step is dated %(date)s: this one cannot be earlier.")
                % {"date": format_day(last.changed_on)}
            },
            code="before_previous",
        )
    step = StatusChange.objects.create(
        recommendation=current,
        from_status=current.status,
        to_status=to_status,
        changed_on=changed_on,
        author=author,
        reason=reason,
    )
    current.status = to_status
    current.save(update_fields=["status"])
    recommendation.status, recommendation.version = current.status, current.version
    return step


@transaction.atomic
def copy_attendees(source: Meeting, target: Meeting) -> int:
    """Add to ``target`` the attendance rows of ``source`` it does not have yet (the same person,
    or the same unnamed group of the same organization), as expected attendees: present, in the
    mode they had, in their role (a presenter of last time is not one now) but in their category. Returns how many rows were added; one transaction."""
    have = {(row.person_id, row.organization_id, row.group_ar, row.group_fr) for row in target.attendances.all()}
    have_people = {person for person, *_rest in have if person}
    added = 0
    for row in source.attendances.order_by("pk"):
        key = (row.person_id, row.organization_id, row.group_ar, row.group_fr)
        if key in have or (row.person_id and row.person_id in have_people):
            continue
        Attendance.objects.create(
            meeting=target, person_id=row.person_id, position_id=row.position_id,
            organization_id=row.organization_id, group_ar=row.group_ar, group_fr=row.group_fr, mode=row.mode,
            category_id=row.category_id,
        )  # fmt: skip
        have.add(key)
        added += 1
    return added
