from django import forms
from django.conf import settings
from django.forms import inlineformset_factory

from sse_portal.forms import BaseTableFormSet, PortalModelForm, VersionedFormMixin
from stakeholders.models import Province

from .models import PartnershipAgreement, Programme, Project, Strategy, StrategyAxis, ThematicAxis


class ProgrammeForm(VersionedFormMixin, PortalModelForm):
    bilingual = (("title_ar", "title_fr"),)

    class Meta(PortalModelForm.Meta):
        model = Programme
        fields = ["title_ar", "title_fr", "kind", "owner", "adopted_at", "description_ar", "description_fr"]


class ProjectForm(VersionedFormMixin, PortalModelForm):
    bilingual = (("title_ar", "title_fr"),)

    class Meta(PortalModelForm.Meta):
        model = Project
        fields = [
            "title_ar",
            "title_fr",
            "programme",
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
            "recommendations",
        ]
        widgets = {
            "provinces": forms.CheckboxSelectMultiple,
            "thematic_axes": forms.CheckboxSelectMultiple,
            "strategy_axes": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provinces"].queryset = Province.objects.filter(region__code=settings.PORTAL_REGION_CODE)
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


class StrategyAxisRowForm(PortalModelForm):
    bilingual = (("title_ar", "title_fr"),)

    class Meta(PortalModelForm.Meta):
        model = StrategyAxis
        fields = ["order", "title_ar", "title_fr"]


StrategyAxisFormSet = inlineformset_factory(
    Strategy, StrategyAxis, form=StrategyAxisRowForm, formset=BaseTableFormSet, extra=1, can_delete=True
)


class AgreementForm(VersionedFormMixin, PortalModelForm):
    bilingual = (("title_ar", "title_fr"),)

    class Meta(PortalModelForm.Meta):
        model = PartnershipAgreement
        fields = [
            "title_ar",
            "title_fr",
            "subject_ar",
            "subject_fr",
            "status",
            "signing_date",
            "parties",
            "meetings",
            "projects",
        ]


class ThematicAxisForm(VersionedFormMixin, PortalModelForm):
    bilingual = (("name_ar", "name_fr"),)

    class Meta(PortalModelForm.Meta):
        model = ThematicAxis
        fields = ["code", "order", "name_ar", "name_fr"]
