"""Documents kept with records: minutes, presentations, signed agreements, reports, photos.

An app declares one concrete model per kind of record it documents, with a foreign key named by
``parent_field`` and ``related_name="documents"``, and registers it with history (so that its
file stays in storage while a history row names it, ``core.files``)::

    class MeetingDocument(DocumentBase):
        parent_field = "meeting"
        meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="documents")

Files go through Django's storage API; their type is read from their content
(``core.validators.sniff``), never from their name, and they are served only as attachments by
``core.document_views``. An ``internal`` document is for the council's staff: only users who
may change documents of its kind see it (not ministry partners).
"""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .validators import document_validators, sniff


def document_path(instance, filename: str) -> str:
    """Where a document is stored: ``<app>/<model>/<year>/<file name>`` (storage adds a suffix to a taken name)."""
    opts = instance._meta
    return f"{opts.app_label}/{opts.model_name}/{timezone.localdate():%Y}/{filename}"


class DocumentBase(models.Model):
    """A file kept with a record; ``size`` (bytes) and ``content_type`` (MIME, from the content) are set on save."""

    class Kind(models.TextChoices):
        MINUTES = "minutes", _("minutes")
        PRESENTATION = "presentation", _("presentation")
        AGREEMENT = "agreement", _("signed agreement")
        REPORT = "report", _("report")
        PHOTO = "photo", _("photo")
        OTHER = "other", _("other document")

    parent_field = ""  # the foreign key to the documented record

    title = models.CharField(_("title"), max_length=200, blank=True, help_text=_("The file's name when left empty."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    file = models.FileField(_("file"), upload_to=document_path, max_length=300, validators=document_validators())
    internal = models.BooleanField(
        _("council staff only"), default=False, help_text=_("Hidden from ministry partners.")
    )
    content_type = models.CharField(_("type"), max_length=100, editable=False, default="")
    size = models.PositiveBigIntegerField(_("size (bytes)"), editable=False, default=0)
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    class Meta:
        abstract = True
        ordering = ["pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title or self.file.name.rsplit("/", 1)[-1]

    def save(self, *args, **kwargs):
        if self.file and not getattr(self.file, "_committed", True):  # a new upload
            self.size, self.content_type = self.file.size, sniff(self.file)
            self.title = self.title or self.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0][:200]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.parent.get_absolute_url()

    @property
    def file_name(self) -> str:
        """The name a download gets: the title with the stored file's extension (storage may
        have added a suffix to the stored name), e.g. "محضر الاجتماع.pdf"."""
        stored = self.file.name.rsplit("/", 1)[-1]
        extension = stored.rsplit(".", 1)[-1] if "." in stored else ""
        title = "".join(c for c in self.title if c not in '/\\:*?"<>|').strip()
        return f"{title}.{extension}" if title and extension else stored

    @property
    def uploaded_on(self):
        """The day it was uploaded (Africa/Casablanca)."""
        return timezone.localdate(self.uploaded_at)

    @property
    def parent(self) -> models.Model:
        return getattr(self, self.parent_field)

    @classmethod
    def sees_internal(cls, user) -> bool:
        """Whether ``user`` may see this kind's internal documents: those who may change them."""
        return user.has_perm(f"{cls._meta.app_label}.change_{cls._meta.model_name}")

    @classmethod
    def visible_to(cls, queryset, user):
        """``queryset`` without the internal documents ``user`` may not see."""
        return queryset if cls.sees_internal(user) else queryset.filter(internal=False)


def document_model_of(model) -> type[DocumentBase] | None:
    """The document model of a record kind (its ``documents`` relation), or None when it has none."""
    try:
        related = model._meta.get_field("documents").related_model
    except FieldDoesNotExist:
        return None
    return related if isinstance(related, type) and issubclass(related, DocumentBase) else None
