"""Validators of uploaded documents: the kinds a council shares, read from their content, and a size limit."""

import zipfile

import magic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

OLE = "application/x-ole-storage"  # libmagic's name of old Office files it cannot tell apart
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

# Office documents, PDFs and pictures: what minutes, programmes and reports come as, with the
# types (libmagic's MIME names) their content may have.
DOCUMENT_TYPES = {
    "pdf": {"application/pdf"},
    "doc": {"application/msword", "application/CDFV2", OLE},
    "docx": {DOCX},
    "odt": {"application/vnd.oasis.opendocument.text"},
    "xls": {"application/vnd.ms-excel", "application/CDFV2", OLE},
    "xlsx": {XLSX},
    "ods": {"application/vnd.oasis.opendocument.spreadsheet"},
    "ppt": {"application/vnd.ms-powerpoint", "application/CDFV2", OLE},
    "pptx": {PPTX},
    "odp": {"application/vnd.oasis.opendocument.presentation"},
    "jpg": {"image/jpeg"},
    "jpeg": {"image/jpeg"},
    "png": {"image/png"},
}
DOCUMENT_EXTENSIONS = list(DOCUMENT_TYPES)
# Office Open XML files whose first part is not the content-types list read as plain ZIP to
# libmagic; their main part tells them apart.
OOXML_PARTS = {"word/document.xml": DOCX, "xl/workbook.xml": XLSX, "ppt/presentation.xml": PPTX}
HEAD_BYTES = 1 << 16  # what libmagic reads: enough for an Office Open XML file's first parts


def sniff(file) -> str:
    """The MIME type of an uploaded or stored ``file`` read from its content by libmagic (e.g.
    "application/pdf"); the file's position is left at its start."""
    file.seek(0)
    kind = magic.from_buffer(file.read(HEAD_BYTES), mime=True)
    if kind == "application/zip":
        file.seek(0)
        try:
            names = set(zipfile.ZipFile(file).namelist())
        except zipfile.BadZipFile:
            names = set()
        kind = next((mime for part, mime in OOXML_PARTS.items() if part in names), kind)
    file.seek(0)
    return kind


@deconstructible
class ContentMatchesName:
    """Refuses a file whose content is not what its extension says (an HTML page named
    ``minutes.pdf``, an SVG named ``photo.png``); the allowed types are ``DOCUMENT_TYPES``."""

    def __call__(self, file):
        if getattr(file, "_committed", False):
            return  # stored already, checked when it came
        extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
        allowed = DOCUMENT_TYPES.get(extension)
        if allowed is None:
            return  # FileExtensionValidator names the allowed extensions
        found = sniff(file)
        if found not in allowed:
            raise ValidationError(
                _("This file's content is %(found)s, not a .%(extension)s file: it was not accepted."),
                code="content_mismatch",
                params={"found": found, "extension": extension},
            )

    def __eq__(self, other):
        return isinstance(other, ContentMatchesName)


@deconstructible
class MaxFileSize:
    """Refuses a file over ``settings.MAX_UPLOAD_MB`` megabytes (read when validating)."""

    def __call__(self, file):
        if getattr(file, "_committed", False):
            return
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
    """The validators of a document field: one of ``DOCUMENT_EXTENSIONS``, at most MAX_UPLOAD_MB,
    with a content of the type its extension names."""
    return [FileExtensionValidator(DOCUMENT_EXTENSIONS), MaxFileSize(), ContentMatchesName()]
