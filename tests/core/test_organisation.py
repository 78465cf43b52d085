import datetime

import pytest

from zhichan.core.models import Committee, Membership, Person, Unit, UnitKind
from zhichan.core.services.datafile import DataFileError
from zhichan.core.services.organisation import change_seat, load_organisation

from ..conftest import ORGANISATION_FILE

pytestmark = pytest.mark.django_db

# The annex of 南政办〔2022〕8号, in its order: (name, post as written).
ANNEX_MEMBERS = [
    ("周庆喜", "市政府办公室主任"),
    ("陈烽火", "市市场监管局局长"),
    ("黄东宾", "市新闻出版广电局局长"),
    ("戴江华", "市发改局局长"),
    ("陈少波", "市教育局局长"),
    ("李红婷", "市科技局长"),
    ("黄子牙", "市工信局局长"),
    ("黄文法", "市公安局党委委员"),
    ("赖世有", "市司法局局长"),
    ("李臻辉", "市财政局局长"),
    ("黄志军", "市人社局局长"),
    ("林云发", "市农业农村局局长"),
    ("王振明", "市林业局局长"),
    ("苏培荣", "市商务局局长"),
    ("周剑锋", "市文体旅局局长"),
    ("林振芳", "市卫健局局长"),
    ("林灵敏", "市统计局局长"),
    ("尤金伟", "市法院副院长"),
    ("温振伟", "市检察院副检察长"),
    ("柯向阳", "国家税务总局南安市税务局局长"),
    ("陈世阳", "泉州海关驻南安办事处副主任"),
    ("郑锦民", "中国人民银行南安市支行行长"),
]


def seats(committee_key):
    return list(
        Membership.objects.filter(committee__key=committee_key, end=None)
        .order_by("order")
        .values_list("seat", "person__name", "post")
    )


def test_leadership_group_matches_the_annex():
    group = seats("leading-group")
    assert group[0] == ("leader", "张桂森", "市政府市长")
    assert group[1] == ("deputy-leader", "陈志慧", "市政府副市长")
    assert [(name, post) for seat, name, post in group[2:]] == ANNEX_MEMBERS
    assert {seat for seat, _, _ in group[2:]} == {"member"}
    assert len(group) == 24


def test_office_is_hosted_by_market_supervision_with_director_and_deputies():
    office = Committee.objects.get(key="office")
    assert office.parent.key == "leading-group" and office.host_unit.key == "amr"
    assert [(s, n) for s, n, _ in seats("office")] == [
        ("director", "陈烽火"),
        ("deputy-director", "翁启栋"),
        ("deputy-director", "黄克勇"),
    ]
    # 陈烽火 holds two seats as one person.
    assert Person.objects.filter(name="陈烽火").count() == 1


def test_units_member_units_and_townships():
    assert Unit.objects.filter(kind=UnitKind.MEMBER).count() == 22
    office = Unit.objects.get(kind=UnitKind.OFFICE)
    assert office.parent.key == "amr"
    townships = Unit.objects.filter(kind=UnitKind.TOWNSHIP)
    assert townships.count() == 28  # 27 township-level divisions + 南安经济开发区
    names = set(townships.values_list("name", flat=True))
    assert {
        "溪美街道办事处",
        "水头镇人民政府",
        "眉山乡人民政府",
        "雪峰华侨经济开发区管委会",
        "南安经济开发区管委会",
    } <= names
    # Every member of the group sits for a member unit (or the government for the leaders).
    for membership in Membership.objects.filter(committee__key="leading-group", seat="member"):
        assert membership.unit.kind == UnitKind.MEMBER


def test_reloading_is_idempotent_and_keeps_history():
    counts = (Unit.objects.count(), Person.objects.count(), Membership.objects.count())
    history = Membership.history.count()
    load_organisation(ORGANISATION_FILE)
    assert (Unit.objects.count(), Person.objects.count(), Membership.objects.count()) == counts
    assert Membership.history.count() == history


def test_change_of_post_keeps_who_held_the_seat_when():
    seat = Membership.objects.get(committee__key="leading-group", person__name="林灵敏")
    successor = Person.objects.create(name="新局长", unit=seat.unit)
    new = change_seat(None, seat, person=successor, post="市统计局局长", on=datetime.date(2023, 3, 1))
    seat.refresh_from_db()
    assert seat.end == datetime.date(2023, 2, 28)
    assert new.start == datetime.date(2023, 3, 1) and new.end is None and new.order == seat.order
    on = datetime.date(2022, 6, 1)
    held = Membership.objects.filter(seat="member", unit=seat.unit, start__lte=on).exclude(end__lt=on)
    assert [m.person.name for m in held] == ["林灵敏"]
    # Reloading the original file afterwards does not bring the former holder back.
    load_organisation(ORGANISATION_FILE)
    assert Membership.objects.filter(unit=seat.unit, committee__key="leading-group", end=None).count() == 1


def test_bad_organisation_file_names_the_place(tmp_path):
    text = ORGANISATION_FILE.read_text(encoding="utf-8").replace("unit: court}", "unit: courtt}")
    file = tmp_path / "bad.yaml"
    file.write_text(text, encoding="utf-8")
    before = Membership.objects.count()
    with pytest.raises(DataFileError) as error:
        load_organisation(file)
    assert "committees[0].members[19].unit: unknown unit 'courtt'" in str(error.value)
    assert Membership.objects.count() == before
