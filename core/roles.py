"""The portal's three roles, kept as auth groups with their permissions, from this one definition.

Administrators: every permission (they also manage users in the Django admin).
Council staff: view, add, change and delete every programme record (the models of the apps
registered with ``core.registry.register_app``), plus the ``private_permission`` and
``staff_permissions`` the models register (contact details, approving indicator values: never
one's own, see projects.services.approve_value).
Ministry partners: view programme records only; no contact details.

``sync_role_groups`` runs after every ``migrate`` and ``flush`` (post_migrate, connected in
``core.apps``), so a new model's permissions reach the groups without a data migration. It
sets the three groups' permissions to exactly this definition: a change made to them in the
admin is undone at the next deployment (make new groups for other needs).
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS

from . import registry

ADMINISTRATORS = "Administrators"
COUNCIL_STAFF = "Council staff"
MINISTRY_PARTNERS = "Ministry partners"
CRUD = ("view", "add", "change", "delete")


def sync_role_groups(using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    """Create the three groups and set (replace) their permissions on database ``using``; safe to run again.

    Reads the installed models, not the migration state the signal passes (``kwargs`` are
    ignored). Permissions are created first for every installed app: the post_migrate signal of
    some apps may not have run yet when this one does.
    """
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)

    Group = global_apps.get_model("auth", "Group")
    Permission = global_apps.get_model("auth", "Permission")
    permissions = Permission.objects.using(using).select_related("content_type")
    admin_only = {(t.model._meta.app_label, t.model._meta.model_name) for t in registry.record_types() if t.admin_only}
    programme = [
        p
        for p in permissions.filter(content_type__app_label__in=registry.programme_apps())
        if not p.content_type.model.startswith("historical")
        and (p.content_type.app_label, p.content_type.model) not in admin_only
    ]
    crud = [p for p in programme if p.codename.split("_", 1)[0] in CRUD and p.codename.endswith(p.content_type.model)]
    view = [p for p in crud if p.codename.startswith("view_")]
    extra = {
        permission
        for record_type in registry.record_types()
        for permission in (record_type.private_permission, *record_type.staff_permissions)
        if permission
    }
    staff_extra = [p for p in programme if f"{p.content_type.app_label}.{p.codename}" in extra]

    groups = Group.objects.using(using)
    groups.get_or_create(name=ADMINISTRATORS)[0].permissions.set(permissions)
    groups.get_or_create(name=COUNCIL_STAFF)[0].permissions.set(crud + staff_extra)
    groups.get_or_create(name=MINISTRY_PARTNERS)[0].permissions.set(view)
