"""The special-action pages, their Excel export (opened with openpyxl) and the API, with the test clients."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from zhichan.core.models import ExportFile, TaskProgress, Unit
from zhichan.protection.models import Case, Inspection, SpecialAction
from zhichan.protection.services import cases, special_actions

D = datetime.date


@pytest.fixture
def action_with_records(new_special_action, new_case, users, amr, shuitou):
    """The action, with one decided case and two inspections of the market supervision bureau (one seizing 40
    pieces and opening the case), and one inspection of the culture bureau in 水头镇."""
    office = users["office"]
    action = new_special_action()
    case = new_case(lead_on=D(2024, 3, 5), source="special-action", action=action)
    cases.file_case(case, office, D(2024, 3, 8))
    cases.decide(
        case, office, D(2024, 4, 10), "罚1号", {"illegal_turnover": "8000.50", "fine": "16000", "confiscation": "300"}
    )
    inspect = special_actions.record_inspection
    inspect(
        users["amr-liaison"],
        unit=amr,
        day=D(2024, 3, 4),
        subject="演示卫浴商行",
        action=action,
        township=shuitou,
        seized_goods="假冒水龙头",
        seized_quantity=40,
        case=case,
    )
    inspect(users["amr-liaison"], unit=amr, day=D(2024, 3, 9), subject="某五金店", action=action, township=shuitou)
    inspect(
        office,
        unit=Unit.objects.get(key="culture"),
        day=D(2024, 5, 1),
        subject="某书店",
        action=action,
        township=shuitou,
    )
    return action


def test_the_office_sets_up_an_action_on_the_page(reference, client_for, amr, shuitou):
    client = client_for("office")
    page = client.get(reverse("special-action-new"))
    assert page.status_code == 200 and "牵头单位" in page.content.decode()
    culture = Unit.objects.get(key="culture")
    data = {
        "name": "2024年专利权保护专项行动（测试）",
        "start": "2024-05-01",
        "end": "2024-09-30",
        "ip_types": ["patent"],
        "lead_unit": amr.pk,
        "units": [culture.pk],
        "areas": [shuitou.pk],
        "planned_inspections": "20",
    }
    response = client.post(reverse("special-action-new"), data)
    action = SpecialAction.objects.get(name="2024年专利权保护专项行动（测试）")
    assert response.status_code == 302 and response["Location"] == reverse("special-action-detail", args=[action.pk])
    assert set(action.units.all()) == {amr, culture} and action.planned_inspections == 20
    edit = reverse("special-action-edit", args=[action.pk])
    assert "2024年专利权保护专项行动（测试）" in client.get(edit).content.decode()
    response = client.post(edit, {**data, "end": "2024-04-01"})
    assert response.status_code == 400 and "不能早于开始日期" in response.content.decode()
    response = client.post(edit, {**data, "end": "2024-10-31"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.end == D(2024, 10, 31)
    page = client.get(reverse("special-action-detail", args=[action.pk])).content.decode()
    assert "修改专项行动" in page and "部署专项行动" in page  # the event log: set up, changed


def test_a_liaison_reads_actions_but_neither_sets_up_nor_changes_them(new_special_action, client_for):
    action = new_special_action()
    for username in ("amr-liaison", "court-liaison", "shuitou-liaison", "leader"):
        client = client_for(username)
        assert action.name in client.get(reverse("special-action-list")).content.decode()
        assert client.get(reverse("special-action-detail", args=[action.pk])).status_code == 200
        assert client.get(reverse("special-action-new")).status_code == 403
        assert client.post(reverse("special-action-edit", args=[action.pk]), {"name": "x"}).status_code == 403
    assert client_for("enterprise").get(reverse("special-action-list")).status_code == 403


def test_the_list_filters_by_year_and_state(new_special_action, client_for, amr):
    new_special_action()
    new_special_action(name="2022年旧行动（测试）", start=D(2022, 1, 1), end=D(2022, 12, 31), areas=[])
    today = datetime.date.today()
    new_special_action(
        name="进行中的行动（测试）",
        start=today - datetime.timedelta(days=5),
        end=today.replace(year=today.year + 1),
        areas=[],
    )
    client = client_for("amr-liaison")

    def names(**query):
        page = client.get(reverse("special-action-list"), query).content.decode()
        return [
            name
            for name in ("2024年商标专利专项整治行动（测试）", "2022年旧行动（测试）", "进行中的行动（测试）")
            if name in page
        ]

    assert names() == ["2024年商标专利专项整治行动（测试）", "2022年旧行动（测试）", "进行中的行动（测试）"]
    assert names(year=2022) == ["2022年旧行动（测试）"]
    assert names(state="current") == ["进行中的行动（测试）"]
    assert names(state="past") == ["2024年商标专利专项整治行动（测试）", "2022年旧行动（测试）"]
    assert names(year=2024, state="past") == ["2024年商标专利专项整治行动（测试）"]


def test_the_action_page_shows_the_summary_cases_and_inspections(action_with_records, client_for):
    url = reverse("special-action-detail", args=[action_with_records.pk])
    page = client_for("office").get(url)
    html = page.content.decode()
    summary = page.context["summary"]
    assert (summary.total.inspections, summary.total.cases, summary.total.seized) == (3, 1, 40)
    assert "南市监处〔2024〕1号" in html and "某书店" in html and "假冒水龙头：40" in html
    assert "16,000.00" in html and "8,000.50" in html  # amounts as the pages write them
    assert 'data-testid="inspection-new"' in html and 'data-testid="special-action-edit"' in html
    liaison = client_for("court-liaison").get(url)
    assert liaison.context["summary"].total.inspections == 0 and "某书店" not in liaison.content.decode()
    assert 'data-testid="inspection-new"' not in liaison.content.decode()  # the court takes no part
    assert "仅统计您有权查看的记录" in liaison.content.decode()


def test_a_liaison_records_an_inspection_for_its_own_unit_only(new_special_action, client_for, users, amr, shuitou):
    action = new_special_action()
    client = client_for("amr-liaison")
    page = client.get(reverse("inspection-new"), {"action": action.pk})
    assert page.status_code == 200 and page.context["form"].initial["action"] == action
    data = {
        "action": action.pk,
        "unit": amr.pk,
        "day": "2024-04-02",
        "township": shuitou.pk,
        "subject": "某汽配店",
        "seized_goods": "假冒刹车片",
        "seized_quantity": "12",
    }
    response = client.post(reverse("inspection-new"), data)
    assert response.status_code == 302 and response["Location"] == reverse("special-action-detail", args=[action.pk])
    assert Inspection.objects.get().seized_quantity == 12
    refused = client.post(reverse("inspection-new"), {**data, "day": "2024-08-01"})
    assert refused.status_code == 400 and "不在" in refused.content.decode() and Inspection.objects.count() == 1
    court = client_for("court-liaison")
    response = court.post(reverse("inspection-new"), {**data, "action": ""})  # the unit field offers the court only
    assert response.status_code == 400 and Inspection.objects.count() == 1
    assert "某汽配店" not in court.get(reverse("inspection-list")).content.decode()
    assert "某汽配店" in client_for("office").get(reverse("inspection-list")).content.decode()
    assert client_for("leader").post(reverse("inspection-new"), data).status_code == 403


def test_a_case_names_its_action_on_the_case_pages(new_special_action, new_case, client_for, users, amr, shuitou):
    from zhichan.protection.models import CaseKind

    action = new_special_action()
    client = client_for("amr-liaison")
    data = {
        "unit": amr.pk,
        "number": "页面1号",
        "title": "商标侵权案",
        "kind": CaseKind.objects.get(key="trademark-infringement").pk,
        "source": "special-action",
        "lead_on": "2024-03-02",
        "township": shuitou.pk,
        "party_kind": "organisation",
    }
    refused = client.post(reverse("case-new"), data)
    assert "须选择所属专项行动" in refused.content.decode() and not Case.objects.exists()
    response = client.post(reverse("case-new"), {**data, "action": action.pk})
    case = Case.objects.get(number="页面1号")
    assert response.status_code == 302 and case.action == action
    assert action.name in client.get(reverse("case-detail", args=[case.pk])).content.decode()
    other = new_case(lead_on=D(2024, 5, 5), source="inspection")
    page = client.get(reverse("case-detail", args=[other.pk]))
    assert 'data-testid="step-action"' in page.content.decode()
    step = reverse("case-step", args=[other.pk])
    assert client.post(step, {"step": "action", "action-action": action.pk}).status_code == 302
    assert Case.objects.get(pk=other.pk).action == action


def test_the_export_is_built_in_the_background_with_the_hand_counted_figures(action_with_records, client_for, settings):
    settings.ZHICHAN_EXPORT_INLINE_ROWS = 0
    client = client_for("office")
    reply = client.get(reverse("special-action-export", args=[action_with_records.pk]))
    assert reply.status_code == 302
    progress = TaskProgress.objects.get()
    assert progress.state == "done" and progress.done == progress.total > 0
    export = ExportFile.objects.get()
    assert export.name.startswith("2024年商标专利专项整治行动（测试）-汇总-") and export.name.endswith(".xlsx")
    download = client.get(reverse("export-download", kwargs={"pk": export.pk}))
    book = load_workbook(io.BytesIO(download.content))
    overview, by_unit, by_township, by_kind, case_sheet, inspection_sheet = book.worksheets
    assert [ws.title for ws in book.worksheets] == ["总览", "按单位", "按乡镇", "按案件类型", "案件", "检查记录"]

    def rows(ws):
        return [[cell.value for cell in row] for row in ws.iter_rows(min_row=2)]  # row 1 is the note

    items = dict(row[:2] for row in rows(overview)[1:])
    assert items["计划检查次数"] == 10 and items["检查记录"] == 3 and items["案件"] == 1
    assert items["违法经营额"] == 8000.5 and items["罚款"] == 16000 and items["没收违法所得"] == 300
    assert items["扣押物品数量（件）"] == 40 and items["参加单位"] == "市市场监管局、市文体旅局"
    header, *units = rows(by_unit)
    assert header[:4] == ["单位", "检查记录", "扣押物品数量（件）", "案件"]
    assert units == [
        ["市市场监管局", 2, 40, 1, 8000.5, 16000, 300],
        ["市文体旅局", 1, 0, 0, 0, 0, 0],
        ["合计", 3, 40, 1, 8000.5, 16000, 300],
    ]
    _header, *townships = rows(by_township)
    assert townships == [["水头镇", 3, 40, 1, 8000.5, 16000, 300], ["合计", 3, 40, 1, 8000.5, 16000, 300]]
    assert ["案件类别", "商标侵权", 1] in rows(by_kind) and ["状态", "已作出决定", 1] in rows(by_kind)
    assert [row[0] for row in rows(case_sheet)[1:]] == ["南市监处〔2024〕1号"]
    inspections = rows(inspection_sheet)
    assert [row[3] for row in inspections[1:]] == ["演示卫浴商行", "某五金店", "某书店"]
    assert inspections[1][8] == "南市监处〔2024〕1号"


def test_a_liaisons_export_holds_its_own_units_records(action_with_records, client_for):
    reply = client_for("court-liaison").get(reverse("special-action-export", args=[action_with_records.pk]))
    assert reply.status_code == 200  # small: sent at once
    book = load_workbook(io.BytesIO(reply.content))
    assert "仅统计您有权查看的记录" in book.worksheets[0]["A1"].value
    assert book.worksheets[5].max_row == 2  # the note and the header: no inspection of the court
    reply = client_for("amr-liaison").get(reverse("special-action-export", args=[action_with_records.pk]))
    inspections = load_workbook(io.BytesIO(reply.content)).worksheets[5]
    assert [row[3].value for row in inspections.iter_rows(min_row=3)] == ["演示卫浴商行", "某五金店"]


def test_the_api_sets_up_an_action_and_reads_its_summary(action_with_records, api_for, users, amr, shuitou):
    api = api_for("office")
    body = {
        "name": "API专项行动",
        "start": "2024-01-01",
        "end": "2024-12-31",
        "ip_types": ["trademark"],
        "lead_unit": amr.pk,
        "units": [],
        "areas": [shuitou.pk],
    }
    created = api.post("/api/v1/protection/special-actions/", body, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["units"] == [amr.pk] and created.json()["state"] == "past"
    bad = api.post(
        "/api/v1/protection/special-actions/", {**body, "name": "另一个", "end": "2023-12-31"}, format="json"
    )
    assert bad.status_code == 400 and "end" in bad.json()
    assert api_for("amr-liaison").post("/api/v1/protection/special-actions/", body, format="json").status_code == 403
    url = f"/api/v1/protection/special-actions/{created.json()['id']}/"
    patched = api.patch(url, {"planned_cases": 7}, format="json")
    assert patched.status_code == 200 and patched.json()["planned_cases"] == 7
    assert api_for("amr-liaison").patch(url, {"planned_cases": 1}, format="json").status_code == 403
    summary = api_for("office").get(f"/api/v1/protection/special-actions/{action_with_records.pk}/summary/").json()
    assert summary["total"]["inspections"] == 3 and summary["total"]["fine"] == "16000.00"
    assert summary["total"]["illegal_turnover"] == "8000.50" and summary["complete"] is True
    assert [row["label"] for row in summary["units"]] == ["市市场监管局", "市文体旅局"]
    court = api_for("court-liaison").get(f"/api/v1/protection/special-actions/{action_with_records.pk}/summary/")
    assert court.json()["total"]["inspections"] == 0 and court.json()["complete"] is False


def test_the_api_records_inspections_in_scope(action_with_records, api_for, amr, shuitou):
    body = {
        "action": action_with_records.pk,
        "unit": amr.pk,
        "day": "2024-04-02",
        "township": shuitou.pk,
        "subject": "API检查对象",
        "credit_code": "",
        "seized_goods": "",
        "seized_quantity": 0,
    }
    created = api_for("amr-liaison").post("/api/v1/protection/inspections/", body, format="json")
    assert created.status_code == 201, created.content
    late = api_for("amr-liaison").post("/api/v1/protection/inspections/", {**body, "day": "2024-07-02"}, format="json")
    assert late.status_code == 400 and "day" in late.json()
    stranger = api_for("court-liaison").post("/api/v1/protection/inspections/", body, format="json")
    assert stranger.status_code == 403 and Inspection.objects.filter(subject="API检查对象").count() == 1
    listed = api_for("court-liaison").get("/api/v1/protection/inspections/").json()["results"]
    assert listed == []
    own = api_for("amr-liaison").get("/api/v1/protection/inspections/", {"action": action_with_records.pk}).json()
    assert len(own["results"]) == 3
    item = f"/api/v1/protection/inspections/{created.json()['id']}/"
    assert api_for("court-liaison").get(item).status_code == 404


def test_the_case_api_accepts_the_action(new_special_action, api_for, users, shuitou):
    action = new_special_action()
    body = {
        "unit": users["amr-liaison"].unit_id,
        "number": "API-A1",
        "title": "商标侵权案",
        "kind": "trademark-infringement",
        "source": "special-action",
        "lead_on": "2024-07-20",
        "township": shuitou.pk,
        "action": action.pk,
    }
    api = api_for("amr-liaison")
    outside = api.post("/api/v1/protection/cases/", body, format="json")
    assert outside.status_code == 400 and "action" in outside.json()
    created = api.post("/api/v1/protection/cases/", {**body, "lead_on": "2024-06-20"}, format="json")
    assert created.status_code == 201 and created.json()["action"] == action.pk
    step = f"/api/v1/protection/cases/{created.json()['id']}/step/"
    assert api.post(step, {"step": "action", "action": ""}, format="json").status_code == 400  # its source names one
