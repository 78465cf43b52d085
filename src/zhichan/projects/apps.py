from django.utils.translation import gettext_lazy as _

from zhichan.core.modules import Menu, Module
from zhichan.core.roles import PROGRAMME_USERS


class ProjectsConfig(Module):
    name = "zhichan.projects"
    label = "projects"
    verbose_name = _("Projects")
    menu = [Menu(_("Projects"), "project-list", PROGRAMME_USERS)]
    api_enums = {
        "ProjectStateEnum": "zhichan.projects.models.State",
        "ProjectKindEnum": "zhichan.projects.models.ProjectKind",
    }
    first_start = ["first_start.first_start"]
