from django.core.management.base import BaseCommand

from overview.draa_tafilalet import load_draa_tafilalet
from stakeholders.territories import load_territories


class Command(BaseCommand):
    help = "Load the territories and the real dataset of the 11 May 2022 meeting (idempotent)."

    def handle(self, *args, **options):
        counts = load_territories()
        self.stdout.write(
            "Territories: {regions} regions, {provinces} provinces, {communes} communes.".format(**counts)
        )
        meeting = load_draa_tafilalet()
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded the meeting of {meeting.date:%Y-%m-%d} with {meeting.attendances.count()} attendance records."
            )
        )
