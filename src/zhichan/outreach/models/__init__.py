from .activities import Activity, ActivityKind, Audience, Campaign, Participant, Source
from .schools import PilotLevel, School, SchoolLevel, StudentWork
from .survey import RoundState, SurveyResponse, SurveyRound

__all__ = [
    "Activity",
    "ActivityKind",
    "Audience",
    "Campaign",
    "Participant",
    "PilotLevel",
    "School",
    "SchoolLevel",
    "StudentWork",
    "RoundState",
    "Source",
    "SurveyResponse",
    "SurveyRound",
]
