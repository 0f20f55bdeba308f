"""A project's printable sheet for partners, as PDF (core.pdf)."""

from core.pdf import pdf_response
from meetings.papers import portal_council

from .models import Project
from .models.results import budget_totals
from .views import ProjectDetailView


class ProjectSheetView(ProjectDetailView):
    """The project sheet: programme, axes, status, progress, approval, provinces, partners and
    agreements, recommendations, milestones, budget lines with their totals per funder and per
    year (MAD), and indicators with the values the project page shows the user (approved ones
    only for those who may not change values). It names organizations, never people, so it holds
    no contact details. Anyone who may view the project may print it."""

    def get(self, request, *args, **kwargs):
        project = self.object = self.get_object(Project.objects.all())  # may they see it? the rest if not kept
        return pdf_response("projects/pdf/project_sheet.html", self.sheet, request, f"project-{project.pk}.pdf")

    def sheet(self) -> dict:
        project = self.get_object()
        return {"project": project, "budget": budget_totals(project), "council": portal_council()}
