"""Register pages for each role: what is listed, what opens, the synthetic badge, the portfolio, the home page."""

import re

import pytest
from django.urls import reverse

from .registers import make_registers

pytestmark = pytest.mark.django_db

BADGE = "演示数据（虚构）"


@pytest.fixture
def registers(db):
    return make_registers()


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


LISTS = [
    ("patent-list", "own_patent", "other_patent", "application_number"),
    ("trademark-list", "own_trademark", "other_trademark", "registration_number"),
    ("copyright-list", "own_copyright", "other_copyright", "registration_number"),
    ("gi-list", "own_gi", "other_gi", "name"),
    ("enterprise-list", "own", "other", "name"),
]
DETAILS = {
    "patent-detail": ("own_patent", "other_patent"),
    "trademark-detail": ("own_trademark", "other_trademark"),
    "copyright-detail": ("own_copyright", "other_copyright"),
    "gi-detail": ("own_gi", "other_gi"),
    "enterprise-detail": ("own", "other"),
}


@pytest.mark.parametrize(("url_name", "own", "other", "label"), LISTS)
@pytest.mark.parametrize(
    ("username", "sees_own", "sees_other"),
    [
        ("office", True, True),
        ("leader", True, True),
        ("amr-liaison", True, True),  # a county-wide member unit
        ("shuitou-liaison", True, False),
        ("enterprise", True, False),
    ],
)
def test_lists_show_what_the_scope_allows(
    registers, client_for, url_name, own, other, label, username, sees_own, sees_other
):
    page = html(client_for(username).get(reverse(url_name)))
    assert (getattr(getattr(registers, own), label) in page) is sees_own
    assert (getattr(getattr(registers, other), label) in page) is sees_other


@pytest.mark.parametrize("url_name", sorted(DETAILS))
def test_detail_pages_answer_404_outside_the_scope(registers, client_for, url_name):
    own, other = (getattr(registers, name) for name in DETAILS[url_name])
    for username in ("enterprise", "shuitou-liaison"):
        client = client_for(username)
        assert client.get(reverse(url_name, args=[own.pk])).status_code == 200
        assert client.get(reverse(url_name, args=[other.pk])).status_code == 404
    office = client_for("office")
    assert office.get(reverse(url_name, args=[other.pk])).status_code == 200


def test_the_public_is_sent_to_sign_in(registers, client):
    response = client.get(reverse("patent-list"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_synthetic_records_carry_the_badge_everywhere(registers, client_for):
    client = client_for("office")
    for url_name, _own, _other, _label in LISTS:
        page = html(client.get(reverse(url_name) + "?synthetic=true"))
        assert BADGE in page, url_name
        page = html(client.get(reverse(url_name) + "?synthetic=false"))
        assert BADGE not in page.split("<main", 1)[1], url_name
    for url_name, (own, other) in DETAILS.items():
        assert BADGE in html(client.get(reverse(url_name, args=[getattr(registers, own).pk]))), url_name
        page = html(client.get(reverse(url_name, args=[getattr(registers, other).pk])))
        assert BADGE not in page.split('data-testid="portfolio-title"')[-1].split("</h1>")[0]


def test_patent_detail_shows_validity_term_annuity_events_and_holders(registers, client_for):
    page = html(client_for("office").get(reverse("patent-detail", args=[registers.own_patent.pk])))
    assert "有效" in page  # valid today
    assert "2036-04-27" in page  # filed 2016-04-28, 20 years: last day in force
    assert re.search(r'data-testid="next-annuity">\d{4}-04-28<', page)
    assert "授权" in page
    assert reverse("enterprise-detail", args=[registers.own.pk]) in page
    assert "E04F 15/02" in page and "水头镇" in page


def test_lapsed_patent_shows_why(registers, client_for):
    page = html(client_for("office").get(reverse("patent-detail", args=[registers.other_patent.pk])))
    assert "未缴年费专利权终止" in page and "2017-03-05" in page
    # Chinese punctuation on a Chinese page: 登记原文：…, 今日法律状态（…）.
    assert "登记原文：未缴年费专利权终止" in page and "今日法律状态（" in page
    assert not re.search(r"[\u3400-\u9fff][;:()]|[;:()][\u3400-\u9fff]", page.split('data-testid="validity"')[1][:2000])
    assert 'data-testid="next-annuity">—<' in page


def test_trademark_detail_shows_term_end(registers, client_for):
    page = html(client_for("office").get(reverse("trademark-detail", args=[registers.other_trademark.pk])))
    assert "2030-01-09" in page  # registered 2010-01-10, renewed once
    assert "马德里" in page or "Madrid" in page


def test_portfolio_of_an_enterprise(registers, client_for):
    page = html(client_for("enterprise").get(reverse("enterprise-detail", args=[registers.own.pk])))
    assert "南安示例石材有限公司" in page
    assert registers.own_patent.application_number in page
    assert "水头石韵" in page and "石材纹理图案集" in page and "水头石材" in page
    assert "知识产权部" in page and "泉知〔2022〕1号" in page
    assert "发明专利" in page
    assert 'data-testid="coming-due"' in page and "年费" in page
    assert registers.other_patent.application_number not in page


def test_enterprise_user_sees_its_portfolio_from_the_workbench_and_the_home(registers, client_for):
    client = client_for("enterprise")
    link = reverse("enterprise-detail", args=[registers.own.pk])
    workbench = html(client.get("/"))
    assert 'data-testid="portfolio-panel"' in workbench and link in workbench
    assert link in html(client.get(reverse("registry-home")))


def test_home_counts_follow_the_scope(registers, client_for):
    def figures(username):
        page = html(client_for(username).get(reverse("registry-home")))
        return [int(n) for n in re.findall(r'class="display-6">([\d,]+)<', page)]

    # valid inventions, patents, valid trademarks, copyrights, GIs, enterprises
    assert figures("office")[:1] == [1] and figures("office")[1] >= 2
    assert figures("enterprise") == [1, 1, 1, 1, 1, 1]


def test_registry_is_in_the_menu_and_no_longer_coming(client_for):
    page = html(client_for("office").get("/"))
    assert reverse("registry-home") in page
    assert "知识产权登记" in page


def _more_patents(registers, count):
    from datetime import date

    from zhichan.registry.models import PatentEvent
    from zhichan.registry.services.entries import create_patent

    from .registers import patent_number

    for serial in range(count):
        patent, _ = create_patent(
            None,
            patent_number(2019, "2", 500000 + serial),
            title=f"石材加工设备{serial}",
            filing_date=date(2019, 1, 2),
            grant_date=date(2019, 8, 1),
            region=registers.own.region,
            holders=[registers.own, registers.other],
        )
        PatentEvent.objects.create(patent=patent, date=date(2019, 8, 1), kind="grant")


@pytest.mark.parametrize("url_name", ["patent-list", "enterprise-detail", "patent-export"])
def test_pages_cost_no_query_per_row(registers, client_for, url_name):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    args = [registers.own.pk] if url_name == "enterprise-detail" else []
    client = client_for("enterprise")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(url_name, args=args)).status_code == 200
        return len(captured)

    few = queries()
    _more_patents(registers, 30)
    assert queries() == few


def test_enterprise_detail_shows_its_history_and_events(registers, client_for, users):
    from zhichan.registry.services.entries import save_entry

    save_entry(users["office"], registers.own, {"address": "水头镇五里桥"})
    page = html(client_for("office").get(reverse("enterprise-detail", args=[registers.own.pk])))
    assert "修改记录" in page and "更正登记" in page
