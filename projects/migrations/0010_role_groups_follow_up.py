from django.db import migrations


def sync_groups(apps, schema_editor):
    from sse_portal.roles import sync_role_groups

    sync_role_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0006_follow_up"),
        ("projects", "0009_parties_through"),
    ]

    operations = [migrations.RunPython(sync_groups, migrations.RunPython.noop)]
