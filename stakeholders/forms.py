from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import PortalModelForm, VersionedFormMixin, table_formset
from core.i18n import separator
from core.search import normalize

from .models import Office, Organization, OrganizationName, Person, Position


class SameNameCheckMixin:
    """Refuses a new or renamed record that ``same_named`` finds others named like (a list of
    them as shown to staff) until staff tick the form's ``confirm_field``, which stays hidden
    until then; ``same_name_message`` says so above the form, with ``%(names)s``."""

    confirm_field = ""
    same_name_message = ""

    def same_named(self, cleaned) -> list[str]:
        raise NotImplementedError

    def clean(self):
        cleaned = super().clean()
        renamed = not self.instance.pk or set(self.bilingual[0]) & set(self.changed_data)
        if renamed and not cleaned.get(self.confirm_field) and (names := self.same_named(cleaned)):
            self.fields[self.confirm_field].widget = forms.CheckboxInput()
            message = forms.ValidationError(
                self.same_name_message, code="same_name", params={"names": separator().join(dict.fromkeys(names))}
            )
            self.add_error(None, message)
        return cleaned


class OrganizationForm(SameNameCheckMixin, VersionedFormMixin, PortalModelForm):
    """An organization; a new name that is another organization's (whatever its hamza, accents or
    case) is refused until staff confirm it is another body."""

    bilingual = (("name_ar", "name_fr"),)
    confirm_field = "another_organization"
    another_organization = forms.BooleanField(
        label=_("This is another organization with the same name"), required=False, widget=forms.HiddenInput
    )

    class Meta(PortalModelForm.Meta):
        model = Organization
        fields = [
            "name_ar", "name_fr", "acronym", "kind", "parent", "region", "province", "commune", "founded_on",
            "dissolved_on", "successor",
        ]  # fmt: skip

    same_name_message = _(
        "The portal already has %(names)s. Choose it in your forms instead; if this is another "
        "body, tick “This is another organization with the same name” below and save again."
    )

    def same_named(self, cleaned) -> list[str]:
        """Organizations named alike in Arabic or in French, whatever the hamza, accents or case."""
        same = []
        for name in ("name_ar", "name_fr"):
            if wanted := normalize(cleaned.get(name) or ""):
                candidates = Organization.objects.filter(search_text__contains=wanted).exclude(pk=self.instance.pk)
                same += [f"{org} (#{org.pk})" for org in candidates[:20] if normalize(getattr(org, name)) == wanted]
        return same


class OrganizationNameRowForm(PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = OrganizationName
        fields = ["name_ar", "name_fr", "acronym", "start_date", "end_date"]

    bilingual = (("name_ar", "name_fr"),)


OrganizationNameFormSet = table_formset(Organization, OrganizationName, form=OrganizationNameRowForm)


class PersonForm(SameNameCheckMixin, VersionedFormMixin, PortalModelForm):
    """A person; a new name that matches someone in the portal as the press spells it
    (``Person.objects.namesakes``) is refused until staff confirm it is another person."""

    bilingual = (("full_name_ar", "full_name_latin"),)
    confirm_field = "another_person"
    another_person = forms.BooleanField(
        label=_("This is another person with the same name"), required=False, widget=forms.HiddenInput
    )

    class Meta(PortalModelForm.Meta):
        model = Person
        fields = ["full_name_ar", "full_name_latin", "gender", "email", "phone"]

    same_name_message = _(
        "The portal already has %(names)s, spelt the same way or nearly. Choose them in "
        "your forms instead; if this is someone else, tick “This is another person with the "
        "same name” below and save again."
    )

    def same_named(self, cleaned) -> list[str]:
        namesakes = Person.objects.namesakes(cleaned.get("full_name_ar", ""), cleaned.get("full_name_latin", ""))
        namesakes = namesakes.exclude(pk=self.instance.pk).prefetch_related("positions__organization")
        return [_told_apart(person) for person in namesakes.order_by("pk")[:5]]


class PositionForm(VersionedFormMixin, PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = Position
        fields = ["person", "organization", "title_ar", "title_fr", "start_date", "end_date"]


class OfficeForm(VersionedFormMixin, PortalModelForm):
    bilingual = (("title_ar", "title_fr"),)

    class Meta(PortalModelForm.Meta):
        model = Office
        fields = ["organization", "title_ar", "title_fr"]


def _told_apart(person) -> str:
    """A person's name with what tells namesakes apart: a position, else the record's number."""
    position = next(iter(person.positions.all()), None)
    return f"{person} ({position.title or position.organization.name if position else f'#{person.pk}'})"
