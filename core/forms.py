"""Form building blocks shared by the apps: tolerant number and date fields, choosers, versioned forms."""

import datetime
import functools

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple, get_select2_language
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured, ObjectDoesNotExist, ValidationError
from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from . import registry
from .audit import one_history_row
from .dates import format_period, month_or_year, precision
from .models import VersionedModel
from .numbers import ARABIC_DIGITS, read_number


def western_digits(value):
    """Arabic-Indic digits turned into Western ones (for dates and times)."""
    return value.translate(ARABIC_DIGITS) if isinstance(value, str) else value


class TolerantIntegerField(forms.IntegerField):
    """An integer typed with Western or Arabic-Indic digits, grouped as the page's language groups
    them ("45.000" in Arabic and French, "45,000" in English: core.numbers.read_number).

    A text input (numeric keyboard on phones): a browser's number input would silently drop
    "٣٥" or "1 250,50" before the server could read them.
    """

    widget = forms.TextInput(attrs={"inputmode": "numeric"})

    def to_python(self, value):
        return super().to_python(read_number(value))


class TolerantDecimalField(forms.DecimalField):
    """A decimal typed as the press writes it ("2.750.000,00" in Arabic and French, "2,750,000.00" in
    English) with either kind of digits (a text input, as above)."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})

    def to_python(self, value):
        return super().to_python(read_number(value))


class TolerantDateField(forms.DateField):
    """A date (YYYY-MM-DD, the HTML date input's format) typed with either kind of digits."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def to_python(self, value):
        return super().to_python(western_digits(value))


class TolerantTimeField(forms.TimeField):
    """A time (HH:MM, Africa/Casablanca wall clock) typed with either kind of digits."""

    widget = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")

    def to_python(self, value):
        return super().to_python(western_digits(value))


KEY_RANGE = (-(2**63), 2**63 - 1)  # a BigAutoField; SQLite fails ("too large") on anything beyond


class KnownToMonthOrYearMixin:
    """A form whose period (``period_fields``) may be known only to the month or the year: a
    "known only to" field reads "2024", "mars 2022", "مارس 2022" or "03/2022" and fills the period
    with that month's or year's first and last days (``core.dates.month_or_year``), which the
    pages show as written ("2024", never "1 January – 31 December"). Editing such a record shows
    its month or year there again, with the period fields blank."""

    period_fields = ("period_start", "period_end")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        start, end = (getattr(self.instance, name) for name in self.period_fields)
        known_to = precision(start, end)
        self.fields["known_to"] = forms.CharField(
            label=capfirst(_("known only to the month or year")),
            required=False,
            max_length=40,
            help_text=_(  # the Arabic example isolated (U+2068, U+2069): it reads right to left in any page
                "When the source gives only a month or a year: “2024”, “mars 2022”, “⁨مارس 2022⁩” or “03/2022”."
            ),
            initial=format_period(start, end) if known_to in ("month", "year") else "",
        )
        if known_to in ("month", "year") and not self.is_bound:
            for name in self.period_fields:
                self.initial[name] = None
        self.start_required = self.fields[self.period_fields[0]].required
        self.fields[self.period_fields[0]].required = False  # the month or year may give it
        self.order_fields([*self._fields_before(self.period_fields[0]), "known_to"])

    def _fields_before(self, name):
        names = list(self.fields)
        return names[: names.index(name)] if name in names else names

    def clean(self):
        cleaned = super().clean()
        text = cleaned.get("known_to", "")
        first = self.period_fields[0]
        if not text:
            if self.start_required and not cleaned.get(first) and first not in self.errors:
                self.add_error(first, forms.ValidationError(
                    _("Give the first day, or the month or year above."), code="required"
                ))  # fmt: skip
            return cleaned
        try:
            bounds = month_or_year(western_digits(text))
        except ValueError:
            self.add_error("known_to", forms.ValidationError(
                _("Write a month and its year (“mars 2022”, “03/2022”) or a year (“2024”)."), code="not_a_month",
            ))  # fmt: skip
            return cleaned
        given = [cleaned.get(name) for name in self.period_fields]
        if any(given) and list(bounds) != given:
            self.add_error("known_to", forms.ValidationError(
                _("Give the month or year here, or the days of the period below, not both."), code="month_and_days",
            ))  # fmt: skip
            return cleaned
        cleaned.update(zip(self.period_fields, bounds, strict=True))
        return cleaned


def valid_key(model, value) -> bool:
    """Whether ``value`` (as typed or in a URL) can be a primary key of ``model``: the right type,
    within the 64-bit range of its column. Nothing beyond can exist, so no query is needed."""
    try:
        key = model._meta.pk.to_python(value)
    except ValidationError:
        return False
    return not isinstance(key, int) or KEY_RANGE[0] <= key <= KEY_RANGE[1]


class KeyRangeMixin:
    """A ModelChoiceField refusing, as an invalid choice, a key no record can have (not a 500)."""

    def to_python(self, value):
        if value not in self.empty_values and not valid_key(self.queryset.model, value):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class MultipleKeyRangeMixin:
    """The same for a ModelMultipleChoiceField."""

    def _check_values(self, value):
        for item in value:
            if not valid_key(self.queryset.model, item):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": item}
                )
        return super()._check_values(value)


def chooser_detail(record) -> str:
    """What a chooser's list shows after a record's name to tell it from others of that name:
    its ``chooser_detail()`` when it has one ("11 ماي 2022", "présidente, Conseil …"), else ""."""
    return record.chooser_detail() if hasattr(record, "chooser_detail") else ""


class RecordChoiceField(KeyRangeMixin, forms.ModelChoiceField):
    """The portal's choice of one record."""


class RecordMultipleChoiceField(MultipleKeyRangeMixin, forms.ModelMultipleChoiceField):
    """The portal's choice of several records."""


class ChooserMixin:
    """A select filled as the user types, from the portal's own chooser endpoint.

    Reuses the select2 library and script that Django's admin ships (no CDN), pointed at
    ``core.editing.ChooserView``, which applies the portal's permissions and search.
    """

    def __init__(self, field, attrs=None, choices=(), using=None):
        super().__init__(field, admin_site=None, attrs=attrs, choices=choices, using=using)

    def get_url(self):
        return reverse("core:chooser")

    @property
    def i18n_name(self):
        """select2's messages in the language of the request, not of the form class's import."""
        return get_select2_language()

    @i18n_name.setter
    def i18n_name(self, value):
        pass

    known = None  # {str(pk): record} of the selected records, read once for a whole table (BaseTableFormSet)

    def optgroups(self, name, value, attr=None):
        # Drop values that are not keys (e.g. ?person=abc): the field reports them, the widget must not crash.
        model = self.field.remote_field.model
        value = [str(item) for item in value if valid_key(model, item)]
        if self.known is None:
            options = [option for option in super().optgroups(name, value, attr)[0][1] if option["value"] != ""]
        else:
            label = self.choices.field.label_from_instance
            chosen = [item for item in dict.fromkeys(value) if item in self.known]
            options = [self.create_option(name, item, label(self.known[item]), True, 0) for item in chosen]
        if not self.allow_multiple_selected:
            # HTML: a single select's first option is an empty placeholder, required or not, never blank.
            options.insert(0, self.create_option(name, "", self.choices.field.empty_label or "—", False, 0))
        return [(None, options, 0)]

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs=extra_attrs)
        attrs.update({"data-theme": "default", "data-width": "100%", "data-placeholder": str(_("Type to search"))})
        if self.allow_multiple_selected:
            attrs["data-allow-clear"] = "false"  # each choice has its ×; select2's clear-all is a span inside its list
        attrs["data-chooses"] = self.field.remote_field.model._meta.label_lower  # e.g. "stakeholders.person"
        if narrowed_by := self.narrowed_by():
            attrs["data-narrowed-by"] = " ".join(narrowed_by)
        return attrs

    def narrowed_by(self) -> tuple[str, ...]:
        """The fields of this field's form whose value narrows its choices (``narrowing``)."""
        return narrowing(self.field.model, self.field.remote_field.model)

    @property
    def media(self):
        """select2 and its messages as the admin ships them, started by the portal's js/chooser.js."""
        media = super().media
        js = [path if path != "admin/js/autocomplete.js" else "js/chooser.js" for path in media._js]
        return forms.Media(js=js, css={"screen": ["admin/css/vendor/select2/select2.min.css"]})


@functools.cache
def narrowing(here, target) -> tuple[str, ...]:
    """The ``chooser_narrowed_by`` relations of ``target`` that ``here`` (the model a chooser's
    field is on) has too, to the same model: Attendance and Position both have a person."""
    names = []
    for name in registry.get(target).chooser_narrowed_by:
        try:
            if here._meta.get_field(name).related_model is target._meta.get_field(name).related_model:
                names.append(name)
        except FieldDoesNotExist:
            continue
    return tuple(names)


class Chooser(ChooserMixin, AutocompleteSelect):
    """Search-as-you-type chooser for a foreign key."""


class MultiChooser(ChooserMixin, AutocompleteSelectMultiple):
    """Search-as-you-type chooser for a many-to-many field."""


def formfield_for(db_field, **kwargs):
    """The form field for a model field: tolerant numbers and dates, choosers for large relations."""
    if isinstance(db_field, models.DecimalField):
        return db_field.formfield(form_class=TolerantDecimalField, **kwargs)
    if isinstance(db_field, models.IntegerField | models.PositiveIntegerField) and not db_field.choices:
        return db_field.formfield(form_class=TolerantIntegerField, **kwargs)
    if isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField):
        return db_field.formfield(form_class=TolerantDateField, **kwargs)
    if isinstance(db_field, models.TimeField):
        return db_field.formfield(form_class=TolerantTimeField, **kwargs)
    if db_field.is_relation and db_field.concrete:
        kwargs["form_class"] = RecordMultipleChoiceField if db_field.many_to_many else RecordChoiceField
        if registry.get(db_field.related_model).choosable:
            kwargs["widget"] = (MultiChooser if db_field.many_to_many else Chooser)(db_field)
    return db_field.formfield(**kwargs)


class FormExtension:
    """Fields another app adds to a model's forms, where the model's own app may not import it
    (the meeting form's links to agreements and strategies, which build on meetings). Registered
    with ``extend_form``; ``PortalModelForm`` adds the fields and calls ``save`` after its own."""

    def fields(self, instance) -> dict[str, forms.Field]:
        """The fields to add, by name, with ``instance``'s current values as their initial ones."""
        raise NotImplementedError

    def save(self, instance, cleaned_data: dict) -> None:
        """Write the added fields' values for the saved ``instance`` (in the form's transaction)."""
        raise NotImplementedError


_extensions: dict[str, list[FormExtension]] = {}


def extend_form(form_class: str, extension: FormExtension) -> None:
    """Add ``extension``'s fields to the form class named ``form_class`` ("meetings.forms.MeetingForm")
    and its subclasses, once per extension class. A name, not the class: importing a form from an
    ``AppConfig.ready()`` would build its fields before every app has registered its choosers."""
    registered = _extensions.setdefault(form_class, [])
    if not any(type(item) is type(extension) for item in registered):
        registered.append(extension)


class PortalModelForm(forms.ModelForm):
    """Base of the portal's forms: tolerant fields and choosers (shown by core/includes/_form_fields.html).

    ``bilingual`` lists (Arabic field, French field) pairs of which one at least must be filled.
    Other apps' fields (``extend_form``) come last and are saved with the record.
    """

    bilingual: tuple[tuple[str, str], ...] = ()
    editing_user = None  # set by the page (core.editing): the record must stay one the user may change

    class Meta:
        formfield_callback = formfield_for

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.extensions = [
            extension
            for cls in type(self).__mro__
            for extension in _extensions.get(f"{cls.__module__}.{cls.__name__}", [])
        ]
        for extension in self.extensions:
            self.fields.update(extension.fields(self.instance))
        for field in self.fields.values():
            if isinstance(field.widget, forms.TextInput | forms.Textarea):
                field.widget.attrs.setdefault("dir", "auto")
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.setdefault("rows", 3)
            chooser = isinstance(field.widget, ChooserMixin)
            if isinstance(field, forms.ModelChoiceField) and isinstance(field.widget, forms.Select) and not chooser:
                field.widget.attrs.setdefault("dir", "auto")  # the options are records' names

    def clean(self):
        cleaned = super().clean()
        for arabic, french in self.bilingual:
            if arabic in self.fields and not cleaned.get(arabic) and not cleaned.get(french):
                self.add_error(
                    arabic, forms.ValidationError(_("Fill it in Arabic or in French (or both)."), code="required")
                )
        return cleaned

    def _post_clean(self):
        super()._post_clean()  # the instance now holds the form's values
        if self.editing_user is not None:
            if hasattr(self.instance, "derive_region"):
                self.instance.derive_region()
            if not registry.may_change(self.editing_user, self.instance):
                self.add_error(
                    "region" if "region" in self.fields else None,
                    forms.ValidationError(
                        _("Your council creates and changes the records of its own region only."), code="other_region"
                    ),
                )

    def save(self, commit=True):
        """Save the record and its many-to-many links with one history row (``core.audit``)."""
        if not commit:
            return super().save(commit=False)
        with one_history_row(self.instance):
            record = super().save(commit=True)
        for extension in self.extensions:
            extension.save(record, self.cleaned_data)
        return record


class VersionedFormMixin:
    """Refuses to save over changes made since the form was loaded (optimistic locking).

    The form carries the ``version`` it was loaded with; ``clean`` compares it with the stored
    one and, when someone saved in between, raises an error naming each field changed
    meanwhile with its value then and now. Nothing is overwritten; the user's input stays in
    the form. The view runs ``clean`` and ``save`` in one transaction, with the row locked.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loaded_version"] = forms.IntegerField(
            widget=forms.HiddenInput, required=False, initial=self.instance.version if self.instance.pk else None
        )
        self.changed_meanwhile: list[tuple[str, str, str]] = []

    def clean(self):
        cleaned = super().clean()
        loaded = cleaned.get("loaded_version")
        if not self.instance.pk:
            return cleaned
        if loaded is None:  # a post that skips the check would overwrite whatever changed meanwhile
            raise forms.ValidationError(
                _("This form came without the version it was opened with: reload the page, then save again."),
                code="missing_version",
            )
        model = type(self.instance)
        current = model.objects.select_for_update().get(pk=self.instance.pk)
        if current.version != loaded:
            self._merge_changes(model, current, model.history.filter(id=self.instance.pk, version=loaded).first())
            raise forms.ValidationError(
                _(
                    "Someone else saved this record after you opened it. Nothing was saved: "
                    "check their changes below, then save again to keep yours."
                ),
                code="changed_meanwhile",
            )
        return cleaned

    def _merge_changes(self, model, current, then):
        """List the fields changed meanwhile, and prepare the form for saving again without loss.

        A field they changed and this user did not takes their value; a field both changed
        keeps this user's value (they are shown the other one). ``then`` is the history row of
        the version this user loaded (None if unknown: every difference is listed).
        """
        data = self.data.copy()
        for name in self._meta.fields:
            field = model._meta.get_field(name)
            if field.many_to_many or name not in self.fields:
                continue
            base = field.value_from_object(then.instance) if then else None
            theirs = field.value_from_object(current)
            if then is not None and theirs == base:
                continue
            mine = self.cleaned_data.get(name)
            mine = mine.pk if isinstance(mine, models.Model) else mine
            before = display_value(then.instance, field) if then else ""
            self.changed_meanwhile.append((self.fields[name].label, before, display_value(current, field)))
            if then is not None and mine == base:
                key = self.add_prefix(name)
                data.pop(key, None)
                if theirs is not None and theirs is not False:
                    data[key] = "on" if theirs is True else form_text(theirs)
        # Saving again, after reading the changes, is a deliberate choice: accept it then.
        data[self.add_prefix("loaded_version")] = current.version
        self.data = data


def form_text(value) -> str:
    """A model value as a form would post it: ISO dates, HH:MM times, plain numbers."""
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def display_value(record, field) -> str:
    """A field's value as a person reads it: the related record's name (or its key, marked
    deleted, when it no longer exists), the choice's label."""
    if field.is_relation:
        try:
            return str(getattr(record, field.name) or "")
        except ObjectDoesNotExist:
            return _("%(key)s (deleted)") % {"key": getattr(record, field.attname)}
    if field.choices:
        return str(getattr(record, f"get_{field.name}_display")())
    value = field.value_from_object(record)
    return "" if value is None else str(value)


class BaseTableFormSet(forms.BaseInlineFormSet):
    """An inline formset shown as an editable table (core/includes/_table_formset.html), with
    helpers for rules across its rows."""

    @cached_property
    def forms(self):
        """The rows, sharing what their relation fields read: the choices of a plain select once for
        all rows, the records chosen in a chooser column in one query (not one per row)."""
        rows = super().forms
        if not rows:
            return rows
        for name, field in rows[0].fields.items():
            if isinstance(field.widget, ChooserMixin) and not field.widget.allow_multiple_selected:
                keys = {str(row[name].value()) for row in rows if row[name].value() not in field.empty_values}
                keys = [key for key in keys if valid_key(field.queryset.model, key)]
                related = registry.get(field.queryset.model).chooser_related
                records = field.queryset.select_related(*related).in_bulk(keys) if keys else {}
                known = {str(pk): record for pk, record in records.items()}
                for row in rows:
                    row.fields[name].widget.known = known
            elif isinstance(field, forms.ModelChoiceField) and type(field.widget) is forms.Select:
                choices = list(field.choices)
                for row in rows:
                    row.fields[name].choices = choices
        return rows

    def clean(self):
        self.clean_rows()
        super().clean()  # Django's check of the unique rules, on the rows clean_rows left valid

    def clean_rows(self) -> None:
        """Rules across rows (subclasses): mark the row that breaks one, next to its field, or raise
        ValidationError for the table. They run before Django's unique check, so that the same
        record twice is said once, by name, on its row, not as Django's "duplicate values"."""

    def kept_rows(self) -> list:
        """(form, cleaned data) of each row filled in and not marked for deletion."""
        return [
            (form, form.cleaned_data)
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    def refuse_duplicates(self, field: str, message) -> int:
        """Mark each row whose ``field`` names a record an earlier row names, with ``message(record)``.

        Returns how many distinct records the rows name.
        """
        seen = set()
        for form, data in self.kept_rows():
            record = data.get(field)
            if record is None:
                continue
            if record.pk in seen:
                form.add_error(field, message(record))
            seen.add(record.pk)
        return len(seen)


# The most rows one editable table takes (the attendance of a large forum); a POST with more is
# refused with a message, and rows beyond it are not even read (Django's absolute_max).
MAX_ROWS = 300


def table_formset(parent_model, model, form, formset=None, **kwargs):
    """``inlineformset_factory`` for an editable table: one blank row, deletion, at most ``MAX_ROWS`` rows;
    rows of a VersionedModel refuse to overwrite a change made meanwhile on the row's own page.

    ``formset`` defaults to ``BaseTableFormSet``; other keyword arguments go to Django (e.g. ``fk_name``).
    """
    kwargs = {"extra": 1, "can_delete": True, **kwargs}
    if issubclass(model, VersionedModel):  # each row checks the version it was loaded with
        form = type(f"Versioned{form.__name__}", (VersionedFormMixin, form), {})
    return forms.inlineformset_factory(
        parent_model, model, form=form, formset=formset or BaseTableFormSet,
        max_num=MAX_ROWS, validate_max=True, absolute_max=MAX_ROWS, **kwargs,
    )  # fmt: skip


class NumberedItemsFormSet(BaseTableFormSet):
    """The rows of numbered items: a row left without a number is numbered after the last; two
    rows with one number are both marked; numbers may be swapped or shifted in one save."""

    # Stored numbers (at most NumberedItem.MAX_ORDER) are moved this far out of the way before the
    # new ones are written: the numbers are unique per parent, and rows are saved one by one.
    SHIFT = 20_000

    def clean_rows(self):
        rows = self.kept_rows()
        last = max((data["order"] for _form, data in rows if data.get("order")), default=0)
        seen = {}
        for form, data in rows:
            if not data.get("order"):
                last += 1
                data["order"] = form.instance.order = last
            order = data["order"]
            if order in seen:
                message = _("Number %(order)s is given to two rows.") % {"order": order}
                for other in (seen[order], form):
                    if "order" not in other.errors:
                        other.add_error("order", message)
            seen[order] = form

    def validate_unique(self):
        """The rule of one number per row is checked, with each row marked, in ``clean``."""

    def save(self, commit=True):
        moved = [
            form.instance.pk
            for form in self.initial_forms
            if form.instance.pk and ("order" in form.changed_data or self._should_delete_form(form))
        ]
        if commit and moved:
            self.model.objects.filter(pk__in=moved).update(order=F("order") + self.SHIFT)
        return super().save(commit)


def numbered_items_formset(parent_model, item_model):
    """An editable table of a parent's numbered, bilingual items (order, title in Arabic and French).

    Raises ImproperlyConfigured unless ``item_model`` is registered ``numbered`` (core.registry).
    """
    if not registry.get(item_model).numbered:
        raise ImproperlyConfigured(f"{item_model._meta.label} is not registered as numbered.")

    class RowForm(PortalModelForm):
        bilingual = (("title_ar", "title_fr"),)

        class Meta(PortalModelForm.Meta):
            model = item_model
            fields = ["order", "title_ar", "title_fr"]

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["order"].required = False  # numbered after the last (NumberedItemsFormSet)

    return table_formset(parent_model, item_model, RowForm, formset=NumberedItemsFormSet)
