"""Who may open each page and endpoint of the services module, and rows to try them with: an agency, an outlet and
a custody engagement kept by the market supervision bureau, and an outlet kept by the court. Every staff role
reads the directories and the custody ledger; the office and the liaison of the unit keeping a record write it;
agencies are kept by member units (their supervising unit), so a township's liaison does not enter them; only the
office publishes."""

from zhichan.core.roles import LIAISONS, STAFF, Role

OFFICE = frozenset({Role.OFFICE})
AGENCY_WRITERS = frozenset({Role.OFFICE, Role.UNIT_LIAISON})
WRITERS = frozenset({Role.OFFICE, *LIAISONS})

EXPECTED = {
    "agency-list": (STAFF, STAFF),
    "agency-new": (AGENCY_WRITERS, AGENCY_WRITERS),
    "agency-export": (STAFF, STAFF),
    "agency-detail": (STAFF, AGENCY_WRITERS),
    "agency-edit": (AGENCY_WRITERS, AGENCY_WRITERS),
    "agency-qualification-add": (STAFF, AGENCY_WRITERS),
    "agency-practitioner-add": (STAFF, AGENCY_WRITERS),
    "agency-service-add": (STAFF, AGENCY_WRITERS),
    "agency-publish": (STAFF, OFFICE),
    "api:agency-list": (STAFF, AGENCY_WRITERS),
    "api:agency-detail": (STAFF, AGENCY_WRITERS),
    "outlet-list": (STAFF, STAFF),
    "outlet-new": (WRITERS, WRITERS),
    "outlet-detail": (STAFF, WRITERS),
    "outlet-edit": (WRITERS, WRITERS),
    "outlet-activity-add": (STAFF, WRITERS),
    "outlet-publish": (STAFF, OFFICE),
    "api:outlet-list": (STAFF, WRITERS),
    "api:outlet-detail": (STAFF, WRITERS),
    "custody-list": (STAFF, STAFF),
    "custody-new": (WRITERS, WRITERS),
    "custody-export": (STAFF, STAFF),
    "custody-detail": (STAFF, WRITERS),
    "custody-edit": (WRITERS, WRITERS),
    "custody-service-add": (STAFF, WRITERS),
    "custody-visit-add": (STAFF, WRITERS),
    "custody-rate": (STAFF, WRITERS),
    "api:custodyengagement-list": (STAFF, WRITERS),
    "api:custodyengagement-detail": (STAFF, WRITERS),
}


def rows(users):
    from .factories import make_engagement, make_outlet

    make_engagement(None, n=1)  # with its agency, kept by the market supervision bureau
    make_outlet(None, n=1)
    make_outlet(None, n=2, unit_key="court")
