"""Search and filters on the register pages: Chinese substrings, every number form, IPC prefixes, filters."""

import pytest
from django.urls import reverse

from .registers import make_registers

pytestmark = pytest.mark.django_db


@pytest.fixture
def registers(db):
    return make_registers()


def found(client, url_name, **params) -> str:
    response = client.get(reverse(url_name), params)
    assert response.status_code == 200
    return response.content.decode().split('id="register-rows"')[1]


@pytest.mark.parametrize(
    "query",
    [
        "切割",  # a Chinese substring of the title
        "石材切割装置",
        "示例石材",  # applicant / holder
        "李工",  # inventor
        "201610363475.6",
        "ZL 2016 1 0363475.6",
        "ZL201610363475.6",
        "CN2016103634756",
        "2016103634756",
        "ZL２０１６１０３６３４７５．６",  # full-width digits
        "201610363475",  # without the check digit
        "CN105800001A",  # publication number
        "CN 105800001 B",  # grant publication number with spaces
        "105800001",
        "E04F",  # IPC subclass
        "e04f 15/02",
        "E04F15/02",
        "B28D",  # a secondary IPC code
    ],
)
def test_patent_search_finds_the_own_patent(registers, client_for, query):
    rows = found(client_for("office"), "patent-list", q=query)
    assert registers.own_patent.application_number in rows, query
    assert registers.other_patent.application_number not in rows, query


def test_check_digit_in_the_query_matters(registers, client_for):
    assert registers.own_patent.application_number == "201610363475.6"
    rows = found(client_for("office"), "patent-list", q="201610363475.3")
    assert registers.own_patent.application_number not in rows


def test_brief_example_number_forms_find_the_same_patent(client_for, db):
    from datetime import date

    from zhichan.registry.services.entries import create_patent

    create_patent(None, "201620363475.1", title="石材护理剂", filing_date=date(2016, 4, 28))
    for query in ("ZL 2016 2 0363475.1", "201620363475.1", "CN2016203634751"):
        assert "201620363475.1" in found(client_for("office"), "patent-list", q=query), query


@pytest.mark.parametrize(
    ("query", "url_name", "own", "label"),
    [
        ("石韵", "trademark-list", "own_trademark", "registration_number"),
        ("第12345678号", "trademark-list", "own_trademark", "registration_number"),
        ("12345678", "trademark-list", "own_trademark", "registration_number"),
        ("示例石材", "trademark-list", "own_trademark", "registration_number"),
        ("纹理", "copyright-list", "own_copyright", "registration_number"),
        ("国作登字-2022-F-00012345", "copyright-list", "own_copyright", "registration_number"),
        ("水头石", "gi-list", "own_gi", "name"),
        ("示例", "enterprise-list", "own", "name"),
    ],
)
def test_search_in_the_other_registers(registers, client_for, query, url_name, own, label):
    record = getattr(registers, own)
    rows = found(client_for("office"), url_name, q=query)
    assert getattr(record, label) in rows, query


def test_enterprise_search_by_credit_code(registers, client_for):
    rows = found(client_for("office"), "enterprise-list", q=registers.other.uscc.lower())
    assert registers.other.name in rows and registers.own.name not in rows


def test_madrid_number_search(registers, client_for):
    rows = found(client_for("office"), "trademark-list", q="g 1234567")
    assert "XIMEI VALVE" in rows and "水头石韵" not in rows


def test_search_stays_in_scope(registers, client_for):
    rows = found(client_for("enterprise"), "patent-list", q="阀门")
    assert registers.other_patent.application_number not in rows


def test_home_searches_every_register(registers, client_for):
    page = client_for("office").get(reverse("registry-home"), {"q": "示例石材"}).content.decode()
    for text in ("一种石材切割装置", "水头石韵", "石材纹理图案集", "南安示例石材有限公司"):
        assert text in page
    page = client_for("office").get(reverse("registry-home"), {"q": "没有这个词"}).content.decode()
    assert 'data-testid="nothing-found"' in page


@pytest.mark.parametrize(
    ("params", "own_listed", "other_listed"),
    [
        ({"patent_type": "invention"}, True, False),
        ({"patent_type": "utility_model"}, False, True),
        ({"state": "valid"}, True, False),
        ({"state": "not-valid"}, False, True),
        ({"state": "valid", "on": "2016-01-01"}, False, True),
        ({"filing_year": "2016"}, True, False),
        ({"grant_year": "2015"}, False, True),
        ({"synthetic": "true"}, True, False),
        ({"synthetic": "false"}, False, True),
    ],
)
def test_patent_filters(registers, client_for, params, own_listed, other_listed):
    rows = found(client_for("office"), "patent-list", **params)
    assert (registers.own_patent.application_number in rows) is own_listed, params
    assert (registers.other_patent.application_number in rows) is other_listed, params


def test_patent_filters_by_township_and_holder(registers, client_for):
    client = client_for("office")
    rows = found(client, "patent-list", region=registers.own_patent.region_id)
    assert registers.own_patent.application_number in rows
    assert registers.other_patent.application_number not in rows
    rows = found(client, "patent-list", holder=registers.other.pk)
    assert registers.other_patent.application_number in rows
    assert registers.own_patent.application_number not in rows


@pytest.mark.parametrize(
    ("params", "own_listed", "other_listed"),
    [
        ({"kind": "collective"}, True, False),
        ({"madrid": "true"}, False, True),
        ({"nice_class": "19"}, True, False),
        ({"nice_class": "11"}, False, True),
        ({"nice_class": "1"}, False, False),
        ({"state": "valid"}, True, True),
    ],
)
def test_trademark_filters(registers, client_for, params, own_listed, other_listed):
    rows = found(client_for("office"), "trademark-list", **params)
    assert ("水头石韵" in rows) is own_listed, params
    assert ("XIMEI VALVE" in rows) is other_listed, params


@pytest.mark.parametrize(
    ("params", "own_listed", "other_listed"),
    [
        ({"designation": "ip-advantage"}, True, False),
        ({"ip_institution": "true"}, True, False),
        ({"ip_strategy": "false"}, False, True),
    ],
)
def test_enterprise_filters(registers, client_for, params, own_listed, other_listed):
    rows = found(client_for("office"), "enterprise-list", **params)
    assert (registers.own.name in rows) is own_listed, params
    assert (registers.other.name in rows) is other_listed, params


def test_pagination_keeps_the_filters(registers, client_for, db):
    from datetime import date

    from zhichan.registry.services.entries import create_copyright

    for number in range(60):
        create_copyright(
            None, f"软著登字第{7000000 + number}号", title=f"切割软件{number}", region=registers.own.region
        )
    client = client_for("office")
    first = client.get(reverse("copyright-list"), {"q": "切割软件"}).content.decode()
    assert "page=2" in first and "q=%E5%88%87" in first
    second = client.get(reverse("copyright-list"), {"q": "切割软件", "page": 2}).content.decode()
    assert second.count('data-testid="copyright-row"') == 10
    assert date  # imported for the record dates above
