"""Partnership agreements: parties and their commitments, amendments."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.audit import HistoricalRecords
from core.constraints import in_one_language_at_least
from core.documents import DocumentBase
from core.i18n import localized
from core.models import SearchableModel, VersionedModel, search_index
from stakeholders.regions import RegionalModel, RegionalQuerySet, region_field

from .programmes import Project


class PartnershipAgreement(RegionalModel, SearchableModel, VersionedModel):
    """A partnership agreement (اتفاقية شراكة) between organizations, from envisaged to ended."""

    search_fields = ("title_ar", "title_fr", "subject_ar", "subject_fr")

    class Status(models.TextChoices):
        ENVISAGED = "envisaged", _("envisaged")
        IN_NEGOTIATION = "in_negotiation", _("in negotiation")
        SIGNED = "signed", _("signed")
        IN_FORCE = "in_force", _("in force")
        ENDED = "ended", _("ended")

    UNSIGNED = (Status.ENVISAGED, Status.IN_NEGOTIATION)

    title_ar = models.CharField(_("title (Arabic)"), max_length=300, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=300, blank=True)
    subject_ar = models.TextField(_("subject (Arabic)"), blank=True)
    subject_fr = models.TextField(_("subject (French)"), blank=True)
    region = region_field("agreements", _("The region whose council is a party."))
    parties = models.ManyToManyField(
        "stakeholders.Organization", through="AgreementParty", related_name="agreements", verbose_name=_("parties")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ENVISAGED)
    signing_date = models.DateField(_("signing date"), null=True, blank=True)
    # Meetings, by what the agreement owes them: prepared at, approved at (when no decision is
    # recorded, or besides it), carried out through (its steering or follow-up committees).
    meetings = models.ManyToManyField(
        "meetings.Meeting",
        blank=True,
        related_name="agreements",
        verbose_name=pgettext_lazy("agreement", "prepared at the meetings"),
    )
    approved_at = models.ManyToManyField(
        "meetings.Meeting", blank=True, related_name="agreements_approved", verbose_name=_("approved at the meetings")
    )
    carried_out_at = models.ManyToManyField(
        "meetings.Meeting",
        blank=True,
        related_name="agreements_carried_out",
        verbose_name=_("carried out through the meetings"),
        help_text=_("Its steering, follow-up or technical committees' meetings."),
    )
    projects = models.ManyToManyField(Project, blank=True, related_name="agreements", verbose_name=_("projects"))
    decision = models.ForeignKey(
        "meetings.Decision",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements",
        verbose_name=_("approving decision"),
    )
    duration_months = models.PositiveSmallIntegerField(_("duration (months)"), null=True, blank=True)

    title = localized("title")
    subject = localized("subject")

    objects = RegionalQuerySet.as_manager()

    history = HistoricalRecords(m2m_fields=["meetings", "approved_at", "carried_out_at", "projects"])  # parties: own

    class Meta:
        verbose_name = _("partnership agreement")
        verbose_name_plural = _("partnership agreements")
        ordering = ["-signing_date", "-pk"]
        indexes = [
            search_index("agreement"),
            models.Index(fields=["-signing_date", "-id"], name="agreement_newest_first"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(signing_date__isnull=True) | ~Q(status__in=["envisaged", "in_negotiation"]),
                name="agreement_signing_date_only_when_signed",
                violation_error_message=_("An agreement that is not signed yet has no signing date."),
            ),
            in_one_language_at_least("title_ar", "title_fr", "agreement_has_a_title"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:agreement_detail", args=[self.pk])

    @classmethod
    def dated_within(cls, start, end):
        """Signed from ``start`` to ``end``."""
        return Q(signing_date__range=(start, end))

    def clean(self):
        if self.signing_date and self.status in self.UNSIGNED:
            raise ValidationError(
                {"signing_date": _("An agreement that is not signed yet has no signing date.")},
                code="date_before_signature",
            )


class AgreementParty(VersionedModel):
    """An organization party to an agreement: its role and its commitments (MAD, and in kind)."""

    class Role(models.TextChoices):
        PROJECT_OWNER = "project_owner", _("project owner")
        DELEGATED_OWNER = "delegated_owner", _("delegated project owner")
        FUNDER = "funder", _("funder")
        TECHNICAL_PARTNER = "technical_partner", _("technical partner")
        PARTNER = "partner", _("partner")

    agreement = models.ForeignKey(
        PartnershipAgreement, models.CASCADE, related_name="agreement_parties", verbose_name=_("agreement")
    )
    organization = models.ForeignKey(
        "stakeholders.Organization", models.PROTECT, related_name="agreement_roles", verbose_name=_("organization")
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices, default=Role.PARTNER)
    financial_commitment = models.DecimalField(
        _("financial commitment (MAD)"), max_digits=14, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)],
    )  # fmt: skip
    in_kind_commitment = models.TextField(_("commitment in kind"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("party to an agreement")
        verbose_name_plural = _("parties to agreements")
        ordering = ["agreement_id", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organization"],
                name="one_role_per_party",
                violation_error_message=_("This organization is already a party to this agreement."),
            ),
            models.CheckConstraint(
                condition=Q(financial_commitment__isnull=True) | Q(financial_commitment__gte=0),
                name="commitment_not_negative",
                violation_error_message=_("A commitment cannot be negative."),
            ),
        ]

    def __str__(self):
        return f"{self.organization} ({self.get_role_display()})"

    def get_absolute_url(self):
        return self.agreement.get_absolute_url()


class Amendment(VersionedModel):
    """A numbered amendment (avenant) to an agreement: when, and what it changed."""

    agreement = models.ForeignKey(
        PartnershipAgreement, models.CASCADE, related_name="amendments", verbose_name=_("agreement")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    date = models.DateField(_("date"))
    changes_ar = models.TextField(_("what changed (Arabic)"), blank=True)
    changes_fr = models.TextField(_("what changed (French)"), blank=True)

    changes = localized("changes")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ["agreement_id", "number"]
        constraints = [
            in_one_language_at_least("changes_ar", "changes_fr", "amendment_says_what_changed"),
            models.UniqueConstraint(
                fields=["agreement", "number"],
                name="amendment_number_unique",
                violation_error_message=_("This agreement already has an amendment with this number."),
            ),
        ]

    def __str__(self):
        return _("Amendment %(number)s") % {"number": self.number}

    def get_absolute_url(self):
        return self.agreement.get_absolute_url()


class AgreementDocument(DocumentBase):
    """An agreement's signed copy, its annexes or its amendments as signed."""

    parent_field = "agreement"
    agreement = models.ForeignKey(
        PartnershipAgreement, models.CASCADE, related_name="documents", verbose_name=_("agreement")
    )
    history = HistoricalRecords()

    class Meta(DocumentBase.Meta):
        verbose_name = _("agreement document")
        verbose_name_plural = _("agreement documents")
