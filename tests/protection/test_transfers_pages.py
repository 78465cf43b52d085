"""The transfer pages and API with the test clients: the case's report, each side's steps on the transfer page, the
list by days left, the to-dos and the dashboard's warning, scoping, and the demo transfers."""

import datetime

from django.urls import reverse

from zhichan.core.models import Unit
from zhichan.protection.models import Case, PoliceDecision, State, Transfer, TransferState
from zhichan.protection.services import cases, transfers

from .conftest import at

D = datetime.date


def test_each_side_takes_the_transfer_through_on_the_pages(new_case, client_for, users):
    case = new_case(lead_on=D(2024, 2, 20))
    cases.file_case(case, users["amr-liaison"], D(2024, 3, 1))
    unit = client_for("amr-liaison")
    page = unit.get(reverse("case-detail", args=[case.pk])).content.decode()
    assert 'data-testid="step-report_transfer"' in page and 'data-testid="step-transfer"' not in page
    report = {
        "step": "report_transfer",
        "report_transfer-reported_on": "2024-03-04",
        "report_transfer-officers": "林执法",
    }
    refused = unit.post(reverse("case-step", args=[case.pk]), report)
    assert refused.status_code == 400 and not Transfer.objects.exists()  # one officer is not enough
    report["report_transfer-officers"] = "林执法、陈执法"
    assert unit.post(reverse("case-step", args=[case.pk]), report).status_code == 302
    transfer = Transfer.objects.get(case=case)
    page = unit.get(reverse("case-detail", args=[case.pk])).content.decode()
    assert 'data-testid="case-transfers"' in page and reverse("transfer-detail", args=[transfer.pk]) in page
    assert 'data-testid="step-report_transfer"' not in page  # one transfer under way at a time
    url, step = reverse("transfer-detail", args=[transfer.pk]), reverse("transfer-step", args=[transfer.pk])
    page = unit.get(url).content.decode()
    assert "涉嫌犯罪案件移送审批" in page and "第五条" in page and "2024-03-07" in page  # the clock and its source
    approve = {"step": "approve", "approve-approver": "王局长", "approve-at": "2024-03-05T10:00"}
    assert unit.post(step, approve).status_code == 302
    police = Unit.objects.get(key="police")
    send = {"step": "send", "send-at": "2024-03-06T11:30", "send-police": police.pk}
    assert unit.post(step, send).status_code == 302
    case.refresh_from_db()
    assert case.state == State.TRANSFERRED
    page = unit.get(url).content.decode()
    assert 'data-testid="over-24-hours"' in page and "25.5" in page  # sent 25.5 hours after the approval
    assert 'data-testid="step-receive"' not in page  # the police's step
    officer = client_for("police-liaison")  # the same client, signed in as the police's liaison
    page = officer.get(url).content.decode()
    assert 'data-testid="step-receive"' in page and 'data-testid="step-copy"' not in page
    assert reverse("case-detail", args=[case.pk]) not in page  # the police do not open the case's own record
    assert officer.post(step, {"step": "copy", "copy-day": "2024-03-06"}).status_code == 403  # the unit's step
    assert officer.post(step, {"step": "receive", "receive-day": "2024-03-06"}).status_code == 302
    decide = {"step": "decide", "decide-decision": "opened", "decide-day": "2024-03-08"}
    assert officer.post(step, decide).status_code == 302
    unit = client_for("amr-liaison")  # one test client: signed in again as the unit
    assert unit.post(step, {"step": "hand_over", "hand_over-day": "2024-03-10"}).status_code == 302
    transfer.refresh_from_db()
    assert transfer.state == TransferState.OPENED and transfer.handed_over_on == D(2024, 3, 10)
    page = unit.get(url).content.decode()
    assert "已立案" in page and 'data-event="transfer.handed_over"' in page


def test_a_refused_step_names_its_problem_on_the_page(new_transfer, client_for):
    transfer = new_transfer(reported_on=D(2024, 3, 4))
    response = client_for("amr-liaison").post(
        reverse("transfer-step", args=[transfer.pk]),
        {"step": "approve", "approve-approver": "王局长", "approve-at": "2024-03-01T10:00"},
    )
    assert response.status_code == 400 and "不能早于" in response.content.decode()
    transfer.refresh_from_db()
    assert transfer.state == TransferState.REPORTED


def test_the_list_sorts_by_days_left_and_is_scoped(new_transfer, client_for, users):
    later = new_transfer(filed_on=D(2024, 6, 3), reported_on=D(2024, 6, 10))
    sooner = new_transfer(filed_on=D(2024, 3, 1), reported_on=D(2024, 3, 4))
    page = client_for("office").get(reverse("transfer-list")).content.decode()
    assert page.index(sooner.case.number) < page.index(later.case.number)
    assert page.count('data-testid="transfer-clock"') == 2
    assert sooner.case.number in client_for("leader").get(reverse("transfer-list")).content.decode()
    for username in ("court-liaison", "police-liaison", "shuitou-liaison"):
        client = client_for(username)
        assert sooner.case.number not in client.get(reverse("transfer-list")).content.decode(), username
        assert client.get(reverse("transfer-detail", args=[sooner.pk])).status_code == 404, username
    filtered = client_for("office").get(reverse("transfer-list"), {"state": "approved"}).content.decode()
    assert sooner.case.number not in filtered


def test_the_court_reads_nothing_and_the_police_only_what_was_sent_to_them(new_transfer, client_for, users):
    transfer = new_transfer()
    transfers.approve(transfer, users["amr-liaison"], "王局长", at(2024, 3, 5, 10))
    transfers.send(transfer, users["amr-liaison"], at(2024, 3, 6, 9), Unit.objects.get(key="police"))
    court = client_for("court-liaison")
    assert court.get(reverse("transfer-detail", args=[transfer.pk])).status_code == 404
    response = court.post(
        reverse("transfer-step", args=[transfer.pk]), {"step": "receive", "receive-day": "2024-03-06"}
    )
    assert response.status_code == 404
    assert transfer.case.number in client_for("police-liaison").get(reverse("transfer-list")).content.decode()


def test_to_dos_for_each_side_and_the_dashboards_warning(new_transfer, client_for, users):
    reported = new_transfer(filed_on=D(2024, 3, 1), reported_on=D(2024, 3, 4))
    with_police = new_transfer(filed_on=D(2024, 3, 1), reported_on=D(2024, 3, 4))
    transfers.approve(with_police, users["amr-liaison"], "王局长", at(2024, 3, 5, 10))
    transfers.send(with_police, users["amr-liaison"], at(2024, 3, 6, 9), Unit.objects.get(key="police"))
    transfers.receive(with_police, users["police-liaison"], D(2024, 3, 6))
    page = client_for("police-liaison").get(reverse("workbench")).content.decode()
    assert "待公安机关决定的移送案件" in page and "待审批或待移送" not in page
    page = client_for("amr-liaison").get(reverse("workbench")).content.decode()
    assert "待审批或待移送的涉嫌犯罪案件" in page
    assert "待公安机关决定" not in page and "待答复不予立案决定" not in page
    transfers.decide(with_police, users["police-liaison"], PoliceDecision.REFUSED, D(2024, 3, 7), "证据不足")
    transfers.ask_supervision(with_police, users["amr-liaison"], D(2024, 3, 8), Unit.objects.get(key="procuratorate"))
    page = client_for("procuratorate-liaison").get(reverse("workbench")).content.decode()
    assert "待人民检察院立案监督的移送案件" in page
    transfers.supervise(with_police, users["procuratorate-liaison"], "upheld", D(2024, 3, 20))
    page = client_for("amr-liaison").get(reverse("workbench")).content.decode()
    assert "待答复不予立案决定或待移交涉案物品的移送案件" in page
    page = client_for("leader").get(reverse("dashboard")).content.decode()
    assert 'data-testid="transfers-overdue-alert"' in page and reported.case.number in page
    assert "涉嫌犯罪案件移送审批" in page  # the chief's 3 days ran out in March 2024


def test_the_api_reports_and_each_side_steps(new_case, api_for, users):
    case = new_case(lead_on=D(2024, 2, 20))
    cases.file_case(case, users["amr-liaison"], D(2024, 3, 1))
    unit, officer = api_for("amr-liaison"), api_for("police-liaison")
    body = {"case": case.pk, "reported_on": "2024-03-04", "officers": ["林执法"]}
    assert unit.post("/api/v1/protection/transfers/", body, format="json").status_code == 400
    body["officers"] = ["林执法", "陈执法"]
    other = api_for("court-liaison").post("/api/v1/protection/transfers/", body, format="json")
    assert other.status_code == 400 and "case" in other.json()  # another unit's case is not found
    created = unit.post("/api/v1/protection/transfers/", body, format="json")
    assert created.status_code == 201, created.content
    data = created.json()
    assert data["state"] == "reported" and data["clocks"][0]["due"] == "2024-03-07" and data["clocks"][0]["running"]
    step = f"/api/v1/protection/transfers/{data['id']}/step/"
    early = unit.post(step, {"step": "approve", "approver": "王局长", "at": "2024-03-03T10:00"}, format="json")
    assert early.status_code == 400 and "at" in early.json()
    assert (
        unit.post(step, {"step": "approve", "approver": "王局长", "at": "2024-03-05T10:00"}, format="json").status_code
        == 200
    )
    police = Unit.objects.get(key="police")
    assert officer.post(step, {"step": "receive", "day": "2024-03-06"}, format="json").status_code == 404  # not sent
    sent = unit.post(step, {"step": "send", "at": "2024-03-06T09:00", "police": police.pk}, format="json")
    assert sent.status_code == 200 and sent.json()["hours_to_send"] == 23.0 and not sent.json()["over_24_hours"]
    assert unit.get(f"/api/v1/protection/cases/{case.pk}/").json()["transfers"] == [{"id": data["id"], "state": "sent"}]
    assert officer.post(
        step, {"step": "approve", "approver": "x", "at": "2024-03-06T10:00"}, format="json"
    ).status_code in (
        400,
        403,
    )
    assert officer.post(step, {"step": "receive", "day": "2024-03-06"}, format="json").status_code == 200
    refused = officer.post(step, {"step": "decide", "decision": "refused", "day": "2024-03-07"}, format="json")
    assert refused.status_code == 400 and "reasons" in refused.json()
    decided = officer.post(
        step, {"step": "decide", "decision": "refused", "day": "2024-03-07", "reasons": "证据不足"}, format="json"
    )
    assert decided.json()["state"] == "refused" and decided.json()["police_decision"] == PoliceDecision.REFUSED
    accepted = unit.post(step, {"step": "accept", "day": "2024-03-08"}, format="json")
    assert accepted.status_code == 200 and accepted.json()["state"] == "returned"
    assert Case.objects.get(pk=case.pk).state == State.INVESTIGATION
    assert api_for("court-liaison").get(f"/api/v1/protection/transfers/{data['id']}/").status_code == 404
    assert api_for("court-liaison").get("/api/v1/protection/transfers/").json()["results"] == []


def test_the_case_api_reports_a_case_for_transfer(new_case, api_for, users):
    case = new_case(lead_on=D(2024, 2, 20))
    api = api_for("amr-liaison")
    step = f"/api/v1/protection/cases/{case.pk}/step/"
    assert api.post(step, {"step": "transfer", "day": "2024-03-01", "note": "x"}, format="json").status_code == 400
    reported = api.post(
        step, {"step": "report_transfer", "reported_on": "2024-03-01", "officers": "林执法、陈执法"}, format="json"
    )
    assert reported.status_code == 200 and reported.json()["state"] == "lead"
    assert reported.json()["transfers"][0]["state"] == "reported"
    other = new_case(lead_on=D(2024, 2, 20))
    listed = api.post(
        f"/api/v1/protection/cases/{other.pk}/step/",
        {"step": "report_transfer", "reported_on": "2024-03-01", "officers": ["林执法", "陈执法"]},
        format="json",
    )
    assert listed.status_code == 200 and Transfer.objects.get(case=other).officers == ["林执法", "陈执法"]


def test_demo_transfers_reach_each_end_and_some_stay_under_way(new_case, users):
    from zhichan.protection.services import demo_transfers

    ends = []
    for n in range(len(demo_transfers.ENDS)):
        case = new_case(lead_on=D(2023, 3, 1), synthetic=True, number=f"演示〔2023〕{n}号", user=None)
        cases.file_case(case, None, D(2023, 3, 5))
        demo_transfers.transfer_case(case, D(2023, 4, 1))
        transfer = Transfer.objects.get(case=case)
        case.refresh_from_db()
        ends.append((transfer.state, case.state, transfer.over_24_hours, transfer.synthetic))
    assert ends == [
        (TransferState.OPENED, State.TRANSFERRED, False, True),
        (TransferState.RETURNED, State.CLOSED, False, True),  # refused, accepted, then decided and closed
        (TransferState.OPENED, State.TRANSFERRED, True, True),  # sent 29.5 hours after the approval
        (TransferState.OPENED, State.TRANSFERRED, False, True),  # after the procuratorate's supervision
        (TransferState.PASSED_ON, State.TRANSFERRED, False, True),
        (TransferState.NOT_APPROVED, State.CLOSED, False, True),
        (TransferState.RETURNED, State.CLOSED, False, True),  # returned for administrative handling
        (TransferState.OPENED, State.TRANSFERRED, False, True),  # on reconsideration
    ]
    assert not demo_transfers.demo_transfers_present()
    for n in range(4):
        case = new_case(lead_on=D(2024, 11, 4), synthetic=True, number=f"演示〔2024〕{n}号", user=None)
        cases.file_case(case, None, D(2024, 11, 8))
    assert demo_transfers.create_demo_transfers() == len(demo_transfers.ENDS) + 4
    assert demo_transfers.demo_transfers_present()
    under_way = Transfer.objects.filter(case__lead_on=D(2024, 11, 4)).order_by("case__number")
    assert [t.state for t in under_way] == [
        TransferState.REPORTED,
        TransferState.RECEIVED,
        TransferState.REFUSED,
        TransferState.RECONSIDERING,
    ]
