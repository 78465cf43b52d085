"""Who may open each page and endpoint of the projects module, and rows to try them with: a project of 市市场监管局
(whose liaison is a demo account) applied for by the demo enterprise in 水头镇, and one of 市科技局 in 溪美街道.
Every user of the programme opens the list (each sees the projects of its scope); the office and a member unit's
liaison enter projects; on a project's page its unit's liaison, the office and the applicant enterprise enter
(which step each may take is the actions' business)."""

from zhichan.core.roles import LIAISONS, PROGRAMME_USERS, Role

WRITERS = frozenset({Role.OFFICE, *LIAISONS, Role.ENTERPRISE})
CREATORS = frozenset({Role.OFFICE, *LIAISONS})

EXPECTED = {
    "project-list": (PROGRAMME_USERS, PROGRAMME_USERS),
    "project-export": (PROGRAMME_USERS, PROGRAMME_USERS),
    "project-new": (CREATORS, CREATORS),
    "project-detail": (PROGRAMME_USERS, WRITERS),
    "project-step": (PROGRAMME_USERS, WRITERS),
    "api:project-list": (PROGRAMME_USERS, WRITERS),
    "api:project-detail": (PROGRAMME_USERS, WRITERS),
    "api:project-step": (PROGRAMME_USERS, WRITERS),
}


def rows(users):
    from .factories import make_project, other_enterprise

    make_project(users["enterprise"].enterprises.first(), title="水头项目")
    make_project(other_enterprise(), unit="science", title="溪美项目")
