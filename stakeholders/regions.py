"""Which of Morocco's 12 regions a record belongs to: stored where it is the record's own
(meetings, consultations, programmes, projects, agreements, events), reached through a relation
elsewhere (a decision through its session, a recommendation through its source).

A model says where its region is with ``region_lookups`` (ORM paths to a Region, any of which
places the record in it), and, when it stores one, which relations give it when the form leaves
it empty (``region_sources``, first found wins: a meeting's province, then its organizer).
"""

import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _


def default_region():
    """The region of the council that runs the portal (``settings.PORTAL_REGION_CODE``), or None."""
    from .models import Region

    return Region.objects.filter(code=settings.PORTAL_REGION_CODE).first()


def council_regions(user) -> frozenset | None:
    """The keys of the regions whose records ``user`` may create and change: those of their
    council memberships, else the portal's own (a single-council install); None for every region
    (those who manage the memberships: administrators). Read once per request (kept on the user
    object); the permission comes from the user's cached permissions, no query."""
    from .models import Region

    if not hasattr(user, "_council_regions"):
        # One query: the portal's region and the user's councils' ("member" is True for the latter).
        rows = Region.objects.filter(Q(code=settings.PORTAL_REGION_CODE) | Q(council_members__user=user.pk))
        rows = rows.annotate(member=models.Count("council_members", filter=Q(council_members__user=user.pk)))
        user._regions = {region.pk: region for region in rows}
        portal = [region.pk for region in user._regions.values() if region.code == settings.PORTAL_REGION_CODE]
        user._portal_region = portal[0] if portal else None
        if user.has_perm("stakeholders.change_councilmembership"):
            user._council_regions = None
        else:
            own = frozenset(region.pk for region in user._regions.values() if region.member)
            user._council_regions = own or frozenset(filter(None, [user._portal_region]))
    return user._council_regions


def region_key(value) -> int | None:
    """A region's key as a query string or form data gives it ("9"), or None for anything else."""
    return int(value) if str(value or "").isdigit() else None


def _region_condition(lookups, regions, unplaced: bool) -> Q:
    """Records placed in one of ``regions`` (keys) by the first of ``lookups`` that is set (a
    recommendation of a meeting goes with the meeting's region, as ``Coalesce`` would read it:
    a record is never in two regions), and with ``unplaced`` those placed in none: every lookup
    empty (a recommendation of neither a meeting's nor a consultation's region)."""
    condition, earlier_empty = Q(), {}
    for lookup in lookups:
        condition |= Q(**earlier_empty, **{f"{lookup}__in": regions})
        earlier_empty[f"{lookup}__isnull"] = True
    if unplaced:
        condition |= Q(**earlier_empty)
    return condition


def home_region(user):
    """The region a user's pages open on: their first council's, else the portal's (a Region or None)."""
    regions = council_regions(user)
    key = min(regions) if regions else user._portal_region
    return user._regions.get(key)


def may_edit_region(user, region_id) -> bool:
    """Whether ``user``'s councils cover ``region_id`` (None: a record of no region, the portal's council's)."""
    regions = council_regions(user)
    if regions is None:
        return True
    return region_id in regions if region_id else user._portal_region in regions


DERIVED = _("Left empty, it is taken from the record's province or organization.")


def region_field(related_name: str, help_text=DERIVED):
    """The ``region`` foreign key of a record that stores its region (optional, protected)."""
    return models.ForeignKey(
        "stakeholders.Region",
        models.PROTECT,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=_("region"),
        help_text=help_text,
    )


class RegionalQuerySet(models.QuerySet):
    """Records of one region, through the model's ``region_lookups`` (paths along foreign keys only,
    so that no record comes twice and aggregates stay right)."""

    def in_region(self, region, unplaced: bool = False):
        """The records of ``region`` (a Region or its key), and with ``unplaced`` those of no
        region (which go with the portal's own council); all of them for None."""
        if region is None:
            return self
        key = getattr(region, "pk", region)
        return self.filter(_region_condition(self.model.region_lookups, [key], unplaced))  # to-one paths: no row twice

    def editable_by(self, user):
        """The records ``user`` may change as far as regions go (``council_regions``); the
        model permissions are checked by the views."""
        regions = council_regions(user)
        if regions is None:
            return self
        unplaced = user._portal_region in regions  # records of no region go with the portal's own council
        return self.filter(_region_condition(self.model.region_lookups, regions, unplaced))


class RegionalModel(models.Model):
    """A record that stores its region (field ``region``), filled from ``region_sources`` when left
    empty; a province of another region is refused on the province field."""

    region_lookups: tuple[str, ...] = ("region",)
    region_sources: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.derive_region()
        super().save(*args, **kwargs)

    def editable_by(self, user) -> bool:
        """Whether ``user``'s councils may change this record (its region, before any change)."""
        return may_edit_region(user, self.region_id)

    def derive_region(self) -> None:
        """Fill ``region`` from the first of ``region_sources`` that has one, when it is empty."""
        if self.region_id:
            return
        for name in self.region_sources:
            related = getattr(self, name, None)
            if related is not None and getattr(related, "region_id", None):
                self.region_id = related.region_id
                return

    def clean(self):
        """Refuse a province, or a programme, project or agreement it takes its region from, of
        another region than the record's (a Souss-Massa project in Drâa-Tafilalet's programme)."""
        super().clean()
        if not self.region_id:
            return
        province = getattr(self, "province", None) if "province" in self.region_sources else None
        if province is not None and province.region_id != self.region_id:
            raise ValidationError(
                {"province": _("This province is not in the chosen region.")}, code="province_of_other_region"
            )
        for name in self.region_sources:
            related = getattr(self, name, None)
            if isinstance(related, RegionalModel) and related.region_id and related.region_id != self.region_id:
                raise ValidationError(
                    {name: _("This record is of another region than the chosen one.")}, code="source_of_other_region"
                )


def provinces_by_region() -> str:
    """Every region's provinces as JSON, ``{"<region key>": [[province key, name], ...]}`` by code,
    with the portal's region's also under ``""`` (no region chosen); names in the page's language.
    One query of the 83 provinces."""
    from .models import Province

    data = {}
    for province in Province.objects.select_related("region").order_by("code"):
        data.setdefault(str(province.region_id), []).append([province.pk, str(province.name)])
        if province.region.code == settings.PORTAL_REGION_CODE:
            data.setdefault("", []).append([province.pk, str(province.name)])
    return json.dumps(data, ensure_ascii=False)


def follow_region(fields, default=None, rows: str = "") -> None:
    """Mark a form's ``region`` field so that the page's script (js/portal.js) refills the form's
    province fields with the chosen region's provinces as soon as another region is chosen, and
    with ``default``'s (a region key; the portal's for None) when none is (the server checks them
    on submit all the same). ``rows`` names the province field of the form's table rows too
    (a consultation's provincial meetings: "province"). The provinces are read when rendered."""
    names = [name for name in ("province", "provinces") if name in fields] + ([f"*-{rows}"] if rows else [])
    if "region" in fields and names:
        attrs = fields["region"].widget.attrs
        attrs["data-provinces"] = lazy(provinces_by_region, str)()
        attrs["data-province-fields"] = " ".join(names)
        if default:
            attrs["data-default-region"] = str(default)


class RegionalFormMixin:
    """A form whose province and commune choices are those of its region: the one chosen in the
    submitted data, else the record's, else the portal's, which a new record starts in."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

        if "region" in self.fields and not self.instance.pk:
            self.fields["region"].initial = default_region()
        self.narrow_to(self.chosen_region())
        follow_region(self.fields)

    def narrow_to(self, region) -> None:
        """Offer the provinces and communes of ``region`` (a key; the portal's for None), and its
        programmes with the national ones (of no region)."""
        from .models import Commune, Province

        for name in ("province", "provinces"):
            if name in self.fields:
                self.fields[name].queryset = Province.objects.of_region(region)
        if "commune" in self.fields:
            self.fields["commune"].queryset = Commune.objects.filter(province__in=Province.objects.of_region(region))
        if "programme" in self.fields and region:
            field = self.fields["programme"]
            field.queryset = field.queryset.model.objects.in_region(region, unplaced=True)

    def for_user(self, user):
        """A new, unsubmitted form starts in the region the user's pages open on (``home_region``:
        their council's), with that region's provinces (called by core.editing's pages)."""

        if self.is_bound or self.instance.pk or "region" not in self.fields:
            return
        region = home_region(user)
        self.fields["region"].initial = self.instance.region = region  # the instance: for its rows' forms
        self.narrow_to(getattr(region, "pk", None))

    def chosen_region(self):
        """The key of the region the form is for (see the class), or None for the portal's."""
        if self.is_bound and "region" in self.fields:
            return region_key(self.data.get(self.add_prefix("region")))
        return getattr(self.instance, "region_id", None)
