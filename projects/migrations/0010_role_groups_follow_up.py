from django.db import migrations

# The role groups were set here; core.roles now keeps them in sync after every migrate (post_migrate).


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0006_follow_up"),
        ("projects", "0009_parties_through"),
    ]

    operations = []
