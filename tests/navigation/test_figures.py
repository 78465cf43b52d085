"""The figures of a landscape, counted by hand on a few patents (tests/navigation/factories.py `VALVES`), and the
property every analysis keeps: the patents behind a figure are as many as the figure says.

The seven patents, as the set reads them (甲有限 = 甲阀门有限公司, 甲公司 = 甲阀门公司, its other spelling):

    V1 2019 甲有限; 乙大学      张三; 李四   F16K11/07; E03C1/04  valid    福建 泉州  branches 阀门 恒温 龙头
    V2 2019 甲有限              张三         F16K11/02            pending  福建 厦门  阀门
    V3 2020 甲公司; 甲有限      王五         E03C1/02             ended    浙江 台州  龙头
    V4 2020 乙大学; 丙研究院    李四; 赵六   (Z99Z 1/00)          —        —          —
    V5 2021 张伟                张伟         —                    valid    广东 佛山  恒温 (so 阀门: its parent)
    V6 —    丙研究院; 甲公司    赵六         F16K31/02 (garbage)  pending  浙江 宁波  阀门 恒温 龙头
    V7 2021 乙大学; 甲有限      李四         F16K11/07            valid    福建 泉州  阀门
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import QueryDict

from zhichan.navigation.models import SetKind
from zhichan.navigation.services import figures, merging
from zhichan.navigation.services.analyses import CATALOGUE, analyse, unfed
from zhichan.navigation.services.drilling import patents_behind
from zhichan.navigation.services.sets import create_register_set, read_set, refresh_figures

from .factories import make_industry, make_register_patents, make_set, make_valves

pytestmark = pytest.mark.django_db

JIA, JIA_CO, YI, BING, ZHANG = "甲阀门有限公司", "甲阀门公司", "乙大学", "丙研究院", "张伟"
# What the seven patents feed (compared with an industry set): every analysis but the high-value one.
FED_BY_VALVES = {
    "trend",
    "technology",
    "heat_map",
    "branches",
    "applicants",
    "inventors",
    "co_applicants",
    "applicant_inventor",
    "legal_status",
    "geography",
    "life_cycle",
    "position",
}


@pytest.fixture
def valves(db):
    return make_valves()


def merged_jia(users, valves):
    merging.merge(users["office"], alias=JIA_CO, name=JIA)
    return refresh_figures(valves)


def behind(patent_set, drill: str):
    return patents_behind(patent_set, QueryDict(drill))[0]


def numbers(patent_set, drill: str) -> set[str]:
    return set(behind(patent_set, drill).values_list("application_number", flat=True))


def branch_keys(patent_set) -> dict[str, str]:
    return {branch.name: str(branch.pk) for branch in patent_set.branches.all()}


# --- counting -----------------------------------------------------------------------------------------------


def as_read(**values) -> tuple:
    """A row as `figures.compute` reads it: the set's columns in the order of figures.FIELDS."""
    return tuple(values.get(name, None if name.endswith("year") else "") for name in figures.FIELDS)


def test_fractional_counting_shares_a_patent_among_its_applicants():
    row = as_read(year=2020, patent_type="invention", applicants=";甲;乙;")
    alone = as_read(year=2021, patent_type="invention", applicants=";甲;")
    counted = figures.compute([row, alone], {})
    assert counted["applicants"]["甲"][:2] == [2, 1.5]
    assert counted["applicants"]["乙"][:2] == [1, 0.5]
    # 乙 merged into 甲: the patent of both is 甲's alone, counted once (1, not 2; not two halves)
    counted = figures.compute([row, alone], {"乙": "甲"})
    assert counted["applicants"] == {"甲": [2, 2.0, "other"]}
    assert counted["applicant_count"] == 1


def test_applicants_whole_and_fractional_before_and_after_a_merge(users, valves):
    counted = valves.aggregates["applicants"]
    assert {name: values[:2] for name, values in counted.items()} == {
        JIA: [4, 2.5],  # V1 ½, V2 1, V3 ½, V7 ½
        YI: [3, 1.5],
        BING: [2, 1.0],
        JIA_CO: [2, 1.0],
        ZHANG: [1, 1.0],  # "张 伟" read as one name without the space
    }
    assert counted[YI][2] == "university" and counted[BING][2] == "institute" and counted[ZHANG][2] == "individual"

    after = merged_jia(users, valves).aggregates
    assert {name: values[:2] for name, values in after["applicants"].items()} == {
        JIA: [5, 3.5],  # V3 is wholly 甲有限's now (1, not 2), V6 half of it
        YI: [3, 1.5],
        BING: [2, 1.0],
        ZHANG: [1, 1.0],
    }
    assert after["applicant_count"] == 4
    # the fractional counts still add up to the patents that name an applicant
    assert sum(values[1] for values in after["applicants"].values()) == pytest.approx(7)
    # the merged name's patents are found under the name it is counted as
    assert numbers(valves, f"applicant={JIA}") == {"V1", "V2", "V3", "V6", "V7"}
    assert numbers(valves, f"applicant={JIA_CO}") == {"V3", "V6"}  # the name as written still finds its own


def test_applicant_kinds_whole_and_fractional(valves):
    kinds = valves.aggregates["applicant_types"]
    # enterprise: V1 V2 V3 V6 V7 (V3 by two names, a whole share); university: V1 V4 V7; institute V4 V6; person V5
    assert kinds["enterprise"] == [5, 3.5]
    assert kinds["university"] == [3, 1.5]
    assert kinds["institute"] == [2, 1.0]
    assert kinds["individual"] == [1, 1.0]


def test_a_merge_is_undone_and_the_figures_follow(users, valves):
    merged_jia(users, valves)
    merging.unmerge(users["office"], alias=merging.ApplicantAlias.objects.get(alias=JIA_CO))
    assert refresh_figures(valves).aggregates["applicants"][JIA][:2] == [4, 2.5]


def test_only_the_office_keeps_the_merge_table(users):
    for username in ("leader", "amr-liaison", "enterprise"):
        with pytest.raises(PermissionDenied):
            merging.merge(users[username], alias=JIA_CO, name=JIA)


def test_branches_count_a_patent_in_each_and_a_sub_branchs_in_its_parent(valves):
    key = branch_keys(valves)
    assert valves.aggregates["branches"] == {key["阀门"]: 5, key["恒温"]: 3, key["龙头"]: 3}
    assert numbers(valves, f"branch={key['阀门']}") == {"V1", "V2", "V5", "V6", "V7"}
    assert numbers(valves, f"branch={key['恒温']}") == {"V1", "V5", "V6"}
    # V5 has no IPC code: it is in 恒温 by its title, and so in 阀门 above it
    assert "V5" in numbers(valves, f"branch={key['阀门']}")
    # V1 is in two top-level branches at once
    v1 = valves.patents.get(application_number="V1")
    assert set(v1.branches.strip(";").split(";")) == {key["阀门"], key["恒温"], key["龙头"]}
    assert valves.aggregates["branch_year"][key["阀门"]] == {"2019": 2, "2021": 2, "": 1}


def test_the_co_applicant_network(users, valves):
    edges = {(a, b): n for a, b, n in valves.aggregates["co_applicants"]}
    assert edges == {(YI, JIA): 2, (JIA_CO, JIA): 1, (BING, YI): 1, (BING, JIA_CO): 1}
    edges = {(a, b): n for a, b, n in merged_jia(users, valves).aggregates["co_applicants"]}
    # merged, V3's two names are one applicant: no line from a name to itself
    assert edges == {(YI, JIA): 2, (BING, YI): 1, (BING, JIA): 1}
    assert numbers(valves, f"applicant={YI}&applicant={JIA}") == {"V1", "V7"}


def test_the_applicant_inventor_network(users, valves):
    links = {(a, p): n for a, p, n in merged_jia(users, valves).aggregates["applicant_inventor"]}
    assert links == {
        (JIA, "张三"): 2,  # V1 V2
        (JIA, "李四"): 2,  # V1 V7
        (JIA, "王五"): 1,
        (JIA, "赵六"): 1,  # V6, through the merged name
        (YI, "张三"): 1,
        (YI, "李四"): 3,  # V1 V4 V7
        (YI, "赵六"): 1,
        (BING, "李四"): 1,
        (BING, "赵六"): 2,  # V4 V6
        (ZHANG, "张伟"): 1,
    }
    assert valves.aggregates["inventors"] == {"李四": 3, "张三": 2, "赵六": 2, "王五": 1, "张伟": 1}


def test_a_classification_not_understood_is_kept_and_counted_as_unclassified(valves):
    v4, v5, v6 = (valves.patents.get(application_number=n) for n in ("V4", "V5", "V6"))
    assert (v4.ipc_codes, v4.unread_classes) == ("", "Z99Z 1/00")
    assert (v5.ipc_codes, v5.unread_classes) == ("", "")
    # beside a good code, a bad one is kept as written too, and the patent counts under the good one
    assert (v6.ipc_codes, v6.unread_classes) == (";F16K31/02;", "garbage")
    counted = valves.aggregates["ipc"]
    assert counted["subclass"] == {"F16K": 4, "E03C": 2, "-": 2}
    assert counted["section"] == {"F": 4, "E": 2, "-": 2}
    assert counted["group"] == {"F16K11/00": 3, "F16K31/00": 1, "E03C1/00": 2, "-": 2}
    assert valves.aggregates["with_ipc"] == 5
    assert sum(counted["subclass"].values()) - 1 == valves.patent_count  # V1 counts under F16K and E03C
    assert numbers(valves, "ipc=-") == {"V4", "V5"}
    shown = analyse(valves, "technology", level="subclass")
    assert {row[1].drill: row[1].value for row in shown.rows} == {"ipc=F16K": 4, "ipc=E03C": 2, "ipc=-": 2}


def test_a_set_without_ipc_codes_says_which_analyses_it_cannot_feed(valves):
    records = [
        {"application_number": "N1", "title": "一种阀门", "filing_date": valves.patents.get(application_number="V1")
         .filing_date, "applicants": "甲阀门有限公司", "inventors": "张三", "legal_status": "有效",
         "address": "福建省泉州市"},
        {"application_number": "N2", "title": "一种龙头", "filing_date": valves.patents.get(application_number="V7")
         .filing_date, "applicants": "乙大学", "inventors": "李四", "ipc_codes": "garbage", "legal_status": "失效"},
    ]  # fmt: skip
    bare = make_set("没有分类号的集", records)
    cannot = {found.key: found.cannot for found in unfed(bare, against=valves)}
    assert {"technology", "heat_map", "position"} <= set(cannot)
    assert all(cannot.values())
    assert not {"trend", "applicants", "inventors", "legal_status", "geography", "life_cycle"} & set(cannot)
    assert "branches" in cannot and "high_value" in cannot  # no branches; an export cannot say
    assert bare.aggregates["ipc"]["subclass"] == {"-": 2}
    cannot = {found.key for found in unfed(valves, against=make_industry())}
    assert "high_value" in cannot and not FED_BY_VALVES & cannot


def test_the_life_cycle_counts_filings_and_distinct_applicants_by_year(users, valves):
    assert valves.aggregates["life_cycle"] == {"2019": [2, 2], "2020": [2, 4], "2021": [2, 3], "": [1, 2]}
    after = merged_jia(users, valves)
    assert after.aggregates["life_cycle"]["2020"] == [2, 3]  # 甲公司 and 甲有限 are one applicant
    shown = analyse(after, "life_cycle")
    assert [[cell.value for cell in row] for row in shown.rows] == [["2019", 2, 2], ["2020", 2, 3], ["2021", 2, 3]]


def test_trend_status_and_geography(valves):
    counted = valves.aggregates
    assert counted["filed"] == {"2019": 2, "2020": 2, "2021": 2, "": 1}
    assert counted["granted"] == {"2020": 1, "2021": 1}
    assert counted["status"] == {"valid": 3, "pending": 2, "ended": 1, "": 1}
    assert counted["provinces"] == {"福建省": 3, "浙江省": 2, "广东省": 1}
    assert counted["cities"] == {"福建省|泉州市": 2, "福建省|厦门市": 1, "浙江省|台州市": 1, "浙江省|宁波市": 1,
                                 "广东省|佛山市": 1}  # fmt: skip
    assert numbers(valves, "year=") == {"V6"}


def test_position_by_revealed_technological_advantage(valves):
    industry = make_industry()  # 10 patents: F16 5, E03 3, A47 2
    shown = analyse(valves, "position", against=industry)
    rows = {row[0].value: [cell.value for cell in row[1:]] for row in shown.rows}
    # the county's 7 patents: F16 4, E03 2 (unclassified is not a class; A47 is not the county's)
    assert set(rows) == {"F16", "E03"}
    assert rows["F16"][:2] == [4, 5] and rows["E03"][:2] == [2, 3]
    assert rows["F16"][3] == round((4 / 7) / (5 / 10), 2) == 1.14
    assert rows["E03"][3] == round((2 / 7) / (3 / 10), 2) == 0.95
    assert rows["F16"][2] == "—"  # a share only of the county's register within an industry set that holds it
    valves.kind = SetKind.REGISTER
    within = {row[0].value: row[3].value for row in analyse(valves, "position", against=industry).rows}
    assert within["F16"] == "80.00%"
    assert analyse(valves, "position").cannot  # nothing to compare with


# --- the patents behind every figure -------------------------------------------------------------------------

CHARTED = ("bar", "line", "pie", "treemap", "graph")  # a network's node: its applicant's patents


def whole_counts(patent_set, against=None, *, charts=False):
    """(analysis, cell value, drill) of every whole count with a query in the tables (shares, fractional counts
    and advantages are not whole counts), or in the charts (a network's node is its applicant's or inventor's
    patents; a heat-map cell or a life-cycle point holds its coordinates: not counts of its query). The
    technology composition at each level."""
    for key in CATALOGUE:
        for level in figures.LEVELS if key == "technology" else ("subclass",):
            found = analyse(patent_set, key, level=level, against=against)
            if not charts:
                for row in found.rows:
                    for cell in row:
                        if cell.drill and type(cell.value) is int:
                            yield key, cell.value, cell.drill
                continue
            for series in found.chart.get("series", []):
                if series.get("type") in CHARTED:
                    for point in series["data"]:
                        if point.get("drill") and type(point.get("value")) is int:
                            yield key, point["value"], point["drill"]


def assert_every_figure_has_its_patents(patent_set, against=None, *, charts=False):
    seen = set()
    for key, value, drill in whole_counts(patent_set, against, charts=charts):
        assert behind(patent_set, drill).count() == value, f"{key}: {drill} gives {value}"
        seen.add(key)
    fed = {key for key in CATALOGUE if not analyse(patent_set, key, against=against).cannot}
    if charts:  # a heat-map cell or a life-cycle point holds its coordinates, an advantage is a ratio
        assert seen <= fed and {"trend", "technology", "applicants", "co_applicants"} <= seen, seen
    else:
        assert seen == fed, f"analyses without a figure to check: {fed - seen}"
    return seen


def test_the_patents_behind_every_figure_are_as_many_as_it_says(users, valves):
    industry = make_industry()
    checked = assert_every_figure_has_its_patents(valves, against=industry)
    assert FED_BY_VALVES <= checked and "high_value" not in checked  # an export cannot say which are high-value
    assert_every_figure_has_its_patents(merged_jia(users, valves), against=industry)
    assert_every_figure_has_its_patents(industry, against=valves)


def test_the_patents_behind_every_figure_of_a_register_set(users):
    make_register_patents()
    office = users["office"]
    register = create_register_set(office, name="南安登记簿专利")
    valves = make_valves()
    register.branches.create(name="石材加工", ipc_prefixes="B28D", keywords="石材")
    register = read_set(register, office)
    assert register.kind == SetKind.REGISTER and register.patent_count == 4
    assert register.aggregates["townships"] == {"水头镇": 3, "溪美街道": 1}
    assert register.aggregates["high_value"]["strategic_emerging"] == 1
    assert register.aggregates["status"] == {"valid": 2, "ended": 1, "pending": 1}
    checked = assert_every_figure_has_its_patents(register, against=valves)
    assert {"high_value", "geography", "co_applicants", "branches"} <= checked


def test_the_patents_behind_every_point_of_a_chart_are_as_many_as_it_says(valves):
    assert_every_figure_has_its_patents(valves, against=make_industry(), charts=True)


def test_names_differing_only_in_case_are_two_and_so_are_their_patents():
    """An export writes foreign applicants as it finds them: the figures count ACME and Acme apart (the office
    merges them if they are one), and their patents are told apart as well, on SQLite too (where LIKE ignores the
    case of Latin letters)."""
    records = [
        {"application_number": "US1", "title": "Valve", "applicants": "ACME Valve Co.", "inventors": "JOHN SMITH"},
        {"application_number": "US2", "title": "Valve", "applicants": "Acme Valve Co.", "inventors": "John Smith"},
    ]
    foreign = make_set("Foreign valves", records)
    assert {name: values[0] for name, values in foreign.aggregates["applicants"].items()} == {
        "ACME Valve Co.": 1,
        "Acme Valve Co.": 1,
    }
    assert numbers(foreign, "applicant=ACME Valve Co.") == {"US1"}
    assert numbers(foreign, "inventor=John Smith") == {"US2"}
    assert_every_figure_has_its_patents(foreign)


def test_a_merge_into_a_name_of_another_kind_keeps_the_kinds_patents(users):
    records = [
        {"application_number": "K1", "title": "一种阀门", "applicants": "中国科学院金属研究所"},
        {"application_number": "K2", "title": "一种阀门", "applicants": "中科院金属所"},  # "other": no word of a kind
    ]
    merging.merge(users["office"], alias="中科院金属所", name="中国科学院金属研究所")
    institutes = make_set("研究所的专利", records)
    assert institutes.aggregates["applicant_types"]["institute"][0] == 2
    assert behind(institutes, "applicant_type=institute").count() == 2
