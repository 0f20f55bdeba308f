from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import (
    BaseTableFormSet,
    KnownToMonthOrYearMixin,
    PortalModelForm,
    VersionedFormMixin,
    numbered_items_formset,
    table_formset,
)
from stakeholders.regions import RegionalFormMixin

from .models import (
    AgreementParty,
    Amendment,
    BudgetLine,
    Event,
    EventOrganizer,
    Expenditure,
    Indicator,
    IndicatorValue,
    Milestone,
    MilestoneDocument,
    PartnershipAgreement,
    Programme,
    Project,
    Strategy,
    StrategyAxis,
    ThematicAxis,
)


class ProgrammeForm(RegionalFormMixin, VersionedFormMixin, PortalModelForm):
    bilingual = (("title_ar", "title_fr"),)

    class Meta(PortalModelForm.Meta):
        model = Programme
        fields = ["title_ar", "title_fr", "kind", "owner", "region", "adopted_at", "description_ar", "description_fr"]


class ProjectForm(RegionalFormMixin, VersionedFormMixin, PortalModelForm):
    bilingual = (("title_ar", "title_fr"),)

    class Meta(PortalModelForm.Meta):
        model = Project
        fields = [
            "title_ar",
            "title_fr",
            "programme",
            "region",
            "status",
            "progress",
            "budget",
            "description_ar",
            "description_fr",
            "provinces",
            "thematic_axes",
            "strategy_axes",
            "lead_organization",
            "partners",
            "approving_meeting",
            "decision",
            "recommendations",
            "parent",
            "weight",
        ]
        widgets = {
            "provinces": forms.CheckboxSelectMultiple,
            "thematic_axes": forms.CheckboxSelectMultiple,
            "strategy_axes": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["strategy_axes"].queryset = self.fields["strategy_axes"].queryset.select_related("strategy")


class StrategyForm(VersionedFormMixin, PortalModelForm):
    bilingual = (("title_ar", "title_fr"),)

    class Meta(PortalModelForm.Meta):
        model = Strategy
        fields = [
            "title_ar",
            "title_fr",
            "owner",
            "aim_ar",
            "aim_fr",
            "vision_ar",
            "vision_fr",
            "challenges_ar",
            "challenges_fr",
            "presented_at",
        ]


StrategyAxisFormSet = numbered_items_formset(Strategy, StrategyAxis)


class AgreementForm(RegionalFormMixin, VersionedFormMixin, PortalModelForm):
    """The agreement itself; its parties and amendments are edited as tables on the same page."""

    bilingual = (("title_ar", "title_fr"),)

    class Meta(PortalModelForm.Meta):
        model = PartnershipAgreement
        fields = [
            "title_ar",
            "title_fr",
            "subject_ar",
            "subject_fr",
            "region",
            "status",
            "signing_date",
            "duration_months",
            "decision",
            "meetings",
            "approved_at",
            "carried_out_at",
            "projects",
        ]


class AgreementPartyRowForm(PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = AgreementParty
        fields = ["organization", "role", "financial_commitment", "in_kind_commitment"]
        widgets = {"in_kind_commitment": forms.TextInput}


class BaseAgreementPartyFormSet(BaseTableFormSet):
    def clean_rows(self):
        """An organization is a party once; an agreement has at least one party."""
        parties = self.refuse_duplicates(
            "organization", lambda organization: _("%(organization)s is listed twice.") % {"organization": organization}
        )
        if not parties:
            raise forms.ValidationError(_("Name at least one party."), code="no_party")


AgreementPartyFormSet = table_formset(
    PartnershipAgreement,
    AgreementParty,
    form=AgreementPartyRowForm,
    formset=BaseAgreementPartyFormSet,
)


class AmendmentRowForm(PortalModelForm):
    bilingual = (("changes_ar", "changes_fr"),)

    class Meta(PortalModelForm.Meta):
        model = Amendment
        fields = ["number", "date", "changes_ar", "changes_fr"]
        widgets = {"changes_ar": forms.TextInput, "changes_fr": forms.TextInput}


class BaseAmendmentFormSet(BaseTableFormSet):
    def clean_rows(self):
        """An amendment comes after the signature."""
        signed = self.instance.signing_date
        for form, data in self.kept_rows():
            if signed and data.get("date") and data["date"] < signed:
                form.add_error("date", _("An amendment cannot be dated before the signature."))


AmendmentFormSet = table_formset(PartnershipAgreement, Amendment, form=AmendmentRowForm, formset=BaseAmendmentFormSet)


class MilestoneForm(VersionedFormMixin, PortalModelForm):
    bilingual = (("title_ar", "title_fr"),)

    class Meta(PortalModelForm.Meta):
        model = Milestone
        fields = ["project", "kind", "title_ar", "title_fr", "start_date", "end_date", "venue", "description"]


class MilestoneDocumentRowForm(PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = MilestoneDocument
        fields = ["title", "kind", "file", "internal"]
        widgets = {"file": forms.FileInput}  # no public link to the stored file: documents go through a checked view


MilestoneDocumentFormSet = table_formset(
    Milestone, MilestoneDocument, form=MilestoneDocumentRowForm, formset=BaseTableFormSet
)


class BudgetLineForm(VersionedFormMixin, PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = BudgetLine
        fields = ["project", "year", "funder", "planned", "revised"]


class ExpenditureRowForm(PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = Expenditure
        fields = ["date", "amount", "description"]


ExpenditureFormSet = table_formset(BudgetLine, Expenditure, form=ExpenditureRowForm, formset=BaseTableFormSet)


class IndicatorForm(VersionedFormMixin, PortalModelForm):
    bilingual = (("name_ar", "name_fr"),)

    class Meta(PortalModelForm.Meta):
        model = Indicator
        fields = ["project", "name_ar", "name_fr", "unit", "baseline", "target"]


class IndicatorValueForm(VersionedFormMixin, PortalModelForm):
    """A value is entered (or corrected) as a draft; submitting and approving are separate steps."""

    class Meta(PortalModelForm.Meta):
        model = IndicatorValue
        fields = ["indicator", "period_start", "period_end", "value", "event", "sources"]

    def save(self, commit=True):
        value = super().save(commit=False)
        value.status = IndicatorValue.Status.DRAFT
        value.submitted_by = value.submitted_at = value.approved_by = value.approved_at = None
        if commit:
            value.save()
        return value


class ThematicAxisForm(VersionedFormMixin, PortalModelForm):
    bilingual = (("name_ar", "name_fr"),)

    class Meta(PortalModelForm.Meta):
        model = ThematicAxis
        fields = ["code", "order", "name_ar", "name_fr"]


class EventForm(RegionalFormMixin, KnownToMonthOrYearMixin, VersionedFormMixin, PortalModelForm):
    """The event itself; its organizers and partners are edited as a table on the same page."""

    bilingual = (("title_ar", "title_fr"),)
    period_fields = ("start_date", "end_date")

    class Meta(PortalModelForm.Meta):
        model = Event
        fields = [
            "kind", "title_ar", "title_fr", "theme_ar", "theme_fr", "series", "edition", "start_date", "end_date",
            "venue", "region", "province", "commune", "agreement", "project", "decisions", "meetings", "sources",
            "description",
        ]  # fmt: skip


class EventOrganizerRowForm(PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = EventOrganizer
        fields = ["organization", "role"]


class BaseEventOrganizerFormSet(BaseTableFormSet):
    def clean_rows(self):
        """An organization is listed once per event."""
        self.refuse_duplicates(
            "organization", lambda organization: _("%(organization)s is listed twice.") % {"organization": organization}
        )


EventOrganizerFormSet = table_formset(
    Event, EventOrganizer, form=EventOrganizerRowForm, formset=BaseEventOrganizerFormSet
)
