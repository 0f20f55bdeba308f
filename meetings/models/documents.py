"""Documents kept with meetings, consultations and decisions (``core.documents``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.audit import HistoricalRecords
from core.documents import DocumentBase

from .decisions import Decision
from .meetings import Consultation, Meeting


class MeetingDocument(DocumentBase):
    """A meeting's minutes, presentation, attendance sheet as signed, or photos."""

    parent_field = "meeting"
    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="documents", verbose_name=_("meeting"))
    history = HistoricalRecords()

    class Meta(DocumentBase.Meta):
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")


class ConsultationDocument(DocumentBase):
    """A consultation's report, programme or photos."""

    parent_field = "consultation"
    consultation = models.ForeignKey(
        Consultation, models.CASCADE, related_name="documents", verbose_name=_("consultation")
    )
    history = HistoricalRecords()

    class Meta(DocumentBase.Meta):
        verbose_name = _("consultation document")
        verbose_name_plural = _("consultation documents")


class DecisionDocument(DocumentBase):
    """A council decision's signed text or its annexes."""

    parent_field = "decision"
    decision = models.ForeignKey(Decision, models.CASCADE, related_name="documents", verbose_name=_("decision"))
    history = HistoricalRecords()

    class Meta(DocumentBase.Meta):
        verbose_name = _("decision document")
        verbose_name_plural = _("decision documents")
