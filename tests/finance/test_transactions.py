"""Licences, transfers and auctions: a transfer changes the holder in the register through the registry's
operation, with the transfer in the legal-status history and the event log; a licence shows in the right's
history; the parties read their own; bad input names the field."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from zhichan.core.events import events_of
from zhichan.finance.models import RightTransaction
from zhichan.finance.services.transactions import record_transaction
from zhichan.registry.services.entries import create_patent

from ..registry.registers import patent_number
from .factories import make_enterprise


@pytest.fixture
def patent(db):
    holder = make_enterprise(1)
    made, _ = create_patent(
        None, patent_number(2019, "1", 555), title="一种水龙头", filing_date=datetime.date(2019, 5, 1), holders=[holder]
    )
    return made


def test_a_transfer_changes_the_holder_through_the_register(users, patent):
    seller, buyer = patent.holders.get(), make_enterprise(2, "350583001")
    deal = record_transaction(
        users["office"],
        kind="transfer",
        day=datetime.date(2024, 6, 1),
        rights=[("patent", "ZL" + patent.application_number), ("patent", "202310000009.9")],
        party_from_code=seller.uscc,
        party_to_code=buyer.uscc,
        amount=Decimal("120"),
        record_number="ZR-2024-01",
    )
    assert list(patent.holders.all()) == [buyer]
    transfer = patent.events.get(kind="transfer")
    assert transfer.date == datetime.date(2024, 6, 1) and buyer.name in transfer.text
    assert events_of(patent)[0].kind == "register.transferred" and events_of(deal)[0].kind == "ip_transaction.recorded"
    assert [r.matched for r in deal.rights.order_by("pk")] == [True, False]
    assert deal.party_from == seller.name and set(deal.parties.all()) == {seller, buyer}


def test_a_licence_leaves_the_holder_and_shows_in_the_rights_history(users, client_for, patent):
    holder = patent.holders.get()
    deal = record_transaction(
        None,
        kind="licence",
        day=datetime.date(2024, 2, 1),
        rights=[("patent", patent.application_number)],
        party_from_code=holder.uscc,
        party_to="外地某公司",
        licence_scope="ordinary",
    )
    assert list(patent.holders.all()) == [holder]
    page = client_for("office").get(reverse("patent-detail", args=[patent.pk])).content.decode()
    assert "外地某公司" in page and deal.get_absolute_url() in page


def test_who_enters_and_reads_and_bad_input(users, client_for, patent):
    holder = patent.holders.get()
    with pytest.raises(PermissionDenied):
        record_transaction(
            users["amr-liaison"],
            kind="licence",
            day=datetime.date(2024, 2, 1),
            rights=[("patent", patent.application_number)],
            party_from="甲",
            party_to="乙",
        )
    for changed, field in [
        ({"party_to_code": "91350583MA0NOBODY0"}, "party_to_code"),
        ({"rights": []}, "rights"),
        ({"licence_scope": "exclusive", "kind": "transfer"}, "licence_scope"),
        ({"day": datetime.date(2099, 1, 1)}, "day"),
    ]:
        values = {
            "kind": "licence",
            "day": datetime.date(2024, 2, 1),
            "rights": [("patent", patent.application_number)],
            "party_from": "甲",
            "party_to": "乙",
            **changed,
        }
        with pytest.raises(ValidationError) as refused:
            record_transaction(users["office"], **values)
        assert field in refused.value.message_dict, changed
    assert not RightTransaction.objects.exists()
    users["enterprise"].enterprises.add(holder)
    mine = record_transaction(
        None,
        kind="licence",
        day=datetime.date(2024, 2, 1),
        rights=[("patent", patent.application_number)],
        party_from_code=holder.uscc,
        party_to="乙",
    )
    other = record_transaction(
        None,
        kind="licence",
        day=datetime.date(2024, 2, 1),
        rights=[("patent", patent.application_number)],
        party_from="丙",
        party_to="丁",
    )
    client = client_for("enterprise")
    assert client.get(mine.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404
    assert client.get(reverse("finance-transaction-new")).status_code == 403


def test_the_office_enters_one_on_the_page_and_through_the_api(users, client_for, api_for, patent):
    buyer = make_enterprise(3)
    form = {
        "kind": "auction",
        "day": "2024-09-09",
        "record_number": "PM-1",
        "party_from": "",
        "party_from_code": patent.holders.get().uscc,
        "party_to": "",
        "party_to_code": buyer.uscc,
        "amount": "88",
        "patents": "",
        "trademarks": "",
        "copyrights": "",
        "note": "司法拍卖",
    }
    refused = client_for("office").post(reverse("finance-transaction-new"), form)
    assert (
        refused.status_code == 400
        and "司法拍卖" in refused.content.decode()
        and 'value="PM-1"' in refused.content.decode()
    )
    made = client_for("office").post(reverse("finance-transaction-new"), {**form, "patents": patent.application_number})
    assert made.status_code == 302 and list(patent.holders.all()) == [buyer]
    body = {
        "kind": "licence",
        "day": "2024-10-01",
        "party_from": "甲",
        "party_to": "乙",
        "rights": [{"right_type": "patent", "number": patent.application_number}],
    }
    created = api_for("office").post("/api/v1/finance/transactions/", body, format="json")
    assert created.status_code == 201, created.content
    assert api_for("leader").post("/api/v1/finance/transactions/", body, format="json").status_code == 403
