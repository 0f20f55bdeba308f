"""Milestones that are events (issue 14): converted by a command, nothing lost."""

import datetime
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from projects.models import Event, Milestone, MilestoneDocument

from .factories import MilestoneFactory

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("convert_milestones_to_events", *args, stdout=out)
    return out.getvalue()


def test_a_fair_kept_as_a_milestone_becomes_an_event_of_its_project():
    fair = MilestoneFactory(title_ar="المعرض الجهوي للتعاونيات", title_fr="Salon régional des coopératives",
                            start_date=datetime.date(2023, 10, 3), end_date=datetime.date(2023, 10, 8),
                            venue="Errachidia", description="120 exposants")  # fmt: skip
    other = MilestoneFactory(title_ar="إطلاق الدراسة", title_fr="Lancement de l'étude")
    listed = run("--kind", "regional-fair", "--title-contains", "salon")
    assert f"#{fair.pk}" in listed and f"#{other.pk}" not in listed and "add --apply" in listed
    assert Milestone.objects.filter(pk=fair.pk).exists() and not Event.objects.exists()

    assert "1 event(s) made from milestones." in run("--kind", "regional-fair", "--title-contains", "salon", "--apply")
    event = Event.objects.get()
    assert (event.kind.code, event.title_fr, event.start_date, event.end_date, event.venue, event.project) == (
        "regional-fair", "Salon régional des coopératives", datetime.date(2023, 10, 3), datetime.date(2023, 10, 8),
        "Errachidia", fair.project,
    )  # fmt: skip
    assert event.description == "120 exposants"
    assert not Milestone.objects.filter(pk=fair.pk).exists() and Milestone.objects.filter(pk=other.pk).exists()
    assert Milestone.history.filter(id=fair.pk, history_type="-").get().history_change_reason == f"event #{event.pk}"


def test_a_milestone_with_documents_is_kept_or_nothing_is_converted(tmp_path, settings, english):
    settings.MEDIA_ROOT = tmp_path
    forum = MilestoneFactory(title_fr="Forum provincial")
    MilestoneDocument.objects.create(milestone=forum, title="Programme", file=ContentFile(b"programme", "p.txt"))
    with pytest.raises(CommandError, match="has documents: keep the milestone. Nothing was converted."):
        run(str(forum.pk), "--kind", "forum", "--apply")
    assert not Event.objects.exists()
    run(str(forum.pk), "--kind", "forum", "--apply", "--keep-milestones")
    assert Event.objects.get().title_fr == "Forum provincial" and forum.documents.count() == 1


def test_an_unknown_kind_or_milestone_is_refused():
    with pytest.raises(CommandError, match="No kind of event has the code 'fair'; the codes are: regional-fair"):
        run("1", "--kind", "fair")
    with pytest.raises(CommandError, match="No milestone has the id 999999."):
        run("999999", "--kind", "forum")
