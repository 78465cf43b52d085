import pytest
from django.urls import reverse

from zhichan.core.models import AuthEvent, Person, Unit

pytestmark = pytest.mark.django_db


def test_every_business_model_has_history():
    from django.apps import apps
    from simple_history.models import registered_models

    ours = ("core", "registry", "programme", "indicators")
    business = [m for m in apps.get_models() if m._meta.app_label in ours and not m.__name__.startswith("Historical")]
    # Logs, not business records: nobody edits them, and an import batch is itself the provenance of its rows.
    exempt = {"AuthEvent", "Notification", "TaskProgress", "WorkerHeartbeat", "ImportBatch", "ImportRejection"}
    exempt.add("IndicatorValue")  # materialized from audited records, recomputed at will
    exempt.add("ExportFile")  # an output built from audited records, like the task that built it
    exempt.add("ApiToken")  # a credential, never edited: its making and revoking are events
    exempt.add("Event")  # the event log is itself the record of what was done, written once and never edited
    exempt.add("ChangeMark")  # a cache's clock: when a table was last written in bulk
    missing = [m.__name__ for m in business if m not in registered_models.values() and m.__name__ not in exempt]
    assert not missing, f"add HistoricalRecords to {missing}"


def test_audit_page_shows_who_changed_what_before_and_after(client_for, users):
    client = client_for("amr-liaison")
    amr = Unit.objects.get(key="amr")
    client.post(reverse("person-create", args=[amr.pk]), {"name": "钱七", "unit": amr.pk, "active": "on"})
    person = Person.objects.get(name="钱七")
    client.post(
        reverse("person-edit", args=[person.pk]), {"name": "钱七", "unit": amr.pk, "title": "专职人员", "active": "on"}
    )
    office = client_for("office")
    html = office.get(reverse("audit"), {"model": "core.person"}).content.decode()
    assert "amr-liaison" in html and "钱七" in html
    assert "专职人员" in html  # the new value beside the old (empty) one
    html = office.get(reverse("audit"), {"user": "amr-liaison"}).content.decode()
    assert "钱七" in html


def test_sign_ins_and_failures_are_recorded(client):
    from ..conftest import PASSWORDS

    client.post(reverse("login"), {"username": "leader", "password": "not-the-password"})
    client.post(reverse("login"), {"username": "leader", "password": PASSWORDS["leader"]})
    kinds = list(AuthEvent.objects.filter(username="leader").values_list("kind", flat=True))
    assert AuthEvent.Kind.FAILED in kinds and AuthEvent.Kind.LOGIN in kinds
    failed = AuthEvent.objects.filter(username="leader", kind="failed").first()
    assert failed.ip_address == "127.0.0.1"


def test_audit_logins_tab(client_for, client):
    client.post(reverse("login"), {"username": "ghost", "password": "x"})
    html = client_for("office").get(reverse("audit"), {"tab": "logins"}).content.decode()
    assert "ghost" in html


@pytest.mark.parametrize("tab", ["changes", "events", "logins"])
def test_the_audit_page_keeps_the_signed_in_menu_when_filtered_by_username(client_for, tab):
    html = client_for("office").get(reverse("audit"), {"tab": tab, "user": "amr-liaison"}).content.decode()
    assert 'data-testid="current-user"' in html and 'data-testid="notification-bell"' in html
    assert 'name="user" value="amr-liaison"' in html
