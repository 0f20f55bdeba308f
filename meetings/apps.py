from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from core import registry

        from . import imports  # noqa: F401  (registers the importer)
        from . import models as m

        registry.register_app(self)
        registry.register(m.Meeting, searchable=True, choosable=True, history=True)
        registry.register(m.Consultation, searchable=True, choosable=True, history=True)
        registry.register(m.Recommendation, searchable=True, choosable=True, history=True)
        registry.register(m.Decision, choosable=True, history=True, parent="meeting")
        registry.register(m.AgendaItem, numbered=True, history=True, parent="meeting")
        registry.register(m.Attendance, history=True, parent="meeting")
        registry.register(m.ParticipantCategory, history=True, open_list=("name_ar", "name_fr", "code", "order"))
        registry.register(m.MeetingSeries, history=True, open_list=("title_ar", "title_fr"))
        registry.register(m.MeetingLink, history=True, parent="from_meeting")
        registry.register(m.RecommendationAnswer, history=True, parent="recommendation", url_name="answer")
        registry.register(m.MeetingDocument, history=True, parent="meeting")
        registry.register(m.ConsultationDocument, history=True, parent="consultation")
        registry.register(m.DecisionDocument, history=True, parent="decision")
        registry.register(m.StatusChange, parent="recommendation")
        registry.register(m.RecommendationLink, history=True, parent="target")
