"""A clerk previews a patent file with a bad row, imports it with "import now", fixes the rejected rows in the
downloaded workbook and imports them; then an export large enough to run in the background shows its progress
and downloads."""

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from zhichan.registry.models import Patent

from ..registry.imports_support import number, write_xlsx
from ..registry.registers import make_registers
from .conftest import PHONE, save_screenshot

pytestmark = pytest.mark.e2e

ROWS = [
    ["申请号", "发明名称", "申请日", "申请人"],
    [number(2021, "1", 21), "一种石材切割装置", "2021-03-04", "南安某石材公司"],
    [number(2021, "1", 22), "一种水暖阀门", "2021-13-40", "南安某卫浴公司"],
]


def upload(page, path, preview: bool):
    form = page.get_by_test_id("import-form")
    form.locator("select[name=kind]").select_option("patent")
    form.locator("input[name=file]").set_input_files(str(path))
    expect(form.locator("input[name=dry_run]")).to_be_checked()  # a preview first, by default
    if not preview:
        form.locator("input[name=dry_run]").uncheck()
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


def test_preview_import_now_fix_the_rejected_rows_and_import_them(open_tab, passwords, tmp_path):
    tab = open_tab()
    tab.sign_in("office")
    tab.go("/registry/imports/new/")
    expect(tab.page.get_by_test_id("preview-flow")).to_contain_text("立即导入")
    upload(tab.page, write_xlsx(tmp_path / "专利.xlsx", ROWS), preview=True)
    expect(tab.page.get_by_test_id("import-counts")).to_be_visible()
    save_screenshot(tab.page, "import-preview")
    with tab.page.expect_navigation():
        tab.page.get_by_test_id("import-now").click()
    expect(tab.page.get_by_test_id("import-counts")).to_contain_text("1")
    with tab.page.expect_download() as caught:
        tab.page.get_by_test_id("rejections-download").click()
    rejected = tmp_path / caught.value.suggested_filename
    caught.value.save_as(rejected)
    book = load_workbook(rejected)
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[2]][:4] == ROWS[2]
    sheet.cell(row=2, column=3).value = "2021-12-30"
    fixed = tmp_path / "改正.xlsx"
    book.save(fixed)
    tab.go("/registry/imports/new/")
    upload(tab.page, fixed, preview=False)
    counts = tab.page.get_by_test_id("import-counts")
    expect(counts).to_be_visible()
    expect(tab.page.get_by_test_id("rejections")).to_have_count(0)  # the fixed row is imported
    assert Patent.objects.filter(application_number=ROWS[2][0]).exists()
    save_screenshot(tab.page, "import-fixed")
    assert tab.console_errors() == []


def test_a_large_export_shows_progress_then_downloads(open_tab, passwords, settings):
    settings.ZHICHAN_EXPORT_INLINE_ROWS = 0
    make_registers()
    tab = open_tab(viewport=PHONE)
    tab.sign_in("office")
    tab.go("/registry/patents/")
    tab.page.get_by_test_id("export").click()
    expect(tab.page.get_by_test_id("task-progress")).to_have_attribute("data-state", "done")
    save_screenshot(tab.page, "export-progress-phone")
    with tab.page.expect_download() as caught:
        tab.page.get_by_test_id("export-download").click()
    assert caught.value.suggested_filename.startswith("专利清单-")
    assert tab.console_errors() == []
