"""Permission tests generated from the URL configuration.

Every URL pattern is collected from the resolver. Each must declare its roles, and the declaration must match
the table below, so a new page or endpoint fails here until someone decides who may use it. Then every role
(including an anonymous visitor) is tried against every pattern: refused where the declaration says so, and,
for views of one object, refused (404) for an object outside the role's unit, region or ownership.
"""

from datetime import date

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from zhichan.core.access import EXEMPT_NAMESPACES, RolePermission, declared_roles, is_api_view
from zhichan.core.models import CalendarDay, Person, TaskProgress, Unit
from zhichan.core.roles import EVERYONE, LIAISONS, SEE_ALL, SIGNED_IN, STAFF, Role
from zhichan.core.services.notify import notify
from zhichan.programme.models import Milestone

from ..programme.conftest import MINI

OFFICE = frozenset({Role.OFFICE})
PEOPLE_WRITERS = frozenset({Role.OFFICE, *LIAISONS})

# Patterns whose arguments are not a row's primary key (a reset link's user and token): a sample that resolves.
URL_KWARGS = {"password_reset_confirm": {"uidb64": "MQ", "token": "not-a-token"}}

# URL name → (roles that may read, roles that may write). A new URL must be added here.
EXPECTED = {
    "healthz": (EVERYONE, EVERYONE),
    "login": (EVERYONE, EVERYONE),
    "logout": (EVERYONE, EVERYONE),
    "password_change": (EVERYONE, EVERYONE),
    "password_change_done": (EVERYONE, EVERYONE),
    "password_reset": (EVERYONE, EVERYONE),
    "password_reset_done": (EVERYONE, EVERYONE),
    "password_reset_confirm": (EVERYONE, EVERYONE),
    "password_reset_complete": (EVERYONE, EVERYONE),
    "set_language": (EVERYONE, EVERYONE),
    "api-schema": (SIGNED_IN, SIGNED_IN),
    "api-docs": (SIGNED_IN, SIGNED_IN),
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
    "seat-change": (STAFF, OFFICE),
    "audit": (OFFICE, OFFICE),
    "task-list": (SIGNED_IN, SIGNED_IN),
    "task-detail": (SIGNED_IN, SIGNED_IN),
    "export-download": (SIGNED_IN, SIGNED_IN),
    "calendar": (SEE_ALL, OFFICE),
    "calendar-day-add": (OFFICE, OFFICE),
    "calendar-day-edit": (OFFICE, OFFICE),
    "calendar-day-delete": (OFFICE, OFFICE),
    "notifications": (SIGNED_IN, SIGNED_IN),
    "programme-list": (STAFF, STAFF),
    "programme-overview": (STAFF, STAFF),
    "programme-timeline": (STAFF, STAFF),
    "programme-supervision": (STAFF, STAFF),
    "programme-review": (SEE_ALL, SEE_ALL),
    "programme-unit-tasks": (STAFF, STAFF),
    "programme-ledger": (STAFF, STAFF),
    "programme-closing": (STAFF, STAFF),
    "programme-closing-export": (STAFF, STAFF),
    "programme-reports-export": (STAFF, STAFF),
    "task-page": (STAFF, STAFF),
    "task-assign": (STAFF, OFFICE),
    "task-schedule": (STAFF, OFFICE),
    "milestone-add": (STAFF, OFFICE),
    "milestone-toggle": (STAFF, OFFICE),
    "assignment-confirm": (STAFF, OFFICE),
    "assignment-remove": (STAFF, OFFICE),
    "unit-plan": (STAFF, PEOPLE_WRITERS),
    "task-urge": (STAFF, OFFICE),
    "unit-urge": (STAFF, OFFICE),
    "urging-answer": (STAFF, LIAISONS),
    "report-open": (STAFF, PEOPLE_WRITERS),
    "report-detail": (STAFF, PEOPLE_WRITERS),
    "report-submit": (STAFF, PEOPLE_WRITERS),
    "report-return": (STAFF, OFFICE),
    "report-accept": (STAFF, OFFICE),
    "evidence-upload": (STAFF, PEOPLE_WRITERS),
    "evidence-download": (STAFF, STAFF),
    "evidence-delete": (STAFF, PEOPLE_WRITERS),
    "import-list": (OFFICE, OFFICE),
    "import-start": (OFFICE, OFFICE),
    "import-template": (OFFICE, OFFICE),
    "import-batch": (OFFICE, OFFICE),
    "import-rejections": (OFFICE, OFFICE),
    "import-confirm": (OFFICE, OFFICE),
    "api:importbatch-list": (OFFICE, OFFICE),
    "api:importbatch-detail": (OFFICE, OFFICE),
    "api:importbatch-confirm": (OFFICE, OFFICE),
    "api:importbatch-rejections": (OFFICE, OFFICE),
    "api:api-root": (SIGNED_IN, SIGNED_IN),
    "api:api-token": (EVERYONE, EVERYONE),
    "api:api-me": (SIGNED_IN, SIGNED_IN),
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
    "api:programme-list": (STAFF, OFFICE),
    "api:programme-detail": (STAFF, OFFICE),
    "api:programme-status": (STAFF, OFFICE),
    "api:programme-targets": (STAFF, OFFICE),
    "api:goal-list": (STAFF, OFFICE),
    "api:goal-detail": (STAFF, OFFICE),
    "api:target-list": (STAFF, OFFICE),
    "api:target-detail": (STAFF, OFFICE),
    "api:task-list": (STAFF, OFFICE),
    "api:task-detail": (STAFF, OFFICE),
    "api:assignment-list": (STAFF, OFFICE),
    "api:assignment-detail": (STAFF, OFFICE),
    "api:assignment-confirm": (STAFF, OFFICE),
    "api:milestone-list": (STAFF, OFFICE),
    "api:milestone-detail": (STAFF, OFFICE),
    "api:unitplan-list": (STAFF, PEOPLE_WRITERS),
    "api:unitplan-detail": (STAFF, PEOPLE_WRITERS),
    "api:progressreport-list": (STAFF, PEOPLE_WRITERS),
    "api:progressreport-detail": (STAFF, PEOPLE_WRITERS),
    "api:progressreport-submit": (STAFF, PEOPLE_WRITERS),
    "api:progressreport-send-back": (STAFF, PEOPLE_WRITERS),
    "api:progressreport-accept": (STAFF, PEOPLE_WRITERS),
    "api:progressreport-evidence": (STAFF, PEOPLE_WRITERS),
    "api:progressreport-history": (STAFF, PEOPLE_WRITERS),
    "api:urging-list": (STAFF, PEOPLE_WRITERS),
    "api:urging-detail": (STAFF, PEOPLE_WRITERS),
    "api:urging-answer": (STAFF, PEOPLE_WRITERS),
    "api:api-validate": (EVERYONE, EVERYONE),
    "api:api-dashboard": (STAFF, STAFF),
    "registry-home": (SIGNED_IN, SIGNED_IN),
    "patent-list": (SIGNED_IN, SIGNED_IN),
    "patent-export": (SIGNED_IN, SIGNED_IN),
    "patent-detail": (SIGNED_IN, SIGNED_IN),
    "trademark-list": (SIGNED_IN, SIGNED_IN),
    "trademark-export": (SIGNED_IN, SIGNED_IN),
    "trademark-detail": (SIGNED_IN, SIGNED_IN),
    "copyright-list": (SIGNED_IN, SIGNED_IN),
    "copyright-export": (SIGNED_IN, SIGNED_IN),
    "copyright-detail": (SIGNED_IN, SIGNED_IN),
    "gi-list": (SIGNED_IN, SIGNED_IN),
    "gi-export": (SIGNED_IN, SIGNED_IN),
    "gi-detail": (SIGNED_IN, SIGNED_IN),
    "enterprise-list": (SIGNED_IN, SIGNED_IN),
    "enterprise-export": (SIGNED_IN, SIGNED_IN),
    "enterprise-detail": (SIGNED_IN, SIGNED_IN),
    "api:patent-list": (SIGNED_IN, OFFICE),
    "api:patent-detail": (SIGNED_IN, OFFICE),
    "api:trademark-list": (SIGNED_IN, OFFICE),
    "api:trademark-detail": (SIGNED_IN, OFFICE),
    "api:copyright-list": (SIGNED_IN, OFFICE),
    "api:copyright-detail": (SIGNED_IN, OFFICE),
    "api:geographicalindication-list": (SIGNED_IN, OFFICE),
    "api:geographicalindication-detail": (SIGNED_IN, OFFICE),
    "api:enterprise-list": (SIGNED_IN, OFFICE),
    "api:enterprise-detail": (SIGNED_IN, OFFICE),
    "indicator-list": (STAFF, STAFF),
    "indicator-compute": (OFFICE, OFFICE),
    "indicator-detail": (STAFF, STAFF),
    "indicator-value": (STAFF, STAFF),
    "indicator-value-export": (STAFF, STAFF),
    "dashboard": (STAFF, STAFF),
    "dashboard-export": (STAFF, STAFF),
    "township-comparison": (STAFF, STAFF),
    "township-comparison-export": (STAFF, STAFF),
    "display": (STAFF, STAFF),
    "data-entry": (STAFF, PEOPLE_WRITERS),
    "data-review": (SEE_ALL, OFFICE),
    "data-elements": (STAFF, STAFF),
    "datavalue-approve": (OFFICE, OFFICE),
    "datavalue-return": (OFFICE, OFFICE),
    "api:indicator-list": (STAFF, OFFICE),
    "api:indicator-detail": (STAFF, OFFICE),
    "api:indicatorvalue-list": (STAFF, OFFICE),
    "api:indicatorvalue-detail": (STAFF, OFFICE),
    "api:indicatorvalue-records": (STAFF, OFFICE),
    "api:dataelement-list": (STAFF, OFFICE),
    "api:dataelement-detail": (STAFF, OFFICE),
    "api:datavalue-list": (STAFF, PEOPLE_WRITERS),
    "api:datavalue-detail": (STAFF, PEOPLE_WRITERS),
    "api:validationrule-list": (STAFF, OFFICE),
    "api:validationrule-detail": (STAFF, OFFICE),
}
# Query strings for views that answer a bare GET with 400 (a missing parameter).
QUERIES = {"api:api-validate": "?kind=uscc&value=91350583MA0DEMX01X"}

ANONYMOUS = "anonymous"
ROLE_USERS = {
    Role.OFFICE: "office",
    Role.LEADER: "leader",
    Role.UNIT_LIAISON: "amr-liaison",
    Role.TOWNSHIP_LIAISON: "shuitou-liaison",
    Role.ENTERPRISE: "enterprise",
    Role.PUBLIC: ANONYMOUS,
}
# A second liaison of another unit, to show two liaisons cannot see each other's rows.
EXTRA_USERS = {"court-liaison": Role.UNIT_LIAISON}


def walk(patterns=None, namespaces=()):
    """(name with namespace, pattern, callback) for every URL pattern, recursively."""
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, namespaces + ((entry.namespace,) if entry.namespace else ()))
        elif isinstance(entry, URLPattern):
            name = ":".join(namespaces + (entry.name,)) if entry.name else None
            yield name, namespaces, entry


def routes():
    """The patterns the tests cover: all but the admin's (it checks staff itself) and format-suffix twins."""
    seen = {}
    for name, namespaces, entry in walk():
        if EXEMPT_NAMESPACES.intersection(namespaces):
            continue
        if "format" in entry.pattern.regex.groupindex:
            continue
        seen.setdefault(name or str(entry.pattern), entry)
    return seen


ROUTES = routes()


def model_of(callback):
    cls = getattr(callback, "cls", None)
    if cls is not None and getattr(cls, "queryset", None) is not None:
        return cls.queryset.model
    return getattr(callback, "scoped_model", None)


def test_every_url_is_named_and_listed():
    unnamed = [key for key in ROUTES if ":" not in key and key not in EXPECTED and "/" in key]
    assert not unnamed, f"give these URL patterns a name: {unnamed}"
    assert set(ROUTES) == set(EXPECTED), (
        f"URL patterns not in the permission table: {sorted(set(ROUTES) - set(EXPECTED))}; "
        f"listed but gone: {sorted(set(EXPECTED) - set(ROUTES))}"
    )


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_declaration_matches_the_table(name):
    declared = declared_roles(ROUTES[name].callback)
    assert declared is not None, f"{name} declares no roles"
    assert declared == tuple(frozenset(r) for r in EXPECTED[name]), f"{name}: declared {declared}"


@pytest.mark.parametrize("name", sorted(name for name in ROUTES if is_api_view(ROUTES[name].callback)))
def test_api_views_enforce_their_declaration(name):
    """DRF decides API access itself, so its permission classes must be the ones that read the declaration."""
    cls = ROUTES[name].callback.cls
    if declared_roles(ROUTES[name].callback)[0] != EVERYONE:
        assert RolePermission in cls.permission_classes, f"{name}: permission_classes {cls.permission_classes}"


@pytest.mark.parametrize(
    "name", sorted(name for name in ROUTES if ROUTES[name].pattern.regex.groupindex and name not in URL_KWARGS)
)
def test_object_views_say_what_they_scope(name):
    groups = set(ROUTES[name].pattern.regex.groupindex)
    assert groups == {"pk"}, f"{name}: teach this test the URL arguments {groups}"
    assert model_of(ROUTES[name].callback) is not None, f"{name}: set scoped_model (or a queryset)"


# --- behaviour -----------------------------------------------------------------------------------------


@pytest.fixture
def objects(users):
    """Rows every model view can be tried with: at least one outside each liaison's scope."""
    CalendarDay.objects.create(date=date(2024, 2, 12), kind=CalendarDay.Kind.HOLIDAY, name="春节", source="test")
    notify(list(users.values()), "notice", "", "", key="permissions")  # each user's own, and others'
    TaskProgress.objects.create(label="office task", user=users["office"])
    TaskProgress.objects.create(label="liaison task", user=users["amr-liaison"])
    from zhichan.core.models import ImportBatch

    ImportBatch.objects.create(kind="patent", user=users["office"], file_name="p.csv", state="done")
    Person.objects.create(name="法院知识产权专员", unit=Unit.objects.get(key="court"), is_ip_staff=True)
    Person.objects.create(name="市场监管局知识产权专员", unit=Unit.objects.get(key="amr"), is_ip_staff=True)
    # A programme with reports, plans and evidence of two units, so every programme view has rows in and out
    # of each liaison's scope.
    from django.core.files.uploadedfile import SimpleUploadedFile

    from zhichan.programme.models import Task
    from zhichan.programme.services import planning, reporting, supervision
    from zhichan.programme.services.loading import load_programme
    from zhichan.programme.services.periods import periods

    programme = load_programme(MINI)["programme"]
    task = Task.objects.get(programme=programme, key="4.1.2")
    Milestone.objects.create(task=task, title="m", due=programme.start)
    for username, unit_key in [("amr-liaison", "amr"), ("court-liaison", "court")]:
        unit = Unit.objects.get(key=unit_key)
        report = reporting.open_report(task, unit, periods(programme)[0], users[username])
        reporting.attach(report, users[username], SimpleUploadedFile("e.pdf", b"%PDF-1.4\n%%EOF\n"))
        planning.save_unit_plan(task, unit, users[username], "plan")
        supervision.urge(users["office"], unit, "督办", programme=programme, task=task)
    indicator_rows()


def indicator_rows():
    """An indicator with values in and out of the township liaison's region, and reported figures of two units."""
    from django.utils import timezone

    from zhichan.core.models import Region
    from zhichan.indicators.models import DataElement, DataValue, Indicator, IndicatorValue

    indicator = Indicator.objects.create(code="t", name="t", unit_of_measure="件", numerator="valid_trademarks")
    element = DataElement.objects.create(code="e", name="e", unit_of_measure="件", value_type="integer")
    for code in ["350583", "350583119", "350583001"]:
        region = Region.objects.get(code=code)
        IndicatorValue.objects.create(
            indicator=indicator,
            region=region,
            period="2024",
            period_end=date(2024, 12, 31),
            value=1,
            numerator=1,
            inputs={"values": {"valid_trademarks": 1}},
            computed_at=timezone.now(),
        )
    for unit_key in ["amr", "region-350583119"]:
        unit = Unit.objects.get(key=unit_key)
        DataValue.objects.create(
            element=element,
            region=unit.region,
            period="2024Q1",
            period_start=date(2024, 1, 1),
            period_end=date(2024, 3, 31),
            value=1,
            unit=unit,
            state="submitted",
        )
    # Registry rows in 水头镇 held by the demo enterprise and in 溪美街道 held by another enterprise.
    from ..registry.registers import make_registers

    make_registers()


def client_as(client, users, username):
    if username != ANONYMOUS:
        client.force_login(users[username])
    return client


def api_as(users, username):
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    api = APIClient()
    if username != ANONYMOUS:
        token, _ = Token.objects.get_or_create(user=users[username])
        api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return api


def refused(response, anonymous: bool, api: bool) -> bool:
    if api:
        return response.status_code in (401, 403)
    if anonymous:
        return response.status_code == 302 and "/accounts/login/" in response["Location"]
    return response.status_code == 403


def visible_and_hidden(model, user):
    visible = model._default_manager.visible_to(user) if user else model._default_manager.none()
    hidden = model._default_manager.exclude(pk__in=visible.values("pk"))
    return visible.first(), hidden.first()


CASES = [(name, username) for name in sorted(ROUTES) for username in [*ROLE_USERS.values(), *EXTRA_USERS]]


def role_of_username(username):
    return Role.PUBLIC if username == ANONYMOUS else ({v: k for k, v in ROLE_USERS.items()} | EXTRA_USERS)[username]


@pytest.mark.parametrize(("name", "username"), CASES)
def test_role_against_url(name, username, client, users, objects):
    entry = ROUTES[name]
    callback = entry.callback
    read_roles, write_roles = declared_roles(callback)
    role = role_of_username(username)
    user = None if username == ANONYMOUS else users[username]
    api = is_api_view(callback)
    anonymous = username == ANONYMOUS
    http = api_as(users, username) if api else client_as(client, users, username)
    model = model_of(callback)

    if "pk" not in entry.pattern.regex.groupindex:
        targets = [(reverse(name, kwargs=URL_KWARGS.get(name)) + QUERIES.get(name, ""), True)]
    else:
        visible, hidden = visible_and_hidden(model, user)
        targets = []
        if visible is not None:
            targets.append((reverse(name, kwargs={"pk": visible.pk}), True))
        if hidden is not None:
            targets.append((reverse(name, kwargs={"pk": hidden.pk}), False))
        if role in LIAISONS and model in (Unit, Person):
            assert hidden is not None, f"{name}: no row outside {username}'s unit to try"

    for url, in_scope in targets:
        response = http.get(url)
        if role not in read_roles:
            assert refused(response, anonymous, api), f"GET {url} as {username}: {response.status_code}"
        elif not in_scope:
            # 405: a POST-only view; its POST below must then refuse the row.
            assert response.status_code in (404, 405), (
                f"GET {url} (outside scope) as {username}: {response.status_code}"
            )
        else:
            assert response.status_code in (200, 302, 405), f"GET {url} as {username}: {response.status_code}"
            if response.status_code == 302:  # only sign-in entries and the language switch redirect
                assert name in (
                    "workbench",
                    "set_language",
                    "password_change",
                    "password_change_done",
                    "programme-list",
                ), f"GET {url} as {username} redirected"
            if api and response.status_code == 200 and model is not None and "results" in response.json():
                ids = {row["id"] for row in response.json()["results"]}
                allowed = set(model._default_manager.visible_to(user).values_list("pk", flat=True))
                assert ids <= allowed, f"{url} as {username} lists rows outside scope: {ids - allowed}"

        if name in ("login", "api:api-token", "set_language", "logout"):
            continue  # these take POSTs from anyone by design
        post = http.post(url, {}, format="json") if api else http.post(url, {})
        if role not in write_roles:
            assert refused(post, anonymous, api), f"POST {url} as {username}: {post.status_code}"
        elif not in_scope:
            allowed = (403, 404) if response.status_code == 405 else (403, 404, 405)
            assert post.status_code in allowed, f"POST {url} (outside scope) as {username}: {post.status_code}"
        if api and model is not None and model is not Unit and role in write_roles and not in_scope:
            patch = http.patch(url, {}, format="json")
            assert patch.status_code in (403, 404, 405), f"PATCH {url} (outside scope) as {username}"


def test_admin_refuses_everyone_but_the_office(client, users):
    for username in ["leader", "amr-liaison", "shuitou-liaison", "enterprise"]:
        client.force_login(users[username])
        response = client.get("/admin/core/unit/")
        assert response.status_code == 302 and "/admin/login/" in response["Location"], username
    client.force_login(users["office"])
    assert client.get("/admin/core/unit/").status_code == 200
