"""The background jobs' work (``core.jobs``): an import confirmed, a list downloaded.

Each task reads its ``Job``, runs as the job's user in the job's language, records progress,
and ends the job done or failed; an unexpected error fails the job with its message (and is
logged) rather than leaving it running.
"""

import logging
from urllib.parse import unquote

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import RequestFactory
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_tasks import task

from .imports import check, importer_for, outcome, read_table, write
from .jobs import Job

logger = logging.getLogger(__name__)
SHOWN_ERRORS = 200  # rows with errors kept on the job's page


def _run(job_id, work) -> None:
    job = Job.objects.get(pk=job_id)
    job.status = Job.Status.RUNNING
    job.save(update_fields=["status"])
    with translation.override(job.language):
        try:
            work(job)
        except Exception as error:  # the job's page says it failed; the log keeps the traceback
            logger.exception("background job %s failed", job_id)
            job.finish(Job.Status.FAILED, _("The job stopped on an error: %(error)s") % {"error": error})


@task()
def run_import(job_id: str, slug: str, path: str, parent: int | None) -> None:
    """Check every row of the stored file ``path`` again (progress per row) and write them in one
    transaction if none fails; the stored file is removed at the end."""

    def work(job):
        importer = importer_for(slug)
        if parent is not None:
            importer.parent = importer.parent_model()._default_manager.get(pk=parent)
        with default_storage.open(path, "rb") as handle:
            headers, rows = read_table(path, handle.read())
        job.total = len(rows)
        job.save(update_fields=["total"])
        try:
            checked = check(importer, headers, rows, progress=job.step, user=job.user)
        except ValidationError as error:
            return job.finish(Job.Status.FAILED, " ".join(error.messages))
        failed = [[row.number, row.errors] for row in checked if row.errors]
        if failed:
            message = _("%(count)s rows have errors: nothing was saved.") % {"count": len(failed)}
            return job.finish(Job.Status.FAILED, message, row_errors=failed[:SHOWN_ERRORS])
        created, filled = write(importer, checked)
        default_storage.delete(path)
        job.finish(Job.Status.DONE, outcome(created, filled, len(checked)))

    _run(job_id, work)


@task()
def run_export(job_id: str, view: str, query: str) -> None:
    """The download of the list view ``view`` (dotted path) with ``query`` (its filters, order and
    ``export``), built as the job's user would get it from the page, stored as the job's file."""

    def work(job):
        request = RequestFactory().get(f"/?{query}")
        request.user = get_user_model().objects.get(pk=job.user_id)
        request.job = job
        response = import_string(view).as_view()(request)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        if response.status_code != 200:
            return job.finish(Job.Status.FAILED, content.decode(errors="replace"))
        name = unquote(response["Content-Disposition"].split("''", 1)[-1])
        job.file.save(f"{job.pk}-{name}", ContentFile(content), save=False)
        job.finish(Job.Status.DONE, _("Ready: %(rows)s rows.") % {"rows": job.total}, done=job.total, file=job.file)

    _run(job_id, work)
