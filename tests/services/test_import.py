"""Importing a list of agencies from Excel: each row becomes an agency through the action; every refused row is
reported by row and column (an unknown kind of service, a bad credit code, a duplicate naming the existing
agency, a township not of the county); a refused row leaves nothing behind."""

from openpyxl import Workbook

from zhichan.core.imports.running import run_import
from zhichan.core.models import ImportBatch
from zhichan.services.models import Agency

from .factories import make_agency, township, uscc

HEADERS = ["机构名称", "统一社会信用代码", "服务类别", "所在乡镇", "地址", "落地日期"]


def import_rows(tmp_path, user, rows):
    path = tmp_path / "agencies.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    book.save(path)
    batch = ImportBatch.objects.create(
        kind="service-agencies", user=user, file_name=path.name, language="zh-hans", dry_run=False
    )
    return run_import(batch, path)


def test_rows_become_agencies_and_refused_rows_are_named(tmp_path, users):
    existing = make_agency(None, n=1, name="已有代理所")
    place = township(0).name
    batch = import_rows(
        tmp_path,
        users["office"],
        [
            ["甲专利代理所", uscc(11), "专利代理、商标代理", place, "溪美路1号", "2024-03-01"],
            ["乙评估公司", uscc(12), "知识产权评估", "", "", ""],
            ["丙", uscc(13), "面包店", place, "", ""],
            ["丁", "123", "律师事务所", place, "", ""],
            ["戊", uscc(1), "律师事务所", place, "", ""],
            ["己", uscc(14), "律师事务所", "火星镇", "", ""],
        ],
    )
    first = Agency.objects.get(uscc=uscc(11))
    assert first.kinds == ["patent-agency", "trademark-agency"] and str(first.settled_on) == "2024-03-01"
    assert Agency.objects.get(uscc=uscc(12)).region == users["office"].unit.organisation
    reasons = {(r.row, r.shown_field): str(r.shown_reason) for r in batch.rejections.all()}
    kinds, code, region = "服务类别", "统一社会信用代码", "所在乡镇"
    assert set(reasons) == {(4, kinds), (5, code), (6, code), (7, region)}
    assert "面包店" in reasons[(4, kinds)]
    assert existing.name in reasons[(6, code)]
    assert "火星镇" in reasons[(7, region)]
    assert Agency.objects.count() == 3


def test_the_template_carries_the_chinese_headers_and_an_example(client_for):
    import io

    from django.urls import reverse
    from openpyxl import load_workbook

    response = client_for("office").get(reverse("import-template") + "?kind=service-agencies")
    book = load_workbook(io.BytesIO(response.content))
    headers = [cell.value for cell in book.worksheets[0][1]]
    assert headers[:3] == ["机构名称", "统一社会信用代码", "服务类别"]
    assert book.worksheets[1].max_row == 2  # the example
