import datetime
import gc
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType

from zhichan.core.bulk_work import insert_rows, one_of, update_rows, without_collector_pauses
from zhichan.core.models import Event, Region

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("walk", [False, True])
def test_one_of_finds_the_rows_named_and_no_other(walk):
    regions = list(Region.objects.order_by("pk")[:6])
    wanted = [region.name for region in regions[::2]] + ["不存在的镇", 'it\'s "quoted"']
    found = Region.objects.filter(one_of("name", wanted, walk=walk)).values_list("pk", flat=True)
    assert sorted(found) == sorted(region.pk for region in Region.objects.filter(name__in=wanted))
    assert found


def test_one_of_takes_numbers_as_their_type_and_nothing_as_nothing():
    pks = list(Region.objects.order_by("pk").values_list("pk", flat=True)[:3])
    assert sorted(Region.objects.filter(one_of("pk", pks, "bigint", walk=True)).values_list("pk", flat=True)) == pks
    assert not Region.objects.filter(one_of("pk", [], "bigint")).exists()


def _events(rows):
    kind = ContentType.objects.get_for_model(Region)
    return [(key, kind.pk, Region.objects.order_by("pk")[0].pk, label, data) for key, label, data in rows]


def test_insert_rows_writes_each_row_once_with_the_other_fields_defaults():
    data = {"amount": Decimal("1.50"), "day": datetime.date(2024, 1, 2)}
    given = [("test.one", "第一行", data), ("test.two", "", {})]
    assert insert_rows(Event, ["kind", "content_type", "object_id", "label", "data"], _events(given)) == 2
    found = Event.objects.filter(kind__startswith="test.").order_by("kind")
    assert [(e.kind, e.label, e.data, e.reason, e.user_id) for e in found] == [
        ("test.one", "第一行", {"amount": "1.50", "day": "2024-01-02"}, "", None),
        ("test.two", "", {}, "", None),
    ]
    assert all(e.at for e in found)
    assert insert_rows(Event, ["kind"], []) == 0


def test_a_row_of_the_wrong_width_is_refused_and_nothing_written():
    with pytest.raises(ValueError, match="a row of 2 values for 5 fields"):
        insert_rows(Event, ["kind", "content_type", "object_id", "label", "data"], [("test.short", 1)])
    assert not Event.objects.filter(kind="test.short").exists()


def test_update_rows_sets_the_fields_named_of_the_rows_named_only():
    insert_rows(Event, ["kind", "content_type", "object_id", "label", "data"], _events([("test.a", "a", {})] * 3))
    first, second, third = Event.objects.filter(kind="test.a").order_by("pk")
    assert update_rows(Event, ["label", "data"], [(first.pk, "甲", {"n": 1}), (third.pk, "丙", {"n": 3})]) == 2
    assert [(e.label, e.data) for e in Event.objects.filter(kind="test.a").order_by("pk")] == [
        ("甲", {"n": 1}),
        ("a", {}),
        ("丙", {"n": 3}),
    ]


def test_the_collector_waits_and_is_back_as_it_was():
    assert gc.isenabled()
    with without_collector_pauses():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with without_collector_pauses():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
