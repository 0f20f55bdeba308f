"""Background jobs: long imports and big downloads run by a worker, their progress on a page.

A ``Job`` row is what the user sees (``/jobs/<id>/``): status, rows done of the total, the
result (a file to download, a summary, the rows that failed). The work itself is a django-tasks
task (``core.tasks``), queued in the database by django-tasks-db and run by
``manage.py db_worker`` (``make run`` starts one); the tests run tasks at once (ImmediateBackend).
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    """One background job of one user; ``done`` of ``total`` rows, ``file`` its download if any."""

    class Kind(models.TextChoices):
        IMPORT = "import", _("import")
        EXPORT = "export", _("download")

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting for the worker")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+", verbose_name=_("user"))
    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    done = models.PositiveIntegerField(_("rows done"), default=0)
    total = models.PositiveIntegerField(_("rows"), default=0)
    message = models.TextField(_("result"), blank=True)
    row_errors = models.JSONField(_("rows with errors"), default=list, blank=True)  # [[row number, [errors]]]
    file = models.FileField(_("file"), upload_to="jobs/%Y/", max_length=300, blank=True)
    back_url = models.CharField(_("back to"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "-created_at"], name="job_of_user_newest_first")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("core:job", args=[self.pk])

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int:
        """Progress in whole percent (100 once done)."""
        if self.status == self.Status.DONE:
            return 100
        return min(99, self.done * 100 // self.total) if self.total else 0

    def step(self, done: int) -> None:
        """Record ``done`` rows of progress (one UPDATE, outside any transaction of the work)."""
        self.done = done
        Job.objects.filter(pk=self.pk).update(done=done, status=self.Status.RUNNING)

    def finish(self, status: str, message: str = "", **fields) -> None:
        """Mark the job done or failed with its summary and any other fields (``file``, ``row_errors``)."""
        self.status, self.message, self.finished_at = status, message, timezone.now()
        for name, value in fields.items():
            setattr(self, name, value)
        self.save()
