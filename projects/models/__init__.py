"""The projects app's models: strategies, programmes, projects and their results, agreements."""

from .agreements import AgreementDocument, AgreementParty, Amendment, PartnershipAgreement
from .events import Event, EventKind, EventOrganizer, EventSeries
from .programmes import Programme, Project, Strategy, StrategyAxis, ThematicAxis
from .results import BudgetLine, Expenditure, Indicator, IndicatorValue, Milestone, MilestoneDocument, ProjectDocument

__all__ = [
    "AgreementDocument",
    "AgreementParty",
    "Amendment",
    "BudgetLine",
    "Event",
    "EventKind",
    "EventOrganizer",
    "EventSeries",
    "Expenditure",
    "Indicator",
    "IndicatorValue",
    "Milestone",
    "MilestoneDocument",
    "PartnershipAgreement",
    "Programme",
    "Project",
    "ProjectDocument",
    "Strategy",
    "StrategyAxis",
    "ThematicAxis",
]
