"""Enterprises: industry code shape, designations by date and scope, the 四(一)3 requirement, renames, mergers."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from zhichan.core.models import Region
from zhichan.core.models.regions import RegionKind
from zhichan.registry.models import DesignationKind, DesignationLevel, Enterprise, EnterpriseDesignation
from zhichan.registry.services.enterprises import (
    designations_of,
    designations_on,
    former_names,
    meets_institution_requirement,
    merge,
)
from zhichan.registry.services.entries import create_copyright, create_patent, create_trademark

pytestmark = pytest.mark.django_db

SHUITOU = "350583119"


@pytest.fixture
def shuitou():
    return Region.objects.get(code=SHUITOU)


@pytest.fixture
def elsewhere():
    """A township-level division other than 水头镇."""
    return Region.objects.filter(kind__in=RegionKind.township_level()).exclude(code=SHUITOU).first()


def enterprise(name, region, **fields):
    return Enterprise.objects.create(name=name, region=region, synthetic=True, **fields)


def designate(holder, kind, granted_on, expires_on=None, level=DesignationLevel.PROVINCIAL):
    item = EnterpriseDesignation(
        enterprise=holder, kind=kind, level=level, granted_on=granted_on, expires_on=expires_on
    )
    item.full_clean()
    item.save()
    return item


@pytest.mark.parametrize("code", ["C", "T", "C30", "C303", "C3032", "30", "3032", " c3032 "])
def test_industry_codes_of_the_right_shape_are_accepted_and_kept_in_capitals(shuitou, code):
    item = Enterprise(name="示例", region=shuitou, industry_code=code)
    item.full_clean()
    assert item.industry_code == code.strip().upper()


@pytest.mark.parametrize("code", ["U", "C3", "C30321", "3", "CC30", "30C"])
def test_industry_codes_of_another_shape_are_refused(shuitou, code):
    with pytest.raises(ValidationError) as caught:
        Enterprise(name="示例", region=shuitou, industry_code=code).full_clean()
    assert "industry_code" in caught.value.message_dict


def test_a_designation_holds_from_its_grant_until_the_day_before_it_expires(shuitou):
    holder = enterprise("示例一号", shuitou)
    item = designate(holder, DesignationKind.HIGH_TECH, date(2021, 12, 1), date(2024, 12, 1))
    assert not item.holds_on(date(2021, 11, 30))
    assert item.holds_on(date(2021, 12, 1)) and item.holds_on(date(2024, 11, 30))
    assert not item.holds_on(date(2024, 12, 1))
    with pytest.raises(ValidationError):
        designate(holder, DesignationKind.HIGH_TECH, date(2022, 1, 1), date(2022, 1, 1))


def test_designations_on_a_day_in_one_query(shuitou, django_assert_num_queries):
    demonstration = enterprise("示范", shuitou)
    designate(demonstration, DesignationKind.IP_DEMONSTRATION, date(2022, 6, 1), level=DesignationLevel.NATIONAL)
    advantage = enterprise("优势", shuitou)
    designate(advantage, DesignationKind.IP_ADVANTAGE, date(2021, 1, 1), date(2023, 1, 1), DesignationLevel.CITY)
    giant = enterprise("小巨人", shuitou)
    designate(giant, DesignationKind.LITTLE_GIANT, date(2022, 1, 1))
    designate(giant, DesignationKind.LITTLE_GIANT, date(2019, 1, 1), date(2020, 1, 1))  # an earlier, ended title
    enterprise("没有称号", shuitou)
    everyone = Enterprise.objects.filter(synthetic=True, region=shuitou)
    ip_kinds = [DesignationKind.IP_DEMONSTRATION, DesignationKind.IP_ADVANTAGE]

    with django_assert_num_queries(1):
        held = set(designations_on(everyone, date(2022, 12, 31), ip_kinds))
    assert held == {demonstration, advantage}
    assert set(designations_on(everyone, date(2023, 1, 1), ip_kinds)) == {demonstration}
    assert set(designations_on(everyone, date(2022, 12, 31), ip_kinds, levels=["national"])) == {demonstration}
    assert list(designations_on(everyone, date(2021, 6, 1), DesignationKind.LITTLE_GIANT)) == []
    assert list(designations_on(everyone, date(2022, 6, 1), DesignationKind.LITTLE_GIANT)) == [giant]
    # Two titles in force on the same day still give the enterprise once.
    designate(giant, DesignationKind.LITTLE_GIANT, date(2022, 3, 1), level=DesignationLevel.NATIONAL)
    assert list(designations_on(everyone, date(2022, 6, 1), DesignationKind.LITTLE_GIANT)) == [giant]


def test_the_institution_requirement_needs_an_institution_and_a_full_time_staff_member(shuitou):
    item = Enterprise(name="示例", region=shuitou)
    assert not meets_institution_requirement(item)
    item.ip_institution, item.ip_institution_name = True, "知识产权部"
    assert not meets_institution_requirement(item)
    item.ip_staff_full_time = 1
    assert meets_institution_requirement(item)
    item.ip_institution = False
    assert not meets_institution_requirement(item)


def test_an_adoption_date_needs_the_strategy(shuitou):
    item = Enterprise(name="示例", region=shuitou, ip_strategy_adopted=date(2022, 5, 1))
    with pytest.raises(ValidationError) as caught:
        item.full_clean()
    assert "ip_strategy" in caught.value.message_dict
    item.ip_strategy = True
    item.full_clean()


def test_former_names_come_from_the_history(shuitou, django_assert_num_queries):
    item = enterprise("南安旧名石材厂", shuitou)
    item.address = "新地址"
    item.save()
    item.name = "南安中间名石材有限公司"
    item.save()
    item.name = "南安新名石材股份有限公司"
    item.save()
    with django_assert_num_queries(1):
        names = former_names(item)
    assert [name for name, _ in names] == ["南安旧名石材厂", "南安中间名石材有限公司"]
    assert all(isinstance(until, date) for _, until in names)
    assert former_names(enterprise("从未改名", shuitou)) == []


def test_a_merger_adds_the_successor_to_the_holdings_and_keeps_the_old_links(shuitou, users):
    old = enterprise("被合并方", shuitou)
    new = enterprise("合并方", shuitou)
    patent, _ = create_patent(None, "202110000001.6", title="示例发明", filing_date=date(2021, 1, 1), holders=[old])
    shared, _ = create_patent(None, "201620363475.1", title="共有", filing_date=date(2016, 4, 1), holders=[old, new])
    mark, _ = create_trademark(None, "90200001", mark="示例", holders=[old])
    work, _ = create_copyright(None, "软著登字第0000101号", title="示例软件", owners=[old])
    title = designate(old, DesignationKind.LEAD_GOOSE, date(2022, 1, 1), level=DesignationLevel.COUNTY)

    gained = merge(old, new, user=users["office"])

    assert gained == {"patents": 1, "trademarks": 1, "copyrights": 1}
    old.refresh_from_db()
    assert old.merged_into == new and Enterprise.objects.filter(pk=old.pk).exists()
    assert set(patent.holders.all()) == {old, new} and set(shared.holders.all()) == {old, new}
    assert set(mark.holders.all()) == {old, new} and set(work.owners.all()) == {old, new}
    # The designation stays with the original and is listed for the successor.
    assert title.enterprise == old and list(designations_of(new)) == [title]
    latest = old.history.first()
    assert latest.merged_into_id == new.pk and latest.history_user == users["office"]
    assert "合并方" in latest.history_change_reason


def test_a_merger_refuses_itself_repeats_and_chains(shuitou):
    first, second, third = (enterprise(name, shuitou) for name in ("甲", "乙", "丙"))
    with pytest.raises(ValidationError):
        merge(first, first)
    merge(first, second)
    with pytest.raises(ValidationError):
        merge(third, first)  # first is merged: its successor takes mergers
    with pytest.raises(ValidationError):
        merge(first, third)  # already merged
    # Merging the successor on moves the earlier merger with it: no chains.
    merge(second, third)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.merged_into == third and second.merged_into == third
    # The form refuses the same.
    first.merged_into = first
    with pytest.raises(ValidationError):
        first.full_clean()
    third.merged_into = second
    with pytest.raises(ValidationError):
        third.full_clean()


def test_designations_are_scoped_through_their_enterprise(users, shuitou, elsewhere):
    own = users["enterprise"].enterprises.get()
    other_in_shuitou = enterprise("水头别家", shuitou)
    far = enterprise("别镇企业", elsewhere)
    mine = designate(own, DesignationKind.SPECIALISED, date(2022, 1, 1))
    neighbour = designate(other_in_shuitou, DesignationKind.HIGH_TECH, date(2022, 1, 1))
    distant = designate(far, DesignationKind.HIGH_TECH, date(2022, 1, 1))
    ours = EnterpriseDesignation.objects.filter(pk__in=[mine.pk, neighbour.pk, distant.pk])
    assert list(ours.visible_to(users["enterprise"])) == [mine]
    assert set(ours.visible_to(users["shuitou-liaison"])) == {mine, neighbour}
    assert set(ours.visible_to(users["office"])) == {mine, neighbour, distant}
    assert list(ours.editable_by(users["enterprise"])) == []  # designations are granted, not claimed
