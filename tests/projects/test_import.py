"""The list of projects imported (项目台账): rows entered through the projects' actions — approved where the row
gives the document —, a bad row refused naming its row and column, a liaison's rows its own unit's, and a second
import of the same list changing nothing."""

import pytest

from zhichan.projects.models import Project, State

from ..finance.factories import import_rows

pytestmark = pytest.mark.django_db

HEADERS = [
    "项目名称",
    "项目类型",
    "导航类型",
    "申报单位",
    "主管成员单位",
    "立项级别",
    "立项文号",
    "立项日期",
    "预算（万元）",
]


def test_a_list_of_projects_imports_approves_refuses_by_row_and_is_not_imported_twice(users, tmp_path):
    rows = [
        [
            "石材装备高价值专利培育",
            "高价值专利培育",
            "",
            "华侨大学",
            "市市场监管局",
            "市级",
            "泉知〔2023〕1号",
            "2023-03-01",
            "200",
        ],
        ["建材产业专利导航", "专利导航", "产业规划", "南安市建材行业协会", "市科技局", "县级", "", "", ""],
        ["导航缺类型", "专利导航", "", "某协会", "市科技局", "县级", "", "", ""],
        ["不明单位的项目", "高价值专利培育", "", "某大学", "不存在的局", "市级", "", "", ""],
        ["级别写错", "高价值专利培育", "", "某大学", "市科技局", "乡级", "", "", ""],
    ]
    batch = import_rows(tmp_path, users["office"], "projects-list", HEADERS, rows, "项目台账.xlsx")
    assert (batch.created_count, batch.rejected_count) == (2, 3)
    assert {(r.row, str(r.shown_field)) for r in batch.rejections.all()} >= {(6, "立项级别")}
    assert {r.row for r in batch.rejections.all()} == {4, 5, 6}
    approved = Project.objects.get(title="石材装备高价值专利培育")
    assert (approved.state, approved.document, approved.unit.key) == (State.APPROVED, "泉知〔2023〕1号", "amr")
    navigation = Project.objects.get(title="建材产业专利导航")
    assert (navigation.state, navigation.navigation_type) == (State.PROPOSED, "industry")
    again = import_rows(tmp_path, users["office"], "projects-list", HEADERS, rows[:2], "again.xlsx")
    assert again.created_count == 0 and Project.objects.count() == 2


def test_a_liaisons_list_is_its_own_units(users, tmp_path):
    rows = [["科技局导入的项目", "高价值专利培育", "", "某大学", "市科技局", "市级", "", "", ""]]
    batch = import_rows(tmp_path, users["amr-liaison"], "projects-list", HEADERS, rows, "台账.xlsx")
    assert batch.created_count == 1
    assert Project.objects.get(title="科技局导入的项目").unit.key == "amr"
