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


EXPERT_HEADERS = ["姓名", "身份证号码", "专业领域", "工作单位", "服务或关联企业"]


def import_experts(tmp_path, user, rows, dry_run=False):
    path = tmp_path / "experts.xlsx"
    book = Workbook()
    book.active.append(EXPERT_HEADERS)
    for row in rows:
        book.active.append(row)
    book.save(path)
    batch = ImportBatch.objects.create(
        kind="service-experts", user=user, file_name=path.name, language="zh-hans", dry_run=dry_run
    )
    return run_import(batch, path)


def test_rows_become_experts_with_their_ties_and_refused_rows_are_named(tmp_path, users, new_expert):
    from zhichan.services.models import Expert

    existing = new_expert(users["office"], id_number="350583198001010099")
    good = uscc(22)
    bad_code = good[:-1] + ("0" if good[-1] != "0" else "1")  # a wrong check character
    batch = import_experts(
        tmp_path,
        users["office"],
        [
            ["甲", "350583198001010011", "H 电学、法律", "某大学", f"{uscc(21)}、某某科技有限公司"],
            ["乙", "350583198001010022", "h；金融", "某银行", ""],
            ["丙", "350583198001010033", "烹饪", "某饭店", ""],
            ["丁", "350583198001010099", "管理", "某咨询公司", ""],
            ["戊", "350583198001010044", "G", "某所", bad_code],
        ],
    )
    first = Expert.objects.get(id_number="350583198001010011")
    assert first.fields == ["H", "legal"] and first.organisation == users["office"].unit.organisation
    assert sorted((tie.credit_code, tie.name) for tie in first.ties.all()) == sorted(
        [(uscc(21), ""), ("", "某某科技有限公司")]
    )
    assert Expert.objects.get(id_number="350583198001010022").fields == ["H", "finance"]
    reasons = {(r.row, r.shown_field): str(r.shown_reason) for r in batch.rejections.all()}
    assert set(reasons) == {(4, "专业领域"), (5, "身份证号码"), (6, "服务或关联企业")}
    assert "烹饪" in reasons[(4, "专业领域")]
    assert existing.number in reasons[(5, "身份证号码")]
    assert Expert.objects.count() == 3  # the refused tie left no expert behind


def test_a_liaison_may_not_import_experts(tmp_path, users):
    from zhichan.core.imports.kinds import kinds_for

    assert "service-experts" in [kind.name for kind in kinds_for(users["office"])]
    assert "service-experts" not in [kind.name for kind in kinds_for(users["amr-liaison"])]
