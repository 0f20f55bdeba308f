"""The meetings app's models: meetings and consultations, recommendations and their follow-up, decisions."""

from .decisions import Decision
from .documents import ConsultationDocument, DecisionDocument, MeetingDocument
from .feeds import CalendarFeed
from .links import MeetingLink, MeetingSeries
from .meetings import AgendaItem, Attendance, Consultation, Meeting, MeetingQuerySet, ParticipantCategory
from .recommendations import Recommendation, RecommendationAnswer, RecommendationLink, StatusChange

__all__ = [
    "AgendaItem",
    "Attendance",
    "CalendarFeed",
    "Consultation",
    "ConsultationDocument",
    "Decision",
    "DecisionDocument",
    "Meeting",
    "MeetingDocument",
    "MeetingLink",
    "MeetingSeries",
    "MeetingQuerySet",
    "ParticipantCategory",
    "Recommendation",
    "RecommendationAnswer",
    "RecommendationLink",
    "StatusChange",
]
