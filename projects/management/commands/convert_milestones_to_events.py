"""Turn projects' milestones and activities that are events (fairs, forums...) into events."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from projects.models import EventKind, Milestone
from projects.services import milestone_to_event


class Command(BaseCommand):
    help = (
        "Make events of the given milestones (ids, or every one whose title contains --title-contains), "
        "of the kind --kind (an event kind's code). Lists them only, unless --apply."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="milestone ids")
        parser.add_argument("--kind", required=True, help="code of the kind of event, e.g. regional-fair")
        parser.add_argument("--title-contains", default="", help="milestones whose Arabic or French title has this")
        parser.add_argument("--keep-milestones", action="store_true", help="keep the milestones beside the events")
        parser.add_argument("--apply", action="store_true", help="convert them (otherwise only list them)")

    def handle(self, *args, ids, kind, title_contains, keep_milestones, apply, **options):
        event_kind = EventKind.objects.filter(code=kind).first()
        if event_kind is None:
            codes = ", ".join(EventKind.objects.values_list("code", flat=True))
            raise CommandError(f"No kind of event has the code {kind!r}; the codes are: {codes}.")
        milestones = Milestone.objects.select_related("project").order_by("pk")
        if ids:
            milestones = milestones.filter(pk__in=ids)
        if title_contains:
            milestones = milestones.filter(title_ar__contains=title_contains) | milestones.filter(
                title_fr__icontains=title_contains
            )
        if not ids and not title_contains:
            raise CommandError("Name the milestones: their ids, or --title-contains.")
        milestones = list(milestones)
        if ids and (missing := sorted(set(ids) - {m.pk for m in milestones})):
            raise CommandError(f"No milestone has the id {', '.join(map(str, missing))}.")
        for milestone in milestones:
            self.stdout.write(f"#{milestone.pk} {milestone.start_date} {milestone} ({milestone.project})")
        if not apply:
            self.stdout.write(f"{len(milestones)} milestone(s) would become events; add --apply to convert them.")
            return
        try:
            with transaction.atomic():
                events = [milestone_to_event(m, event_kind, keep_milestone=keep_milestones) for m in milestones]
        except ValueError as error:
            raise CommandError(f"{error} Nothing was converted.") from error
        for event in events:
            self.stdout.write(f"event #{event.pk}: {event}")
        self.stdout.write(self.style.SUCCESS(f"{len(events)} event(s) made from milestones."))
