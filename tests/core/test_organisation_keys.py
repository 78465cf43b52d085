"""Units and committees are keyed within their organisation (the region the file names): a city's organisation
file with the same keys as Nan'an's leaves every row of Nan'an's as it was, in either order, and reloads find
their own rows again."""

from pathlib import Path

import pytest

from zhichan.core.models import Committee, Membership, Person, Population, Region, Role, Unit, User
from zhichan.core.services.datafile import DataFileError
from zhichan.core.services.organisation import load_organisation
from zhichan.core.services.regions import load_regions

from ..conftest import ORGANISATION_FILE

pytestmark = pytest.mark.django_db

CITY_FILE = Path(__file__).parent / "city-organisation.yaml"
MODELS = (Unit, Person, Committee, Membership)


@pytest.fixture
def counties(tmp_path):
    """Two more county-level divisions of Quanzhou beside Nan'an: 晋江市 and 石狮市, from the division list."""
    for code in ("350582", "350581"):
        path = tmp_path / f"{code}.yaml"
        path.write_text(f'division: "{code}"\n', encoding="utf-8")
        load_regions(path)


def rows(code):
    """Every row of the organisation of region `code`, with every value, and how much history each model has
    for them."""
    organisation = Region.objects.get(code=code)
    found = {
        Unit: Unit.objects.filter(organisation=organisation),
        Person: Person.objects.filter(unit__organisation=organisation),
        Committee: Committee.objects.filter(organisation=organisation),
        Membership: Membership.objects.filter(committee__organisation=organisation),
    }
    values = {model.__name__: list(found[model].order_by("pk").values()) for model in MODELS}
    history = {model.__name__: model.history.filter(id__in=found[model].values("pk")).count() for model in MODELS}
    return values, history


def test_a_city_with_the_same_keys_leaves_nanan_as_it_was(counties):
    nanan = rows("350583")
    load_organisation(CITY_FILE)
    assert rows("350583") == nanan
    gov = {unit.organisation.code: unit.name for unit in Unit.objects.filter(key="gov")}
    assert gov == {"350583": "南安市人民政府", "3505": "泉州市人民政府"}
    assert Committee.objects.filter(key="leading-group").count() == 2
    # Nan'an's leader and deputy leader still sit for Nan'an's government.
    leaders = Membership.objects.filter(committee__organisation__code="350583", seat__in=["leader", "deputy-leader"])
    assert sorted((m.person.name, m.unit.name, m.person.unit.name) for m in leaders) == [
        ("张桂森", "南安市人民政府", "南安市人民政府"),
        ("陈志慧", "南安市人民政府", "南安市人民政府"),
    ]
    # Reloading either changes neither.
    city = rows("3505")
    load_organisation(ORGANISATION_FILE)
    load_organisation(CITY_FILE)
    assert rows("350583") == nanan and rows("3505") == city


def test_nanan_loaded_after_the_city_finds_its_own_rows(counties, tmp_path):
    nanan = rows("350583")
    load_organisation(CITY_FILE)
    city = rows("3505")
    load_organisation(ORGANISATION_FILE)
    assert rows("350583") == nanan and rows("3505") == city
    # A county loaded fresh after the city, with the same keys again (Jinjiang, from Nan'an's file).
    jinjiang = tmp_path / "jinjiang.yaml"
    jinjiang.write_text(
        ORGANISATION_FILE.read_text(encoding="utf-8").replace('region: "350583"', 'region: "350582"'), encoding="utf-8"
    )
    load_organisation(jinjiang)
    assert rows("350583") == nanan and rows("3505") == city
    assert Unit.objects.filter(key="gov").count() == 3
    assert Unit.objects.get(organisation__code="350582", key="gov").region.code == "350582"
    assert Person.objects.filter(name="张桂森").count() == 2  # one in each county's government


def test_the_city_file_makes_its_units_and_one_government_per_county(counties):
    result = load_organisation(CITY_FILE)
    units = Unit.objects.filter(organisation__code="3505").select_related("region", "parent")
    assert [(u.key, u.name, u.kind, u.region.code, u.parent and u.parent.key) for u in units.order_by("order")] == [
        ("gov", "泉州市人民政府", "government", "3505", None),
        ("amr", "泉州市市场监管局", "member", "3505", None),
        ("office", "测试市领导小组办公室", "office", "3505", "amr"),
        ("court", "泉州市中级人民法院", "member", "3505", None),
        # In the region tree's order: Nan'an's region file was loaded first, then 晋江市, then 石狮市.
        ("region-350583", "南安市人民政府", "government", "350583", None),
        ("region-350582", "晋江市人民政府", "government", "350582", None),
        ("region-350581", "石狮市人民政府", "government", "350581", None),
    ]
    assert result == {"units": 7, "committees": 2}
    assert Unit.objects.get(organisation__code="3505", key="region-350582").short_name == "晋江市"
    seats = Membership.objects.filter(committee__organisation__code="3505").order_by("committee", "order")
    assert [(m.committee.key, m.person.name, m.seat, m.unit.key, m.unit.organisation.code) for m in seats] == [
        ("leading-group", "测试甲", "leader", "gov", "3505"),
        ("leading-group", "测试乙", "member", "amr", "3505"),
        ("leading-group", "测试丙", "member", "region-350583", "3505"),
        ("office", "测试乙", "director", "amr", "3505"),
    ]
    office = Committee.objects.get(organisation__code="3505", key="office")
    assert office.parent.organisation.code == "3505" and office.host_unit.name == "泉州市市场监管局"
    assert Person.objects.filter(name="测试乙").count() == 1  # one person, two seats


def test_a_county_governments_liaison_sees_its_own_county(counties):
    load_organisation(CITY_FILE)
    jinjiang = Unit.objects.get(organisation__code="3505", key="region-350582")
    liaison = User.objects.create(username="jinjiang-liaison", role=Role.UNIT_LIAISON, unit=jinjiang)
    regions = Region.objects.visible_to(liaison)
    assert regions.filter(code="350582").exists()
    assert regions.filter(code__startswith="350582").count() == Region.objects.filter(code__startswith="350582").count()
    assert not regions.filter(code__startswith="350583").exists()
    assert not regions.filter(code__startswith="350581").exists()
    assert not regions.filter(code="3505").exists()
    # Nan'an's population figures (from its region file) are read by Nan'an's county unit, not by Jinjiang's.
    assert not Population.objects.visible_to(liaison).exists()
    nanan = Unit.objects.get(organisation__code="3505", key="region-350583")
    nanan_liaison = User.objects.create(username="nanan-liaison", role=Role.UNIT_LIAISON, unit=nanan)
    expected = set(Population.objects.filter(region__code__startswith="350583").values_list("pk", flat=True))
    assert expected and set(Population.objects.visible_to(nanan_liaison).values_list("pk", flat=True)) == expected


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('county: "{name}人民政府"', 'town: "{name}人民政府"'),
            "county_units.town: expected a county-level region kind",
        ),
        (('county: "{name}人民政府"', "county: 人民政府"), "county_units.county: expected a name pattern with {name}"),
        (("key: court,", "key: region-350582,"), "county_units.county: unit key 'region-350582' is already used"),
        (
            ("unit: region-350583}", "unit: region-350599}"),
            "committees[0].members[2].unit: unknown unit 'region-350599'",
        ),
        (("  - key: office\n", "  - key: leading-group\n"), "committees[1].key: duplicate committee key"),
    ],
)
def test_bad_city_files_name_the_place_and_save_nothing(counties, tmp_path, change, message):
    text = CITY_FILE.read_text(encoding="utf-8")
    assert change[0] in text
    file = tmp_path / "city.yaml"
    file.write_text(text.replace(change[0], change[1]), encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_organisation(file)
    assert message in str(error.value)
    assert not Unit.objects.filter(organisation__code="3505").exists()


def test_township_units_name_only_township_level_kinds(tmp_path):
    text = ORGANISATION_FILE.read_text(encoding="utf-8").replace("  zone: ", "  county: ")
    file = tmp_path / "bad.yaml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match="township_units.county: expected a township-level region kind"):
        load_organisation(file)


def test_the_roster_and_workbench_show_the_users_own_organisation(counties, client):
    load_organisation(CITY_FILE)
    nanan_office = User.objects.create(
        username="nanan-office", role=Role.OFFICE, unit=Unit.objects.get(organisation__code="350583", key="office")
    )
    city_office = User.objects.create(
        username="city-office", role=Role.OFFICE, unit=Unit.objects.get(organisation__code="3505", key="office")
    )
    for user, group, other in (
        (nanan_office, "南安市国家知识产权强县", "测试市"),
        (city_office, "测试市", "南安市国家"),
    ):
        client.force_login(user)
        page = client.get("/roster/").content.decode()
        assert page.count('data-testid="committee-leading-group"') == 1
        assert group in page and other not in page
        workbench = client.get("/").content.decode()
        assert group in workbench and other not in workbench
