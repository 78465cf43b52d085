from django.utils.translation import gettext_lazy as _

from zhichan.core.modules import Menu, Module
from zhichan.core.roles import SEE_ALL, STAFF


class OutreachConfig(Module):
    name = "zhichan.outreach"
    label = "outreach"
    verbose_name = _("Training and publicity")
    menu_group = _("Training and publicity")
    menu = [
        Menu(_("Trainings and publicity"), "activity-list", STAFF),
        Menu(_("IP education in schools"), "school-list", STAFF),
        Menu(_("Satisfaction survey"), "survey-list", SEE_ALL),
    ]
    api_enums = {
        "ActivityKindEnum": "zhichan.outreach.models.ActivityKind",
        "RoundStateEnum": "zhichan.outreach.models.RoundState",
    }
    panels = ["panels.outreach_panel"]
    first_start = ["first_start.first_start"]
