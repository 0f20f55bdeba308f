from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, restore


class Command(BaseCommand):
    help = "Replace the database and the uploaded documents by a backup folder made by `backup`."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a folder made by `manage.py backup`")
        parser.add_argument("--no-input", action="store_true", help="do not ask for confirmation")

    def handle(self, *args, folder, no_input, **options):
        if not no_input and input(f"Replace the database and documents by {folder}? Type yes: ") != "yes":
            raise CommandError("Nothing restored.")
        try:
            restore(Path(folder))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored {folder}"))
