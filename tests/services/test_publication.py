"""Publication: only the office publishes and withdraws; the published directories hold the public fields of the
rows published on or before the day, never a practitioner, an ID number, a contact person or a note."""

import datetime
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from zhichan.services.services import agencies, publication

from .factories import make_agency, make_outlet

D = datetime.date


def test_published_directories_hold_only_public_fields(users):
    office = users["office"]
    agency = make_agency(office, n=1, contact_person="联系人甲", note="内部备注")
    agencies.add_practitioner(agency, office, name="执业人乙", id_number="350583199001011234")
    agencies.add_qualification(agency, office, kind="执业许可证", valid_to=D(2020, 1, 1))
    hidden = make_agency(office, n=2, name="未公开代理所")
    outlet = make_outlet(office, n=1, contact_person="站长丙", note="内部")
    assert publication.published_agencies() == [] and publication.published_outlets() == []
    publication.publish(agency, office, day=D(2024, 6, 1))
    publication.publish(outlet, office, day=D(2024, 6, 1))
    rows = publication.published_agencies()
    assert [row["name"] for row in rows] == [agency.name]
    assert set(rows[0]) == set(publication.AGENCY_PUBLIC_FIELDS)
    assert rows[0]["qualifications"][0]["expired"] is True
    text = json.dumps(rows + publication.published_outlets(), default=str, ensure_ascii=False)
    for private in ("350583199001011234", "执业人乙", "联系人甲", "站长丙", "内部备注", "内部", hidden.name):
        assert private not in text
    assert publication.published_agencies(D(2024, 5, 31)) == []  # not yet published on that day
    publication.withdraw(agency, office)
    assert publication.published_agencies() == []
    with pytest.raises(ValidationError):
        publication.withdraw(agency, office)


def test_only_the_office_publishes(users):
    agency = make_agency(None, n=1)
    for name in ("amr-liaison", "leader"):
        with pytest.raises(PermissionDenied):
            publication.publish(agency, users[name])
