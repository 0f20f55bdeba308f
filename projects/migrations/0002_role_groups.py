from django.db import migrations

# The role groups were set here; core.roles now keeps them in sync after every migrate (post_migrate).


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("meetings", "0002_initial"),
        ("projects", "0001_initial"),
        ("stakeholders", "0001_initial"),
    ]

    operations = []
