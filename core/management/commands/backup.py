from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and the uploaded documents into a new folder (see core.backups)."

    def add_arguments(self, parser):
        parser.add_argument("--output", default="backups", help="where to create the backup folder (default: backups/)")

    def handle(self, *args, output, **options):
        try:
            folder = backup(Path(output))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
