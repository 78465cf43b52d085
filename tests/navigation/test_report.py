"""The navigation report, built once on the seven valve patents (factories.py) with three analyses, each drawn as a
chart: read back as Word (python-docx, then laid out by LibreOffice) and as PDF (pypdf), kept with the set's
navigation project, shown on its page; who may build it; the form refused with the office's text kept; charts
made fit for a picture. Node is started by the one test that builds."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import override_settings
from django.urls import reverse

from zhichan.core.events import events_of
from zhichan.core.models import Attachment
from zhichan.documents import charts
from zhichan.documents.files import DOCX, PDF
from zhichan.navigation.events import REPORT_BUILT
from zhichan.navigation.services import report
from zhichan.navigation.services.analyses import analyse

from ..documents.tools import pdf_pages, to_pdf_with_libreoffice, word
from ..projects.factories import make_project
from .factories import make_valves

pytestmark = pytest.mark.django_db

SECTIONS = ["legal_status", "trend", "applicants"]  # built in the catalogue's order whatever the order ticked
TEXTS = {
    "trend": "申请量在2019年至2021年间保持稳定。",
    "applicants": "甲阀门有限公司是本领域的主要申请人。",
    "introduction": "本报告为阀门产业导航的测试报告。",
    "heat_map": "未选的分析，其文字不进入报告。",
}


@pytest.fixture
def valves(db):
    project = make_project(kind="navigation", navigation_type="industry", title="阀门产业专利导航")
    return make_valves(project=project)


def test_the_report_holds_the_definition_the_offices_texts_charts_and_tables_and_is_kept_with_the_project(
    users, valves, client_for, tmp_path
):
    told = []
    built = report.build_report(
        valves, users["office"], sections=SECTIONS, texts=TEXTS, progress=lambda *step: told.append(step)
    )
    titles = [analyse(valves, key).title for key in ("trend", "applicants", "legal_status")]

    document = word(built.word.file.read())
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert valves.name in texts[0] and valves.project.title in texts
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[2:] == [f"{number} {title}" for number, title in enumerate(titles, start=3)]
    assert TEXTS["trend"] in texts and TEXTS["applicants"] in texts and TEXTS["introduction"] in texts
    assert TEXTS["heat_map"] not in texts
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert {"甲阀门有限公司", "7", "2019"} <= cells  # an applicant, the set's patents, a year
    assert len(document.inline_shapes) == 3  # a chart for each analysis

    laid_out = pdf_pages(to_pdf_with_libreoffice(tmp_path, ("report", built.word.file.open("rb").read()))["report"])
    assert valves.name in laid_out[0] and any(TEXTS["applicants"] in page for page in laid_out)

    printed = "".join(pdf_pages(built.pdf.file.open("rb").read()))
    assert report.title_of(valves) in printed and TEXTS["trend"] in printed

    kept = Attachment.objects.on(valves.project)
    assert {(a.pk, a.content_type, a.kind) for a in kept} == {
        (built.word.pk, DOCX, "deliverables:results"),
        (built.pdf.pk, PDF, "deliverables:results"),
    }
    event = events_of(valves).get(kind=REPORT_BUILT.key)
    assert event.data["sections"] == ["trend", "applicants", "legal_status"] and event.user == users["office"]
    assert told[-1][0] == told[-1][1] == 2 * len(SECTIONS) + 2

    page = client_for("amr-liaison").get(reverse("patent-set-report", args=[valves.pk]))  # the project's unit
    assert page.status_code == 200 and b'data-testid="report-form"' not in page.content
    for attachment in (built.word, built.pdf):
        assert reverse("attachment-download", args=[attachment.pk]).encode() in page.content
        assert client_for("amr-liaison").get(reverse("attachment-download", args=[attachment.pk])).status_code == 200


def test_only_the_office_builds_a_report(users, valves, client_for):
    liaison = users["amr-liaison"]  # reads the set: its unit's project
    with pytest.raises(PermissionDenied):
        report.build_report(valves, liaison, sections=["trend"], texts={})
    with pytest.raises(PermissionDenied):
        report.check(valves, liaison, sections=["trend"])
    url = reverse("patent-set-report", args=[valves.pk])
    assert client_for("amr-liaison").post(url, {"sections": ["trend"], "level": "subclass"}).status_code == 403
    assert not events_of(valves).filter(kind=REPORT_BUILT.key).exists()


def test_a_refused_form_keeps_the_offices_text_and_offers_only_what_the_set_can_feed(valves, client_for):
    url = reverse("patent-set-report", args=[valves.pk])
    answer = client_for("office").post(
        url, {"level": "subclass", "text_trend": "<b>保留的文字</b>", "text_conclusions": "结论"}
    )
    assert answer.status_code == 400
    assert "&lt;b&gt;保留的文字&lt;/b&gt;</textarea>" in answer.content.decode()
    assert "结论</textarea>" in answer.content.decode()
    assert answer.context["form"].errors["sections"]
    sections = {section["found"].key: section for section in answer.context["sections"]}
    assert not sections["high_value"]["enabled"] and sections["trend"]["enabled"]  # an imported set: no categories
    refused = client_for("office").post(url, {"level": "subclass", "sections": ["high_value"]})
    assert refused.status_code == 400 and not events_of(valves).filter(kind=REPORT_BUILT.key).exists()


def test_a_chart_is_made_fit_for_a_picture_and_a_missing_node_is_said():
    option = {
        "tooltip": {"trigger": "axis"},
        "legend": {"type": "scroll"},
        "xAxis": {"type": "category", "data": ["function", "2020"], "axisLabel": {"formatter": "function (v) {}"}},
        "series": [
            {"type": "bar", "data": [{"value": 1, "drill": "year=2019"}, 2]},
            {"type": "graph", "layout": "force", "roam": True, "data": [{"name": "甲"}], "links": []},
        ],
    }
    still = charts.still(option)
    assert "tooltip" not in still and still["animation"] is False and still["legend"]["type"] == "plain"
    assert still["xAxis"]["data"] == ["function", "2020"] and "formatter" not in still["xAxis"]["axisLabel"]
    assert still["series"][0]["data"] == [{"value": 1}, 2]
    assert still["series"][1]["roam"] is False and still["series"][1]["force"]["layoutAnimation"] is False
    with override_settings(NODE_COMMAND="no-such-node-here"), pytest.raises(charts.ChartError, match="node"):
        charts.render([option])
