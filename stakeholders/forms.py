from core.forms import PortalModelForm, VersionedFormMixin

from .models import Organization, Person, Position


class OrganizationForm(VersionedFormMixin, PortalModelForm):
    bilingual = (("name_ar", "name_fr"),)

    class Meta(PortalModelForm.Meta):
        model = Organization
        fields = ["name_ar", "name_fr", "acronym", "kind", "parent", "region", "province"]


class PersonForm(VersionedFormMixin, PortalModelForm):
    bilingual = (("full_name_ar", "full_name_latin"),)

    class Meta(PortalModelForm.Meta):
        model = Person
        fields = ["full_name_ar", "full_name_latin", "gender", "email", "phone"]


class PositionForm(VersionedFormMixin, PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = Position
        fields = ["person", "organization", "title_ar", "title_fr", "start_date", "end_date"]
