"""The public portal on a phone: a citizen without an account reads the office's notice from the home, files an
infringement complaint with a photo and keeps the tracking number; the market-supervision liaison accepts the
complaint and replies on protection's page; the citizen tracks the number, reads the answer and rates it. A visitor
downloads a published list in its three formats, reads each file, and reads its DCAT metadata as RDF. Every public
page on the way passes axe-core's WCAG 2.1 A and AA rules (axe read from node_modules by the test only, never served)
and scrolls no wider than the phone."""

import csv
import datetime
import io
import json
import re
from pathlib import Path

import openpyxl
import pytest
import rdflib
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from zhichan.core import datasets as contract
from zhichan.core.models import Unit, User
from zhichan.credit.services import serious
from zhichan.portal.services import news

from ..credit.conftest import load_reference as load_credit_reference
from ..files import image
from ..portal.conftest import load_catalogue
from ..services.factories import uscc
from .conftest import PHONE
from .test_enforcement import _step

pytestmark = pytest.mark.e2e

AXE = Path(settings.PROJECT_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MATTER = "某商场销售假冒我公司注册商标的水龙头，附现场照片。"
REPLY = "经核查，被投诉方已下架涉嫌侵权商品，我局已责令整改并将持续跟踪。"
NOTICE = "关于开展知识产权质押融资贴息申报工作的通知"
SERIOUS_LIST = "serious-dishonesty-list"
LISTED, UNPUBLISHED = "泉州某石材有限公司", "南安某卫浴有限公司"
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
MEDIA_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def _accessible(tab, name):
    """axe-core's WCAG 2.1 A and AA rules on the page as it is now: no violation, each one named if any."""
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: run `npm ci`", pytrace=False)
    # Evaluated through the DevTools protocol rather than added as a <script>: the portal's CSP refuses inline
    # scripts (add_script_tag), and bypassing the CSP would hide a violation by the pages' own scripts.
    tab.page.evaluate(AXE.read_text(encoding="utf-8"))
    result = tab.page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA)
    found = [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"])
        for violation in result["violations"]
    ]
    assert not found, f"{name}: WCAG 2.1 AA violations:\n" + "\n".join(found)


def _fits(tab):
    assert tab.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), tab.path()


def _answer(page):
    """The challenge's sum, read from its question (例：“3 加 4 等于几？”)."""
    first, second = map(int, re.findall(r"\d+", page.get_by_test_id("portal-question").inner_text()))
    return str(first + second)


def test_a_citizen_complains_on_a_phone_the_liaison_replies_and_the_citizen_reads_and_rates_it(open_tab, tmp_path):
    load_catalogue()
    photo = tmp_path / "现场照片.png"
    photo.write_bytes(image())
    notice = news.write(None, kind="notice", title=NOTICE, body="各有关企业：\n\n请于本月底前通过门户提交申请。")
    news.publish(notice, None)

    citizen = open_tab(PHONE)
    page = citizen.page
    citizen.go("/")
    expect(page).to_have_url(re.compile(r"/portal/$"))
    _accessible(citizen, "home")
    _fits(citizen)
    # The office's notice on the home, read on the phone.
    with page.expect_navigation():
        page.get_by_role("link", name=NOTICE).click()
    expect(page.get_by_test_id("portal-news-body")).to_contain_text("请于本月底前通过门户提交申请。")
    _accessible(citizen, "news item")
    _fits(citizen)
    citizen.go("/portal/")
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="全部服务事项").click()
    _accessible(citizen, "services")
    _fits(citizen)
    with page.expect_navigation():
        page.get_by_test_id("portal-service-complaint").click()
    form = page.get_by_test_id("portal-request-form")
    expect(form).to_be_visible()
    _accessible(citizen, "complaint form")

    # Sent with a wrong answer and no phone nor e-mail: the errors show, and what was typed stays.
    page.fill("#id_name", "张三")
    page.fill("#id_matter", MATTER)
    page.select_option("#id_q_ip_type", "trademark")
    page.fill("#id_q_respondent", "南安某商场")
    page.fill("#id_answer", str(int(_answer(page)) + 1))
    with page.expect_navigation():
        page.get_by_test_id("portal-submit").click()
    expect(page.get_by_test_id("portal-form-errors")).to_be_visible()
    expect(page.locator("#id_phone")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_answer")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_name")).to_have_value("张三")
    expect(page.locator("#id_matter")).to_have_value(MATTER)
    expect(page.locator("#id_q_ip_type")).to_have_value("trademark")
    _accessible(citizen, "complaint form with errors")
    _fits(citizen)

    page.fill("#id_phone", "13900000000")
    page.set_input_files("#id_files", str(photo))
    page.fill("#id_answer", _answer(page))
    with page.expect_navigation():
        page.get_by_test_id("portal-submit").click()
    made = page.get_by_test_id("portal-made")
    expect(made).to_be_visible()
    number = page.locator(".portal-number").inner_text().strip()
    assert re.fullmatch(r"\d{4}-[2-9A-HJ-NP-Z]{8}", number), number
    expect(page.get_by_test_id("portal-state")).to_have_attribute("data-state", "received")
    expect(page.get_by_test_id("portal-clock")).to_contain_text("到期")
    _accessible(citizen, "status, just made")
    _fits(citizen)
    assert citizen.console_errors() == []

    # The liaison of the market-supervision bureau finds it among the public requests and opens the complaint.
    today = timezone.localdate().isoformat()
    liaison = open_tab(PHONE)
    liaison.sign_in("amr-liaison")
    liaison.go("/portal/requests/")
    with liaison.page.expect_navigation():
        liaison.page.get_by_test_id("portal-requests").get_by_role("link", name=number).click()
    expect(liaison.page.get_by_test_id("requester")).to_contain_text("13900000000")
    expect(liaison.page.get_by_role("link", name=photo.name)).to_be_visible()  # the photo, kept on the complaint
    expect(liaison.page.get_by_test_id("landed")).to_be_visible()
    with liaison.page.expect_navigation():
        liaison.page.get_by_test_id("landed").get_by_role("link").click()
    expect(liaison.page.get_by_test_id("complaint-state")).to_be_visible()
    expect(liaison.page.locator("body")).to_contain_text(MATTER)
    _step(liaison, "accept", {"day": today})
    expect(liaison.page.get_by_test_id("complaint-state")).to_contain_text("已受理")
    _step(liaison, "reply", {"day": today, "text": REPLY})
    assert liaison.console_errors() == []

    # The citizen tracks the number on the phone, reads the answer and rates it.
    citizen.go("/portal/")
    if page.locator(".navbar-toggler").is_visible():
        page.locator(".navbar-toggler").click()
    with page.expect_navigation():
        page.get_by_test_id("portal-track-link").click()
    _accessible(citizen, "track")
    page.fill("#id_number", number.lower())  # typed as it was read aloud: the case does not matter
    with page.expect_navigation():
        page.get_by_test_id("portal-track-form").get_by_role("button").click()
    expect(page.get_by_test_id("portal-state")).to_have_attribute("data-state", "answered")
    expect(page.get_by_test_id("portal-answer")).to_contain_text(REPLY)
    expect(page.locator("main")).not_to_contain_text("13900000000")
    expect(page.locator("main")).not_to_contain_text("张三")
    _accessible(citizen, "status, answered")
    _fits(citizen)
    page.locator("label[for='rating-5']").click()
    page.fill("#id_comment", "答复及时，很满意")
    with page.expect_navigation():
        page.get_by_test_id("portal-rate").click()
    expect(page.get_by_test_id("portal-rated")).to_contain_text("5")
    _accessible(citizen, "status, rated")
    _fits(citizen)
    citizen.screenshot("portal-rated-390")
    assert citizen.console_errors() == []


def test_the_office_adds_a_question_on_a_phone_and_the_public_form_asks_it(open_tab):
    load_catalogue()
    office = open_tab(PHONE)
    office.sign_in("office")
    office.go("/portal/catalogue/patent-search/")
    new = office.page.get_by_test_id("question-2")  # the first blank row, after the service's one question
    new.locator("[name='questions-1-label']").fill("希望何时完成")
    new.locator("[name='questions-1-type']").select_option("choice")
    expect(new.locator("[name='questions-1-choices']")).to_be_visible()  # choices only for a choice
    new.locator("[name='questions-1-type']").select_option("date")
    expect(new.locator("[name='questions-1-choices']")).to_be_hidden()
    _accessible(office, "service edit")
    _fits(office)
    office.screenshot("service-questions-390")
    with office.page.expect_navigation():
        office.page.get_by_test_id("service-form").get_by_role("button", name="保存").click()
    expect(office.page).to_have_url(re.compile(r"/portal/catalogue/$"))
    assert office.console_errors() == []

    citizen = open_tab(PHONE)
    citizen.go("/portal/services/patent-search/")
    expect(citizen.page.get_by_label("希望何时完成")).to_have_attribute("type", "date")


def _published_listings():
    """One listing the office published and one it did not, both on the list."""
    load_credit_reference()
    amr, office = Unit.objects.get(key="amr"), User.objects.get(username="office")
    listed_on = timezone.localdate() - datetime.timedelta(days=100)
    for n, name in enumerate((LISTED, UNPUBLISHED), start=1):
        entry = serious.list_subject(
            None,
            unit=amr,
            subject_kind="enterprise",
            subject_name=name,
            credit_code=uscc(n, "91350583MA6E"),
            decision_number=f"南市监列〔{listed_on.year}〕{n}号",
            listed_on=listed_on,
            reasons="故意侵犯知识产权",
        )
        if name == LISTED:
            serious.publish_listing(entry, office, listed_on)
    return listed_on


def test_a_visitor_on_a_phone_downloads_a_dataset_in_three_formats_and_reads_its_dcat(open_tab):
    listed_on = _published_listings()
    found = contract.found()[SERIOUS_LIST]
    labels = [str(column.label) for column in found.columns]
    modified = timezone.localtime(found.modified(timezone.localdate()))
    amr = Unit.objects.get(key="amr")

    visitor = open_tab(PHONE)
    page = visitor.page
    visitor.go("/portal/data/")
    _accessible(visitor, "open data")
    with page.expect_navigation():
        page.get_by_test_id(f"portal-dataset-{SERIOUS_LIST}").click()
    expect(page.get_by_test_id("portal-dataset-title")).to_have_text(str(found.title))
    expect(page.locator("main")).to_contain_text(str(found.description))
    about = page.get_by_test_id("portal-dataset-about")
    for shown in (amr.name, "CC BY 4.0", "南安市", "350583", f"{listed_on:%Y-%m-%d}"):
        expect(about).to_contain_text(shown)
    expect(page.get_by_test_id("portal-dataset-modified")).to_contain_text(f"{modified:%Y-%m-%d %H:%M}")
    expect(page.get_by_test_id("portal-dataset-cards")).to_contain_text(LISTED)
    expect(page.locator("main")).not_to_contain_text(UNPUBLISHED)
    _accessible(visitor, "dataset")
    _fits(visitor)
    visitor.screenshot("portal-dataset-390")

    files, links = {}, {}
    for suffix in ("csv", "xlsx", "json"):
        link = page.get_by_test_id(f"download-{suffix}")
        links[suffix] = visitor.base_url + link.get_attribute("href")
        with page.expect_download() as caught:
            link.click()
        assert caught.value.suggested_filename.endswith(f"-{SERIOUS_LIST}-{timezone.localdate():%Y%m%d}.{suffix}")
        files[suffix] = Path(caught.value.path()).read_bytes()

    table = list(csv.reader(io.StringIO(files["csv"].decode("utf-8-sig"))))
    assert table[0] == labels
    assert [row[0] for row in table[1:]] == [LISTED]
    sheet = openpyxl.load_workbook(io.BytesIO(files["xlsx"])).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)][1:]  # below the note line: the header
    assert rows[0] == labels and [row[0] for row in rows[1:]] == [LISTED]
    document = json.loads(files["json"])
    assert document["key"] == SERIOUS_LIST and document["count"] == 1
    assert [row["subject_name"] for row in document["rows"]] == [LISTED]
    assert UNPUBLISHED not in files["csv"].decode("utf-8-sig") + files["json"].decode("utf-8")

    dcat_link = about.locator("a[href$='.jsonld']")
    response = page.request.get(visitor.base_url + dcat_link.get_attribute("href"))
    assert response.ok and response.headers["content-type"].startswith("application/ld+json")
    graph = rdflib.Graph().parse(data=response.body(), format="json-ld")
    (node,) = graph.subjects(rdflib.RDF.type, DCAT.Dataset)
    assert str(graph.value(node, rdflib.DCTERMS.identifier)) == SERIOUS_LIST
    assert graph.value(node, rdflib.DCTERMS.license) == rdflib.URIRef(settings.ZHICHAN_OPEN_DATA_LICENCE_URL)
    publisher = graph.value(node, rdflib.DCTERMS.publisher)
    assert amr.name in {str(name) for name in graph.objects(publisher, rdflib.FOAF.name)}
    distributions = {
        str(graph.value(distribution, DCAT.mediaType)).rsplit("/media-types/", 1)[1]: distribution
        for distribution in graph.objects(node, DCAT.distribution)
    }
    assert set(distributions) == set(MEDIA_TYPES.values())
    for suffix, media_type in MEDIA_TYPES.items():
        distribution = distributions[media_type]
        assert graph.value(distribution, DCAT.downloadURL) == rdflib.URIRef(links[suffix])
        assert graph.value(distribution, rdflib.DCTERMS.license) == rdflib.URIRef(
            settings.ZHICHAN_OPEN_DATA_LICENCE_URL
        )
    assert visitor.console_errors() == []
