"""The cases API: scoped reads, a lead entered, steps taken and refused with their reasons."""

import datetime

from zhichan.protection.models import Case, State

D = datetime.date


def test_a_liaison_enters_and_steps_a_case_through_the_api(reference, api_for, users, shuitou):
    api = api_for("amr-liaison")
    body = {
        "unit": users["amr-liaison"].unit_id,
        "number": "API-1",
        "title": "商标侵权案",
        "kind": "trademark-infringement",
        "source": "complaint",
        "lead_on": "2024-02-20",
        "township": shuitou.pk,
        "parties": [{"kind": "person", "name": "王五", "id_number": "350583199001011234"}],
    }
    created = api.post("/api/v1/protection/cases/", body, format="json")
    assert created.status_code == 201, created.content
    case_id = created.json()["id"]
    assert created.json()["clocks"][0]["rule"] == "penalty-filing"
    step = f"/api/v1/protection/cases/{case_id}/step/"
    refused = api.post(step, {"step": "close", "day": "2024-03-01"}, format="json")
    assert refused.status_code == 400 and refused.json()
    missing = api.post(step, {"step": "file"}, format="json")
    assert missing.status_code == 400 and "day" in missing.json()
    assert api.post(step, {"step": "nothing"}, format="json").status_code == 400
    filed = api.post(step, {"step": "file", "day": "2024-03-01"}, format="json")
    assert filed.status_code == 200 and filed.json()["state"] == "filed"
    assert [clock["rule"] for clock in filed.json()["clocks"]] == ["penalty-filing", "penalty-decision"]
    decided = api.post(step, {"step": "decide", "day": "2024-04-01", "number": "罚1号", "fine": "100"}, format="json")
    assert decided.json()["state"] == "decided" and decided.json()["fine"] == "100.00"
    again = api.post("/api/v1/protection/cases/", body, format="json")
    assert again.status_code == 400 and "number" in again.json()


def test_scoping_and_private_identity_through_the_api(new_case, api_for, users):
    case = new_case()
    url = f"/api/v1/protection/cases/{case.pk}/"
    assert api_for("court-liaison").get(url).status_code == 404
    assert (
        api_for("court-liaison").post(url + "step/", {"step": "file", "day": "2024-03-01"}, format="json").status_code
        == 404
    )
    assert api_for("amr-liaison").get(url).json()["parties"][0]["id_number"] == "350583199001011234"
    assert api_for("shuitou-liaison").get(url).status_code == 404
    hidden = api_for("leader").get(url).json()["parties"][0]["id_number"]
    assert hidden and hidden != "350583199001011234"
    assert (
        api_for("shuitou-liaison").post(url + "step/", {"step": "file", "day": "2024-03-01"}, format="json").status_code
        == 404
    )
    other = api_for("court-liaison").post(
        "/api/v1/protection/cases/",
        {
            "unit": case.unit_id,
            "number": "Z",
            "title": "t",
            "kind": "trademark-infringement",
            "source": "inspection",
            "lead_on": "2024-01-02",
        },
        format="json",
    )
    assert other.status_code == 403 and not Case.objects.filter(number="Z").exists()
    listed = api_for("office").get("/api/v1/protection/cases/", {"state": "lead"}).json()["results"]
    assert [row["id"] for row in listed] == [case.pk] and Case.objects.get(pk=case.pk).state == State.LEAD
