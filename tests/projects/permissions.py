"""Who may open each page and endpoint of the projects module, and rows to try them with: a project of 市市场监管局
(whose liaison is a demo account) applied for by the demo enterprise in 水头镇, and one of 市科技局 in 溪美街道.
Every user of the programme opens the list (each sees the projects of its scope); the office and a member unit's
liaison enter projects; on a project's page its unit's liaison, the office and the applicant enterprise enter
(which step each may take is the actions' business). Industry–university–research matching and co-operation
agreements: every user of the programme reads the lists and the records of its scope; the office and a member
unit's liaison enter events, postings, matches and agreements and take their steps; an enterprise reads its own
demands, their matches and events, and its agreements."""

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
    "matching-event-list": (PROGRAMME_USERS, PROGRAMME_USERS),
    "matching-event-export": (PROGRAMME_USERS, PROGRAMME_USERS),
    "matching-event-new": (CREATORS, CREATORS),
    "matching-event-detail": (PROGRAMME_USERS, CREATORS),
    "matching-event-step": (PROGRAMME_USERS, CREATORS),
    "matching-posting-list": (PROGRAMME_USERS, PROGRAMME_USERS),
    "matching-posting-export": (PROGRAMME_USERS, PROGRAMME_USERS),
    "matching-posting-new": (CREATORS, CREATORS),
    "matching-match-list": (PROGRAMME_USERS, PROGRAMME_USERS),
    "matching-match-export": (PROGRAMME_USERS, PROGRAMME_USERS),
    "matching-match-new": (CREATORS, CREATORS),
    "matching-match-detail": (PROGRAMME_USERS, CREATORS),
    "matching-match-step": (PROGRAMME_USERS, CREATORS),
    "agreement-list": (PROGRAMME_USERS, PROGRAMME_USERS),
    "agreement-export": (PROGRAMME_USERS, PROGRAMME_USERS),
    "agreement-new": (CREATORS, CREATORS),
    "agreement-detail": (PROGRAMME_USERS, CREATORS),
    "agreement-step": (PROGRAMME_USERS, CREATORS),
    "api:matchingevent-list": (PROGRAMME_USERS, CREATORS),
    "api:matchingevent-detail": (PROGRAMME_USERS, CREATORS),
    "api:matchingevent-step": (PROGRAMME_USERS, CREATORS),
    "api:posting-list": (PROGRAMME_USERS, CREATORS),
    "api:posting-detail": (PROGRAMME_USERS, CREATORS),
    "api:match-list": (PROGRAMME_USERS, CREATORS),
    "api:match-detail": (PROGRAMME_USERS, CREATORS),
    "api:match-step": (PROGRAMME_USERS, CREATORS),
    "api:cooperationagreement-list": (PROGRAMME_USERS, CREATORS),
    "api:cooperationagreement-detail": (PROGRAMME_USERS, CREATORS),
    "api:cooperationagreement-step": (PROGRAMME_USERS, CREATORS),
}


def rows(users):
    from .factories import make_project, other_enterprise
    from .matching import make_matching

    make_project(users["enterprise"].enterprises.first(), title="水头项目")
    make_project(other_enterprise(), unit="science", title="溪美项目")
    # inside and outside each liaison's scope: 市市场监管局's in 水头镇 (the demo enterprise's demand and
    # agreement), and 市科技局's in 溪美街道 (another enterprise's)
    make_matching(users["enterprise"].enterprises.first(), unit="amr", township="350583119", title="水头对接会")
    make_matching(other_enterprise(), unit="science", township="350583001", title="溪美对接会")
