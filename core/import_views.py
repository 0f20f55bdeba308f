"""The import pages: upload, preview every row with its errors, confirm (core.imports)."""

import uuid

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from . import registry
from .forms import valid_key
from .imports import check, importer_for, outcome, read_table, template_xlsx, write
from .jobs import Job
from .spreadsheets import XLSX
from .tasks import run_import
from .validators import MaxFileSize


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File (XLSX or CSV)"), widget=forms.FileInput(attrs={"accept": ".xlsx,.csv"})
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        MaxFileSize()(upload)
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise ValidationError(_("Choose an XLSX or a CSV file."))
        return upload


class ImportMixin:
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.importer = importer_for(kwargs["slug"])
        if self.importer is None:
            raise Http404
        if field := self.importer.parent_field:  # the record the rows go to, e.g. ?meeting=3
            model = self.importer.parent_model()
            value = request.GET.get(field, "")
            if not value or not valid_key(model, value):
                raise Http404
            self.importer.parent = get_object_or_404(model, pk=value)

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.importer.required_permission()):
            raise PermissionDenied
        if self.importer.parent is not None and not registry.may_change(request.user, self.importer.parent):
            raise PermissionDenied(registry.OTHER_REGION)
        return super().dispatch(request, *args, **kwargs)


class ImportView(ImportMixin, TemplateView):
    """GET: the upload form. POST a file: its rows checked and shown. POST ``confirm``: the
    rows checked again and written in one transaction when none fails."""

    template_name = "core/import.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            importer=self.importer,
            opts=self.importer.model._meta,
            slug=self.kwargs["slug"],
            parent=self.importer.parent,
        )
        context.setdefault("form", UploadForm())
        return context

    def post(self, request, *args, **kwargs):
        if "confirm" in request.POST:
            return self.confirm(request.POST["confirm"])
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        upload = form.cleaned_data["file"]
        content = upload.read()
        try:
            headers, rows = read_table(upload.name, content)
            checked = check(self.importer, headers, rows, user=self.request.user)
        except ValidationError as error:
            form.add_error("file", error)
            return self.render_to_response(self.get_context_data(form=form))
        token = uuid.uuid4().hex
        path = default_storage.save(
            f"imports/{token}{'.xlsx' if upload.name.lower().endswith('.xlsx') else '.csv'}", ContentFile(content)
        )
        parent = self.importer.parent.pk if self.importer.parent else None
        request.session[f"import:{token}"] = {"slug": self.kwargs["slug"], "path": path, "parent": parent}
        return self.render_to_response(self.get_context_data(rows=checked, headers=headers, token=token))

    def confirm(self, token: str):
        pending = self.request.session.get(f"import:{token}")
        parent = self.importer.parent.pk if self.importer.parent else None
        if not pending or pending["slug"] != self.kwargs["slug"] or pending.get("parent") != parent:
            messages.error(self.request, _("This import has expired: upload the file again."))
            return HttpResponseRedirect(self.request.path)
        with default_storage.open(pending["path"], "rb") as handle:
            content = handle.read()
        headers, rows = read_table(pending["path"], content)
        if len(rows) > settings.IMPORT_IN_BACKGROUND_ROWS:
            del self.request.session[f"import:{token}"]
            return self.import_in_background(pending, len(rows))
        checked = check(self.importer, headers, rows, user=self.request.user)  # again: records may have changed
        if any(row.errors for row in checked):
            return self.render_to_response(self.get_context_data(rows=checked, headers=headers, token=token))
        created, filled = write(self.importer, checked)
        default_storage.delete(pending["path"])
        del self.request.session[f"import:{token}"]
        messages.success(self.request, outcome(created, filled, len(checked)))
        return HttpResponseRedirect(self.done_url())

    def done_url(self) -> str:
        """Where an import leads once done: the parent record, else the list of what was imported."""
        if self.importer.parent:
            return self.importer.parent.get_absolute_url()
        try:
            return reverse(registry.page_name(self.importer.model, "list"))
        except NoReverseMatch:
            return self.request.path

    def import_in_background(self, pending: dict, total: int):
        """A long import: checked again and written by a background job, whose page shows progress."""
        job = Job.objects.create(
            kind=Job.Kind.IMPORT,
            user=self.request.user,
            title=_("Import of %(what)s") % {"what": self.importer.title},
            total=total,
            language=get_language(),
            back_url=self.done_url(),
        )
        run_import.enqueue(str(job.pk), self.kwargs["slug"], pending["path"], pending.get("parent"))
        return HttpResponseRedirect(job.get_absolute_url())


class ImportTemplateView(ImportMixin, TemplateView):
    """An empty XLSX file with the import's columns, in the interface language."""

    def get(self, request, *args, **kwargs):
        response = HttpResponse(template_xlsx(self.importer), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{kwargs["slug"]}-template.xlsx"'
        return response
