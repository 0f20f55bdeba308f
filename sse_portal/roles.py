"""The portal's three roles, kept as auth groups with their permissions.

Administrators: every permission (they also manage users in the Django admin).
Council staff: view, add, change and delete every programme record, see contact details, and
approve indicator values (never their own: see projects.services.approve_value).
Ministry partners: view programme records only; no contact details.
"""

ADMINISTRATORS = "Administrators"
COUNCIL_STAFF = "Council staff"
MINISTRY_PARTNERS = "Ministry partners"
ROLES = (ADMINISTRATORS, COUNCIL_STAFF, MINISTRY_PARTNERS)
PROGRAMME_APPS = ("stakeholders", "meetings", "projects")
CRUD = ("view", "add", "change", "delete")


def sync_role_groups(apps) -> None:
    """Create the three groups and set their permissions; safe to run again.

    ``apps`` is a migration's app registry (or ``django.apps.apps``). Permissions are created
    first, since a data migration can run before Django's post_migrate signal creates them.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    programme = Permission.objects.filter(content_type__app_label__in=PROGRAMME_APPS).exclude(
        content_type__model__startswith="historical"
    )
    crud = [p for p in programme if p.codename.split("_", 1)[0] in CRUD and p.codename.endswith(p.content_type.model)]
    view = [p for p in crud if p.codename.startswith("view_")]
    contact = [p for p in programme if p.codename in ("view_contact_details", "approve_indicatorvalue")]

    Group.objects.get_or_create(name=ADMINISTRATORS)[0].permissions.set(Permission.objects.all())
    Group.objects.get_or_create(name=COUNCIL_STAFF)[0].permissions.set(crud + contact)
    Group.objects.get_or_create(name=MINISTRY_PARTNERS)[0].permissions.set(view)
