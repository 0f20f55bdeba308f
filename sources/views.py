from django.urls import reverse_lazy

from core.editing import PortalCreateView, PortalDeleteView, PortalUpdateView
from core.views import PortalDetailView, PortalListView

from .filters import SourceFilter
from .forms import SourceForm
from .models import Source


class SourceListView(PortalListView):
    """Sources, newest first, with how many records cite each."""

    model = Source
    filterset_class = SourceFilter
    export_fields = ("id", "kind", "title", "outlet", "url", "published_on", "language")

    def get_queryset(self):
        return Source.objects.all()


class SourceDetailView(PortalDetailView):
    """A source and the records that cite it (meetings, decisions, recommendations, indicator values)."""

    model = Source

    def get_queryset(self):
        return Source.objects.prefetch_related(
            "meetings", "decisions__meeting", "recommendations", "indicator_values__indicator__project"
        )


class SourceCreateView(PortalCreateView):
    model = Source
    form_class = SourceForm


class SourceUpdateView(PortalUpdateView):
    model = Source
    form_class = SourceForm


class SourceDeleteView(PortalDeleteView):
    model = Source
    success_url = reverse_lazy("sources:source_list")
