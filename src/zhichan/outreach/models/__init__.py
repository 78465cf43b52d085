from .activities import Activity, ActivityKind, Audience, Campaign, Participant, Source
from .survey import RoundState, SurveyResponse, SurveyRound

__all__ = [
    "Activity",
    "ActivityKind",
    "Audience",
    "Campaign",
    "Participant",
    "RoundState",
    "Source",
    "SurveyResponse",
    "SurveyRound",
]
