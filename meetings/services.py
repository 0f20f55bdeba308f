"""Writes that follow rules across records: a recommendation's status changes."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.dates import format_day
from core.i18n import separator

from .models import Recommendation, StatusChange


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
