"""Rights-assistance requests: taking one in, closing it, who may, and what guards it."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import override

from zhichan.core.models import Event
from zhichan.protection.models import AssistanceOutcome, AssistanceRequest
from zhichan.protection.services import assistance

D = datetime.date


@pytest.fixture(autouse=True)
def english():
    with override("en"):
        yield


@pytest.fixture
def new_request(db, users, amr):
    def make(user="amr-liaison", **extra):
        values = {"unit": amr, "kind": "exhibition", "requester": "演示石材有限公司", "requested_on": D(2024, 5, 6)}
        values.update(extra)
        return assistance.open_request(users[user] if user else None, **values)

    return make


def kinds_of_events(item):
    return list(
        Event.objects.filter(object_id=item.pk, kind__startswith="assistance.")
        .order_by("pk")
        .values_list("kind", flat=True)
    )


def test_a_request_is_taken_in_and_closed_with_its_events(new_request, users):
    item = new_request()
    assistance.close_request(item, users["amr-liaison"], AssistanceOutcome.ASSISTED, D(2024, 5, 20), "已出具意见")
    item.refresh_from_db()
    assert (item.outcome, item.closed_on) == ("assisted", D(2024, 5, 20))
    assert kinds_of_events(item) == ["assistance.opened", "assistance.closed"]


def test_only_the_units_liaison_or_the_office_acts(new_request, users):
    with pytest.raises(PermissionDenied):
        new_request(user="court-liaison")
    item = new_request(user="office")
    for username in ("court-liaison", "leader", "shuitou-liaison"):
        with pytest.raises(PermissionDenied):
            assistance.close_request(item, users[username], "assisted", D(2024, 5, 20))


def test_closing_is_guarded(new_request, users):
    user = users["amr-liaison"]
    item = new_request()
    with pytest.raises(ValidationError) as error:
        assistance.close_request(item, user, "assisted", D(2024, 5, 1))
    assert "day" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        assistance.close_request(item, user, "declined", D(2024, 5, 10))
    assert "note" in error.value.message_dict
    assistance.close_request(item, user, "declined", D(2024, 5, 10), "不属于知识产权纠纷")
    with pytest.raises(ValidationError, match="already closed"):
        assistance.close_request(item, user, "assisted", D(2024, 5, 11))
    with pytest.raises(ValidationError) as error:
        new_request(requester="")
    assert "requester" in error.value.message_dict


def test_scoping_as_cases(new_request, users):
    item = new_request()
    readers = {n for n in users if AssistanceRequest.objects.visible_to(users[n]).filter(pk=item.pk).exists()}
    assert {"office", "leader", "amr-liaison"} <= readers and "court-liaison" not in readers
    writers = {n for n in users if AssistanceRequest.objects.editable_by(users[n]).filter(pk=item.pk).exists()}
    assert writers == {"office", "amr-liaison"}
