"""Plausible data only: dates within bounds, no control characters, bounded text, natural keys unique — the same
rules for the API, the models' full_clean and the import's cell readers (core/plausible.py)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from zhichan.core.imports.values import dated, free_text, limited
from zhichan.core.plausible import EARLIEST, TEXT_MAX_LENGTH
from zhichan.registry.models import Copyright, GeographicalIndication, Patent, Trademark
from zhichan.registry.services.entries import create_patent

from .registers import make_registers

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
TOMORROW = TODAY + datetime.timedelta(days=1)


@pytest.fixture
def registers(db):
    return make_registers()


def refused(field, **fields):
    values = {"application_number": "201620363475.1", "title": "一种装置", "filing_date": datetime.date(2016, 4, 28)}
    with pytest.raises(ValidationError) as caught:
        Patent(**{**values, **fields}).full_clean(validate_unique=False)
    assert field in caught.value.message_dict, caught.value.message_dict
    return caught.value.message_dict[field][0]


def test_dates_after_today_or_before_the_floor_are_refused():
    assert "2099-01-01" in refused("filing_date", filing_date=datetime.date(2099, 1, 1))
    assert str(EARLIEST.year) in refused("filing_date", filing_date=datetime.date(1949, 12, 31))
    refused("grant_date", grant_date=TOMORROW)
    Patent(application_number="201620363475.1", title="t", filing_date=TODAY).full_clean(validate_unique=False)


def test_a_term_may_run_ahead_but_not_for_ever():
    mark = Trademark(registration_number="87654321", mark="石韵", nice_classes="19")
    mark.expiry_date = TODAY.replace(year=TODAY.year + 10)
    mark.full_clean(validate_unique=False)
    mark.expiry_date = datetime.date(8203, 1, 1)
    with pytest.raises(ValidationError) as caught:
        mark.full_clean(validate_unique=False)
    assert "expiry_date" in caught.value.message_dict
    mark.expiry_date, mark.registration_date = None, TOMORROW
    with pytest.raises(ValidationError):
        mark.full_clean(validate_unique=False)


def test_a_model_may_move_the_floor_of_a_date():
    work = Copyright(registration_number="国作登字-2022-F-00000001", title="旧作", kind="work")
    work.completion_date = datetime.date(1930, 5, 1)
    work.full_clean(validate_unique=False)


def test_control_characters_are_refused_in_text():
    assert "NUL" in refused("title", title="一种\x00装置")
    refused("applicants", applicants="甲公司\x1b")
    Patent(application_number="201620363475.1", title="t", applicants="甲公司\n乙公司", filing_date=TODAY).full_clean(
        validate_unique=False
    )


def test_text_fields_have_a_maximum():
    message = refused("applicants", applicants="甲" * 1_000_000)
    assert str(TEXT_MAX_LENGTH) in message and "1000000" in message


def test_the_api_refuses_implausible_values_with_messages(registers, api_for):
    api = api_for("office")
    response = api.post(
        "/api/v1/geographical-indications/",
        {"name": "南安石材", "kind": "gi_product", "approval_date": "8203-01-01"},
        format="json",
    )
    assert response.status_code == 400 and "approval_date" in response.json(), response.content
    response = api.post(
        "/api/v1/patents/",
        {
            "application_number": "201620363475.1",
            "title": "一种装置",
            "filing_date": "2016-04-28",
            "applicants": "甲" * 20_000,
        },
        format="json",
    )
    assert response.status_code == 400 and "applicants" in response.json()
    too_large = api.post(
        "/api/v1/patents/", {"application_number": "201620363475.1", "applicants": "甲" * 1_000_000}, format="json"
    )
    assert too_large.status_code == 413 and "MB" in too_large.json()["detail"]
    assert not Patent.objects.filter(application_number="201620363475.1").exists()


def test_geographical_indications_are_unique_by_name_and_kind(registers, api_for):
    api = api_for("office")
    first = api.post("/api/v1/geographical-indications/", {"name": "南安石材", "kind": "gi_product"}, format="json")
    assert first.status_code == 201
    again = api.post("/api/v1/geographical-indications/", {"name": "南安石材", "kind": "gi_product"}, format="json")
    assert again.status_code == 400
    assert "已登记" in again.json()["non_field_errors"][0]
    other_kind = api.post("/api/v1/geographical-indications/", {"name": "南安石材", "kind": "gi_mark"}, format="json")
    assert other_kind.status_code == 201
    assert GeographicalIndication.objects.filter(name="南安石材").count() == 2


def test_the_import_readers_apply_the_same_rules():
    with pytest.raises(ValueError, match="2099-01-01"):
        dated(Patent, "filing_date")("2099-01-01")
    assert dated(Patent, "filing_date")("2016-04-28") == datetime.date(2016, 4, 28)
    with pytest.raises(ValueError, match="NUL"):
        limited(Patent, "title")("一种\x00装置")
    with pytest.raises(ValueError, match="1000000"):
        limited(Patent, "applicants")("甲" * 1_000_000)
    with pytest.raises(ValueError):
        free_text("x\x00")


def test_services_refuse_a_future_filing_date(registers):
    with pytest.raises(ValidationError):
        create_patent(None, "201620363475.1", title="t", filing_date=TOMORROW)
