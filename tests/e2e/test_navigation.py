"""The office imports an industry patent set from an export, opens its landscape, clicks a bar of the filings by
year and reads the patents behind it, and finds the garbled classification counted as unclassified; on a phone the
demo industry landscape scrolls no wider than the screen."""

import re

import pytest
from docx import Document
from playwright.sync_api import expect

from ..registry.imports_support import number, write_xlsx
from .conftest import PHONE, save_screenshot
from .test_portal import _fits

pytestmark = pytest.mark.e2e

HEADERS = ["申请号", "发明名称", "申请日", "申请(专利权)人", "发明(设计)人", "IPC分类号", "法律状态", "申请人地址"]
ROWS = [
    [
        number(2020, "1", 1),
        "一种恒温阀芯",
        "2020-03-04",
        "甲阀门有限公司;乙大学",
        "张三;李四",
        "F16K11/065",
        "有效",
        "浙江省台州市",
    ],
    [
        number(2020, "2", 2),
        "一种节水龙头",
        "2020-06-01",
        "甲阀门有限公司",
        "张三",
        "E03C1/04",
        "实质审查",
        "福建省泉州市",
    ],
    [number(2021, "1", 3), "一种冲水装置", "2021-01-09", "丙卫浴有限公司", "王五", "E03D1/00", "失效", "广东省佛山市"],
    [number(2022, "2", 4), "一种花洒", "2022-05-05", "丙卫浴有限公司", "王五", "乱码分类", "有效", "福建省厦门市"],
]


def bar_point(page, chart: str, index: int) -> dict:
    """The page coordinates of the middle of bar `index` of the first series of a drawn chart."""
    return page.evaluate(
        """([chart, index]) => {
            const box = document.querySelector(`[data-chart="${chart}"]`);
            const drawn = window.echarts.getInstanceByDom(box);
            const value = drawn.getOption().series[0].data[index].value;
            const [x, y] = drawn.convertToPixel({seriesIndex: 0}, [index, value / 2]);
            const frame = box.getBoundingClientRect();
            return {x: frame.left + x, y: frame.top + y};
        }""",
        [chart, index],
    )


def test_the_office_imports_an_industry_set_and_clicks_a_bar_to_its_patents(open_tab, tmp_path):
    export = write_xlsx(tmp_path / "行业导出.xlsx", [HEADERS, *ROWS])
    tab = open_tab()
    page = tab.page
    tab.sign_in("office")
    tab.go("/navigation/new/")
    form = page.get_by_test_id("imported-set-form")
    form.locator("#id_file-name").fill("卫浴阀门产业")
    form.locator("#id_file-search_strategy").fill("IPC=F16K OR E03C OR E03D，申请日2020—2022")
    form.locator("#id_file-upload").set_input_files(str(export))
    with page.expect_navigation():
        page.get_by_test_id("imported-set-save").click()
    expect(page.get_by_test_id("set-name")).to_contain_text("卫浴阀门产业")
    page.reload()  # the import ran; the figures are there
    expect(page.get_by_test_id("analysis-trend")).to_be_visible()
    expect(page.get_by_test_id("analysis-applicants")).to_contain_text("甲阀门有限公司")
    save_screenshot(page, "navigation-landscape")

    # The first bar is 2020: two patents.
    page.get_by_test_id("analysis-trend").scroll_into_view_if_needed()
    point = bar_point(page, "chart-trend", 0)
    with page.expect_navigation():
        page.mouse.click(point["x"], point["y"])
    expect(page).to_have_url(re.compile(r"/patents/\?year=2020"))
    expect(page.get_by_test_id("drill-row")).to_have_count(2)
    expect(page.get_by_test_id("drill-filters")).to_contain_text("2020")

    # The garbled classification is kept and counted as unclassified.
    landscape = page.url.split("/patents/")[0] + "/"
    page.goto(landscape + "?level=section")
    unclassified = page.get_by_test_id("analysis-technology").get_by_role("link", name="未分类")
    expect(unclassified).to_be_visible()

    # The navigation report: two analyses with the office's own text, built, then its Word file downloaded.
    page.goto(landscape + "report/")
    form = page.get_by_test_id("report-form")
    for box in form.locator("input[name=sections]:enabled").all():
        box.set_checked(False)
    form.locator("#section-trend").check()
    form.locator("#section-applicants").check()
    form.locator("textarea[name=text_trend]").fill("近三年申请量稳中有升。")
    with page.expect_navigation():
        page.get_by_test_id("report-start").click()
    page.goto(landscape + "report/")  # built at once here; a worker would show its progress first
    expect(page.get_by_test_id("report-word")).to_be_visible()
    with page.expect_download() as caught:
        page.get_by_test_id("report-word").click()
    word = tmp_path / "report.docx"
    caught.value.save_as(word)
    text = "\n".join(paragraph.text for paragraph in Document(word).paragraphs)
    assert "卫浴阀门产业" in text and "近三年申请量稳中有升。" in text
    assert not tab.console_errors(), tab.console_errors()


def test_the_demo_industry_landscape_fits_a_phone(open_tab):
    from zhichan.navigation.models import PatentSet
    from zhichan.navigation.services.demo import make_demo_sets

    make_demo_sets()
    industry = PatentSet.objects.get(kind="imported", synthetic=True)
    tab = open_tab(PHONE)
    tab.sign_in("office")
    tab.go(f"/navigation/{industry.pk}/")
    expect(tab.page.get_by_test_id("analysis-co_applicants")).to_be_visible()
    _fits(tab)
    assert not tab.console_errors(), tab.console_errors()
