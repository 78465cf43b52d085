"""Pledges through the actions: who enters them, rights matched to the register or flagged, duplicates, loans,
release, and what each role reads."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from zhichan.core.events import events_of
from zhichan.finance.models import Pledge
from zhichan.finance.services import banks, pledges
from zhichan.registry.services.entries import create_patent, create_trademark

from ..registry.registers import patent_number
from .factories import make_enterprise, make_pledge


def _patent(serial, holder, year=2019):
    patent, _ = create_patent(
        None,
        patent_number(year, "1", serial),
        title=f"专利{serial}",
        filing_date=datetime.date(year, 3, 1),
        holders=[holder],
    )
    return patent


def test_a_bank_enters_its_pledge_with_rights_matched_or_flagged(users, bank, pledgor):
    patent = _patent(11, pledgor)
    trademark, _ = create_trademark(None, "12345678", mark="示例商标", holders=[pledgor])
    pledge = pledges.register_pledge(
        users["bank"],
        bank=bank,
        registration_number="Y2023980000123",
        registered_on=datetime.date(2023, 5, 8),
        pledgor=pledgor.uscc,
        secured_amount=Decimal("800"),
        rights=[
            ("patent", "ZL " + patent.application_number.replace(".", ". ")),  # written another way
            ("trademark", "第12345678号"),
            ("patent", "202310999999.1"),  # not in the register
            ("trademark", "12345678"),  # the same mark again: once
        ],
    )
    rights = {(r.right_type, r.number): r for r in pledge.rights.all()}
    assert len(rights) == 3
    assert rights[("patent", patent.application_number)].patent == patent
    assert rights[("trademark", "12345678")].trademark == trademark
    unmatched = [r for r in rights.values() if not r.matched]
    assert [r.number for r in unmatched] == ["202310999999.1"]
    assert events_of(pledge)[0].kind == "pledge.registered"
    assert pledge.entered_by == users["bank"]


def test_a_duplicate_registration_number_is_refused_naming_the_pledge(users, bank, pledgor):
    make_pledge(bank, "Y2023000777", pledgor=pledgor)
    with pytest.raises(ValidationError) as refused:
        make_pledge(bank, "Y2023000777")
    message = str(refused.value.message_dict["registration_number"])
    assert "Y2023000777" in message and pledgor.name in message and bank.name in message
    assert Pledge.objects.filter(registration_number="Y2023000777").count() == 1


def test_bad_input_is_refused_naming_the_field_and_nothing_is_written(users, bank):
    def enter(**changed):
        values = {
            "bank": bank,
            "registration_number": "Y1",
            "registered_on": datetime.date(2023, 1, 5),
            "pledgor": make_enterprise(2).uscc,
            "secured_amount": Decimal("10"),
            "rights": [("patent", "202010000001.5")],
        }
        return pledges.register_pledge(users["bank"], **{**values, **changed})

    for changed, field in [
        ({"pledgor": "91350583MA0NOONE0X"}, "pledgor"),
        ({"secured_amount": Decimal("0")}, "secured_amount"),
        ({"rights": []}, "rights"),
        ({"registered_on": datetime.date(2099, 1, 1)}, "registered_on"),
    ]:
        with pytest.raises(ValidationError) as refused:
            enter(**changed)
        assert field in refused.value.message_dict, changed
    assert not Pledge.objects.exists()


def test_only_the_pledgee_banks_liaison_or_the_office_enters_and_keeps_it(users, bank, other_bank, pledgor):
    with pytest.raises(PermissionDenied):
        make_pledge_as(users["bank"], other_bank, pledgor)
    for username in ("amr-liaison", "leader", "enterprise"):
        with pytest.raises(PermissionDenied):
            make_pledge_as(users[username], bank, pledgor)
    pledge = make_pledge_as(users["office"], bank, pledgor)
    foreign = make_pledge(other_bank, "Y-OTHER", pledgor=pledgor)
    with pytest.raises(PermissionDenied):
        pledges.add_loan(
            foreign,
            users["bank"],
            contract_number="L1",
            amount=Decimal("1"),
            drawn_on=pledge.registered_on,
            matures_on=datetime.date(2024, 1, 1),
        )
    with pytest.raises(PermissionDenied):
        banks.add_bank(users["bank"], name="自立银行")


def make_pledge_as(user, bank, pledgor):
    return pledges.register_pledge(
        user,
        bank=bank,
        registration_number=f"Y-{user.username}-{bank.pk}",
        registered_on=datetime.date(2023, 2, 1),
        pledgor=pledgor,
        secured_amount=Decimal("100"),
        rights=[("patent", "202010000001.5")],
    )


def test_what_each_role_reads(users, bank, other_bank, pledgor):
    own = make_pledge(bank, "Y-OWN", pledgor=pledgor)
    other = make_pledge(other_bank, "Y-OTHER", pledgor=make_enterprise(5))
    users["enterprise"].enterprises.add(pledgor)

    def visible(name):
        return set(Pledge.objects.visible_to(users[name]))

    assert visible("office") == visible("leader") == {own, other}
    assert visible("bank") == {own}
    assert visible("enterprise") == {own}
    assert visible("amr-liaison") == visible("shuitou-liaison") == set()


def test_loans_release_and_matching_later(users, bank, pledgor):
    pledge = make_pledge(bank, "Y-LOANS", pledgor=pledgor, rights=[("patent", patent_number(2018, "1", 77))])
    assert not pledge.rights.get().matched
    first = pledges.add_loan(
        pledge,
        users["bank"],
        contract_number="L-1",
        amount=Decimal("300"),
        drawn_on=datetime.date(2023, 3, 5),
        matures_on=datetime.date(2024, 3, 4),
    )
    with pytest.raises(ValidationError):
        pledges.add_loan(
            pledge,
            users["bank"],
            contract_number="L-1",
            amount=Decimal("1"),
            drawn_on=datetime.date(2023, 3, 5),
            matures_on=datetime.date(2024, 3, 4),
        )
    with pytest.raises(ValidationError) as late:
        pledges.add_loan(
            pledge,
            users["bank"],
            contract_number="L-2",
            amount=Decimal("1"),
            drawn_on=datetime.date(2023, 3, 5),
            matures_on=datetime.date(2023, 3, 1),
        )
    assert "matures_on" in late.value.message_dict
    assert first.amount == Decimal("300")
    with pytest.raises(ValidationError):
        pledges.match_rights(pledge, users["office"])  # nothing in the register yet
    _patent(77, pledgor, year=2018)
    assert pledges.match_rights(pledge, users["office"]) == 1
    assert pledge.rights.get().patent.application_number == patent_number(2018, "1", 77)
    with pytest.raises(PermissionDenied):
        pledges.match_rights(pledge, users["bank"])
    pledges.release_pledge(pledge, users["bank"], day=datetime.date(2024, 3, 10))
    with pytest.raises(ValidationError):
        pledges.release_pledge(pledge, users["bank"], day=datetime.date(2024, 3, 11))
    assert [e.kind for e in events_of(pledge)][:3] == ["pledge.released", "pledge.right_matched", "pledge.loan_added"]
