"""Shared fixtures: the Nan'an regions, organisation and one account per role, loaded once per test database."""

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test.utils import override_settings

from zhichan.core.services.demo import create_demo_accounts
from zhichan.core.services.organisation import load_organisation
from zhichan.core.services.regions import load_regions

REGIONS_FILE = django_settings.PROJECT_DIR / "data" / "regions" / "350583-nanan.yaml"
ORGANISATION_FILE = django_settings.PROJECT_DIR / "data" / "organisations" / "nanan-2022.yaml"

# Fast hashing and inline tasks for the whole run.
_TEST_SETTINGS = override_settings(
    PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    # A first start in a test (bootstrap) loads a small demo registry, not the full one.
    DEMO_REGISTRY_SIZES={"enterprises": 20, "patents": 200, "trademarks": 100, "copyrights": 20},
    STORAGES={
        **django_settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    },
)
_TEST_SETTINGS.enable()
django_settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)

PASSWORDS: dict[str, str] = {}


def _flush_by_delete():
    """A transactional test (a browser test's live server) empties every table when it ends. On PostgreSQL Django
    does so by one TRUNCATE of some two hundred tables, which takes about a second alone and several beside the
    other worker; the few rows such a test writes are deleted in hundredths. Deleting in one transaction in any
    order is safe: Django's foreign keys there are checked at commit (DEFERRABLE INITIALLY DEFERRED)."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade:
            return truncate(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        return [f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};" for table in tables]

    DatabaseOperations.sql_flush = sql_flush


if django_settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
    _flush_by_delete()


def load_nanan():
    """Regions, units, roster and demo accounts; returns {username: password}."""
    load_regions(REGIONS_FILE)
    load_organisation(ORGANISATION_FILE)
    rows = create_demo_accounts()
    PASSWORDS.update({username: password for username, password, _ in rows})
    return PASSWORDS


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_nanan()


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's language: a request in English leaves English active in the thread, and the
    tests run in any order (two processes)."""
    from django.utils import translation

    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached figures are keyed by what the database holds, and every test
    rolls its database back."""
    cache.clear()


@pytest.fixture
def users(db):
    """The demo users by username: office, leader, amr-liaison, court-liaison, shuitou-liaison, enterprise,
    police-liaison and procuratorate-liaison."""
    from zhichan.core.models import User

    return {user.username: user for user in User.objects.filter(username__in=PASSWORDS)}


@pytest.fixture
def operator(db):
    """The platform operator's office account: without a unit, it reads and runs every organisation's programme
    (Nan'an's demo office reads only Nan'an's once a city's is loaded beside it)."""
    from zhichan.core.models import Role, User

    return User.objects.create(username="operator", role=Role.OFFICE)


@pytest.fixture
def client_for(client, users):
    """A test client signed in as the named demo user (or as the user given)."""

    def sign_in(username):
        client.force_login(users.get(username) or username)
        return client

    return sign_in


@pytest.fixture
def api_for(users):
    """A DRF API client authenticated with the named demo user's (or the given user's) token."""
    from rest_framework.test import APIClient

    from zhichan.core.services.tokens import create_token

    def authenticate(username):
        api = APIClient()
        _token, key = create_token(users.get(username) or username)
        api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        return api

    return authenticate
