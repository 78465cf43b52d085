from django.utils.translation import gettext_lazy as _

from zhichan.core.modules import Menu, Module
from zhichan.core.roles import STAFF


class AssessmentConfig(Module):
    name = "zhichan.assessment"
    label = "assessment"
    verbose_name = _("Assessment")
    menu = [Menu(_("Assessment"), "assessment-rounds", STAFF)]
    api_enums = {
        "AssessmentRoundStateEnum": "zhichan.assessment.models.RoundState",
        "AssessedUnitStateEnum": "zhichan.assessment.models.ParticipantState",
        "AssessmentItemKindEnum": "zhichan.assessment.models.ItemKind",
        "AppealStateEnum": "zhichan.assessment.models.AppealState",
        "AssessmentNoticeKindEnum": "zhichan.assessment.models.NoticeKind",
        "AssessmentNoticeStateEnum": "zhichan.assessment.models.NoticeState",
    }
    todos = ["todos.assessment_todos"]
    first_start = ["first_start.first_start"]
