"""Importing patents: profiles, values as exports write them, rejected rows, idempotence, history, holders."""

import datetime

import pytest

from zhichan.core.models import Region
from zhichan.registry.models import Enterprise, Patent, PatentEvent

from .imports_support import do_import, number, rejections, write_csv, write_xlsx

pytestmark = pytest.mark.django_db

CNIPA = [
    "申请号",
    "申请日",
    "发明名称",
    "申请（专利权）人",
    "发明（设计）人",
    "地址",
    "公开（公告）号",
    "公开（公告）日",
    "授权公告日",
    "IPC分类号",
    "法律状态",
    "法律状态公告日",
]


def cnipa_rows():
    return [
        CNIPA,
        [
            number(2017, "1", 601862),
            "2017-02-27",
            "一种石材切割装置",
            "南安市示例石业有限公司",
            "张三;李四",
            "福建省南安市水头镇示例路1号",
            "CN107000001A",
            "2017.06.30",
            "20190503",
            "B28D1/04(2006.01) B28D7/00",
            "授权",
            "",
        ],
        [
            "ZL " + number(2018, "2", 123456).replace(".", "")[:4] + " 2 " + number(2018, "2", 123456)[5:],
            "2018年03月01日",
            "一种茶叶烘焙机",
            "南安市示例茶业有限公司",
            "王五",
            "福建省南安市金淘镇",
            "--",
            "(null)",
            "",
            "A23F 3/06",
            "未缴年费专利权终止",
            "2023-01-05",
        ],
    ]


@pytest.fixture
def shuitou():
    return Region.objects.get(name="水头镇")


def test_cnipa_csv_with_bom_crlf(tmp_path, users, shuitou):
    enterprise = Enterprise.objects.create(name="南安市示例石业有限公司", region=shuitou)
    path = write_csv(tmp_path / "cnipa.csv", cnipa_rows(), encoding="utf-8-sig")
    batch = do_import(users["office"], "patent", path, source="CNIPA export")
    assert batch.state == "done", batch.message
    assert rejections(batch) == []
    assert (batch.rows, batch.created_count, batch.profile) == (2, 2, "patent-cnipa")
    first = Patent.objects.get(application_number=number(2017, "1", 601862))
    assert first.filing_date == datetime.date(2017, 2, 27)
    assert first.grant_date == datetime.date(2019, 5, 3)
    assert first.ipc_codes == "B28D1/04;B28D7/00" and first.main_ipc == "B28D1/04"
    assert list(first.holders.all()) == [enterprise]
    assert first.region == shuitou
    assert first.import_batch == batch and first.source == "CNIPA export"
    assert first.patent_type == "invention"
    assert PatentEvent.objects.get(patent=first).kind == "grant"
    second = Patent.objects.get(application_number=number(2018, "2", 123456))
    assert second.region.name == "金淘镇"
    assert second.publication_number == "" and second.publication_date is None
    assert PatentEvent.objects.get(patent=second).kind == "lapse"
    history = first.history.get()
    assert history.history_type == "+" and history.history_user == users["office"]
    assert str(batch.pk) in history.history_change_reason


def test_reimport_is_idempotent_and_updates_changes(tmp_path, users):
    path = write_csv(tmp_path / "cnipa.csv", cnipa_rows())
    do_import(users["office"], "patent", path)
    again = do_import(users["office"], "patent", path)
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 2)
    assert Patent.objects.count() == 2 and PatentEvent.objects.count() == 2
    rows = cnipa_rows()
    rows[1][2] = "一种改进的石材切割装置"
    changed = do_import(users["office"], "patent", write_csv(tmp_path / "changed.csv", rows))
    assert (changed.created_count, changed.updated_count, changed.unchanged_count) == (0, 1, 1)
    patent = Patent.objects.get(application_number=number(2017, "1", 601862))
    assert patent.title == "一种改进的石材切割装置"
    assert [h.history_type for h in patent.history.order_by("history_date", "history_id")] == ["+", "~"]


def test_dry_run_changes_nothing(tmp_path, users):
    batch = do_import(users["office"], "patent", write_csv(tmp_path / "p.csv", cnipa_rows()), dry_run=True)
    assert batch.state == "done" and batch.created_count == 2
    assert "nothing was changed" in batch.message or "未作任何更改" in batch.message
    assert Patent.objects.count() == 0 and PatentEvent.objects.count() == 0


def test_gbk_csv_and_xlsx(tmp_path, users):
    batch = do_import(users["office"], "patent", write_csv(tmp_path / "gbk.csv", cnipa_rows(), encoding="gbk"))
    assert batch.created_count == 2, batch.message
    rows = cnipa_rows()
    rows[1][1] = datetime.datetime(2017, 2, 27)
    rows[2][0] = number(2019, "3", 5)
    batch = do_import(users["office"], "patent", write_xlsx(tmp_path / "p.xlsx", rows))
    assert (batch.created_count, batch.unchanged_count) == (1, 1), rejections(batch)
    assert Patent.objects.get(application_number=number(2019, "3", 5)).patent_type == "design"
