"""Pages of the documents kept with records (``core.documents``): add, delete, download.

The URLs name the document model (``/documents/meetings/meetingdocument/…``). Adding needs the
model's ``add`` permission, deleting ``delete``; downloading needs ``view`` and, for an internal
document, ``change`` (council staff). Files are always sent as attachments with the type read
from their content and ``nosniff``, so that no browser renders one as a page.
"""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.forms import modelform_factory
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View

from .documents import DocumentBase
from .editing import PortalCreateView, PortalDeleteView
from .forms import PortalModelForm
from .validators import DOCUMENT_EXTENSIONS
from .views import ModelPermissionMixin


class DocumentModelMixin:
    """Reads the document model from the URL's ``app_label`` and ``model_name`` (404 if it is none)."""

    def dispatch(self, request, *args, app_label, model_name, **kwargs):
        try:
            self.model = apps.get_model(app_label, model_name)
        except LookupError:
            raise Http404 from None
        if not issubclass(self.model, DocumentBase):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self):
        return self.parent.get_absolute_url()


class DocumentCreateView(DocumentModelMixin, PortalCreateView):
    """Add a document to the record ``parent`` (its pk in the URL); size and type are read on save."""

    fields = ["title", "kind", "file", "internal"]
    template_name = "core/document_form.html"

    @cached_property
    def parent(self):
        related = self.model._meta.get_field(self.model.parent_field).related_model
        return get_object_or_404(related, pk=self.kwargs["parent"])

    def get_form_class(self):
        return modelform_factory(self.model, form=PortalModelForm, fields=self.fields)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        file = form.fields["file"]
        file.widget.attrs["accept"] = ",".join(f".{extension}" for extension in DOCUMENT_EXTENSIONS)
        file.help_text = _(
            "PDF, Word, Excel, PowerPoint, OpenDocument, JPEG or PNG, at most %(limit)s MB; "
            "its content must be of the kind its name says."
        ) % {"limit": settings.MAX_UPLOAD_MB}
        return form

    def form_valid(self, form):
        setattr(form.instance, self.model.parent_field, self.parent)
        form.instance.uploaded_by = self.request.user
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        return super().get_context_data(parent=self.parent, **kwargs)

    def cancel_url(self):
        return self.parent.get_absolute_url()


class DocumentDeleteView(DocumentModelMixin, PortalDeleteView):
    """Delete a document (its file stays while its history names it, so that it can be restored)."""

    @property
    def parent(self):
        return self.object.parent


class DocumentDownloadView(DocumentModelMixin, ModelPermissionMixin, View):
    """The document's file, as an attachment; 404 when it is missing from storage."""

    def get(self, request, pk):
        document = get_object_or_404(self.model, pk=pk)
        if document.internal and not self.model.sees_internal(request.user):
            raise PermissionDenied(_("This document is for the council's staff only."))
        try:
            handle = document.file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=document.file_name,
            content_type=document.content_type or "application/octet-stream",
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        return response
