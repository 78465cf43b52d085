"""Nothing typed on a report is lost: the liaison types the narrative and figures, attaches a file without saving
first, submits; the office returns it with a reason; the liaison saves and submits again; the office accepts; the
history still shows the return reason with the people's names."""

import re

import pytest
from playwright.sync_api import expect

from zhichan.core.models import Unit

from .test_programme import fill_figures, minimal_pdf, task  # noqa: F401  (task is a fixture)

pytestmark = pytest.mark.e2e

NARRATIVE = "召开知识产权工作专题会议两次，明确专职人员两名，建立工作台账。"
FIGURES = [("培训场次", "3", "场"), ("参训人数", "1,200", "人"), ("质押融资金额", "0.35", "亿元")]
SHOWN = [("培训场次", "3", "场"), ("参训人数", "1200", "人"), ("质押融资金额", "0.35", "亿元")]  # 1,200 read as 1200
REASON = "请补充参训人员名单。"


def test_typed_report_survives_upload_submit_return_and_acceptance(open_tab, task, tmp_path, request):  # noqa: F811
    name = request.node.originalname
    pdf = tmp_path / "培训签到表.pdf"
    pdf.write_bytes(minimal_pdf())

    liaison = open_tab()
    liaison.sign_in("amr-liaison")
    liaison.go(f"/programme-tasks/{task.pk}/")
    opener = liaison.page.get_by_test_id("open-report")
    opener.locator("select[name=unit]").select_option(label=str(Unit.objects.get(key="amr")))
    opener.locator("button[type=submit]").click()
    liaison.page.wait_for_url(re.compile(r"/reports/\d+/$"))
    report_path = liaison.path()

    # Typed, never saved by a button, then a file attached: the typed text goes with it.
    form = liaison.page.get_by_test_id("report-form")
    form.locator("#id_narrative").fill(NARRATIVE)
    form.locator("#id_percent").fill("60")
    fill_figures(form, FIGURES)
    liaison.page.get_by_test_id("evidence-form").locator("input[type=file]").set_input_files(str(pdf))
    liaison.screenshot(f"{name}-1-typed")
    with liaison.page.expect_navigation():
        liaison.page.get_by_test_id("attach-evidence").click()
    expect(liaison.page.get_by_test_id("evidence-list")).to_contain_text("培训签到表.pdf")
    expect(liaison.page.locator("#id_narrative")).to_have_value(NARRATIVE)
    expect(liaison.page.locator("[name=figure_value]").nth(1)).to_have_value("1200")

    # Submit is one press: what is typed now is saved and submitted together.
    form.locator("#id_narrative").fill(NARRATIVE + "下一步开展企业走访。")
    with liaison.page.expect_navigation():
        liaison.page.get_by_test_id("submit-report").click()
    expect(liaison.page.get_by_test_id("report-state")).to_have_attribute("data-state", "submitted")
    content = liaison.page.get_by_test_id("report-content")
    expect(content).to_contain_text(NARRATIVE + "下一步开展企业走访。")
    figures = liaison.page.get_by_test_id("report-figures")
    for figure_name, value, unit in (
        ("培训场次", "3", "场"),
        ("参训人数", "1200", "人"),
        ("质押融资金额", "0.35", "亿元"),
    ):
        expect(figures).to_contain_text(figure_name)
        expect(figures.locator("tr", has_text=figure_name)).to_contain_text(value)
        expect(figures.locator("tr", has_text=figure_name)).to_contain_text(unit)
    expect(liaison.page.get_by_test_id("evidence-list")).to_contain_text("培训签到表.pdf")
    liaison.screenshot(f"{name}-2-submitted")

    # The office returns it with a reason.
    office = open_tab()
    office.sign_in("office")
    office.go(report_path)
    office.page.get_by_test_id("review-panel").locator("#review-note").fill(REASON)
    with office.page.expect_navigation():
        office.page.get_by_test_id("return-report").click()
    expect(office.page.get_by_test_id("report-state")).to_have_attribute("data-state", "returned")

    # The liaison amends, saves, and submits again.
    liaison.go(report_path)
    expect(liaison.page.get_by_test_id("review-note")).to_contain_text(REASON)
    liaison.page.locator("#id_narrative").fill(NARRATIVE + "参训人员名单已附。")
    with liaison.page.expect_navigation():
        liaison.page.get_by_test_id("save-report").click()
    history = liaison.page.get_by_test_id("report-history")
    resave = history.locator("[data-step=saved]").last
    expect(resave).to_contain_text("市市场监管局联络员（演示）")
    with liaison.page.expect_navigation():
        liaison.page.get_by_test_id("submit-report").click()
    expect(liaison.page.get_by_test_id("report-state")).to_have_attribute("data-state", "submitted")

    # The office accepts; the return reason and who gave it stay on the page.
    office.go(report_path)
    office.page.get_by_test_id("review-panel").locator("#review-note").fill("材料齐全。")
    with office.page.expect_navigation():
        office.page.get_by_test_id("accept-report").click()
    expect(office.page.get_by_test_id("report-state")).to_have_attribute("data-state", "accepted")
    history = office.page.get_by_test_id("report-history")
    returned = history.locator("[data-step=returned]")
    expect(returned).to_contain_text(REASON)
    expect(returned).to_contain_text("领导小组办公室（演示）")
    expect(history.locator("[data-step=accepted]")).to_contain_text("材料齐全。")
    expect(history.locator("[data-step=submitted]")).to_have_count(2)
    expect(history.locator("[data-step=evidence-added]")).to_contain_text("培训签到表.pdf")
    expect(history).not_to_contain_text("amr-liaison")
    office.screenshot(f"{name}-3-accepted")
    office.page.set_viewport_size({"width": 390, "height": 844})
    office.screenshot(f"{name}-4-accepted-phone")
    assert office.console_errors() == [] and liaison.console_errors() == []
