"""The event log, actions, acting_as, and the one way refusals reach the API and the pages."""

from types import SimpleNamespace

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from zhichan.core.actions import action, office_only
from zhichan.core.events import PERSON_ADDED, PERSON_CHANGED, EventKind, events_of, events_on, kinds, record
from zhichan.core.history import acting_as
from zhichan.core.models import Event, Person, Region, Unit
from zhichan.core.views.actions import run_action

from ..conftest import REGIONS_FILE

pytestmark = pytest.mark.django_db


def test_record_keeps_who_what_on_which_record_with_its_unit(users, django_assert_num_queries):
    amr = Unit.objects.get(key="amr")
    person = Person.objects.create(name="钱七", unit=amr)
    ContentType.objects.get_for_model(Person)  # read once per process, then cached
    with django_assert_num_queries(1):  # one INSERT (content types are cached)
        event = record(users["office"], PERSON_CHANGED, person, reason=" 更正职务 ", title="专职人员")
    event.refresh_from_db()
    assert (event.user, event.kind, event.record, event.label) == (users["office"], "person.changed", person, "钱七")
    assert event.reason == "更正职务" and event.data == {"title": "专职人员"}
    assert event.unit == amr and event.region is None  # from the model's scope: a person belongs to its unit
    assert list(events_of(person)) == [event]


def test_a_region_is_its_own_region_and_the_system_has_no_user():
    county = Region.objects.get(depth=1)
    kind = EventKind("region.tested", "tested")
    event = record(None, kind, county, note="x")
    assert event.user is None and event.region == county


def test_kinds_are_declared_once_and_listed_with_their_labels():
    assert "person.added" in [kind.key for kind in kinds()]
    assert "report.returned" in [kind.key for kind in kinds()]  # apps' own events.py are discovered
    EventKind("person.added", PERSON_ADDED.label)  # the same declaration again (a module re-imported) is fine
    with pytest.raises(ValueError):
        EventKind("person.added", "something else")
    with pytest.raises(ValueError):
        record(None, SimpleNamespace(key="person.unknown"), Person())  # an undeclared kind is refused


RENAMED = EventKind("person.renamed_for_test", "renamed")


@action(RENAMED, on="person", reason="why", allow=office_only, data=lambda arguments, result: {"name": result})
def rename(person, user, name, why=""):
    person.name = name
    person.save()
    if name == "坏":
        raise ValidationError("bad name")
    return name


def test_an_action_checks_runs_in_one_transaction_as_its_user_and_leaves_its_event(users):
    amr = Unit.objects.get(key="amr")
    person = Person.objects.create(name="钱七", unit=amr)
    with pytest.raises(PermissionDenied):
        rename(person, users["amr-liaison"], "钱八")
    with pytest.raises(ValidationError):
        rename(person, users["office"], "坏")
    assert Person.objects.get(pk=person.pk).name == "钱七"  # rolled back, and no event
    assert not events_of(person).exists()
    rename(person, users["office"], "钱八", why="改名")
    (event,) = events_of(person)
    assert (event.kind, event.reason, event.data, event.user) == (
        RENAMED.key,
        "改名",
        {"name": "钱八"},
        users["office"],
    )
    assert person.history.first().history_user == users["office"]  # no request: the action named the user


def test_acting_as_names_the_user_in_the_history_and_nests():
    amr = Unit.objects.get(key="amr")
    from zhichan.core.models import User

    office = User.objects.get(username="office")
    leader = User.objects.get(username="leader")
    with acting_as(office):
        first = Person.objects.create(name="甲", unit=amr)
        with acting_as(leader):
            second = Person.objects.create(name="乙", unit=amr)
        third = Person.objects.create(name="丙", unit=amr)
    fourth = Person.objects.create(name="丁", unit=amr)
    users = [p.history.first().history_user for p in (first, second, third, fourth)]
    assert users == [office, leader, office, None]


def test_a_task_runs_as_the_user_who_started_it(users, settings):
    from zhichan.core.services.progress import start
    from zhichan.core.tasks import reload_regions

    county = Region.objects.get(depth=1)
    Region.objects.filter(pk=county.pk).update(name_en="changed")  # so the reload writes the county again
    progress = start(reload_regions, "reload", users["office"], str(REGIONS_FILE))
    progress.refresh_from_db()
    assert progress.state == "done"
    assert county.history.first().history_user == users["office"]
    (event,) = events_of(progress)
    assert event.kind == "task.regions_reloaded" and event.user == users["office"]


def test_a_command_runs_as_its_user_or_the_system(users):
    county = Region.objects.get(depth=1)
    Region.objects.filter(pk=county.pk).update(name_en="changed")
    call_command("load_regions", str(REGIONS_FILE), "--user", "office", stdout=None, stderr=None)
    assert county.history.first().history_user == users["office"]
    Region.objects.filter(pk=county.pk).update(name_en="changed again")
    call_command("load_regions", str(REGIONS_FILE))
    assert county.history.first().history_user is None


def test_events_on_a_model_are_those_of_the_records_the_user_may_see(users):
    amr, court = Unit.objects.get(key="amr"), Unit.objects.get(key="court")
    ours = record(users["office"], PERSON_ADDED, Person.objects.create(name="甲", unit=amr))
    theirs = record(users["office"], PERSON_ADDED, Person.objects.create(name="乙", unit=court))
    assert set(events_on(Person, users["amr-liaison"])) >= {ours} and theirs not in events_on(
        Person, users["amr-liaison"]
    )
    assert theirs in events_on(Person, users["office"])


def test_person_pages_leave_events_and_the_audit_page_lists_them(client_for, users):
    amr = Unit.objects.get(key="amr")
    client = client_for("amr-liaison")
    client.post(reverse("person-create", args=[amr.pk]), {"name": "钱七", "unit": amr.pk, "active": "on"})
    person = Person.objects.get(name="钱七")
    client.post(
        reverse("person-edit", args=[person.pk]), {"name": "钱七", "unit": amr.pk, "title": "专职人员", "active": "on"}
    )
    assert [e.kind for e in events_of(person)] == ["person.changed", "person.added"]
    office = client_for("office")
    html = office.get(reverse("audit"), {"tab": "events", "kind": "person.added"}).content.decode()
    assert html.count('data-testid="event-row"') == 1 and "钱七" in html
    html = office.get(reverse("audit"), {"tab": "events", "user": "leader"}).content.decode()
    assert 'data-testid="event-row"' not in html


def test_run_action_shows_a_validation_error_and_lets_a_refusal_be_a_403(users):
    request = RequestFactory().post("/")
    request.session, request.user = {}, users["office"]
    from django.contrib.messages.storage.fallback import FallbackStorage

    request._messages = FallbackStorage(request)

    def refuse_politely():
        raise ValidationError(["第一条", "第二条"])

    outcome = run_action(request, refuse_politely, done="好")
    assert not outcome.ok and [str(m) for m in get_messages(request)] == ["第一条", "第二条"]
    assert run_action(request, lambda: 3, done="好").result == 3

    def forbidden():
        raise PermissionDenied

    with pytest.raises(PermissionDenied):
        run_action(request, forbidden)


def test_the_api_answers_domain_refusals_with_400_and_403_in_the_users_language():
    from rest_framework.exceptions import ErrorDetail

    from zhichan.core.api_errors import exception_handler

    response = exception_handler(ValidationError({"__all__": ["规则"], "note": ["必填"]}), {})
    assert response.status_code == 400
    assert response.data == {
        "non_field_errors": [ErrorDetail("规则", "invalid")],
        "note": [ErrorDetail("必填", "invalid")],
    }
    response = exception_handler(PermissionDenied("只有办公室可以"), {})
    assert response.status_code == 403 and response.data["detail"] == "只有办公室可以"
    assert exception_handler(PermissionDenied(), {}).status_code == 403


def test_events_are_not_edited_history():
    assert not hasattr(Event, "history")
