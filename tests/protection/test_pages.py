"""The case pages with the test client: the list, a new lead, a case with its clock, and its steps."""

import datetime

from django.urls import reverse
from django.utils.translation import override

from zhichan.core.models import CalendarDay
from zhichan.protection.models import Case, CaseKind, State
from zhichan.protection.services import cases
from zhichan.protection.services.cases import NEEDS

D = datetime.date


def test_the_list_filters_and_sorts_by_days_left(new_case, client_for, users):
    soon = new_case(lead_on=D(2024, 1, 2))
    later = new_case(lead_on=D(2024, 6, 3))
    copyright_case = new_case(kind="copyright-infringement", title="盗版图书案")
    cases.file_case(copyright_case, users["amr-liaison"], D(2024, 6, 20))
    client = client_for("office")
    page = client.get(reverse("case-list")).content.decode()
    assert page.index(soon.number) < page.index(later.number) < page.index(copyright_case.number)
    page = client.get(reverse("case-list"), {"ip_type": "copyright"}).content.decode()
    assert copyright_case.number in page and soon.number not in page
    page = client.get(reverse("case-list"), {"state": "filed"}).content.decode()
    assert copyright_case.number in page and later.number not in page


def test_a_liaison_enters_a_lead(reference, client_for, users, shuitou):
    client = client_for("amr-liaison")
    assert client.get(reverse("case-new")).status_code == 200
    kind = CaseKind.objects.get(key="counterfeit-patent")
    data = {
        "unit": users["amr-liaison"].unit_id,
        "number": "南市监处〔2024〕88号",
        "title": "假冒专利标识案",
        "kind": kind.pk,
        "source": "e-commerce",
        "lead_on": "2024-04-01",
        "township": shuitou.pk,
        "party_kind": "person",
        "party_name": "李四",
        "id_number": "35058319800101123X",
    }
    response = client.post(reverse("case-new"), data)
    case = Case.objects.get(number="南市监处〔2024〕88号")
    assert response.status_code == 302 and response["Location"] == reverse("case-detail", args=[case.pk])
    again = client.post(reverse("case-new"), data)
    assert again.status_code == 200 and "南市监处〔2024〕88号" in again.content.decode()
    assert Case.objects.filter(number="南市监处〔2024〕88号").count() == 1
    other_unit = client.post(reverse("case-new"), {**data, "unit": users["court-liaison"].unit_id, "number": "X"})
    assert other_unit.status_code == 200 and not Case.objects.filter(number="X").exists()


def test_the_case_page_shows_its_clock_and_takes_steps(new_case, client_for):
    case = new_case(lead_on=D(2024, 2, 20))
    client = client_for("amr-liaison")
    page = client.get(reverse("case-detail", args=[case.pk])).content.decode()
    assert (
        'data-testid="clock"' in page and 'data-testid="step-file"' in page and 'data-testid="step-decide"' not in page
    )
    url = reverse("case-step", args=[case.pk])
    assert client.post(url, {"step": "file", "file-day": "2024-03-01"}).status_code == 302
    case.refresh_from_db()
    assert case.state == State.FILED
    refused = client.post(url, {"step": "close", "close-day": "2024-03-05"})
    with override("zh-hans"):
        assert refused.status_code == 400 and str(NEEDS["close"]) in refused.content.decode()
    bad = client.post(url, {"step": "decide", "decide-day": "", "decide-number": "1号"})
    assert bad.status_code == 400
    assert (
        client.post(url, {"step": "suspend", "suspend-pause": "appraisal", "suspend-start": "2024-03-05"}).status_code
        == 302
    )
    page = client.get(reverse("case-detail", args=[case.pk])).content.decode()
    assert 'data-testid="step-resume"' in page
    period = cases.open_pauses(case).get()
    assert (
        client.post(url, {"step": "resume", "resume-period": period.pk, "resume-end": "2024-03-12"}).status_code == 302
    )
    extend = {
        "step": "extend",
        "extend-length": 30,
        "extend-approver": "王局长",
        "extend-approved_on": "2024-04-01",
        "extend-reason": "案情复杂",
    }
    assert client.post(url, extend).status_code == 302
    decide = {
        "step": "decide",
        "decide-day": "2024-05-01",
        "decide-number": "南市监处罚〔2024〕9号",
        "decide-fine": "3000",
    }
    assert client.post(url, decide).status_code == 302
    assert client.post(url, {"step": "close", "close-day": "2024-05-10"}).status_code == 302
    case.refresh_from_db()
    assert case.state == State.CLOSED and str(case.fine) == "3000.00"
    page = client.get(reverse("case-detail", args=[case.pk])).content.decode()
    assert "王局长" in page and "南市监处罚〔2024〕9号" in page


def test_another_unit_neither_reads_nor_steps(new_case, client_for):
    case = new_case()
    client = client_for("court-liaison")
    assert client.get(reverse("case-detail", args=[case.pk])).status_code == 404
    assert (
        client.post(reverse("case-step", args=[case.pk]), {"step": "file", "file-day": "2024-03-01"}).status_code == 404
    )
    assert case.number not in client.get(reverse("case-list")).content.decode()
    Case.objects.get(pk=case.pk, state=State.LEAD)


def test_a_persons_id_is_shown_to_the_unit_and_the_office_only(new_case, client_for):
    case = new_case()
    assert client_for("shuitou-liaison").get(reverse("case-detail", args=[case.pk])).status_code == 404
    for username, shown in (("amr-liaison", True), ("office", True), ("leader", False)):
        page = client_for(username).get(reverse("case-detail", args=[case.pk])).content.decode()
        assert ("350583199001011234" in page) is shown, username
        assert "张三" in page


def test_the_dashboard_warns_of_overdue_cases_and_the_workbench_counts_them(new_case, client_for):
    new_case(lead_on=D(2023, 1, 3))  # its filing clock ran out long ago
    page = client_for("leader").get(reverse("dashboard")).content.decode()
    assert 'data-testid="cases-overdue-alert"' in page
    page = client_for("amr-liaison").get(reverse("workbench")).content.decode()
    assert 'data-testid="cases-panel"' in page and 'href="/protection/cases/"' in page
    assert "超期1件" in page and "临近或超过办案期限的行政执法案件" in page  # the panel and the unit's to-do


def test_demo_cases_are_made_marked_and_shown_as_synthetic(reference, client_for):
    from zhichan.protection.services.demo import create_demo_cases

    assert CalendarDay.objects.exists()
    assert create_demo_cases(count=20) == 20
    assert set(Case.objects.values_list("synthetic", flat=True)) == {True}
    assert Case.objects.filter(state=State.CLOSED).exists()
    case = Case.objects.first()
    assert (
        'data-testid="synthetic-badge"'
        in client_for("office").get(reverse("case-detail", args=[case.pk])).content.decode()
    )
