"""Database rules shared by the models, each with the message a form shows when it is broken."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


def in_one_language_at_least(first: str, second: str, name: str) -> models.CheckConstraint:
    """``first`` or ``second`` (e.g. title_ar, title_fr) is not empty."""
    return models.CheckConstraint(
        condition=~Q(**{first: ""}) | ~Q(**{second: ""}),
        name=name,
        violation_error_message=_("Fill it in Arabic or in French (or both)."),
    )


def end_not_before_start(start: str, end: str, name: str) -> models.CheckConstraint:
    """``end`` is empty, or ``start`` is, or ``end`` >= ``start``."""
    return models.CheckConstraint(
        condition=Q(**{f"{start}__isnull": True}) | Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": F(start)}),
        name=name,
        violation_error_message=_("The end cannot be before the start."),
    )


def women_within_participants(name: str) -> models.CheckConstraint:
    """``participants_women`` <= ``participants_total`` when both are known."""
    return models.CheckConstraint(
        condition=Q(participants_women__isnull=True)
        | Q(participants_total__isnull=True)
        | Q(participants_women__lte=F("participants_total")),
        name=name,
        violation_error_message=_("The number of women cannot exceed the number of participants."),
    )
