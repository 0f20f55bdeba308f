"""Import of recommendations (core.imports), at /import/recommendations/.

Each comes in as proposed (its status then follows the workflow on its page), with its thematic
axis (code or name) and its source: a consultation or a meeting, by its title. A
recommendation already in the portal is one with the same Arabic and French texts.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.imports import Column, Importer, only_one, register

from .models import Consultation, Meeting, Recommendation


def axis_named(text: str):
    """The thematic axis whose code or name (Arabic or French) is ``text``."""
    axes = Recommendation._meta.get_field("axis").related_model.objects
    return only_one(axes.filter(Q(code=text) | Q(name_ar=text) | Q(name_fr=text)))


def consultation_titled(text: str) -> Consultation | None:
    return only_one(Consultation.objects.filter(Q(title_ar=text) | Q(title_fr=text)))


def meeting_titled(text: str) -> Meeting | None:
    """The meeting titled ``text`` in Arabic or French, if exactly one is."""
    return only_one(Meeting.objects.filter(Q(title_ar=text) | Q(title_fr=text)))


@register("recommendations")
class RecommendationImporter(Importer):
    model = Recommendation
    title = _("recommendations")
    one_of = (("text_ar", "text_fr"),)
    columns = [
        Column("text_ar"),
        Column("text_fr"),
        Column("axis", kind="record", lookup=axis_named),
        Column("source_consultation", kind="record", lookup=consultation_titled),
        Column("source_meeting", kind="record", lookup=meeting_titled),
    ]

    def key(self, values):
        return {"text_ar": values["text_ar"] or "", "text_fr": values["text_fr"] or ""}
