"""Imports of people and organizations (core.imports), at /import/people/ and /import/organizations/.

A person already in the portal is one with the same name in Arabic script and in Latin
letters; an organization, one with the same Arabic and French names. Names are compared as
typed, after trimming (``core.imports``).
"""

from django.utils.translation import gettext_lazy as _

from core.imports import Column, Importer, named, register

from .models import Organization, Person, Province, Region

# Column lookups: the one record a cell names, in Arabic or French, or by acronym or HCP code.
organization_named = named(Organization.objects, "name_ar", "name_fr", "acronym")
province_named = named(Province.objects, "name_ar", "name_fr", "code")
region_named = named(Region.objects, "name_ar", "name_fr", "code")


@register("people")
class PersonImporter(Importer):
    model = Person
    title = _("people")
    one_of = (("full_name_ar", "full_name_latin"),)
    skipped = (*Importer.skipped, _("meetings attended"))
    columns = [
        Column("full_name_ar"),
        Column("full_name_latin"),
        Column("gender", kind="choice"),
        Column("email"),
        Column("phone"),
    ]

    def key(self, values):
        return {"full_name_ar": values["full_name_ar"] or "", "full_name_latin": values["full_name_latin"] or ""}


@register("organizations")
class OrganizationImporter(Importer):
    model = Organization
    title = _("organizations")
    one_of = (("name_ar", "name_fr"),)
    skipped = (*Importer.skipped, _("positions"))
    columns = [
        Column("name_ar"),
        Column("name_fr"),
        Column("acronym"),
        Column("kind", kind="choice"),
        Column("parent", kind="record", lookup=organization_named),
        Column("region", kind="record", lookup=region_named),
        Column("province", kind="record", lookup=province_named),
    ]

    def key(self, values):
        return {"name_ar": values["name_ar"] or "", "name_fr": values["name_fr"] or ""}

    def build(self, values):
        organization = super().build(values)
        if organization.province_id and not organization.region_id:
            organization.region = organization.province.region
        return organization
