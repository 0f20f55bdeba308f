"""The meeting form's links to what the meeting concerns, each with its meaning: agreements
prepared, approved or carried out at it, strategies presented, projects approved.

The links live on the agreements, strategies and projects (this app builds on meetings); the
meeting form gets these fields through ``core.forms.extend_form`` (registered in ``apps``), each
a chooser over the meeting's reverse relation.
"""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.forms import FormExtension, MultiChooser, RecordMultipleChoiceField
from meetings.models import Meeting

from .models import PartnershipAgreement, Project, Strategy

# (form field: the meeting's reverse relation, model, its many-to-many to meetings, label)
MANY = [
    ("agreements", PartnershipAgreement, "meetings", _("partnership agreements prepared at this meeting")),
    ("agreements_approved", PartnershipAgreement, "approved_at", _("partnership agreements approved at this meeting")),
    ("agreements_carried_out", PartnershipAgreement, "carried_out_at",
     _("partnership agreements carried out through this meeting")),
    ("strategies_presented", Strategy, "presented_at", _("strategies presented at this meeting")),
]  # fmt: skip


class MeetingLinks(FormExtension):
    """Adds the links above and ``projects_approved`` (projects whose approving meeting it is)."""

    def fields(self, meeting):
        labels = [(name, model, label) for name, model, _relation, label in MANY]
        labels.append(("projects_approved", Project, _("projects approved at this meeting")))
        return {
            name: RecordMultipleChoiceField(
                queryset=model.objects.all(), required=False, label=capfirst(label),
                widget=MultiChooser(Meeting._meta.get_field(name)),
                initial=list(getattr(meeting, name).values_list("pk", flat=True)) if meeting.pk else [],
            )
            for name, model, label in labels
        }  # fmt: skip

    def save(self, meeting, cleaned_data):
        for name, model, relation, _label in MANY:
            if name not in cleaned_data:
                continue
            chosen = set(cleaned_data[name])
            linked = set(model.objects.filter(**{relation: meeting}))
            for record in chosen - linked:
                getattr(record, relation).add(meeting)
            for record in linked - chosen:
                getattr(record, relation).remove(meeting)
        if "projects_approved" in cleaned_data:
            chosen = set(cleaned_data["projects_approved"])
            linked = set(Project.objects.filter(approving_meeting=meeting))
            for project in chosen - linked:
                project.approving_meeting = meeting
                project.save(update_fields=["approving_meeting"])
            for project in linked - chosen:
                project.approving_meeting = None
                project.save(update_fields=["approving_meeting"])
