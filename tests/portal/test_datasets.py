"""Published lists and data (open data): each dataset holds its published rows and nothing else, in every format
(the page, CSV, XLSX, JSON and the API), the formats agree, a key no module declares answers 404, and the DCAT
metadata parses as RDF with what a harvester needs. Hand-made rows: for each dataset one published (or more) and one
never published, withdrawn or revoked."""

import csv
import datetime
import io
import json
from decimal import Decimal

import openpyxl
import pytest
import rdflib
from django.conf import settings
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from zhichan.core import datasets as contract
from zhichan.core.events import events_of
from zhichan.core.models import Region, Unit, User
from zhichan.credit.models import DishonestyKind
from zhichan.credit.services import records, repair, serious
from zhichan.indicators.models import IndicatorValue, Reading
from zhichan.indicators.services.loading import load_indicators
from zhichan.outreach.models import Activity
from zhichan.outreach.services import activities
from zhichan.programme.services.loading import load_programme
from zhichan.services.models import InspectionTarget
from zhichan.services.services import experts, inspections, inspectors, publication

from ..credit.conftest import load_reference as load_credit_reference
from ..outreach.factories import make_activity
from ..services.conftest import load_reference as load_services_reference
from ..services.conftest import make_enterprises
from ..services.factories import make_agency, make_outlet, uscc

D = datetime.date
KEYS = {
    "indicators",
    "service-agencies",
    "service-outlets",
    "brand-stations",
    "expert-pool",
    "inspection-results",
    "serious-dishonesty-list",
    "dishonesty-records",
    "credit-repairs",
    "trainings-calendar",
}
# For each dataset: a text only its published rows hold, and texts that must be in no format of it.
SHOWN = {
    "service-agencies": "公开代理所",
    "service-outlets": "公开服务网点",
    "brand-stations": "公开指导站",
    "expert-pool": "公开专家",
    "inspection-results": "已公布结果的抽查",
    "serious-dishonesty-list": "公开失信企业",
    "dishonesty-records": "公开记录企业",
    "credit-repairs": "修复公开企业",
    "trainings-calendar": "公开培训",
    "indicators": "",  # its first indicator's name, filled in by the fixture
}
HIDDEN = {
    "service-agencies": ["未公开代理所", "撤回代理所", "代理所联系人"],
    "service-outlets": ["未公开服务网点", "公开指导站", "网点联系人", "网点备注"],
    "brand-stations": ["撤回指导站", "公开服务网点"],
    "expert-pool": ["未公开专家", "13900000001", "350583198001019999"],
    "inspection-results": ["未公布结果的抽查", "未按规定标注专利标识"],
    "serious-dishonesty-list": ["未公开失信企业", "撤销失信企业", "故意侵犯知识产权的理由"],
    "dishonesty-records": ["未公开记录企业", "撤销记录企业", "恶意申请注册商标的事实", "张三丰", "350583199001011234"],
    "credit-repairs": ["未公开修复企业"],
    "trainings-calendar": ["未公开培训", "撤回培训", "讲师甲", "内部备注"],
    "indicators": [],  # its second indicator's name, filled in by the fixture
}


def today():
    return timezone.localdate()


def _code(n):
    return uscc(n, "91350583MA5P")


def _services(office):
    agency = make_agency(n=1, name="公开代理所", contact_person="代理所联系人", contact_phone="0595-1")
    publication.publish(agency, office, day=D(2024, 6, 1))
    make_agency(n=2, name="未公开代理所")
    withdrawn = make_agency(n=3, name="撤回代理所")
    publication.publish(withdrawn, office, day=D(2024, 6, 1))
    publication.withdraw(withdrawn, office)
    outlet = make_outlet(n=1, kind="outlet", name="公开服务网点", contact_person="网点联系人", note="网点备注")
    publication.publish(outlet, office, day=D(2024, 6, 1))
    make_outlet(n=2, kind="outlet", name="未公开服务网点")
    station = make_outlet(n=3, name="公开指导站")
    publication.publish(station, office, day=D(2024, 6, 1))
    gone = make_outlet(n=4, name="撤回指导站")
    publication.publish(gone, office, day=D(2024, 6, 1))
    publication.withdraw(gone, office)
    organisation = Unit.objects.get(key="amr").organisation
    shown = experts.add_expert(
        None,
        organisation=organisation,
        name="公开专家",
        id_number="350583198001019999",
        fields=["F"],
        employer="华侨大学",
        phone="13900000001",
    )
    publication.publish(shown, office, day=D(2024, 6, 1))
    experts.add_expert(
        None,
        organisation=organisation,
        name="未公开专家",
        id_number="350583198001018888",
        fields=["F"],
        employer="某单位",
    )


def _inspections():
    load_services_reference()
    make_enterprises()
    amr = Unit.objects.get(key="amr")
    for n in range(6):
        inspectors.add_inspector(
            None, unit=amr, name=f"检查员{n}", certificate_number=f"35050001{n:03d}", field="市场监管"
        )
    plans = []
    for name in ("已公布结果的抽查", "未公布结果的抽查"):
        plan = inspections.create_plan(
            None,
            unit=amr,
            name=name,
            items="商标使用行为检查",
            starts_on=D(2025, 3, 1),
            ends_on=D(2025, 5, 31),
            proportions={"A": 10},
        )
        plan = inspections.draw_plan(inspections.publish_plan(plan, None, day=D(2025, 2, 20)), None)
        for number, target in enumerate(plan.targets.all()):
            finding = "problems" if number == 0 else "no-problem"
            inspections.enter_result(
                target,
                None,
                finding=finding,
                note="未按规定标注专利标识" if number == 0 else "",
                inspected_on=D(2025, 4, 1),
            )
        plans.append(plan)
    inspections.publish_results(plans[0], None, day=D(2025, 6, 3))
    return plans


def _credit(office):
    load_credit_reference()
    amr = Unit.objects.get(key="amr")
    kind = DishonestyKind.objects.get(key="bad-faith-trademark-application")
    recent = today() - datetime.timedelta(days=30)
    numbers = iter(range(1, 100))

    def record(name, code, found_on=recent, **extra):
        values = {
            "unit": amr,
            "subject_kind": "enterprise",
            "subject_name": name,
            "credit_code": code,
            "kind": kind,
            "source": "manual",
            "found_on": found_on,
            "document_number": f"南市监信〔{found_on.year}〕{next(numbers)}号",
            "facts": "恶意申请注册商标的事实",
        }
        values.update(extra)
        return records.enter_record(None, **values)

    shown = record("公开记录企业", _code(1))
    records.publish_record(shown, office, recent)
    record("未公开记录企业", _code(2))
    revoked = record("撤销记录企业", _code(3))
    records.publish_record(revoked, office, recent)
    records.revoke_record(revoked, office, recent, "认定有误")
    person = record("张三丰", "", subject_kind="person", id_number="350583199001011234")
    records.publish_record(person, office, recent)

    conditions = list(repair.RECORD_CONDITIONS)
    repaired = record("修复公开企业", _code(4), found_on=D(2024, 3, 1))
    records.publish_record(repaired, office, D(2024, 3, 5))
    repair.ask_record_repair(repaired, office, D(2024, 10, 1), conditions)
    repair.approve_record_repair(repaired, office, D(2024, 10, 8), "")
    quiet = record("未公开修复企业", _code(5), found_on=D(2024, 3, 1))
    repair.ask_record_repair(quiet, office, D(2024, 10, 1), conditions)
    repair.approve_record_repair(quiet, office, D(2024, 10, 8), "")

    listed_on = today() - datetime.timedelta(days=100)

    def listing(name, code):
        return serious.list_subject(
            None,
            unit=amr,
            subject_kind="enterprise",
            subject_name=name,
            credit_code=code,
            decision_number=f"南市监列〔{listed_on.year}〕{next(numbers)}号",
            listed_on=listed_on,
            reasons="故意侵犯知识产权的理由",
        )

    serious.publish_listing(listing("公开失信企业", _code(6)), office, listed_on)
    listing("未公开失信企业", _code(7))
    wrong = listing("撤销失信企业", _code(8))
    serious.publish_listing(wrong, office, listed_on)
    serious.revoke_listing(wrong, office, listed_on + datetime.timedelta(days=1), "列入有误")


def _outreach(office):
    shown = make_activity(title="公开培训", speakers="讲师甲", note="内部备注", place="南安市行政服务中心")
    activities.publish(shown, office)
    make_activity(title="未公开培训")
    gone = make_activity(title="撤回培训")
    activities.publish(gone, office)
    activities.withdraw(gone, office)


def _indicators(office):
    load_programme(settings.PROJECT_DIR / "programmes" / "nanan-2022.yaml")
    load_indicators(settings.PROJECT_DIR / "data" / "indicators" / "nanan-2022.yaml")
    first, second = Reading.objects.select_related("indicator").order_by("indicator__order")[:2]
    county = Region.objects.get(code="350583")
    for reading in (first, second):
        for period, end, value in [("2024-04", D(2024, 4, 30), "10.5"), ("2024-05", D(2024, 5, 31), "12.3456")]:
            IndicatorValue.objects.create(
                reading=reading,
                indicator=reading.indicator,
                region=county,
                period=period,
                period_end=end,
                value=Decimal(value),
                computed_at=timezone.now(),
                revision=reading.revision,
            )
    from zhichan.indicators.services.readings import publish_reading

    publish_reading(first, office, day=D(2024, 6, 1))
    return first, second


def _world():
    office = User.objects.get(username="office")
    _services(office)
    plans = _inspections()
    _credit(office)
    _outreach(office)
    first, second = _indicators(office)
    shown = dict(SHOWN, indicators=first.indicator.name)
    hidden = dict(HIDDEN, indicators=[second.indicator.name])
    return {
        "shown": shown,
        "hidden": hidden,
        "plans": [plan.pk for plan in plans],
        "readings": (first.pk, second.pk),
        "decimals": first.indicator.decimals,
    }


@pytest.fixture(scope="module")
def made(django_db_setup, django_db_blocker):
    """The rows, made once for the module in a transaction of its own that each test's nests in (a savepoint, rolled
    back after the test) and that is rolled back after the last test, as the permission tests make theirs."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer._from_testcase = True
        outer.__enter__()
        try:
            found = _world()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield found
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def world(made, db):
    return made


def readings(world):
    return [Reading.objects.select_related("indicator").get(pk=pk) for pk in world["readings"]]


# --- reading every format -----------------------------------------------------------------------------------


def read_csv(client, key):
    response = client.get(f"/portal/data/{key}.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content[1:])))


def read_xlsx(client, key):
    response = client.get(f"/portal/data/{key}.xlsx")
    assert response.status_code == 200 and "spreadsheetml" in response["Content-Type"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    return rows[1:]  # the note line above the header


def read_json(client, key):
    response = client.get(f"/portal/data/{key}.json")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    return json.loads(response.content)


def read_api(client, key):
    response = client.get(f"/api/v1/public/datasets/{key}/")
    assert response.status_code == 200
    return response.json()


def cell_text(value) -> str:
    """A cell of any format as text, to compare the formats."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time.min else value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def test_every_module_declares_its_datasets_by_the_contract():
    found = contract.found()
    assert set(found) == KEYS
    assert all(contract.problems(dataset) == [] for dataset in found.values())
    assert contract.problems(object()) and "catalog" in contract.RESERVED


def test_a_declaration_says_only_what_the_contract_names():
    with pytest.raises(TypeError, match="publishr"):
        contract.Declared(key="misspelt", publishr="amr", rows=lambda day: [], modified=lambda day: None)


@pytest.mark.parametrize("key", sorted(KEYS))
def test_a_dataset_holds_its_published_rows_only_in_every_format(key, world, client):
    shown, hidden = world["shown"][key], world["hidden"][key]
    texts = {
        "page": client.get(f"/portal/data/{key}/").content.decode(),
        "csv": json.dumps(read_csv(client, key), ensure_ascii=False),
        "xlsx": json.dumps(read_xlsx(client, key), ensure_ascii=False, default=str),
        "json": json.dumps(read_json(client, key), ensure_ascii=False),
        "api": json.dumps(read_api(client, key), ensure_ascii=False),
    }
    for name, text in texts.items():
        assert shown in text, f"{key}: {shown} not in the {name}"
        for word in hidden:
            assert word not in text, f"{key}: {word} found in the {name}"


def test_each_dataset_holds_exactly_the_rows_checked_by_hand(world, client):
    counts = {key: read_json(client, key)["count"] for key in KEYS}
    assert counts == {
        "service-agencies": 1,
        "service-outlets": 1,
        "brand-stations": 1,
        "expert-pool": 1,
        "inspection-results": InspectionTarget.objects.filter(plan=world["plans"][0]).count(),
        "serious-dishonesty-list": 1,
        "dishonesty-records": 2,  # the enterprise's and the person's
        "credit-repairs": 1,
        "trainings-calendar": 1,
        "indicators": 1,
    }
    people = read_json(client, "dishonesty-records")["rows"]
    assert {row["subject_name"] for row in people} == {"公开记录企业", "张**"}
    indicator = read_json(client, "indicators")["rows"][0]
    assert indicator["period"] == "2024-05" and indicator["region"] == "南安市"
    first = readings(world)[0]
    assert indicator["value"] == float(Decimal("12.3456").quantize(Decimal(1).scaleb(-world["decimals"])))
    assert indicator["formula"] and indicator["definition"] == first.indicator.definition
    repaired = read_json(client, "credit-repairs")["rows"][0]
    assert repaired["decided_on"] == "2024-10-08" and repaired["subject_name"] == "修复公开企业"
    training = read_json(client, "trainings-calendar")["rows"][0]
    assert (
        training["title"] == "公开培训"
        and training["starts_on"] == "2024-04-26"
        and training["organiser"] == "市市场监管局"
    )


@pytest.mark.parametrize("key", sorted(KEYS))
def test_the_three_formats_and_the_api_agree(key, world, client):
    table = read_csv(client, key)
    sheet = read_xlsx(client, key)
    document = read_json(client, key)
    api = read_api(client, key)
    labels = [column["label"] for column in document["columns"]]
    keys = [column["key"] for column in document["columns"]]
    assert table[0] == labels and [cell_text(c) for c in sheet[0]] == labels
    from_json = [[cell_text(row[k]) for k in keys] for row in document["rows"]]
    assert table[1:] == from_json
    assert [[cell_text(c) for c in row] for row in sheet[1:]] == from_json
    assert api["rows"] == document["rows"] and api["columns"] == document["columns"]
    assert document["count"] == len(document["rows"]) == len(table) - 1


def test_a_guessed_address_answers_404(world, client):
    for url in [
        "/portal/data/nothing/",
        "/portal/data/nothing.csv",
        "/portal/data/nothing.xlsx",
        "/portal/data/nothing.json",
        "/portal/data/nothing.jsonld",
        "/portal/data/catalog/",
        "/portal/data/service-agencies.xml",
        "/api/v1/public/datasets/nothing/",
    ]:
        assert client.get(url).status_code == 404, url
    # Rows with an address of their own: a plan whose pools were never published has no public page, and a
    # reading, an activity or a record is never public but through its dataset.
    draft = inspections.create_plan(
        None,
        unit=Unit.objects.get(key="amr"),
        name="草拟中的抽查",
        items="检查",
        starts_on=D(2025, 3, 1),
        ends_on=D(2025, 5, 31),
        proportions={"A": 10},
    )
    assert client.get(f"/draws/inspections/{draft.pk}/").status_code == 404
    first, second = readings(world)
    hidden = Activity.objects.get(title="未公开培训")
    for url in [f"/indicators/{second.indicator_id}/", f"/outreach/activities/{hidden.pk}/"]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_the_list_and_the_api_list_every_dataset(world, client):
    page = client.get("/portal/data/").content.decode()
    listed = client.get("/api/v1/public/datasets/").json()
    assert {row["key"] for row in listed} == KEYS
    for row in listed:
        assert row["title"] in page and row["links"]["csv"] in page
        assert row["licence"]["url"] == settings.ZHICHAN_OPEN_DATA_LICENCE_URL
    agencies = next(row for row in listed if row["key"] == "service-agencies")
    assert agencies["count"] == 1 and agencies["publisher"] and agencies["region"] == "南安市"
    home = client.get("/portal/").content.decode()
    assert "/portal/data/" in home and "/portal/data/expert-pool/" in home


def test_a_dataset_page_tells_what_it_is(world, client):
    page = client.get("/portal/data/serious-dishonesty-list/").content.decode()
    for text in ["市市场监管局", "CC BY 4.0", "350583", "/portal/data/serious-dishonesty-list.xlsx"]:
        assert text in page
    assert 'data-testid="portal-dataset-rows"' in page and 'data-testid="portal-dataset-cards"' in page
    assert " style=" not in page


def test_the_licence_is_a_setting(world, client):
    with override_settings(
        ZHICHAN_OPEN_DATA_LICENCE_ID="gov-open",
        ZHICHAN_OPEN_DATA_LICENCE_TITLE="政府信息公开，可免费使用，请注明来源",
        ZHICHAN_OPEN_DATA_LICENCE_URL="https://example.gov.cn/licence",
    ):
        page = client.get("/portal/data/expert-pool/").content.decode()
        document = read_json(client, "expert-pool")
        graph = rdflib.Graph().parse(data=client.get("/portal/data/expert-pool.jsonld").content, format="json-ld")
    assert "政府信息公开，可免费使用，请注明来源" in page and "https://example.gov.cn/licence" in page
    assert document["licence"] == {
        "id": "gov-open",
        "title": "政府信息公开，可免费使用，请注明来源",
        "url": "https://example.gov.cn/licence",
    }
    licences = set(graph.objects(None, rdflib.DCTERMS.license))
    assert licences == {rdflib.URIRef("https://example.gov.cn/licence")}


DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")


def test_the_dcat_catalogue_parses_and_describes_every_dataset(world, client):
    response = client.get("/portal/data/catalog.jsonld")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/ld+json")
    graph = rdflib.Graph().parse(data=response.content, format="json-ld")
    catalogs = list(graph.subjects(rdflib.RDF.type, DCAT.Catalog))
    assert len(catalogs) == 1
    found = set(graph.objects(catalogs[0], DCAT.dataset))
    assert len(found) == len(KEYS)
    for node in found:
        identifier = str(graph.value(node, rdflib.DCTERMS.identifier))
        titles = {literal.language.lower(): str(literal) for literal in graph.objects(node, rdflib.DCTERMS.title)}
        assert set(titles) == {"zh-hans", "en"} and all(titles.values()), identifier
        assert graph.value(node, rdflib.DCTERMS.license) is not None, identifier
        assert graph.value(node, rdflib.DCTERMS.modified) is not None, identifier
        assert graph.value(node, rdflib.DCTERMS.publisher) is not None, identifier
        assert graph.value(node, rdflib.DCTERMS.spatial) is not None, identifier
        assert graph.value(node, rdflib.DCTERMS.temporal) is not None, identifier
        distributions = list(graph.objects(node, DCAT.distribution))
        assert len(distributions) == 3, identifier
        types = set()
        for distribution in distributions:
            download = graph.value(distribution, DCAT.downloadURL)
            assert download is not None and graph.value(distribution, DCAT.accessURL) is not None
            types.add(str(graph.value(distribution, DCAT.mediaType)).split("/media-types/", 1)[1])
            path = str(download).split("testserver", 1)[1]
            assert client.get(path).status_code == 200, path
        assert types == {
            "text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/json",
        }, identifier
    query = """
        PREFIX dcat: <http://www.w3.org/ns/dcat#>
        PREFIX dct: <http://purl.org/dc/terms/>
        SELECT ?dataset (COUNT(DISTINCT ?distribution) AS ?n) WHERE {
            ?dataset a dcat:Dataset ; dct:title ?title ; dct:license ?licence ; dct:modified ?modified ;
                     dcat:distribution ?distribution .
            ?distribution dcat:downloadURL ?url ; dcat:mediaType ?type .
        } GROUP BY ?dataset
    """
    counts = [int(row.n) for row in graph.query(query)]
    assert len(counts) == len(KEYS) and set(counts) == {3}


def test_a_dataset_alone_has_its_dcat(world, client):
    response = client.get("/portal/data/trainings-calendar.jsonld")
    graph = rdflib.Graph().parse(data=response.content, format="json-ld")
    node = next(graph.subjects(rdflib.RDF.type, DCAT.Dataset))
    assert str(graph.value(node, rdflib.DCTERMS.identifier)) == "trainings-calendar"
    period = graph.value(node, rdflib.DCTERMS.temporal)
    assert str(graph.value(period, DCAT.startDate)) == "2024-04-26"
    place = graph.value(node, rdflib.DCTERMS.spatial)
    assert str(graph.value(place, rdflib.DCTERMS.identifier)) == "350583"
    assert "Last-Modified" in response


def test_withdrawing_a_row_takes_it_out_and_moves_the_last_update(world, client, users):
    before = contract.found()["trainings-calendar"].modified(today())
    shown = Activity.objects.get(title="公开培训")
    activities.withdraw(shown, users["office"])
    assert read_json(client, "trainings-calendar")["rows"] == []
    assert contract.found()["trainings-calendar"].modified(today()) >= before
    assert "activity.withdrawn" in [event.kind for event in events_of(shown)]


# --- the office's marks --------------------------------------------------------------------------------------


def test_the_office_puts_an_activity_on_the_public_calendar_from_its_page(world, client_for, users):
    activity = Activity.objects.get(title="未公开培训")
    liaison = client_for("amr-liaison")
    page = liaison.get(f"/outreach/activities/{activity.pk}/").content.decode()
    assert 'value="publish"' not in page  # the organiser's liaison runs the activity; the calendar is the office's
    with pytest.raises(Exception):  # noqa: B017 - PermissionDenied, answered 403 by the step view
        activities.publish(activity, users["amr-liaison"])
    office = client_for("office")
    page = office.get(f"/outreach/activities/{activity.pk}/").content.decode()
    assert 'value="publish"' in page
    response = office.post(f"/outreach/activities/{activity.pk}/step/", {"step": "publish"})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.published_on == today()
    assert [e.kind for e in events_of(activity)][0] == "activity.published"


def test_the_office_publishes_an_indicator_from_its_page(world, client_for):
    first, second = readings(world)
    leader = client_for("leader")
    assert leader.post(f"/indicators/readings/{second.pk}/publish/", {"publish": "publish"}).status_code == 403
    office = client_for("office")
    page = office.get(f"/indicators/{second.indicator_id}/").content.decode()
    assert 'data-testid="reading-publish"' in page
    office.post(f"/indicators/readings/{second.pk}/publish/", {"publish": "publish"})
    second.refresh_from_db()
    assert second.published_on == today()
    assert [e.kind for e in events_of(second)][0] == "indicators.reading-published"
    office.post(f"/indicators/readings/{first.pk}/publish/", {"publish": "withdraw"})
    first.refresh_from_db()
    assert first.published_on is None
    names = [row["name"] for row in read_json(office, "indicators")["rows"]]
    assert names == [second.indicator.name]
