"""The mediation, judicial-confirmation and rights-assistance pages and API with the test clients."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from zhichan.core.models import Unit
from zhichan.protection.models import AssistanceRequest, JudicialConfirmation, Mediation, MediationState
from zhichan.protection.services import mediation

from ..files import PDF

D = datetime.date


def test_a_liaison_takes_a_dispute_in_and_records_its_agreement_on_the_pages(reference, client_for, users, shuitou):
    client = client_for("amr-liaison")
    page = client.get(reverse("mediation-new"))
    assert page.status_code == 200 and "调解" in page.content.decode()
    data = {
        "unit": users["amr-liaison"].unit_id,
        "number": "南市监调〔2024〕9号",
        "title": "外观设计专利纠纷",
        "kind": "administrative",
        "rights": "外观设计专利权",
        "received_on": "2024-04-01",
        "township": shuitou.pk,
        "applicant": "演示卫浴有限公司",
        "respondent": "演示五金商行",
    }
    response = client.post(reverse("mediation-new"), data)
    item = Mediation.objects.get(number="南市监调〔2024〕9号")
    assert response.status_code == 302 and item.parties.count() == 2
    step = reverse("mediation-step", args=[item.pk])
    assert client.post(step, {"step": "session", "session-day": "2024-04-08"}).status_code == 302
    agreement = SimpleUploadedFile("调解协议.pdf", PDF, content_type="application/pdf")
    response = client.post(step, {"step": "agree", "agree-day": "2024-04-10", "agree-agreement": agreement})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.state == MediationState.AGREED
    page = client.get(reverse("mediation-detail", args=[item.pk])).content.decode()
    assert "申请司法确认" in page and "调解协议.pdf" in page and "2024-05-10" in page  # the 30th day after
    court = Unit.objects.get(key="court")
    response = client.post(step, {"step": "apply", "apply-day": "2024-04-20", "apply-court": court.pk})
    assert response.status_code == 302 and JudicialConfirmation.objects.get(mediation=item).court == court


def test_a_refused_step_is_shown_on_the_page(new_mediation, client_for):
    item = new_mediation()
    client = client_for("amr-liaison")
    response = client.post(reverse("mediation-step", args=[item.pk]), {"step": "fail", "fail-day": "2024-02-01"})
    assert response.status_code == 400
    assert "不能早于" in response.content.decode() or "note" in response.context["steps"][2][1].errors


def test_the_court_liaison_enters_its_ruling(new_mediation, client_for, users):
    item = new_mediation()
    mediation.agree(item, users["amr-liaison"], D(2024, 3, 20))
    confirmation = mediation.apply_for_confirmation(
        item, users["amr-liaison"], D(2024, 3, 25), Unit.objects.get(key="court")
    )
    client = client_for("court-liaison")
    page = client.get(reverse("confirmation-list")).content.decode()
    assert item.number in page and "ruling-ruling" in page
    assert client.get(reverse("mediation-detail", args=[item.pk])).status_code == 404  # the dispute stays the unit's
    url = reverse("confirmation-ruling", args=[confirmation.pk])
    response = client.post(url, {"ruling-ruling": "confirmed", "ruling-day": "2024-04-02", "ruling-number": "民特1号"})
    assert response.status_code == 302
    confirmation.refresh_from_db()
    assert confirmation.ruling == "confirmed"
    assert client_for("amr-liaison").get(reverse("confirmation-list")).content.decode().count("confirmation-row") == 0
    page = client_for("amr-liaison").get(reverse("mediation-detail", args=[item.pk])).content.decode()
    assert "民特1号" in page


def test_lists_are_scoped(new_mediation, client_for):
    item = new_mediation()
    assert item.number in client_for("office").get(reverse("mediation-list")).content.decode()
    assert item.number in client_for("leader").get(reverse("mediation-list")).content.decode()
    assert item.number not in client_for("court-liaison").get(reverse("mediation-list")).content.decode()


def test_a_request_is_taken_in_and_closed_on_the_pages(reference, client_for, users):
    client = client_for("amr-liaison")
    data = {
        "unit": users["amr-liaison"].unit_id,
        "kind": "exhibition",
        "requester": "演示石材有限公司",
        "requested_on": "2024-05-06",
    }
    response = client.post(reverse("assistance-new"), data)
    item = AssistanceRequest.objects.get()
    assert response.status_code == 302
    url = reverse("assistance-detail", args=[item.pk])
    assert "展会" in client.get(url).content.decode()
    refused = client.post(url, {"close-outcome": "declined", "close-day": "2024-05-10"})
    assert refused.status_code == 400
    done = client.post(url, {"close-outcome": "assisted", "close-day": "2024-05-10"})
    assert done.status_code == 302
    item.refresh_from_db()
    assert item.outcome == "assisted"
    assert client_for("court-liaison").get(url).status_code == 404


def test_the_api_takes_a_dispute_through_to_the_ruling(reference, api_for, users, shuitou):
    api = api_for("amr-liaison")
    body = {
        "unit": users["amr-liaison"].unit_id,
        "number": "API-M1",
        "title": "商标纠纷",
        "kind": "administrative",
        "rights": "注册商标专用权",
        "received_on": "2024-02-20",
        "township": shuitou.pk,
        "parties": [{"side": "applicant", "name": "演示企业"}],
    }
    created = api.post("/api/v1/protection/mediations/", body, format="json")
    assert created.status_code == 201, created.content
    step = f"/api/v1/protection/mediations/{created.json()['id']}/step/"
    refused = api.post(step, {"step": "apply", "day": "2024-03-01"}, format="json")
    assert refused.status_code == 400
    agreed = api.post(step, {"step": "agree", "day": "2024-03-01"}, format="json")
    assert agreed.status_code == 200 and agreed.json()["clocks"][0]["due"] == "2024-04-01"  # 31 March is a Sunday
    court = Unit.objects.get(key="court")
    applied = api.post(step, {"step": "apply", "day": "2024-03-05", "court": court.pk}, format="json")
    confirmation = applied.json()["confirmation"]
    assert applied.status_code == 200 and confirmation["court"] == court.pk
    assert api_for("court-liaison").get(f"/api/v1/protection/mediations/{created.json()['id']}/").status_code == 404
    ruling = f"/api/v1/protection/confirmations/{confirmation['id']}/ruling/"
    assert api.post(ruling, {"ruling": "confirmed", "day": "2024-03-10"}, format="json").status_code in (403, 404)
    done = api_for("court-liaison").post(ruling, {"ruling": "confirmed", "day": "2024-03-10"}, format="json")
    assert done.status_code == 200 and done.json()["ruling"] == "confirmed"


def test_the_api_takes_in_and_closes_a_request(reference, api_for, users):
    api = api_for("amr-liaison")
    body = {
        "unit": users["amr-liaison"].unit_id,
        "kind": "overseas",
        "requester": "演示企业",
        "requested_on": "2024-02-20",
    }
    created = api.post("/api/v1/protection/assistance/", body, format="json")
    assert created.status_code == 201, created.content
    close = f"/api/v1/protection/assistance/{created.json()['id']}/close/"
    done = api.post(close, {"outcome": "assisted", "day": "2024-03-01"}, format="json")
    assert done.status_code == 200 and done.json()["outcome"] == "assisted"
    assert api_for("court-liaison").get("/api/v1/protection/assistance/").json()["results"] == []


def test_demo_mediations_and_requests_are_made_and_marked(reference, client_for):
    from zhichan.protection.services.demo_mediation import create_demo_mediation

    assert create_demo_mediation() == (36, 40)
    assert create_demo_mediation(mediations=0, requests=0) == (36, 40)  # the same seed: nothing new, nothing lost
    assert Mediation.objects.filter(synthetic=True).exclude(state=MediationState.OPEN).exists()
    page = client_for("office").get(reverse("mediation-list")).content.decode()
    assert "synthetic-badge" in page


def test_the_office_reads_them_and_their_history_in_the_admin(new_mediation, client_for):
    item = new_mediation()
    client = client_for("office")
    for url in (
        "/admin/protection/mediation/",
        f"/admin/protection/mediation/{item.pk}/change/",
        f"/admin/protection/mediation/{item.pk}/history/",
        "/admin/protection/assistancerequest/",
        "/admin/protection/judicialconfirmation/",
    ):
        assert client.get(url).status_code == 200, url
