"""A background job's page (progress, result, rows with errors) and its file (``core.jobs``)."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView

from .jobs import Job
from .views import RoleRequiredMixin

REFRESH_SECONDS = 2


class JobMixin(RoleRequiredMixin):
    """A job is seen by the user who started it only (404 for anyone else)."""

    def get_queryset(self):
        return Job.objects.filter(user=self.request.user)


class JobView(JobMixin, DetailView):
    """The job's status and progress bar; the page reloads itself until the job is finished."""

    template_name = "core/job.html"
    context_object_name = "job"

    def get_context_data(self, **kwargs):
        return super().get_context_data(refresh=None if self.object.finished else REFRESH_SECONDS, **kwargs)


class JobFileView(JobMixin, DetailView):
    """The file a finished download job built, as an attachment."""

    def get(self, request, *args, **kwargs):
        job = get_object_or_404(self.get_queryset(), pk=kwargs["pk"], status=Job.Status.DONE)
        if not job.file:
            raise Http404
        name = job.file.name.rsplit("/", 1)[-1].removeprefix(f"{job.pk}-")  # stored as "<job id>-<name>"
        return FileResponse(job.file.open("rb"), as_attachment=True, filename=name)
