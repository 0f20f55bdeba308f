from core.forms import PortalModelForm, VersionedFormMixin

from .models import Source


class SourceForm(VersionedFormMixin, PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = Source
        fields = ["kind", "title", "outlet", "url", "published_on", "language", "notes"]
