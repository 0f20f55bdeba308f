from django.db import migrations

# The role groups were set here; core.roles now keeps them in sync after every migrate (post_migrate).


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0004_history_and_version"),
        ("projects", "0004_history_and_version"),
        ("stakeholders", "0003_history_and_version"),
    ]

    operations = []
