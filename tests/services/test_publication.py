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


def test_the_office_publishes_an_expert_and_the_public_reads_only_the_public_fields(users, new_expert, client_for):
    from django.urls import reverse

    from zhichan.services.services import publication

    expert = new_expert(users["office"], id_number="350583198001013333", phone="13800000001", title="教授")
    assert publication.published_experts() == []
    client = client_for("office")
    url = reverse("expert-detail", args=[expert.pk])
    assert client.post(url, {"form": "publish", "pub-day": "2025-01-02"}).status_code == 302
    expert.refresh_from_db()
    assert str(expert.published_on) == "2025-01-02"
    public = publication.published_experts()
    assert [row["number"] for row in public] == [expert.number] and public[0]["title"] == "教授"
    assert "350583198001013333" not in str(public) and "13800000001" not in str(public)
    assert "2025-01-02" in client.get(url).content.decode()
    assert client.post(url, {"form": "withdraw"}).status_code == 302
    expert.refresh_from_db()
    assert expert.published_on is None and publication.published_experts() == []
    refused = client.post(url, {"form": "availability", "availability-until": "2020-13-01"})
    assert refused.status_code == 400  # the form's error on the page
    assert client.post(url, {"form": "nothing"}).status_code == 400


def test_the_api_adds_experts_and_enters_what_their_page_enters(api_for, users):
    api = api_for("office")
    body = {"name": "接口专家", "id_number": "350583198001014444", "fields": ["G"], "employer": "某大学"}
    created = api.post("/api/v1/services/experts/", body, format="json")
    assert created.status_code == 201, created.content
    assert "350583198001014444" not in created.content.decode()
    again = api.post("/api/v1/services/experts/", {**body, "name": "另一个"}, format="json")
    assert again.status_code == 400 and created.json()["number"] in again.content.decode()
    url = f"/api/v1/services/experts/{created.json()['id']}/step/"
    tie = api.post(url, {"step": "tie", "name": "某某科技有限公司"}, format="json")
    assert tie.status_code == 200, tie.content
    away = api.post(url, {"step": "availability", "available": False, "until": "2030-01-01"}, format="json")
    assert away.status_code == 200 and away.json()["available"] is False
    assert away.json()["unavailable_until"] == "2030-01-01"
    published = api.post(url, {"step": "publish", "day": "2025-03-01"}, format="json")
    assert published.json()["published_on"] == "2025-03-01"
    assert api_for("amr-liaison").post(url, {"step": "publish"}, format="json").status_code == 403
    assert api_for("leader").post("/api/v1/services/experts/", body, format="json").status_code == 403
