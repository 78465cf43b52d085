"""Who may open each page and endpoint of the foundation (core) and the project's own URLs, and rows to try them with.

tests/core/test_permissions.py walks every URL pattern and checks it against the table of the app that owns it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from zhichan.core.models import CalendarDay, ImportBatch, Person, TaskProgress, Unit
from zhichan.core.roles import EVERYONE, LIAISONS, SEE_ALL, SIGNED_IN, STAFF, Role
from zhichan.core.services.notify import notify
from zhichan.core.services.tokens import create_token

OFFICE = frozenset({Role.OFFICE})


@dataclass
class Draft:
    """A workflow record one unit has not finished, for tests/core/test_drafts.py: `row` is the draft, `markers`
    text only it carries (no page, export or answer may show them to anyone who may not read it), `owner` the
    username of its unit's liaison, `submit()` finishes it, and `seen_after` are the usernames that read it
    then. `dependents` are rows read through it (its attachments)."""

    row: object
    markers: list[str]
    owner: str
    submit: Callable[[], object]
    seen_after: set[str]
    dependents: list = field(default_factory=list)
    # Query strings to try pages with besides their usual one (URL name → ["?state=draft", …]).
    pages: dict[str, list[str]] = field(default_factory=dict)


PEOPLE_WRITERS = frozenset({Role.OFFICE, *LIAISONS})
IMPORTERS = frozenset({Role.OFFICE, *LIAISONS, Role.BANK})

# Patterns whose arguments are not a row's primary key (a reset link's user and token): a sample that resolves.
URL_KWARGS = {"password_reset_confirm": {"uidb64": "MQ", "token": "not-a-token"}}

# URL name → (roles that may read, roles that may write).
EXPECTED = {
    "logout": (EVERYONE, EVERYONE),
    "password_change": (EVERYONE, EVERYONE),
    "password_change_done": (EVERYONE, EVERYONE),
    "password_reset_complete": (EVERYONE, EVERYONE),
    "set_language": (EVERYONE, EVERYONE),
    "api-schema": (SIGNED_IN, SIGNED_IN),
    "api-docs": (SIGNED_IN, SIGNED_IN),
    "api:api-root": (SIGNED_IN, SIGNED_IN),
    "healthz": (EVERYONE, EVERYONE),
    "login": (EVERYONE, EVERYONE),
    "password_reset": (EVERYONE, EVERYONE),
    "password_reset_done": (EVERYONE, EVERYONE),
    "password_reset_confirm": (EVERYONE, EVERYONE),
    "workbench": (EVERYONE, EVERYONE),
    "region-list": (STAFF, STAFF),
    "region-reload": (OFFICE, OFFICE),
    "region-detail": (STAFF, STAFF),
    "unit-list": (STAFF, STAFF),
    "organisation-reload": (OFFICE, OFFICE),
    "unit-detail": (STAFF, STAFF),
    "person-create": (PEOPLE_WRITERS, PEOPLE_WRITERS),
    "person-edit": (STAFF, PEOPLE_WRITERS),
    "user-temporary-password": (OFFICE, OFFICE),
    "roster": (STAFF, STAFF),
    "seat-change": (OFFICE, OFFICE),
    "audit": (OFFICE, OFFICE),
    "task-list": (SIGNED_IN, SIGNED_IN),
    "task-detail": (SIGNED_IN, SIGNED_IN),
    "task-again": (SIGNED_IN, SIGNED_IN),
    "export-download": (SIGNED_IN, SIGNED_IN),
    "attachment-download": (SIGNED_IN, SIGNED_IN),
    "calendar": (SEE_ALL, OFFICE),
    "calendar-day-add": (OFFICE, OFFICE),
    "calendar-day-edit": (OFFICE, OFFICE),
    "calendar-day-delete": (OFFICE, OFFICE),
    "notifications": (SIGNED_IN, SIGNED_IN),
    "account": (SIGNED_IN, SIGNED_IN),
    "account-token-revoke": (SIGNED_IN, SIGNED_IN),
    # The office imports every kind; a liaison the kinds open to its role (ImportKind.roles), its own batches.
    "import-list": (IMPORTERS, IMPORTERS),
    "import-start": (IMPORTERS, IMPORTERS),
    "import-template": (IMPORTERS, IMPORTERS),
    "import-batch": (IMPORTERS, IMPORTERS),
    "import-rejections": (IMPORTERS, IMPORTERS),
    "import-confirm": (IMPORTERS, IMPORTERS),
    "import-restart": (OFFICE, OFFICE),
    "api:importbatch-list": (IMPORTERS, IMPORTERS),
    "api:importbatch-detail": (IMPORTERS, IMPORTERS),
    "api:importbatch-confirm": (IMPORTERS, IMPORTERS),
    "api:importbatch-rejections": (IMPORTERS, IMPORTERS),
    "api:api-token": (EVERYONE, EVERYONE),
    "api:api-me": (SIGNED_IN, SIGNED_IN),
    "api:apitoken-list": (SIGNED_IN, SIGNED_IN),
    "api:apitoken-detail": (SIGNED_IN, SIGNED_IN),
    "api:region-list": (STAFF, OFFICE),
    "api:region-detail": (STAFF, OFFICE),
    "api:population-list": (STAFF, OFFICE),
    "api:population-detail": (STAFF, OFFICE),
    "api:unit-list": (STAFF, OFFICE),
    "api:unit-detail": (STAFF, OFFICE),
    "api:person-list": (STAFF, PEOPLE_WRITERS),
    "api:person-detail": (STAFF, PEOPLE_WRITERS),
    "api:committee-list": (STAFF, OFFICE),
    "api:committee-detail": (STAFF, OFFICE),
    "api:membership-list": (STAFF, OFFICE),
    "api:membership-detail": (STAFF, OFFICE),
    "api:taskprogress-list": (SIGNED_IN, OFFICE),
    "api:taskprogress-detail": (SIGNED_IN, OFFICE),
    "api:exportfile-list": (SIGNED_IN, OFFICE),
    "api:exportfile-detail": (SIGNED_IN, OFFICE),
    "api:exportfile-file": (SIGNED_IN, OFFICE),
    "api:calendarday-list": (STAFF, OFFICE),
    "api:calendarday-detail": (STAFF, OFFICE),
    "api:notification-list": (SIGNED_IN, SIGNED_IN),
    "api:notification-detail": (SIGNED_IN, SIGNED_IN),
    "api:notification-read": (SIGNED_IN, SIGNED_IN),
}


def rows(users):
    CalendarDay.objects.create(date=date(2024, 2, 12), kind=CalendarDay.Kind.HOLIDAY, name="春节", source="test")
    notify(list(users.values()), "notice", "", "", key="permissions")  # each user's own, and others'
    TaskProgress.objects.create(label="office task", user=users["office"])
    TaskProgress.objects.create(label="liaison task", user=users["amr-liaison"])
    ImportBatch.objects.create(kind="patent", user=users["office"], file_name="p.csv", state="done")
    Person.objects.create(name="法院知识产权专员", unit=Unit.objects.get(key="court"), is_ip_staff=True)
    for username in ["office", "amr-liaison"]:  # each user's own tokens, and another's
        create_token(users[username], "permissions")
    Person.objects.create(name="市场监管局知识产权专员", unit=Unit.objects.get(key="amr"), is_ip_staff=True)
