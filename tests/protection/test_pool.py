"""The shared pool (共享案件库): who reads which cases, what personal data nobody else sees, the party search across
units, the repeat-infringer flag, the API's rows against the page's, and what a page costs in queries."""

import dataclasses
import datetime
import json

import pytest
from django.urls import reverse

from zhichan.core.models import Unit
from zhichan.protection.api_pool import PoolCaseSerializer
from zhichan.protection.models import CaseKind, PartyKind
from zhichan.protection.services import cases, complaints, pool
from zhichan.protection.services.parties import masked_name, scrubbed

from .conftest import COMPLAINANT_ID

D = datetime.date
PERSON_ID = "350583199001011234"
CODE = "91350583MA0000001X"
OTHER_CODE = "91350583MA0000002X"


def decided(case, user="office", users=None, fine="5000"):
    """File and decide the case (on dates after its lead)."""
    acting = users[user] if users else None
    cases.file_case(case, acting, case.lead_on + datetime.timedelta(days=3))
    return cases.decide(case, acting, case.lead_on + datetime.timedelta(days=30), f"{case.number}决定", {"fine": fine})


@pytest.fixture
def culture():
    return Unit.objects.get(key="culture")


@pytest.fixture
def person_case(new_case):
    """A case of the market supervision bureau against 张三 (a person), decided and closed with a note."""
    case = new_case(
        lead_on=D(2024, 2, 20),
        title="张三销售假冒水龙头案",
        goods="张三店内水龙头",
        parties=[{"kind": PartyKind.PERSON, "name": "张三", "id_number": PERSON_ID}],
    )
    decided(case)
    return cases.close_case(case, None, D(2024, 4, 1), "张三已缴清罚款")


def body(response) -> str:
    return response.content.decode()


def test_masking_keeps_the_first_character_only():
    assert masked_name("张三") == "张**" and masked_name("欧阳娜娜") == "欧**" and masked_name("") == ""
    assert scrubbed("张三、张三丰侵权案", ["张三", "张三丰"]) == "张**、张**侵权案"


def test_a_court_liaison_reads_the_pool_without_personal_data(person_case, new_complaint, client_for, api_for, users):
    complaint = new_complaint()
    complaints.route(complaint, users["office"], Unit.objects.get(key="amr"), D(2024, 3, 2))
    complaints.accept(complaint, users["amr-liaison"], D(2024, 3, 4))
    from_complaint = complaints.open_case(
        complaint,
        users["amr-liaison"],
        number="南市监处〔2024〕99号",
        title="卫浴商行商标侵权案",
        kind=CaseKind.objects.get(key="trademark-infringement"),
        lead_on=D(2024, 3, 5),
    ).case
    client = client_for("court-liaison")
    pages = [
        body(client.get(reverse("pool-list"))),
        body(client.get(reverse("pool-detail", args=[person_case.pk]))),
        body(client.get(reverse("pool-detail", args=[from_complaint.pk]))),
    ]
    api = api_for("court-liaison")
    answers = [
        json.dumps(api.get("/api/v1/protection/pool/").json(), ensure_ascii=False),
        json.dumps(api.get(f"/api/v1/protection/pool/{person_case.pk}/").json(), ensure_ascii=False),
    ]
    for text in pages + answers:
        assert "张三" not in text and PERSON_ID not in text and "已缴清" not in text
        assert "李四" not in text and COMPLAINANT_ID not in text and "13800000000" not in text
    assert "张**销售假冒水龙头案" in pages[1] and "张**店内水龙头" in pages[1]
    assert person_case.number in pages[0] and from_complaint.number in pages[0] and "演示卫浴商行" in pages[2]
    # the case itself stays its unit's: the pool links to the pool's own page of it
    assert client.get(reverse("case-detail", args=[person_case.pk])).status_code == 404
    assert reverse("pool-detail", args=[person_case.pk]) in pages[0]
    assert reverse("case-detail", args=[person_case.pk]) not in pages[0]


def test_the_unit_holding_the_case_and_the_leadership_read_the_name(person_case, users):
    for username, link in (("amr-liaison", True), ("office", True), ("leader", False), ("court-liaison", False)):
        row = pool.pooled_cases(users[username], pool.pool(users[username]))[0]
        (party,) = row.parties
        full = username != "court-liaison"
        assert party.name == ("张三" if full else "张**"), username
        assert row.title == ("张三销售假冒水龙头案" if full else "张**销售假冒水龙头案"), username
        assert bool(party.url) == link, username  # a person is looked up only by the office and the unit holding it
        assert row.url == reverse("case-detail" if full else "pool-detail", args=[row.id]), username


def test_a_township_liaison_reads_only_the_cases_placed_in_its_township(
    new_case, client_for, api_for, users, shuitou, other_township
):
    here = new_case(township=shuitou, title="水头镇的案件")
    there = new_case(township=other_township, title="别处的案件")
    county = new_case(township=None, title="未写乡镇的案件")  # placed in its unit's region, the county
    client = client_for("shuitou-liaison")
    page = body(client.get(reverse("pool-list")))
    assert "水头镇的案件" in page and "别处的案件" not in page and "未写乡镇的案件" not in page
    assert client.get(reverse("pool-detail", args=[there.pk])).status_code == 404
    assert client.get(reverse("pool-detail", args=[here.pk])).status_code == 200
    ids = {row["id"] for row in api_for("shuitou-liaison").get("/api/v1/protection/pool/").json()["results"]}
    assert ids == {here.pk}
    assert api_for("shuitou-liaison").get(f"/api/v1/protection/pool/{county.pk}/").status_code == 404
    # a member unit at county level reads all three; the enterprise user reads none
    ids = {row["id"] for row in api_for("court-liaison").get("/api/v1/protection/pool/").json()["results"]}
    assert ids == {here.pk, there.pk, county.pk}
    assert api_for("enterprise").get("/api/v1/protection/pool/").status_code == 403


def test_the_pool_filters_and_pages_newest_first(new_case, culture, client_for, shuitou, other_township):
    older = new_case(lead_on=D(2023, 5, 1), township=other_township)
    newer = new_case(lead_on=D(2024, 5, 1))
    copy = new_case(
        lead_on=D(2024, 6, 1), unit=culture, kind="copyright-infringement", user="office", title="盗版图书案"
    )
    client = client_for("court-liaison")
    page = body(client.get(reverse("pool-list")))
    assert page.index(copy.number) < page.index(newer.number) < page.index(older.number)

    def numbers(**query):
        return {row.number for row in client.get(reverse("pool-list"), query).context["rows"]}

    assert numbers(year=2023) == {older.number}
    assert numbers(unit=culture.pk) == {copy.number}
    assert numbers(ip_type="copyright") == {copy.number}
    assert numbers(kind="trademark-infringement") == {older.number, newer.number}
    assert numbers(township=shuitou.pk) == {newer.number, copy.number}
    assert numbers(state="lead", year=2024) == {newer.number, copy.number}
    bad = client.get(reverse("pool-list"), {"year": "twenty"})
    assert bad.status_code == 200 and "year" in bad.context["filter"].form.errors
    api = client.get("/api/v1/protection/pool/", {"year": "twenty"})
    assert api.status_code == 400 and "year" in api.json()


def test_the_search_finds_a_party_across_units(new_case, culture, client_for, api_for, users):
    at_amr = new_case(
        title="水龙头商标侵权案",
        parties=[{"kind": PartyKind.ORGANISATION, "name": "演示卫浴有限公司", "credit_code": CODE}],
    )
    at_culture = new_case(
        unit=culture,
        kind="copyright-infringement",
        user="office",
        number="南文旅处〔2024〕1号",
        title="盗版产品手册案",
        parties=[{"kind": PartyKind.ORGANISATION, "name": "演示卫浴公司", "credit_code": CODE}],  # named otherwise
    )
    for text in (CODE, CODE.lower(), "卫浴"):
        hits = pool.find_parties(users["court-liaison"], text)
        assert [(hit.credit_code, hit.cases) for hit in hits] == [(CODE, 2)], text
    (hit,) = pool.find_parties(users["court-liaison"], CODE)
    assert hit.units == tuple(sorted([str(at_amr.unit), str(culture)]))
    page = client_for("court-liaison").get(reverse("pool-party"), {"code": CODE})
    numbers = [row.number for row in page.context["record"].cases]
    assert numbers == [at_culture.number, at_amr.number]  # newest lead first (the factory's lead is earlier)
    assert CODE in body(page)
    api = api_for("court-liaison").get("/api/v1/protection/parties/", {"q": "卫浴"}).json()
    assert [(row["credit_code"], row["cases"]) for row in api] == [(CODE, 2)]
    record = api_for("court-liaison").get("/api/v1/protection/parties/record/", {"code": CODE}).json()
    assert {row["number"] for row in record["cases"]} == {at_amr.number, at_culture.number}


def test_persons_are_found_by_name_only_by_the_office_and_the_unit_holding_the_case(person_case, users):
    assert pool.find_parties(users["court-liaison"], "张三") == []
    assert pool.find_parties(users["leader"], "张三") == []
    assert pool.find_parties(users["shuitou-liaison"], "张三") == []  # the case lies in 水头镇, but is the bureau's
    for username in ("office", "amr-liaison"):
        (hit,) = pool.find_parties(users[username], "张三")
        assert hit.name == "张三" and hit.kind == PartyKind.PERSON and hit.cases == 1, username
    assert pool.party_record(users["court-liaison"], name="张三").empty
    assert [row.id for row in pool.party_record(users["amr-liaison"], name="张三").cases] == [person_case.pk]


def test_the_record_lists_complaints_mediations_and_requests(new_case, new_complaint, new_mediation, users):
    from zhichan.protection.services import assistance

    new_case(parties=[{"kind": PartyKind.ORGANISATION, "name": "演示卫浴有限公司", "credit_code": CODE}])
    new_complaint(respondent_credit_code=CODE)  # held by the office: the court reads it in the pool, not its page
    new_mediation(parties=[{"side": "applicant", "name": "演示卫浴有限公司", "credit_code": CODE}])
    assistance.open_request(
        users["amr-liaison"],
        unit=Unit.objects.get(key="amr"),
        kind="evidence",
        requester="演示卫浴有限公司",
        credit_code=CODE,
        requested_on=D(2024, 3, 5),
    )
    record = pool.party_record(users["court-liaison"], code=CODE)
    assert (len(record.cases), len(record.complaints), len(record.mediations), len(record.requests)) == (1, 1, 1, 1)
    assert record.complaints[0].url == "" and record.mediations[0].side_label
    fields = {f.name for f in dataclasses.fields(record.complaints[0])}
    assert not fields & {"complainant_name", "complainant_contact", "complainant_id_number", "matter"}
    office = pool.party_record(users["office"], code=CODE)
    assert office.complaints[0].url == reverse("complaint-detail", args=[office.complaints[0].id])


def test_repeat_infringers_are_flagged(new_case, culture, client_for, users):
    """A (code) has two decided cases in two units; B (code) two cases, one decided; 王五 (a person, by name) two
    decided; C (no code, by name) one decided. Repeat infringers: A and 王五."""

    def party(name, code=""):
        kind = PartyKind.PERSON if name == "王五" else PartyKind.ORGANISATION
        return [{"kind": kind, "name": name, "credit_code": code}]

    a1 = decided(new_case(parties=party("甲公司", CODE)))
    a2 = decided(
        new_case(
            unit=culture, kind="copyright-infringement", user="office", number="文1", parties=party("甲公司", CODE)
        )
    )
    b1 = decided(new_case(parties=party("乙公司", OTHER_CODE)))
    b2 = new_case(parties=party("乙公司", OTHER_CODE))
    w1 = decided(new_case(parties=party("王五")))
    w2 = decided(new_case(parties=party("王五")))
    c1 = decided(new_case(parties=party("丙商行")))
    rows = {row.id: row for row in pool.pooled_cases(users["court-liaison"], pool.pool(users["court-liaison"]))}
    flagged = {pk for pk, row in rows.items() if row.repeat}
    assert flagged == {a1.pk, a2.pk, w1.pk, w2.pk}
    assert {b1.pk, b2.pk, c1.pk}.isdisjoint(flagged)
    assert rows[w1.pk].parties[0].name == "王**" and rows[w1.pk].parties[0].repeat
    hits = {hit.name: hit for hit in pool.find_parties(users["court-liaison"], "公司")}
    assert hits["甲公司"].repeat and hits["甲公司"].decided == 2 and not hits["乙公司"].repeat
    page = client_for("office").get(reverse("pool-repeat"))
    listed = [(row.name, row.credit_code, row.decided, row.cases, row.units) for row in page.context["rows"]]
    assert sorted(listed) == sorted([("甲公司", CODE, 2, 2, 2), ("王五", "", 2, 2, 1)])
    assert 'data-testid="repeat-badge"' in body(client_for("court-liaison").get(reverse("pool-list")))
    api = client_for("office").get("/api/v1/protection/repeat-infringers/").json()
    assert sorted(row["name"] for row in api["results"]) == ["王五", "甲公司"]
    assert client_for("amr-liaison").get(reverse("pool-repeat")).status_code == 403


def test_the_api_returns_exactly_the_pages_fields(person_case, new_case, client_for, api_for):
    new_case(parties=[{"kind": PartyKind.ORGANISATION, "name": "甲公司", "credit_code": CODE}])
    page_rows = client_for("court-liaison").get(reverse("pool-list")).context["rows"]
    api_rows = api_for("court-liaison").get("/api/v1/protection/pool/").json()["results"]
    names = {field.name for field in dataclasses.fields(pool.PoolCase)}
    assert set(PoolCaseSerializer().fields) == names
    assert [set(row) for row in api_rows] == [names] * len(page_rows)
    assert api_rows == [dict(PoolCaseSerializer(row).data) for row in page_rows]
    assert {party["name"] for row in api_rows for party in row["parties"]} == {"张**", "甲公司"}
    one = api_for("court-liaison").get(f"/api/v1/protection/pool/{person_case.pk}/").json()
    assert one == next(row for row in api_rows if row["id"] == person_case.pk)


def test_a_page_costs_the_same_queries_however_many_rows(new_case, culture, client_for, django_assert_max_num_queries):
    def add(count, start):
        for n in range(count):
            case = new_case(
                unit=culture if n % 2 else Unit.objects.get(key="amr"),
                kind="copyright-infringement" if n % 2 else "trademark-infringement",
                user="office",
                number=f"Q{start + n}",
                parties=[
                    {
                        "kind": PartyKind.ORGANISATION,
                        "name": f"公司{n % 3}",
                        "credit_code": f"91350583MA00000{n % 3:02d}X",
                    },
                    {"kind": PartyKind.PERSON, "name": f"赵{n}", "id_number": PERSON_ID},
                ],
            )
            if n % 2:
                decided(case)

    add(2, 0)
    client = client_for("court-liaison")
    client.get(reverse("pool-list"))  # once first, so nothing read once per process counts
    with django_assert_max_num_queries(100) as few:
        client.get(reverse("pool-list"))
    with django_assert_max_num_queries(100) as api_few:
        client.get("/api/v1/protection/pool/")
    add(30, 100)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("pool-list"))
    assert len(response.context["rows"]) == 32
    with django_assert_max_num_queries(len(api_few.captured_queries)):
        assert len(client.get("/api/v1/protection/pool/").json()["results"]) == 32


def test_bad_look_ups_say_what_was_expected(client_for, api_for, reference):
    client = client_for("court-liaison")
    page = body(client.get(reverse("pool-party"), {"code": "12345"}))
    assert "18" in page  # a unified social credit code has 18 letters and digits
    api = api_for("court-liaison")
    assert set(api.get("/api/v1/protection/parties/record/", {"code": "12345"}).json()) == {"code"}
    both = api.get("/api/v1/protection/parties/record/", {"code": CODE, "name": "甲公司"})
    assert both.status_code == 400 and "non_field_errors" in both.json()
    assert api.get("/api/v1/protection/parties/record/").status_code == 400
    short = api.get("/api/v1/protection/parties/", {"q": "甲"})
    assert short.status_code == 400 and "q" in short.json()
    assert "q" in client.get(reverse("pool-parties"), {"q": "甲"}).context["form"].errors
