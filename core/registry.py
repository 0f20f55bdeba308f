"""How the kit learns about the apps' models: the one registration protocol.

The kit (``core``) imports no domain app. Each app tells it about its models from its
``AppConfig.ready()``::

    from core import registry

    class MeetingsConfig(AppConfig):
        def ready(self):
            from .models import Attendance, Meeting

            registry.register_app(self)
            registry.register(Meeting, searchable=True, choosable=True, history=True)
            registry.register(Attendance, history=True, parent="meeting")

``register_app(app_config)``
    Every concrete model of the app is a programme record: council staff get its view, add,
    change and delete permissions, ministry partners its view permission (``core.roles``).

``register(model, **options)``, once per model; every option defaults to off:

- ``searchable``: listed in the global search and the home page's counts, in registration
  order (INSTALLED_APPS order, then the order of the calls). The model must be a
  ``core.models.SearchableModel``.
- ``choosable``: relations to it are edited with a search-as-you-type chooser (``core.forms``)
  answered by ``core.editing.ChooserView``; ``chooser_search`` names the folded columns it
  searches (default ``("search_text",)``), ``chooser_related`` the relations it joins and
  ``chooser_prefetch`` those it prefetches (for the model's ``chooser_detail()``, below),
  ``chooser_narrowed_by`` its relations that a form's field of the same name narrows (a
  position chooser next to a person offers that person's positions). The model must be a
  ``core.models.SearchableModel``. A model's ``chooser_detail()`` method, when it has one,
  gives what tells two records of one name apart (a meeting's date, a person's current
  position), shown after the name in a chooser's list (``core.forms.chooser_detail``).
- ``history``: its history, deleted records and restore pages exist (``core.history``). The
  model must keep history with ``core.audit.HistoricalRecords`` (django-simple-history's,
  one row per save). Its uploaded files stay in storage while a row or history row names them
  (``core.files``).
  ``history_permission`` is the action needed to read it ("view" by default); restoring a
  deleted record always needs "add".
- ``private_fields``: fields hidden from history unless the user has ``private_permission``
  (an "app_label.codename" permission, granted to council staff).
- ``numbered``: the model is a ``core.models.NumberedItem`` of its ``parent``, edited with
  ``core.forms.numbered_items_formset``.
- ``parent``: the foreign key naming the record it belongs to (an attendance row's meeting):
  shown next to its name where it appears alone (the ``with_parent`` filter), and the page a
  numbered item links to.
- ``url_name``: the stem of its page names when it is not the model name
  (``"agreement"`` gives ``projects:agreement_update``).
- ``staff_permissions``: further "app_label.codename" permissions council staff hold.
- ``open_list``: the fields staff edit when the model is a list they extend (thematic axes,
  kinds of event, series...), managed on the pages of ``core.open_list_views`` (``/lists/``).

- ``admin_only``: only administrators manage it (in the Django admin); council staff and
  ministry partners get no permission on it, although its app's records are programme records
  (which council a staff account belongs to).

Lookups take a model class or instance; a model never registered gets the defaults. Raises
ImproperlyConfigured when a model is registered twice with other options, or does not support
what it claims.
"""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class RecordType:
    """What the kit knows of one model (see the module's documentation for each option)."""

    model: type[models.Model]
    searchable: bool = False
    choosable: bool = False
    chooser_search: tuple[str, ...] = ("search_text",)
    chooser_related: tuple[str, ...] = ()
    chooser_prefetch: tuple[str, ...] = ()
    chooser_narrowed_by: tuple[str, ...] = ()
    history: bool = False
    history_permission: str = "view"
    private_fields: tuple[str, ...] = ()
    private_permission: str = ""
    numbered: bool = False
    parent: str = ""
    url_name: str = ""
    staff_permissions: tuple[str, ...] = ()
    open_list: tuple[str, ...] = ()
    admin_only: bool = False

    @property
    def label(self) -> str:
        """The model's lower-case label, e.g. "meetings.meeting"."""
        return self.model._meta.label_lower

    @property
    def url_stem(self) -> str:
        """What its page names start with: ``url_name``, or else the model name."""
        return self.url_name or self.model._meta.model_name


_types: dict[str, RecordType] = {}
_apps: list[str] = []


def register_app(app_config) -> None:
    """Declare the models of ``app_config`` programme records (for the role groups; their
    historical models excepted)."""
    if app_config.label not in _apps:
        _apps.append(app_config.label)


def register(model: type[models.Model], **options) -> RecordType:
    """Tell the kit what ``model`` supports; returns its RecordType. Options: see the module."""
    from .files import keep_files_while_named
    from .models import NumberedItem, SearchableModel

    record = RecordType(model, **options)
    if record.label in _types:
        if _types[record.label] == record:  # ready() run again (e.g. override_settings): nothing new
            return record
        raise ImproperlyConfigured(f"{record.label} is registered twice with core.registry, with other options.")
    if (record.searchable or record.choosable) and not issubclass(model, SearchableModel):
        raise ImproperlyConfigured(f"{record.label} is searchable or choosable but not a SearchableModel.")
    if record.history and not hasattr(model, "_history_records"):
        raise ImproperlyConfigured(f"{record.label} claims history but has no core.audit.HistoricalRecords.")
    if record.numbered and not (issubclass(model, NumberedItem) and record.parent):
        raise ImproperlyConfigured(f"{record.label} is numbered: it must be a NumberedItem with a parent.")
    _types[record.label] = record
    if record.history:
        keep_files_while_named(model)
    return record


def get(model) -> RecordType:
    """The RecordType of a model (class or instance); the defaults for a model never registered."""
    model = model._meta.model
    return _types.get(model._meta.label_lower) or RecordType(model)


def record_types(**wanted) -> list[RecordType]:
    """The registered types whose options equal ``wanted`` (e.g. ``searchable=True``), in registration order."""
    return [t for t in _types.values() if all(getattr(t, key) == value for key, value in wanted.items())]


OTHER_REGION = _("This record belongs to another council's region: you can read it, not change it.")


def may_change(user, record) -> bool:
    """Whether ``record`` is one ``user`` may change as far as its owner goes: its own
    ``editable_by(user)`` (a record of another council's region is not), else its ``parent``'s
    (an attendance row is its meeting's, a document its record's, ``parent_field``); True when
    none says. The model permissions are checked apart."""
    for _depth in range(4):
        if record is None:
            return True
        if hasattr(record, "editable_by"):
            return record.editable_by(user)
        parent = get(record).parent or getattr(record, "parent_field", "")
        record = getattr(record, parent, None) if parent else None
    return True


def programme_apps() -> tuple[str, ...]:
    """Labels of the apps whose models are programme records."""
    return tuple(_apps)


def page_name(model, action: str) -> str:
    """The URL name of a model's page, e.g. ``projects:agreement_update`` (``url_name`` option)."""
    return f"{model._meta.app_label}:{get(model).url_stem}_{action}"
