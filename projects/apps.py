from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "projects"
    verbose_name = _("Projects and programmes")

    def ready(self):
        from core import registry
        from core.forms import extend_form

        from . import models as m
        from .meeting_links import MeetingLinks

        registry.register_app(self)
        extend_form("meetings.forms.MeetingForm", MeetingLinks())
        registry.register(m.Programme, searchable=True, history=True)
        registry.register(m.Project, searchable=True, choosable=True, history=True)
        registry.register(m.Strategy, searchable=True, choosable=True, history=True)
        registry.register(m.PartnershipAgreement, searchable=True, choosable=True, history=True, url_name="agreement")
        registry.register(m.ThematicAxis, history=True, open_list=("name_ar", "name_fr", "code", "order"))
        registry.register(m.Event, searchable=True, choosable=True, history=True)
        registry.register(m.EventKind, history=True, open_list=("name_ar", "name_fr", "code", "order"))
        registry.register(m.EventSeries, history=True, open_list=("title_ar", "title_fr"))
        registry.register(m.EventOrganizer, history=True, parent="event")
        registry.register(m.StrategyAxis, numbered=True, history=True, parent="strategy")
        registry.register(m.AgreementParty, history=True, parent="agreement")
        registry.register(m.Amendment, history=True, parent="agreement")
        registry.register(m.Milestone, history=True, parent="project")
        registry.register(m.MilestoneDocument, history=True, parent="milestone")
        registry.register(m.ProjectDocument, history=True, parent="project")
        registry.register(m.AgreementDocument, history=True, parent="agreement")
        registry.register(m.BudgetLine, history=True, parent="project")
        registry.register(m.Expenditure, history=True)
        registry.register(m.Indicator, history=True, parent="project")
        # A value's history shows drafts: only for those who may change values.
        registry.register(
            m.IndicatorValue,
            history=True,
            history_permission="change",
            parent="indicator",
            staff_permissions=("projects.approve_indicatorvalue",),
        )
