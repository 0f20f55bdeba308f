"""Validators of uploaded documents: the kinds a council shares, and a size limit."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Office documents, PDFs and pictures: what minutes, programmes and reports come as.
DOCUMENT_EXTENSIONS = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "ppt", "pptx", "odp", "jpg", "jpeg", "png"]


@deconstructible
class MaxFileSize:
    """Refuses a file over ``settings.MAX_UPLOAD_MB`` megabytes (read when validating)."""

    def __call__(self, file):
        limit = settings.MAX_UPLOAD_MB
        if file.size > limit * 1024 * 1024:
            raise ValidationError(
                _("This file is %(size).1f MB; the limit is %(limit)s MB."),
                code="file_too_large",
                params={"size": file.size / 1024 / 1024, "limit": limit},
            )

    def __eq__(self, other):
        return isinstance(other, MaxFileSize)


def document_validators() -> list:
    """The validators of a document field: one of ``DOCUMENT_EXTENSIONS``, at most MAX_UPLOAD_MB."""
    return [FileExtensionValidator(DOCUMENT_EXTENSIONS), MaxFileSize()]
