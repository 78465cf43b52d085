"""The record, listing and repair actions: who may take them, what they check, the events they leave."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from zhichan.core.events import events_of
from zhichan.core.identities import HIDDEN_ID
from zhichan.credit.models import DishonestyRecord, RecordState, Standing
from zhichan.credit.services import records, repair, serious
from zhichan.credit.services.subjects import shown_id, shown_name

from .conftest import CODE, PERSON_ID

D = datetime.date
ALL_RECORD_CONDITIONS = list(repair.RECORD_CONDITIONS)


def test_a_record_gets_its_kinds_period_and_measures_and_an_event(new_record, enterprise):
    record = new_record(found_on=D(2024, 3, 1))
    assert (record.published_from, record.published_to) == (D(2024, 3, 1), D(2025, 2, 28))
    assert record.measures and record.enterprise == enterprise
    assert [e.kind for e in events_of(record)] == ["credit_record.entered"]
    assert record.standing(D(2025, 2, 28)) == Standing.IN_FORCE
    assert record.standing(D(2025, 3, 1)) == Standing.EXPIRED


def test_a_new_finding_within_the_period_extends_the_earlier_record(new_record):
    first = new_record(found_on=D(2024, 3, 1))
    second = new_record(found_on=D(2024, 9, 1), kind="false-materials")
    first.refresh_from_db()
    assert first.published_to == second.published_to == D(2025, 8, 31)
    assert "credit_record.extended" in [e.kind for e in events_of(first)]


def test_bad_input_names_the_field_and_a_duplicate_names_the_existing_record(new_record):
    with pytest.raises(ValidationError) as error:
        new_record(credit_code="123")
    assert "credit_code" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        new_record(subject_kind="person", credit_code="", id_number="1234")
    assert "id_number" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        new_record(source="case")
    assert "case" in error.value.message_dict
    record = new_record(document_number="南市监信〔2024〕99号")
    with pytest.raises(ValidationError) as error:
        new_record(document_number="南市监信〔2024〕99号")
    assert f"no. {record.pk}" in error.value.message_dict["document_number"][0]
    assert DishonestyRecord.objects.count() == 1


def test_only_the_finding_unit_and_the_office_write(new_record, users):
    record = new_record()
    with pytest.raises(PermissionDenied):
        new_record(user="court-liaison")  # the court enters no record for the market supervision bureau
    with pytest.raises(PermissionDenied):
        records.revoke_record(record, users["court-liaison"], D(2024, 4, 1), "错")
    with pytest.raises(PermissionDenied):
        records.revoke_record(record, users["leader"], D(2024, 4, 1), "错")
    with pytest.raises(PermissionDenied):
        records.publish_record(record, users["amr-liaison"], D(2024, 4, 1))
    records.publish_record(record, users["office"], D(2024, 4, 1))
    records.revoke_record(record, users["amr-liaison"], D(2024, 4, 2), "认定有误")
    record.refresh_from_db()
    assert record.state == RecordState.REVOKED and record.revoked_reason == "认定有误"
    assert DishonestyRecord.objects.filter(pk=record.pk).exists()  # never deleted


def test_every_staff_role_reads_records_and_ids_show_only_to_the_office_and_the_finding_unit(new_record, users):
    record = new_record(subject_kind="person", subject_name="张三丰", credit_code="", id_number=PERSON_ID)
    for name in ("office", "leader", "amr-liaison", "court-liaison", "shuitou-liaison"):
        assert DishonestyRecord.objects.visible_to(users[name]).filter(pk=record.pk).exists()
    assert not DishonestyRecord.objects.visible_to(users["enterprise"]).exists()
    assert shown_id(record, users["office"]) == shown_id(record, users["amr-liaison"]) == PERSON_ID
    assert shown_id(record, users["court-liaison"]) == shown_id(record, users["leader"]) == HIDDEN_ID
    assert shown_name(record, users["court-liaison"]) == "张**"
    assert shown_name(record, users["amr-liaison"]) == "张三丰"


def test_the_period_changes_only_with_a_reason(new_record, users):
    record = new_record()
    with pytest.raises(ValidationError) as error:
        records.change_period(record, users["amr-liaison"], D(2025, 6, 1), " ")
    assert "reason" in error.value.message_dict
    records.change_period(record, users["amr-liaison"], D(2025, 6, 1), "处罚决定另定期限")
    record.refresh_from_db()
    assert record.published_to == D(2025, 6, 1)
    assert events_of(record).first().reason in ("处罚决定另定期限", "")


def test_record_repair_is_refused_before_six_months_naming_the_day_and_allowed_after(new_record, users):
    record = new_record(found_on=D(2024, 3, 1))
    user = users["amr-liaison"]
    with pytest.raises(ValidationError) as error:
        repair.ask_record_repair(record, user, D(2024, 8, 31), ALL_RECORD_CONDITIONS)
    assert "2024-09-01" in error.value.message_dict["asked_on"][0]
    with pytest.raises(ValidationError) as error:
        repair.ask_record_repair(record, user, D(2024, 9, 1), ALL_RECORD_CONDITIONS[:2])
    assert "conditions" in error.value.message_dict
    application = repair.ask_record_repair(record, user, D(2024, 9, 1), ALL_RECORD_CONDITIONS)
    record.refresh_from_db()
    assert record.state == RecordState.REPAIR_ASKED
    repair.refuse_record_repair(record, user, D(2024, 9, 10), "尚未消除不良影响")
    record.refresh_from_db()
    application.refresh_from_db()
    assert record.state == RecordState.IN_FORCE and application.state == "refused"
    repair.ask_record_repair(record, user, D(2024, 10, 1), ALL_RECORD_CONDITIONS)
    repair.approve_record_repair(record, users["office"], D(2024, 10, 8), "")
    record.refresh_from_db()
    assert record.state == RecordState.REPAIRED and record.publication_ends == D(2024, 10, 8)
    assert record.standing(D(2024, 10, 7)) == Standing.REPAIR_ASKED or record.standing(D(2024, 10, 7))
    kinds = [e.kind for e in events_of(record)]
    assert {"credit_record.repair_asked", "credit_record.repair_refused", "credit_record.repair_approved"} <= set(kinds)


def test_an_expired_record_is_not_repaired(new_record, users):
    record = new_record(found_on=D(2023, 1, 10))
    with pytest.raises(ValidationError) as error:
        repair.ask_record_repair(record, users["amr-liaison"], D(2024, 2, 1), ALL_RECORD_CONDITIONS)
    assert "asked_on" in error.value.message_dict


def test_a_subject_on_the_serious_list_may_not_repair_a_record(new_record, new_listing, users):
    new_listing(listed_on=D(2024, 1, 5))
    record = new_record(found_on=D(2024, 3, 1))
    with pytest.raises(ValidationError) as error:
        repair.ask_record_repair(record, users["amr-liaison"], D(2024, 9, 2), ALL_RECORD_CONDITIONS)
    assert "serious" in error.value.message_dict["asked_on"][0] or "严重" in error.value.message_dict["asked_on"][0]


def test_early_removal_only_between_one_and_three_years(new_listing, users):
    entry = new_listing(listed_on=D(2022, 3, 1))
    user = users["amr-liaison"]
    conditions = list(repair.LISTING_CONDITIONS)
    with pytest.raises(ValidationError) as error:
        repair.ask_early_removal(entry, user, D(2023, 2, 28), conditions)
    assert "2023-03-01" in error.value.message_dict["asked_on"][0]
    with pytest.raises(ValidationError) as error:
        repair.ask_early_removal(entry, user, D(2025, 3, 1), conditions)
    assert "2025-03-01" in error.value.message_dict["asked_on"][0]
    repair.ask_early_removal(entry, user, D(2023, 3, 1), conditions)
    repair.approve_early_removal(entry, users["office"], D(2023, 3, 20), "四项条件均已满足")
    entry.refresh_from_db()
    assert entry.state == "removed-early" and not serious.on_list(entry, D(2023, 3, 21))
    assert serious.on_list(entry, D(2023, 3, 19))


def test_removal_at_term_not_before_the_term_ends(new_listing, users):
    entry = new_listing(listed_on=D(2021, 3, 1))
    with pytest.raises(ValidationError) as error:
        serious.remove_at_term(entry, users["amr-liaison"], D(2024, 2, 29))
    assert "2024-03-01" in error.value.message_dict["day"][0]
    assert not serious.on_list(entry, D(2024, 3, 1))  # off the list at the term's end, entered or not
    serious.remove_at_term(entry, users["amr-liaison"], D(2024, 3, 1))
    entry.refresh_from_db()
    assert entry.state == "removed"


def test_a_party_is_listed_once_at_a_time(new_listing):
    new_listing(listed_on=D(2024, 1, 5))
    with pytest.raises(ValidationError) as error:
        new_listing(listed_on=D(2024, 2, 5), decision_number="南市监列〔2024〕2号")
    assert "decision_number" in error.value.message_dict


def test_published_rows_carry_no_id_number(new_record, new_listing, users):
    from zhichan.credit.services.publication import published_listings, published_records

    record = new_record(subject_kind="person", subject_name="张三丰", credit_code="", id_number=PERSON_ID)
    hidden = new_record(found_on=D(2024, 3, 2))
    records.publish_record(record, users["office"], D(2024, 3, 5))
    entry = new_listing(listed_on=D(2024, 1, 5))
    serious.publish_listing(entry, users["office"], D(2024, 1, 6))
    rows = published_records(D(2024, 4, 1))
    assert [row.document_number for row in rows] == [record.document_number]
    assert hidden.document_number not in [row.document_number for row in rows]
    assert rows[0].subject_name == "张**" and PERSON_ID not in repr(rows)
    assert [row.credit_code for row in published_listings(D(2024, 4, 1))] == [CODE]
