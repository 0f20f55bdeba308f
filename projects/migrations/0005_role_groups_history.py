from django.db import migrations


def sync_groups(apps, schema_editor):
    from sse_portal.roles import sync_role_groups

    sync_role_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0004_history_and_version"),
        ("projects", "0004_history_and_version"),
        ("stakeholders", "0003_history_and_version"),
    ]

    operations = [migrations.RunPython(sync_groups, migrations.RunPython.noop)]
