from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import PortalModelForm, VersionedFormMixin, table_formset
from core.i18n import separator
from core.search import normalize

from .models import Office, Organization, OrganizationName, Person, Position


class OrganizationForm(VersionedFormMixin, PortalModelForm):
    """An organization; a new name that is another organization's (whatever its hamza, accents or
    case) is refused until staff confirm it is another body."""

    bilingual = (("name_ar", "name_fr"),)
    another_organization = forms.BooleanField(
        label=_("This is another organization with the same name"), required=False, widget=forms.HiddenInput
    )

    class Meta(PortalModelForm.Meta):
        model = Organization
        fields = [
            "name_ar", "name_fr", "acronym", "kind", "parent", "region", "province", "commune", "founded_on",
            "dissolved_on", "successor",
        ]  # fmt: skip

    def clean(self):
        cleaned = super().clean()
        renamed = not self.instance.pk or {"name_ar", "name_fr"} & set(self.changed_data)
        if not renamed or cleaned.get("another_organization"):
            return cleaned
        same = []
        for name in ("name_ar", "name_fr"):
            if wanted := normalize(cleaned.get(name) or ""):
                candidates = Organization.objects.filter(search_text__contains=wanted).exclude(pk=self.instance.pk)
                same += [org for org in candidates[:20] if normalize(getattr(org, name)) == wanted]
        if same:
            self.fields["another_organization"].widget = forms.CheckboxInput()
            names = separator().join(dict.fromkeys(f"{org} (#{org.pk})" for org in same))
            self.add_error(None, forms.ValidationError(
                _(
                    "The portal already has %(names)s. Choose it in your forms instead; if this is another "
                    "body, tick “This is another organization with the same name” below and save again."
                ),
                code="same_organization", params={"names": names},
            ))  # fmt: skip
        return cleaned


class OrganizationNameRowForm(PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = OrganizationName
        fields = ["name_ar", "name_fr", "acronym", "start_date", "end_date"]

    bilingual = (("name_ar", "name_fr"),)


OrganizationNameFormSet = table_formset(Organization, OrganizationName, form=OrganizationNameRowForm)


class PersonForm(VersionedFormMixin, PortalModelForm):
    """A person; a new name that matches someone in the portal as the press spells it
    (``Person.objects.namesakes``) is refused until staff confirm it is another person."""

    bilingual = (("full_name_ar", "full_name_latin"),)
    another_person = forms.BooleanField(
        label=_("This is another person with the same name"), required=False, widget=forms.HiddenInput
    )

    class Meta(PortalModelForm.Meta):
        model = Person
        fields = ["full_name_ar", "full_name_latin", "gender", "email", "phone"]

    def clean(self):
        cleaned = super().clean()
        renamed = not self.instance.pk or {"full_name_ar", "full_name_latin"} & set(self.changed_data)
        if not renamed or cleaned.get("another_person"):
            return cleaned
        namesakes = Person.objects.namesakes(cleaned.get("full_name_ar", ""), cleaned.get("full_name_latin", ""))
        namesakes = namesakes.exclude(pk=self.instance.pk).prefetch_related("positions__organization")
        names = [_told_apart(person) for person in namesakes.order_by("pk")[:5]]
        if names:
            self.fields["another_person"].widget = forms.CheckboxInput()
            self.add_error(
                None,
                forms.ValidationError(
                    _(
                        "The portal already has %(names)s, spelt the same way or nearly. Choose them in "
                        "your forms instead; if this is someone else, tick “This is another person with the "
                        "same name” below and save again."
                    ),
                    code="namesake",
                    params={"names": separator().join(names)},
                ),
            )
        return cleaned


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
