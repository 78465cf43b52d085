import pytest

from zhichan.core.models import Person, Region, Unit

pytestmark = pytest.mark.django_db


def test_token_from_username_and_password(client):
    from ..conftest import PASSWORDS

    response = client.post(
        "/api/v1/auth/token/", {"username": "office", "password": PASSWORDS["office"]}, content_type="application/json"
    )
    assert response.status_code == 200
    token = response.json()["token"]
    me = client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {token}")
    assert me.json()["username"] == "office" and me.json()["role"] == "office"


def test_token_refused_for_a_wrong_password(client):
    response = client.post(
        "/api/v1/auth/token/", {"username": "office", "password": "wrong"}, content_type="application/json"
    )
    assert response.status_code == 400 and "token" not in response.json()


def test_anonymous_requests_are_refused(client):
    for path in ["/api/v1/", "/api/v1/regions/", "/api/v1/units/", "/api/v1/people/", "/api/schema/"]:
        assert client.get(path).status_code in (401, 403), path


def test_regions_filter_and_paginate(api_for):
    api = api_for("office")
    county = Region.objects.get(code="350583")
    children = api.get("/api/v1/regions/", {"parent": county.pk}).json()
    assert children["count"] == 28 and {r["parent"] for r in children["results"]} == {county.pk}
    towns = api.get("/api/v1/regions/", {"kind": "town", "page_size": 5}).json()
    assert towns["count"] == 21 and len(towns["results"]) == 5
    last = api.get("/api/v1/regions/", {"kind": "town", "page_size": 5, "page": 5}).json()
    assert len(last["results"]) == 1 and last["next"] is None
    within = api.get("/api/v1/regions/", {"within": "350583"}).json()
    assert within["count"] == 29  # the county and its 28 township-level regions
    one = api.get("/api/v1/regions/", {"code": "350583119"}).json()["results"][0]
    assert one["name"] == "水头镇" and one["statistical_code"] == "350583119000"


def test_units_and_people_filters(api_for):
    api = api_for("leader")
    members = api.get("/api/v1/units/", {"kind": "member", "page_size": 100}).json()
    assert members["count"] == 22
    group = api.get("/api/v1/memberships/", {"committee": 1, "current": "true"}).json()
    assert group["count"] == 24


def test_a_township_liaison_sees_only_its_township(api_for):
    api = api_for("shuitou-liaison")
    regions = api.get("/api/v1/regions/").json()
    assert [r["name"] for r in regions["results"]] == ["水头镇"]
    units = api.get("/api/v1/units/").json()
    assert [u["name"] for u in units["results"]] == ["水头镇人民政府"]


def test_a_liaison_manages_its_own_units_people_only(api_for):
    api = api_for("amr-liaison")
    amr, court = Unit.objects.get(key="amr"), Unit.objects.get(key="court")
    created = api.post("/api/v1/people/", {"name": "张三", "unit": amr.pk, "is_ip_staff": True}, format="json")
    assert created.status_code == 201
    person_id = created.json()["id"]
    # Creating in, or moving a person to, another unit is refused and changes nothing.
    assert api.post("/api/v1/people/", {"name": "李四", "unit": court.pk}, format="json").status_code == 403
    assert not Person.objects.filter(name="李四").exists()
    moved = api.patch(f"/api/v1/people/{person_id}/", {"unit": court.pk}, format="json")
    assert moved.status_code == 403
    assert Person.objects.get(pk=person_id).unit == amr
    # A court person is invisible to the market-supervision liaison.
    court_person = Person.objects.create(name="王五", unit=court)
    assert api.get(f"/api/v1/people/{court_person.pk}/").status_code == 404
    assert api.patch(f"/api/v1/people/{court_person.pk}/", {"name": "x"}, format="json").status_code == 404


def test_the_leader_reads_but_does_not_write(api_for):
    api = api_for("leader")
    assert api.get("/api/v1/people/").status_code == 200
    amr = Unit.objects.get(key="amr")
    assert api.post("/api/v1/people/", {"name": "x", "unit": amr.pk}, format="json").status_code == 403


def test_api_edits_are_audited_with_the_token_user(api_for, users):
    api = api_for("amr-liaison")
    person_id = api.post(
        "/api/v1/people/", {"name": "赵六", "unit": Unit.objects.get(key="amr").pk}, format="json"
    ).json()["id"]
    api.patch(f"/api/v1/people/{person_id}/", {"title": "知识产权专员"}, format="json")
    latest = Person.history.filter(id=person_id).first()
    assert latest.history_user == users["amr-liaison"]
    assert latest.prev_record.title == "" and latest.title == "知识产权专员"


def test_schema_and_docs_served_offline(api_for, client, users):
    api = api_for("office")
    schema = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    assert "/api/v1/regions/" in schema.content.decode()
    client.force_login(users["office"])
    docs = client.get("/api/docs/").content.decode()
    assert "swagger" in docs.lower() and "//" not in docs.split("<script")[1].split(">")[0].replace('src="/', "")


def test_every_response_says_how_long_the_server_took(client, db):
    response = client.get("/healthz")
    name, duration = response["Server-Timing"].split(";dur=")
    assert name == "app" and float(duration) >= 0


def test_a_record_not_found_is_answered_in_chinese_without_the_model_name(api_for):
    response = api_for("amr-liaison").get("/api/v1/people/999999999/")
    assert response.status_code == 404
    assert response.json() == {"detail": "未找到。"}
