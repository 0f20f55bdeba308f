"""The kit learns about models only through core.registry; role groups follow it after every migrate."""

import pytest
from django import forms
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.core.management.sql import emit_post_migrate_signal

from core import registry
from core.forms import Chooser, formfield_for
from core.roles import COUNCIL_STAFF, MINISTRY_PARTNERS
from meetings.models import Attendance, Meeting, StatusChange
from overview.views import browsed_types
from stakeholders.models import Person, Region

pytestmark = pytest.mark.django_db


def test_every_model_that_keeps_history_has_its_history_pages():
    kept = {
        m._meta.label for m in apps.get_models() if hasattr(m, "history") and not m.__name__.startswith("Historical")
    }
    registered = {t.model._meta.label for t in registry.record_types(history=True)}
    assert kept == registered and len(kept) == 42


def test_the_global_search_and_home_list_the_searchable_types_in_menu_order():
    assert [model.__name__ for model, _url in browsed_types()] == [
        "Meeting", "Consultation", "Recommendation", "Programme", "Project", "Strategy",
        "PartnershipAgreement", "Event", "Organization", "Person", "Source",
    ]  # fmt: skip
    assert dict((m.__name__, url) for m, url in browsed_types())["PartnershipAgreement"] == "projects:agreement_list"


def test_choosable_relations_get_a_chooser_and_the_others_a_select():
    assert isinstance(formfield_for(Attendance._meta.get_field("person")).widget, Chooser)
    assert isinstance(formfield_for(Meeting._meta.get_field("province")).widget, forms.Select)
    assert not isinstance(formfield_for(Meeting._meta.get_field("province")).widget, Chooser)


def test_options_of_registered_and_unregistered_models():
    person = registry.get(Person())
    assert (
        person.private_fields == ("email", "phone") and person.private_permission == "stakeholders.view_contact_details"
    )
    assert registry.get(StatusChange).parent == "recommendation" and not registry.get(StatusChange).history
    assert registry.get(Region) == registry.RecordType(Region)  # never registered: every option off
    assert registry.page_name(Person, "update") == "stakeholders:person_update"
    assert set(registry.programme_apps()) == {"meetings", "projects", "stakeholders", "sources", "regional_statistics"}


def test_a_model_cannot_claim_what_it_does_not_support():
    with pytest.raises(ImproperlyConfigured, match="registered twice"):
        registry.register(Meeting)
    with pytest.raises(ImproperlyConfigured, match="not a SearchableModel"):
        registry.register(Region, searchable=True)
    with pytest.raises(ImproperlyConfigured, match="no core.audit.HistoricalRecords"):
        registry.register(Region, history=True)


def test_role_groups_are_set_again_after_every_migrate():
    staff, partners = Group.objects.get(name=COUNCIL_STAFF), Group.objects.get(name=MINISTRY_PARTNERS)
    approve = Permission.objects.get(codename="approve_indicatorvalue")
    staff.permissions.remove(approve)
    partners.permissions.clear()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")  # what migrate and flush send
    assert approve in staff.permissions.all()
    assert partners.permissions.filter(codename="view_meeting").exists()
    assert not partners.permissions.exclude(codename__startswith="view_").exists()
