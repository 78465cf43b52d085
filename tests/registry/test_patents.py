"""Patents: validity over time, terms, the set-based rule against the per-patent one, scope, status phrases."""

import itertools
import random
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhichan.core.models import Region
from zhichan.registry.identifiers import patent_check_digit
from zhichan.registry.models import Enterprise, Patent, PatentEvent, PatentEventKind, PatentType
from zhichan.registry.services.entries import create_patent
from zhichan.registry.services.patents import (
    annuity_due,
    expiry_date,
    legal_event_kind,
    next_annuity_due,
    status_on,
)

pytestmark = pytest.mark.django_db

SHUITOU = "350583119"
_serials = itertools.count(1)


def number(year: int, type_code: str) -> str:
    digits = f"{max(year, 2003)}{type_code}{next(_serials):07d}"  # 12-digit numbers start in 2003
    return f"{digits}.{patent_check_digit(digits)}"


def patent(type_code="1", filed=date(2015, 3, 5), granted=date(2018, 6, 1), region=None, **fields):
    created, _ = create_patent(
        None,
        number(filed.year, type_code),
        title="一种石材切割装置",
        filing_date=filed,
        grant_date=granted,
        region=region,
        **fields,
    )
    return created


def event(patent, day, kind, text=""):
    return PatentEvent.objects.create(patent=patent, date=day, kind=kind, text=text)


def state(patent, day):
    return status_on(patent, day).state


def agrees_with_set_rule(patent, day) -> bool:
    in_set = Patent.objects.filter(pk=patent.pk).valid_on(day).exists()
    return in_set == status_on(patent, day).valid


# --- the model ------------------------------------------------------------------------------------------


def test_create_patent_normalizes_the_number_and_takes_the_type_from_it():
    digits = "201620363475"
    created, was_new = create_patent(None, f"ZL {digits[:4]} 2 {digits[5:]}.1", title="t", filing_date=date(2016, 4, 1))
    assert was_new and created.application_number == "201620363475.1"
    assert created.patent_type == PatentType.UTILITY_MODEL
    again, was_new = create_patent(None, "CN2016203634751", title="新名称", filing_date=date(2016, 4, 1))
    assert not was_new and again.pk == created.pk and again.title == "新名称"


@pytest.mark.parametrize(("code", "kind"), [("1", "invention"), ("8", "invention"), ("9", "utility_model")])
def test_type_codes(code, kind):
    assert patent(code).patent_type == kind


def test_a_wrong_number_is_refused_with_the_reason():
    with pytest.raises(ValidationError) as caught:
        create_patent(None, "201710601862.4", title="t", filing_date=date(2017, 1, 1))
    assert "application_number" in caught.value.message_dict


def test_clean_normalizes():
    item = Patent(application_number="CN201710601862.3", title="t", filing_date=date(2017, 1, 1))
    item.full_clean()
    assert item.application_number == "201710601862.3" and item.patent_type == PatentType.INVENTION


# --- validity -------------------------------------------------------------------------------------------


def test_pending_before_grant_then_valid():
    item = patent(granted=date(2018, 6, 1))
    assert status_on(item, date(2018, 5, 31)).state == "pending"
    assert not status_on(item, date(2018, 5, 31)).valid
    validity = status_on(item, date(2018, 6, 1))
    assert validity.valid and validity.state == "valid" and validity.since == date(2018, 6, 1)


def test_a_grant_event_stands_for_a_missing_grant_date():
    item = patent(granted=None)
    event(item, date(2019, 1, 10), PatentEventKind.GRANT, "授权")
    assert state(item, date(2019, 1, 9)) == "pending" and state(item, date(2019, 1, 10)) == "valid"
    assert agrees_with_set_rule(item, date(2019, 1, 10)) and agrees_with_set_rule(item, date(2019, 1, 9))


def test_lapse_for_non_payment_then_restoration():
    item = patent()
    event(item, date(2020, 3, 5), PatentEventKind.LAPSE, "未缴年费专利权终止")
    event(item, date(2020, 11, 2), PatentEventKind.RESTORATION, "权利恢复")
    expected = {
        date(2020, 3, 4): "valid",
        date(2020, 3, 5): "lapsed",
        date(2020, 11, 1): "lapsed",
        date(2020, 11, 2): "valid",
    }
    for day, expected_state in expected.items():
        assert state(item, day) == expected_state, day
        assert agrees_with_set_rule(item, day), day
    assert status_on(item, date(2020, 6, 1)).reason == "未缴年费专利权终止"
    assert status_on(item, date(2021, 1, 1)).since == date(2020, 11, 2)


def test_invalidation_ends_a_patent_but_partial_invalidation_does_not():
    item = patent()
    event(item, date(2019, 5, 1), PatentEventKind.PARTIAL_INVALIDATION)
    assert state(item, date(2019, 6, 1)) == "valid"
    event(item, date(2020, 5, 1), PatentEventKind.INVALIDATION, "全部无效")
    assert state(item, date(2020, 5, 1)) == "invalidated"
    assert agrees_with_set_rule(item, date(2020, 5, 1))


def test_rejected_application():
    item = patent(granted=None)
    event(item, date(2017, 9, 1), PatentEventKind.REJECTION, "驳回")
    assert state(item, date(2017, 8, 31)) == "pending" and state(item, date(2017, 9, 1)) == "rejected"


@pytest.mark.parametrize(
    ("type_code", "filed", "last_valid_day"),
    [
        ("1", date(2001, 3, 5), date(2021, 3, 4)),  # invention: 20 years
        ("2", date(2011, 3, 5), date(2021, 3, 4)),  # utility model: 10 years
        ("3", date(2021, 5, 31), date(2031, 5, 30)),  # design filed before 1 June 2021: 10 years
        ("3", date(2021, 6, 1), date(2036, 5, 31)),  # design filed from 1 June 2021: 15 years
        ("1", date(2004, 2, 29), date(2024, 2, 28)),  # leap day, anniversary exists
        ("2", date(2004, 2, 29), date(2014, 2, 28)),  # leap day, no anniversary: end of February
    ],
)
def test_expiry_at_the_end_of_the_term(type_code, filed, last_valid_day):
    item = patent(type_code, filed=filed, granted=filed + timedelta(days=300))
    assert state(item, last_valid_day) == "valid"
    after = last_valid_day + timedelta(days=1)
    assert expiry_date(item) == after
    validity = status_on(item, after)
    assert (validity.valid, validity.state, validity.since) == (False, "expired", after)
    assert agrees_with_set_rule(item, last_valid_day) and agrees_with_set_rule(item, after)


# --- valid_on against status_on ---------------------------------------------------------------------------

KINDS = [kind for kind in PatentEventKind.values]


def _random_patents(rng: random.Random, count: int):
    patents = []
    for _ in range(count):
        type_code = rng.choice("12389")
        filed = date(2000, 1, 1) + timedelta(days=rng.randrange(26 * 365))
        filed = min(filed, date(2025, 1, 1))
        granted = rng.choice([None, min(filed + timedelta(days=rng.randrange(60, 1500)), date(2026, 1, 1))])
        item = patent(type_code, filed=filed, granted=granted)
        for _ in range(rng.randrange(5)):
            kind = rng.choice(KINDS + [PatentEventKind.LAPSE, PatentEventKind.RESTORATION] * 2)
            event(item, filed + timedelta(days=rng.randrange(20 * 365)), kind)
        patents.append(item)
    return patents


def test_valid_on_agrees_with_status_on_across_a_varied_register():
    rng = random.Random(20210601)
    patents = _random_patents(rng, 80)
    days = [date(2005, 1, 1), date(2012, 7, 1), date(2018, 12, 31), date(2021, 6, 1), date(2026, 1, 1)]
    days += [date(2000, 1, 1) + timedelta(days=rng.randrange(40 * 365)) for _ in range(10)]
    events = {item.pk: list(item.events.all()) for item in patents}
    for day in days:
        expected = {item.pk for item in patents if status_on(item, day, events[item.pk]).valid}
        assert set(Patent.objects.all().valid_on(day).values_list("pk", flat=True)) == expected, day


EVENT_STEPS = st.lists(
    st.tuples(st.integers(0, 12 * 365), st.sampled_from(KINDS)),
    max_size=6,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    type_code=st.sampled_from("1238"),
    filed=st.dates(date(2000, 1, 1), date(2024, 12, 31)),
    grant_after=st.one_of(st.none(), st.integers(0, 600)),
    steps=EVENT_STEPS,
    offsets=st.lists(st.integers(-100, 25 * 365), min_size=1, max_size=5),
)
def test_valid_on_agrees_with_status_on_for_any_event_sequence(type_code, filed, grant_after, steps, offsets):
    Patent.objects.all().delete()
    granted = None if grant_after is None else filed + timedelta(days=grant_after)
    item = patent(type_code, filed=filed, granted=granted)
    for offset, kind in steps:
        event(item, filed + timedelta(days=offset), kind)
    for offset in offsets:
        assert agrees_with_set_rule(item, filed + timedelta(days=offset))


def test_valid_on_is_one_query(django_assert_num_queries):
    patent()
    with django_assert_num_queries(1):
        list(Patent.objects.all().valid_on(date(2020, 1, 1)))


# --- scope ----------------------------------------------------------------------------------------------


def test_an_enterprise_user_sees_its_patent_once_even_with_two_of_its_enterprises_as_holders(users):
    user = users["enterprise"]
    first = user.enterprises.get()
    second = Enterprise.objects.create(name="南安示例二号有限公司", region=first.region, synthetic=True)
    second.members.add(user)
    shared = patent()
    shared.holders.add(first, second)
    other = patent()
    other.holders.add(Enterprise.objects.create(name="别家公司", region=first.region))
    visible = list(Patent.objects.visible_to(user))
    assert visible == [shared]
    assert Patent.objects.visible_to(user).count() == 1
    assert Patent.objects.visible_to(user).valid_on(date(2020, 1, 1)).count() == 1
    event(shared, date(2019, 1, 1), PatentEventKind.PLEDGE)
    event(other, date(2019, 1, 1), PatentEventKind.PLEDGE)
    assert PatentEvent.objects.visible_to(user).count() == 1


def test_a_township_liaison_sees_only_patents_of_its_township(users):
    shuitou = Region.objects.get(code=SHUITOU)
    elsewhere = Region.objects.get(code="350583100")
    own = patent(region=shuitou)
    patent(region=elsewhere)
    patent(region=None)
    assert list(Patent.objects.visible_to(users["shuitou-liaison"])) == [own]
    assert Patent.objects.visible_to(users["office"]).count() == 3
    assert not Patent.objects.editable_by(users["shuitou-liaison"]).exists()


# --- legal-status phrases -------------------------------------------------------------------------------

PHRASES = {
    "授权": "grant",
    "专利权的终止": "lapse",
    "权利终止": "lapse",
    "未缴年费专利权终止": "lapse",
    "专利权的终止 - 未缴年费专利权终止": "lapse",
    "发明专利申请公布": "other",
    "发明专利申请公布后的驳回": "rejection",
    "实质审查的生效": "other",
    "期限届满": "expiry",
    "专利权有效期届满": "expiry",
    "全部无效": "invalidation",
    "专利权全部无效": "invalidation",
    "部分无效": "partial_invalidation",
    "权利恢复": "restoration",
    "专利权的转移": "transfer",
    "专利申请权、专利权的转移": "transfer",
    "专利权转让": "transfer",
    "质押": "pledge",
    "专利权质押合同登记的生效": "pledge",
    "专利权质押合同登记的生效、变更及注销": "pledge",
    "专利权质押合同登记的注销": "pledge_release",
    "解除质押": "pledge_release",
    "专利实施许可合同备案的生效": "licence",
    "许可": "licence",
    "放弃": "abandonment",
    "避免重复授权放弃专利权": "abandonment",
    "驳回": "rejection",
    "视为撤回": "withdrawal",
    "发明专利申请公布后的视为撤回": "withdrawal",
    " 授 权 ": "grant",
    "lapse": "lapse",
    "著录事项变更": "other",
    "": "other",
    "--": "other",
}


@pytest.mark.parametrize(("phrase", "kind"), sorted(PHRASES.items()))
def test_legal_event_kind(phrase, kind):
    assert legal_event_kind(phrase) == kind


@given(st.one_of(st.text(), st.none(), st.integers()))
def test_legal_event_kind_never_raises(phrase):
    assert legal_event_kind(phrase) in PatentEventKind.values


# --- annuities ------------------------------------------------------------------------------------------


def test_annuities_from_the_year_of_grant_on_the_filing_anniversary():
    item = patent("1", filed=date(2015, 3, 5), granted=date(2018, 6, 1))  # granted in patent year 4
    assert annuity_due(item, 3) is None
    assert annuity_due(item, 4) == date(2018, 6, 1)
    assert annuity_due(item, 5) == date(2019, 3, 5)
    assert annuity_due(item, 20) == date(2034, 3, 5)
    assert annuity_due(item, 21) is None
    assert next_annuity_due(item, date(2020, 3, 5)) == date(2020, 3, 5)
    assert next_annuity_due(item, date(2020, 3, 6)) == date(2021, 3, 5)
    assert next_annuity_due(item, date(2018, 5, 1)) is None  # not granted yet
    assert next_annuity_due(item, date(2034, 6, 1)) is None  # no year left before expiry
    event(item, date(2021, 3, 5), PatentEventKind.LAPSE)
    assert next_annuity_due(item, date(2022, 1, 1)) is None


def test_no_annuity_for_a_pending_application():
    assert annuity_due(patent(granted=None), 2) is None
