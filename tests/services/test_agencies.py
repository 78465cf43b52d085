"""Agency actions: who may enter and change an agency, a duplicate credit code refused naming the agency holding
it, bad input refused naming the field, qualifications shown expired, and the events of the supervision history."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from zhichan.core.events import events_of
from zhichan.core.models import Unit
from zhichan.services.models import Agency
from zhichan.services.services import agencies

from .factories import make_agency, township, uscc

D = datetime.date


def test_the_office_enters_an_agency_supervised_by_the_unit_hosting_the_office(users, amr):
    agency = make_agency(users["office"], n=1)
    assert agency.supervisor == amr and agency.created_by == users["office"]
    assert [event.kind for event in events_of(agency)] == ["agency.added"]


def test_a_duplicate_credit_code_is_refused_naming_the_existing_agency(users):
    make_agency(users["office"], n=1, name="甲代理所")
    with pytest.raises(ValidationError) as refused:
        make_agency(users["office"], n=1, name="乙代理所")
    assert "甲代理所" in str(refused.value.message_dict["uscc"])
    assert Agency.objects.count() == 1


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"uscc": "123"}, "uscc"),
        ({"uscc": uscc(5)[:-1] + ("0" if uscc(5)[-1] != "0" else "1")}, "uscc"),
        ({"name": " "}, "name"),
        ({"kinds": []}, "kinds"),
        ({"kinds": ["bakery"]}, "kinds"),
        ({"settled_on": D(2999, 1, 1)}, "settled_on"),
    ],
)
def test_bad_input_is_refused_naming_the_field(users, values, field):
    with pytest.raises(ValidationError) as refused:
        make_agency(users["office"], n=5, **values)
    assert field in refused.value.message_dict
    assert not Agency.objects.exists()


def test_the_supervising_units_liaison_keeps_its_own_agencies_only(users, amr):
    own = make_agency(users["amr-liaison"], n=1)
    assert own.supervisor == amr
    agencies.update_agency(own, users["amr-liaison"], address="新地址")
    other = make_agency(None, n=2, unit_key="court")
    with pytest.raises(PermissionDenied):
        agencies.update_agency(other, users["amr-liaison"], address="x")
    with pytest.raises(PermissionDenied):
        agencies.add_qualification(other, users["amr-liaison"], kind="许可证")
    with pytest.raises(PermissionDenied):
        agencies.create_agency(users["leader"], name="x", uscc=uscc(9), kinds=["law-firm"], region=township())
    with pytest.raises(PermissionDenied):
        agencies.create_agency(
            users["amr-liaison"],
            supervisor=Unit.objects.get(key="court"),
            name="x",
            uscc=uscc(9),
            kinds=["law-firm"],
            region=township(),
        )
    # Every staff member reads the directory.
    for name in ("leader", "court-liaison", "shuitou-liaison"):
        assert Agency.objects.visible_to(users[name]).count() == 2
    assert not Agency.objects.visible_to(users["enterprise"]).exists()


def test_changes_name_the_fields_changed_and_an_unchanged_save_records_none(users):
    agency = make_agency(users["office"], n=1)
    agencies.update_agency(agency, users["office"], address="溪美街道1号", kinds=["law-firm", "patent-agency"])
    agencies.update_agency(agency, users["office"], address="溪美街道1号")
    changed = [e for e in events_of(agency) if e.kind == "agency.changed"]
    assert len(changed) == 1 and "地址" in changed[0].data["changed"]
    agency.refresh_from_db()
    assert agency.kinds == ["patent-agency", "law-firm"]  # in the order of the kinds


def test_qualifications_practitioners_and_purchased_services(users, amr):
    office = users["office"]
    agency = make_agency(office, n=1)
    old = agencies.add_qualification(agency, office, kind="专利代理机构执业许可证", valid_to=D(2020, 1, 1))
    assert old.expired_on(D(2024, 1, 1)) and not old.expired_on(D(2019, 12, 31))
    with pytest.raises(ValidationError) as refused:
        agencies.add_qualification(agency, office, kind="x", valid_from=D(2024, 1, 1), valid_to=D(2023, 1, 1))
    assert "valid_to" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        agencies.add_practitioner(agency, office, name="张三", id_number="12345")
    assert "id_number" in refused.value.message_dict
    agencies.add_practitioner(agency, office, name="张三", id_number="350583199001011234")
    service = agencies.add_purchased_service(
        agency, office, purchaser=amr, subject="托管服务", amount="80000", start=D(2024, 1, 1), end=D(2024, 12, 31)
    )
    assert str(service.amount) == "80000.00"
    with pytest.raises(ValidationError) as refused:
        agencies.add_purchased_service(
            agency, office, purchaser=amr, subject="x", amount="-1", start=D(2024, 1, 1), end=D(2024, 12, 31)
        )
    assert "amount" in refused.value.message_dict
    kinds = [event.kind for event in events_of(agency)]
    assert {"agency.qualification_added", "agency.practitioner_added", "agency.service_purchased"} <= set(kinds)
