"""Trademarks: validity over the term, renewal, termination, the set-based rule, Nice classes, scope, phrases."""

import itertools
import random
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhichan.core.models import Region
from zhichan.registry.identifiers import IdentifierError
from zhichan.registry.models import Enterprise, Trademark, TrademarkEvent, TrademarkEventKind
from zhichan.registry.nice import parse_nice_classes
from zhichan.registry.services.entries import create_trademark
from zhichan.registry.services.trademarks import status_on, trademark_event_kind
from zhichan.registry.terms import last_day_of_term

pytestmark = pytest.mark.django_db

SHUITOU = "350583119"
_serials = itertools.count(90000001)


def trademark(registered=date(2013, 5, 21), region=None, **fields):
    created, _ = create_trademark(
        None, str(next(_serials)), mark="示例标识", registration_date=registered, region=region, **fields
    )
    return created


def event(item, day, kind, text=""):
    return TrademarkEvent.objects.create(trademark=item, date=day, kind=kind, text=text)


def state(item, day):
    return status_on(item, day).state


def agrees_with_set_rule(item, day) -> bool:
    in_set = Trademark.objects.filter(pk=item.pk).valid_on(day).exists()
    return in_set == status_on(item, day).valid


# --- the model ------------------------------------------------------------------------------------------


def test_create_trademark_normalizes_the_number_and_the_classes():
    item, created = create_trademark(
        None, "第 90000000 号", mark="示例", nice_classes="【第43类】", registration_date=None
    )
    assert created and item.registration_number == "90000000" and item.nice_classes == "43"
    again, created = create_trademark(None, "90000000", mark="示例二", nice_classes="29类 食品;30")
    assert not created and again.pk == item.pk and again.nice_classes == "29;30"
    assert again.nice_class_list == [29, 30]


def test_an_international_number_is_a_madrid_registration():
    item, _ = create_trademark(None, "G1234567", mark="EXAMPLE")
    assert item.madrid


def test_refusals():
    with pytest.raises(ValidationError) as caught:
        create_trademark(None, "12-34", mark="x")
    assert "registration_number" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        create_trademark(None, "90000002", mark="x", nice_classes="第46类")
    assert "nice_classes" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        create_trademark(None, "90000003", mark="x", gi_mark=True)  # an ordinary mark cannot be a GI mark
    assert "gi_mark" in caught.value.message_dict
    item, _ = create_trademark(None, "90000004", mark="x", gi_mark=True, kind="certification")
    assert item.gi_mark


# --- validity -------------------------------------------------------------------------------------------


def test_valid_from_registration_to_the_end_of_ten_years_then_grace_then_expired():
    item = trademark(registered=date(2013, 5, 21))  # 专用权期限 2013年05月21日至2023年05月20日
    expected = {
        date(2013, 5, 20): "pending",
        date(2013, 5, 21): "valid",
        date(2023, 5, 20): "valid",
        date(2023, 5, 21): "grace",
        date(2023, 11, 20): "grace",
        date(2023, 11, 21): "expired",
    }
    for day, expected_state in expected.items():
        assert state(item, day) == expected_state, day
        assert agrees_with_set_rule(item, day), day
    assert status_on(item, date(2024, 1, 1)).since == date(2023, 5, 21)


def test_a_renewal_extends_by_ten_years_from_the_day_after_the_term():
    item = trademark(registered=date(2013, 5, 21))
    event(item, date(2023, 8, 1), TrademarkEventKind.RENEWAL, "商标续展")  # filed in the grace period
    assert state(item, date(2023, 7, 31)) == "grace"  # not valid until the renewal is recorded
    assert state(item, date(2023, 8, 1)) == "valid"
    assert state(item, date(2033, 5, 20)) == "valid" and state(item, date(2033, 5, 21)) == "grace"
    event(item, date(2033, 1, 1), TrademarkEventKind.RENEWAL)
    assert state(item, date(2043, 5, 20)) == "valid" and state(item, date(2043, 5, 21)) == "grace"
    for day in (date(2023, 7, 31), date(2023, 8, 1), date(2033, 5, 21), date(2043, 5, 20), date(2043, 5, 21)):
        assert agrees_with_set_rule(item, day), day


def test_the_recorded_end_of_the_exclusive_right_counts_when_later():
    item = trademark(registered=date(2003, 5, 21), expiry_date=date(2023, 5, 20))  # a ledger after renewal
    assert state(item, date(2023, 5, 20)) == "valid" and state(item, date(2023, 5, 21)) == "grace"
    assert agrees_with_set_rule(item, date(2015, 1, 1)) and agrees_with_set_rule(item, date(2023, 5, 21))


def test_leap_day_registration():
    assert last_day_of_term(date(2004, 2, 29), 1) == date(2014, 2, 28)
    assert last_day_of_term(date(2004, 2, 29), 2) == date(2024, 2, 29)  # the renewed term starts on 1 March


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (TrademarkEventKind.CANCELLATION, "cancelled"),
        (TrademarkEventKind.REVOCATION, "revoked"),
        (TrademarkEventKind.INVALIDATION, "invalidated"),
    ],
)
def test_cancellation_revocation_and_invalidation_end_a_mark(kind, expected):
    item = trademark(registered=date(2015, 1, 10))
    event(item, date(2019, 6, 1), kind, "示例")
    assert state(item, date(2019, 5, 31)) == "valid" and state(item, date(2019, 6, 1)) == expected
    assert status_on(item, date(2020, 1, 1)).reason == "示例"
    assert agrees_with_set_rule(item, date(2019, 5, 31)) and agrees_with_set_rule(item, date(2019, 6, 1))


def test_transfer_licence_and_pledge_change_nothing():
    item = trademark(registered=date(2015, 1, 10))
    for kind in (TrademarkEventKind.TRANSFER, TrademarkEventKind.LICENCE, TrademarkEventKind.PLEDGE):
        event(item, date(2016, 1, 1), kind)
    assert state(item, date(2017, 1, 1)) == "valid" and agrees_with_set_rule(item, date(2017, 1, 1))


def test_an_application_without_registration_is_pending():
    item = trademark(registered=None, application_date=date(2022, 3, 1))
    assert state(item, date(2030, 1, 1)) == "pending" and agrees_with_set_rule(item, date(2030, 1, 1))


# --- valid_on against status_on ---------------------------------------------------------------------------

KINDS = list(TrademarkEventKind.values)


def test_valid_on_agrees_with_status_on_across_a_varied_register():
    rng = random.Random(19830301)
    items = []
    for _ in range(80):
        registered = rng.choice([None, date(1960, 1, 1) + timedelta(days=rng.randrange(66 * 365))])
        expiry = None
        if registered and rng.random() < 0.3:
            expiry = last_day_of_term(registered, rng.randrange(1, 4))
        item = trademark(registered=registered, expiry_date=expiry)
        start = registered or date(2000, 1, 1)
        for _ in range(rng.randrange(5)):
            kind = rng.choice(KINDS + [TrademarkEventKind.RENEWAL] * 4)
            event(item, start + timedelta(days=rng.randrange(35 * 365)), kind)
        items.append(item)
    days = [date(1975, 1, 1), date(2000, 2, 29), date(2013, 5, 21), date(2024, 1, 1), date(2040, 6, 30)]
    days += [date(1960, 1, 1) + timedelta(days=rng.randrange(90 * 365)) for _ in range(10)]
    events = {item.pk: list(item.events.all()) for item in items}
    for day in days:
        expected = {item.pk for item in items if status_on(item, day, events[item.pk]).valid}
        assert set(Trademark.objects.all().valid_on(day).values_list("pk", flat=True)) == expected, day


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    registered=st.one_of(st.none(), st.dates(date(1950, 1, 1), date(2024, 12, 31))),
    extra_terms=st.one_of(st.none(), st.integers(0, 3)),
    steps=st.lists(st.tuples(st.integers(-400, 40 * 365), st.sampled_from(KINDS)), max_size=6),
    offsets=st.lists(st.integers(-100, 50 * 365), min_size=1, max_size=5),
)
def test_valid_on_agrees_with_status_on_for_any_event_sequence(registered, extra_terms, steps, offsets):
    Trademark.objects.all().delete()
    expiry = None if registered is None or extra_terms is None else last_day_of_term(registered, 1 + extra_terms)
    item = trademark(registered=registered, expiry_date=expiry)
    start = registered or date(2000, 1, 1)
    for offset, kind in steps:
        event(item, start + timedelta(days=offset), kind)
    for offset in offsets:
        assert agrees_with_set_rule(item, start + timedelta(days=offset))


def test_valid_on_is_one_query(django_assert_num_queries):
    trademark()
    with django_assert_num_queries(1):
        list(Trademark.objects.all().valid_on(date(2020, 1, 1)))


# --- Nice classes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "classes"),
    [
        ("19;21", [19, 21]),
        ("29类 食品", [29]),
        ("【第43类】", [43]),
        ("第19类", [19]),
        ("第 1 类、第45类", [1, 45]),
        ("２１", [21]),
        ("19; 19", [19]),
        ("", []),
        (None, []),
    ],
)
def test_parse_nice_classes(text, classes):
    assert parse_nice_classes(text) == classes


@pytest.mark.parametrize("text", ["0", "46", "第99类", "19;100"])
def test_parse_nice_classes_refuses_numbers_outside_1_to_45(text):
    with pytest.raises(IdentifierError):
        parse_nice_classes(text)


# --- scope ----------------------------------------------------------------------------------------------


def test_an_enterprise_user_sees_its_mark_once(users):
    user = users["enterprise"]
    first = user.enterprises.get()
    second = Enterprise.objects.create(name="示例二号有限公司", region=first.region, synthetic=True)
    second.members.add(user)
    shared = trademark()
    shared.holders.add(first, second)
    other = trademark()
    other.holders.add(Enterprise.objects.create(name="别家公司", region=first.region))
    assert list(Trademark.objects.visible_to(user)) == [shared]
    assert Trademark.objects.visible_to(user).valid_on(date(2020, 1, 1)).count() == 1
    event(shared, date(2019, 1, 1), TrademarkEventKind.LICENCE)
    event(other, date(2019, 1, 1), TrademarkEventKind.LICENCE)
    assert TrademarkEvent.objects.visible_to(user).count() == 1


def test_a_township_liaison_sees_its_townships_marks(users):
    own = trademark(region=Region.objects.get(code=SHUITOU))
    trademark(region=Region.objects.get(code="350583100"))
    trademark(region=None)
    assert list(Trademark.objects.visible_to(users["shuitou-liaison"])) == [own]
    assert Trademark.objects.visible_to(users["office"]).count() == 3
    assert not Trademark.objects.editable_by(users["shuitou-liaison"]).exists()


# --- event phrases --------------------------------------------------------------------------------------

PHRASES = {
    "商标续展": "renewal",
    "续展注册": "renewal",
    "商标转让": "transfer",
    "转让/移转": "transfer",
    "商标注销": "cancellation",
    "撤销连续三年不使用注册商标": "revocation",
    "撤三": "revocation",
    "撤销连续三年不使用注册商标申请被驳回": "other",
    "宣告无效": "invalidation",
    "无效宣告请求不成立": "other",
    "商标使用许可合同备案": "licence",
    "商标专用权质押登记": "pledge",
    "商标专用权质权登记注销": "pledge",
    "变更名义地址": "other",
    " 续 展 ": "renewal",
    "renewal": "renewal",
    "": "other",
}


@pytest.mark.parametrize(("phrase", "kind"), sorted(PHRASES.items()))
def test_trademark_event_kind(phrase, kind):
    assert trademark_event_kind(phrase) == kind


@given(st.one_of(st.text(), st.none(), st.integers()))
def test_trademark_event_kind_never_raises(phrase):
    assert trademark_event_kind(phrase) in TrademarkEventKind.values
