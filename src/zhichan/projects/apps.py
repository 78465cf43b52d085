from django.utils.translation import gettext_lazy as _

from zhichan.core.modules import Menu, Module
from zhichan.core.roles import PROGRAMME_USERS


class ProjectsConfig(Module):
    name = "zhichan.projects"
    label = "projects"
    verbose_name = _("Projects")
    # The projects and industry–university–research matching share one drop-down.
    menu_group = _("Projects")
    menu = [
        Menu(_("Cultivation and navigation projects"), "project-list", PROGRAMME_USERS),
        Menu(_("Industry–university–research matching"), "matching-event-list", PROGRAMME_USERS),
        Menu(_("Co-operation agreements"), "agreement-list", PROGRAMME_USERS),
    ]
    api_enums = {
        "ProjectStateEnum": "zhichan.projects.models.State",
        "ProjectKindEnum": "zhichan.projects.models.ProjectKind",
        "PostingKindEnum": "zhichan.projects.models.PostingKind",
        "MatchOutcomeEnum": "zhichan.projects.models.Outcome",
    }
    first_start = ["first_start.first_start"]
