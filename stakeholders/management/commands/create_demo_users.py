import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from core.roles import ADMINISTRATORS, COUNCIL_STAFF, MINISTRY_PARTNERS

# username: (group, may use the Django admin)
DEMO_USERS = {
    "admin": (ADMINISTRATORS, True),
    "staff": (COUNCIL_STAFF, False),
    "partner": (MINISTRY_PARTNERS, False),
}


class Command(BaseCommand):
    help = "Create one demo account per role with a generated password, printed once; existing accounts are kept."

    @transaction.atomic
    def handle(self, *args, **options):
        User = get_user_model()
        for username, (group_name, is_staff) in DEMO_USERS.items():
            user, created = User.objects.get_or_create(username=username, defaults={"is_staff": is_staff})
            user.groups.add(Group.objects.get(name=group_name))
            if created:
                password = secrets.token_urlsafe(12)
                user.set_password(password)
                user.save()
                self.stdout.write(self.style.SUCCESS(f"{group_name}: {username} / {password}"))
            else:
                self.stdout.write(f"{group_name}: {username} already exists, password unchanged.")
