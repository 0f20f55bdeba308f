"""Territories (regions, provinces, communes), organizations, people and the positions they hold."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.audit import HistoricalRecords
from core.constraints import end_not_before_start, in_one_language_at_least
from core.i18n import localized, other_language, separator
from core.models import SearchableModel, VersionedModel, search_index
from core.search import name_key


class Territory(models.Model):
    """Common fields of an administrative unit, as published by the HCP (RGPH 2024)."""

    code = models.CharField(_("HCP code"), max_length=20, unique=True)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    population_2024 = models.PositiveIntegerField(_("population (2024 census)"), null=True, blank=True)

    name = localized("name")

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self):
        return self.name


class Region(Territory):
    """One of Morocco's 12 regions (جهة), e.g. Drâa-Tafilalet, HCP code "08"."""

    class Meta(Territory.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class ProvinceQuerySet(models.QuerySet):
    def of_portal_region(self):
        """The provinces of the region whose council runs the portal (settings.PORTAL_REGION_CODE), by code."""
        return self.filter(region__code=settings.PORTAL_REGION_CODE).order_by("code")

    def of_region(self, region):
        """The provinces of ``region`` (a Region or its key), by code; the portal's region's for None."""
        return self.filter(region=region).order_by("code") if region else self.of_portal_region()


class Province(Territory):
    """A province or prefecture (إقليم / عمالة) of a region, e.g. Errachidia, HCP code "08.201"."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("province")
        PREFECTURE = "prefecture", _("prefecture")
        PREFECTURE_OF_DISTRICTS = "prefecture_arrondissements", _("prefecture of districts")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.PROVINCE)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="provinces", verbose_name=_("region"))

    objects = ProvinceQuerySet.as_manager()

    class Meta(Territory.Meta):
        verbose_name = _("province")
        verbose_name_plural = _("provinces")


class Commune(Territory):
    """A commune (جماعة), urban or rural, of a province."""

    class Kind(models.TextChoices):
        URBAN = "urban", _("urban")
        RURAL = "rural", _("rural")
        OTHER = "other", _("other")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.RURAL)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="communes", verbose_name=_("province")
    )

    class Meta(Territory.Meta):
        verbose_name = _("commune")
        verbose_name_plural = _("communes")


class Organization(SearchableModel, VersionedModel):
    """A body that takes part in the programme: council, committee, ministry, agency, cooperative...

    Over time: the day it was created (``founded_on``) and ended (``dissolved_on``), the names it
    used before (``former_names``, each with its period) and the body that took over from it
    (``successor``: a ministry renamed, split or merged). ``name_on(day)`` is the name it had then.
    """

    search_fields = ("name_ar", "name_fr", "acronym", "former_names_text")

    class Kind(models.TextChoices):
        REGIONAL_COUNCIL = "regional_council", _("regional council")
        COUNCIL_COMMITTEE = "council_committee", _("council committee")
        MINISTRY = "ministry", _("ministry")
        PUBLIC_AGENCY = "public_agency", _("public agency or office")
        STATE_ADMINISTRATION = "state_administration", _("state administration")
        FOREIGN_MISSION = "foreign_mission", _("foreign mission")
        LOCAL_AUTHORITIES_ASSOCIATION = "local_authorities_association", _("association of local authorities")
        COMMUNE = "commune", _("commune")
        COOPERATIVE = "cooperative", _("cooperative")
        ASSOCIATION = "association", _("association")
        OTHER = "other", _("other")

    name_ar = models.CharField(_("name (Arabic)"), max_length=255, blank=True)
    name_fr = models.CharField(_("name (French)"), max_length=255, blank=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent organization"),
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        verbose_name=_("region"),
    )
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        verbose_name=_("province"),
    )
    commune = models.ForeignKey(
        Commune,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        verbose_name=_("commune"),
        help_text=_("For a commune's council: the commune it governs."),
    )
    founded_on = models.DateField(_("created on"), null=True, blank=True)
    dissolved_on = models.DateField(_("ended on"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("succeeded by"),
        help_text=_("The body that took over its work (renamed, split or merged)."),
    )

    name = localized("name")
    other_name = other_language("name")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name_ar", "name_fr", "pk"]
        indexes = [
            search_index("organization"),
            models.Index(fields=["name_ar", "name_fr", "id"], name="organization_by_name"),
        ]
        constraints = [
            in_one_language_at_least("name_ar", "name_fr", "organization_has_a_name"),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="organization_not_own_parent",
                violation_error_message=_("An organization cannot be its own parent."),
            ),
            models.CheckConstraint(
                condition=~Q(successor=F("pk")),
                name="organization_not_own_successor",
                violation_error_message=_("An organization cannot succeed itself."),
            ),
            end_not_before_start("founded_on", "dissolved_on", "organization_ended_after_created"),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def chooser_detail(self) -> str:
        """Its parent's name, else its province's (two provincial directorates of one name)."""
        if self.parent_id:
            return self.parent.name
        return self.province.name if self.province_id else ""

    def get_absolute_url(self):
        return reverse("stakeholders:organization_detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.founded_on and self.dissolved_on and self.dissolved_on < self.founded_on:
            errors["dissolved_on"] = ValidationError(_("The end cannot be before the start."), code="end_before_start")
        if self.pk and self.successor_id == self.pk:
            errors["successor"] = ValidationError(_("An organization cannot succeed itself."), code="own_successor")
        elif self.successor_id and not self.dissolved_on:
            errors["dissolved_on"] = ValidationError(
                _("Give the day it ended: its successor took over then."), code="successor_without_end"
            )
        if self.commune_id and self.province_id and self.commune.province_id != self.province_id:
            errors["commune"] = ValidationError(_("This commune is not in the province."), code="commune_elsewhere")
        if errors:
            raise ValidationError(errors)

    @property
    def former_names_text(self) -> str:
        """Its former names, searched with its own (``OrganizationName`` saves refresh the search text)."""
        if not self.pk:
            return ""
        return " ".join(f"{n.name_ar} {n.name_fr} {n.acronym}" for n in self.former_names.all())

    def name_on(self, day) -> str:
        """The name it had on ``day`` (a former name whose period covers it), else its name.
        Reads ``former_names`` (prefetch them for a list)."""
        if day:
            for former in self.former_names.all():
                if (former.start_date is None or former.start_date <= day) and former.end_date >= day:
                    return former.name
        return self.name


class OrganizationName(VersionedModel):
    """A name an organization used before, and the period it was used (its end is known; its start
    may not be), e.g. the ministry's name until a government reshuffle."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="former_names", verbose_name=_("organization")
    )
    name_ar = models.CharField(_("name (Arabic)"), max_length=255, blank=True)
    name_fr = models.CharField(_("name (French)"), max_length=255, blank=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    start_date = models.DateField(_("used from"), null=True, blank=True)
    end_date = models.DateField(_("used until"))

    name = localized("name")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("former name")
        verbose_name_plural = _("former names")
        ordering = ["organization_id", "-end_date", "pk"]
        constraints = [
            in_one_language_at_least("name_ar", "name_fr", "organization_name_has_a_name"),
            end_not_before_start("start_date", "end_date", "organization_name_end_after_start"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.organization.get_absolute_url()

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end cannot be before the start.")}, code="end_before_start")

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        refresh_search_text(self.organization_id)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        refresh_search_text(self.organization_id)
        return result


def refresh_search_text(organization_id) -> None:
    """Fold an organization's search text again (its former names changed), without a new version."""
    organization = Organization.objects.get(pk=organization_id)
    Organization.objects.filter(pk=organization_id).update(search_text=organization.fold_search_text())


class PersonQuerySet(models.QuerySet):
    def namesakes(self, full_name_ar: str = "", full_name_latin: str = ""):
        """People whose Arabic or Latin name has the same ``core.search.name_key`` as the given ones
        ("محمد المهدي" and "محمد مهدي", "Mohammed El-Mahdi" and "Mohamed Mahdi")."""
        condition = Q(pk__in=[])
        if key := name_key(full_name_ar):
            condition |= Q(name_key_ar=key)
        if key := name_key(full_name_latin):
            condition |= Q(name_key_latin=key)
        return self.filter(condition)


class Person(SearchableModel, VersionedModel):
    """A named person: name in Arabic script and in Latin transliteration; contact details for staff only.

    ``name_key_ar``/``name_key_latin`` hold the names folded by ``core.search.name_key`` on every
    save, for the duplicate check (``Person.objects.namesakes``)."""

    search_fields = ("full_name_ar", "full_name_latin")

    class Gender(models.TextChoices):
        FEMALE = "female", _("female")
        MALE = "male", _("male")
        UNKNOWN = "unknown", _("not stated")

    full_name_ar = models.CharField(_("name (Arabic script)"), max_length=200, blank=True)
    full_name_latin = models.CharField(_("name (Latin transliteration)"), max_length=200, blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, default=Gender.UNKNOWN)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    name_key_ar = models.CharField(max_length=200, blank=True, default="", editable=False)
    name_key_latin = models.CharField(max_length=200, blank=True, default="", editable=False)

    objects = PersonQuerySet.as_manager()
    full_name = localized("full_name", "ar", "latin")
    other_name = other_language("full_name", "ar", "latin")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name_ar", "full_name_latin", "pk"]
        indexes = [
            search_index("person"),
            models.Index(fields=["full_name_ar", "full_name_latin", "id"], name="person_by_name"),
            models.Index(fields=["name_key_ar"], name="person_by_arabic_key"),
            models.Index(fields=["name_key_latin"], name="person_by_latin_key"),
        ]
        permissions = [("view_contact_details", _("Can view people's contact details"))]
        constraints = [
            in_one_language_at_least("full_name_ar", "full_name_latin", "person_has_a_name"),
        ]

    def __str__(self):
        return self.full_name

    def chooser_detail(self) -> str:
        """Their current position, "president, Regional Council" (one not ended, the latest begun),
        read from ``positions`` (prefetched with their organizations by the choosers)."""
        current = [position for position in self.positions.all() if position.end_date is None]
        if not current:
            return ""
        latest = max(current, key=lambda position: (position.start_date or datetime.date.min, position.pk))
        title, organization = str(latest.title or _("member")), latest.organization.name
        return title if organization.casefold() in title.casefold() else separator().join([title, organization])

    def get_absolute_url(self):
        return reverse("stakeholders:person_detail", args=[self.pk])

    def save(self, *args, **kwargs):
        self.name_key_ar, self.name_key_latin = name_key(self.full_name_ar), name_key(self.full_name_latin)
        if (update_fields := kwargs.get("update_fields")) is not None:
            kwargs["update_fields"] = {*update_fields, "name_key_ar", "name_key_latin"}
        super().save(*args, **kwargs)


class Office(SearchableModel, VersionedModel):
    """A post in an organization, whoever holds it: "president of the council", "director of the
    regional office", "representative of the Wali". Reports often name the office and not the
    person: an attendance row can name it alone. A ``Position`` is a person holding it for a period;
    saving a position finds or creates its office (same organization and titles)."""

    search_fields = ("title_ar", "title_fr", "organization_names")

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="offices", verbose_name=_("organization")
    )
    title_ar = models.CharField(_("title (Arabic)"), max_length=255, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=255, blank=True)

    title = localized("title")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["organization", "title_ar", "title_fr", "pk"]
        indexes = [search_index("office")]
        constraints = [
            in_one_language_at_least("title_ar", "title_fr", "office_has_a_title"),
            models.UniqueConstraint(
                fields=["organization", "title_ar", "title_fr"],
                name="one_office_per_title_in_an_organization",
                violation_error_message=_("This organization already has this office."),
            ),
        ]

    def __str__(self):
        return separator().join([str(self.title), self.organization.name])

    def get_absolute_url(self):
        return self.organization.get_absolute_url()

    @property
    def organization_names(self) -> str:
        """The organization's names, searched with the office ("رئيس مجلس جهة درعة")."""
        organization = self.organization
        return f"{organization.name_ar} {organization.name_fr} {organization.acronym}"


class Position(SearchableModel, VersionedModel):
    """A person holding an office for a period, e.g. second vice-president of the regional council;
    ``office`` is found or created on save from the organization and titles."""

    search_fields = ("title_ar", "title_fr")

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="positions", verbose_name=_("person"))
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="positions", verbose_name=_("organization")
    )
    title_ar = models.CharField(_("title (Arabic)"), max_length=255, blank=True)
    title_fr = models.CharField(_("title (French)"), max_length=255, blank=True)
    office = models.ForeignKey(
        Office,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="positions",
        verbose_name=_("office"),
        editable=False,
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)

    title = localized("title")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["person", "-start_date"]
        indexes = [search_index("position")]
        constraints = [
            end_not_before_start("start_date", "end_date", "position_end_after_start"),
        ]

    def __str__(self):
        title = self.title or _("member")
        return separator().join([str(self.person), str(title), self.organization.name])

    def get_absolute_url(self):
        return self.person.get_absolute_url()

    def save(self, *args, **kwargs):
        if self.title_ar or self.title_fr:
            self.office = Office.objects.get_or_create(
                organization_id=self.organization_id, title_ar=self.title_ar, title_fr=self.title_fr
            )[0]
        else:
            self.office = None
        if (update_fields := kwargs.get("update_fields")) is not None:
            kwargs["update_fields"] = {*update_fields, "office"}
        super().save(*args, **kwargs)

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("The end date cannot be before the start date.")}, code="end_before_start"
            )


class CouncilMembership(models.Model):
    """A staff account's regional council, by its region: the account creates and changes that
    region's records (stakeholders.regions.council_regions). Managed by administrators only."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="council_memberships", verbose_name=_("account")
    )
    region = models.ForeignKey(Region, models.PROTECT, related_name="council_members", verbose_name=_("region"))

    class Meta:
        verbose_name = _("council membership")
        verbose_name_plural = _("council memberships")
        constraints = [models.UniqueConstraint(fields=["user", "region"], name="one_membership_per_region")]

    def __str__(self):
        return f"{self.user} · {self.region}"
