"""Permission tests generated from the URL configuration.

Every URL pattern is collected from the resolver. Each must declare its roles, and the declaration must match
the table of the module that owns it (`tests/<app label>/permissions.py`: `EXPECTED`, and `rows(users)` adding
rows to try the views with), so a new page or endpoint fails here until someone decides who may use it. Then every role
(including an anonymous visitor) is tried against every pattern: refused where the declaration says so, and,
for views of one object, refused (404) for an object outside the role's unit, region or ownership.
"""

from importlib import import_module
from importlib.util import find_spec

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from zhichan.core import modules
from zhichan.core.access import EXEMPT_NAMESPACES, RolePermission, declared_roles, is_api_view
from zhichan.core.models import Person, Unit
from zhichan.core.roles import EVERYONE, LIAISONS, Role


def tables():
    """Each installed module's `tests/<label>/permissions.py` (or `<app>/permissions.py` for an app under tests/)."""
    found = []
    for config in modules.installed():
        for name in (f"tests.{config.label}.permissions", f"{config.name}.permissions"):
            if find_spec(name.rsplit(".", 1)[0]) is not None and find_spec(name) is not None:
                found.append(import_module(name))
                break
    return found


TABLES = tables()
# URL name → (roles that may read, roles that may write), from every module's table. A new URL must be added
# to its app's table.
EXPECTED = {name: roles for table in TABLES for name, roles in table.EXPECTED.items()}
URL_KWARGS = {name: kwargs for table in TABLES for name, kwargs in getattr(table, "URL_KWARGS", {}).items()}
QUERIES = {name: query for table in TABLES for name, query in getattr(table, "QUERIES", {}).items()}

ANONYMOUS = "anonymous"
ROLE_USERS = {
    Role.OFFICE: "office",
    Role.LEADER: "leader",
    Role.UNIT_LIAISON: "amr-liaison",
    Role.TOWNSHIP_LIAISON: "shuitou-liaison",
    Role.ENTERPRISE: "enterprise",
    Role.BANK: "bank",
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


def test_each_url_is_in_one_table_and_each_module_has_one():
    names = [name for table in TABLES for name in table.EXPECTED]
    assert len(names) == len(set(names)), f"listed twice: {sorted({n for n in names if names.count(n) > 1})}"
    with_urls = {config.label for config in modules.installed() if config.part("urls") or config.part("api_urls")}
    labels = {table.__name__.split(".")[-2] for table in TABLES}
    assert with_urls <= labels, f"modules without a permissions table: {sorted(with_urls - labels)}"


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


@pytest.fixture(scope="module")
def objects(django_db_setup, django_db_blocker):
    """Rows every model view can be tried with, at least one outside each liaison's scope: each module's own.

    Made once for the module's three thousand tests, in a transaction of its own that each test's transaction
    nests in (a savepoint, rolled back after the test) and that is rolled back after the last of them: making them
    for each test took most of the suite's time."""
    from django.db import transaction

    from zhichan.core.models import User

    from ..conftest import PASSWORDS

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer._from_testcase = True  # as Django's TestCase marks its own: a durable block may nest in it
        outer.__enter__()
        try:
            users = {user.username: user for user in User.objects.filter(username__in=PASSWORDS)}
            for table in TABLES:
                table.rows(users)
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def client_as(client, users, username):
    if username != ANONYMOUS:
        client.force_login(users[username])
    return client


def api_as(users, username):
    from rest_framework.test import APIClient

    from zhichan.core.services.tokens import create_token

    api = APIClient()
    if username != ANONYMOUS:
        _token, key = create_token(users[username])
        api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
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
        if response.status_code == 302 and not anonymous and getattr(callback, "form_page", None):
            response = http.get(response.url)  # a form-only address leads to its form's page: that page answers
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
                    "portal-language",
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
