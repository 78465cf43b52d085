"""The report page keeps what is typed: one form for text, figure rows and evidence; submit saves first; the draft
is saved as the user types; errors show the form again with the typed text; long forms warn before leaving."""

import importlib
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from zhichan.programme.models import ProgressReport
from zhichan.programme.services import reporting

from ..files import PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(task, q1, users):
    amr = task.assignments.get(role="lead").unit
    return reporting.open_report(task, amr, q1, users["amr-liaison"])


def typed(**changes):
    form = {
        "narrative": "召开专题会议两次，明确专职人员。",
        "percent": "40",
        "figure_name": ["培训场次", "参训人数", ""],
        "figure_value": ["3", "1,200", ""],
        "figure_unit": ["场", "人", ""],
        "action": "save",
    }
    return {**form, **changes}


def test_pressing_submit_saves_what_is_typed_and_submits(client_for, report):
    response = client_for("amr-liaison").post(report.get_absolute_url(), typed(action="submit"))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == "submitted" and report.narrative == "召开专题会议两次，明确专职人员。"
    assert report.figures == [
        {"name": "培训场次", "value": 3, "unit": "场"},
        {"name": "参训人数", "value": 1200, "unit": "人"},
    ]


def test_submitting_without_progress_keeps_the_typed_figures_on_the_page(client_for, report):
    response = client_for("amr-liaison").post(report.get_absolute_url(), typed(narrative="", action="submit"))
    html = response.content.decode()
    assert response.status_code == 200 and "请先填写工作进展再提交。" in html
    assert 'value="参训人数"' in html and 'value="1,200"' in html and "data-unsaved-dirty" in html
    report.refresh_from_db()
    assert report.state == "draft" and report.figures[1]["value"] == 1200  # the draft itself was kept


def test_attaching_a_file_saves_the_typed_text_with_it(client_for, report):
    client = client_for("amr-liaison")
    upload = typed(action="upload", file=SimpleUploadedFile("签到表.pdf", PDF))
    assert client.post(report.get_absolute_url(), upload).status_code == 302
    report.refresh_from_db()
    assert report.narrative.startswith("召开专题会议") and report.evidence.get().name == "签到表.pdf"
    html = client.get(report.get_absolute_url()).content.decode()
    assert "召开专题会议两次" in html and "签到表.pdf" in html


def test_a_figure_that_is_not_a_number_names_its_row_and_field(client_for, report):
    form = typed(figure_value=["3", "一千二", ""], file=SimpleUploadedFile("签到表.pdf", PDF))
    html = client_for("amr-liaison").post(report.get_absolute_url(), form).content.decode()
    assert "第 2 行数据，数值：“一千二”不是数字。" in html
    assert "文件未上传" in html
    assert "召开专题会议两次，明确专职人员。" in html and 'value="一千二"' in html  # nothing typed is lost
    report.refresh_from_db()
    assert report.narrative == "" and not report.evidence.exists()


def test_a_figure_without_a_name_is_refused(client_for, report):
    form = typed(figure_name=["培训场次", "", ""])
    html = client_for("amr-liaison").post(report.get_absolute_url(), form).content.decode()
    assert "第 2 行数据，名称：请填写名称。" in html


def test_rows_are_shown_one_per_figure_plus_an_empty_one(client_for, report):
    client = client_for("amr-liaison")
    client.post(report.get_absolute_url(), typed())
    html = client.get(report.get_absolute_url()).content.decode()
    assert html.count('name="figure_value"') == 4  # two figures, the empty row, the row template
    assert 'value="1200"' in html and 'value="3"' in html


def test_the_draft_is_saved_as_the_user_types(client_for, report):
    client = client_for("amr-liaison")
    response = client.post(report.get_absolute_url(), typed(), HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and response["HX-Trigger"] == "zhichan:saved"
    assert "草稿已于" in response.content.decode()
    report.refresh_from_db()
    assert report.percent == 40 and len(report.figures) == 2
    saves = report.history.count()
    client.post(report.get_absolute_url(), typed(), HTTP_HX_REQUEST="true")
    assert report.history.count() == saves  # nothing changed, nothing written


def test_the_draft_is_not_saved_with_a_bad_figure_and_says_why(client_for, report):
    form = typed(figure_value=["三", "", ""])
    response = client_for("amr-liaison").post(report.get_absolute_url(), form, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "HX-Trigger" not in response and "草稿未保存：" in html and "第 1 行数据，数值：" in html
    assert "第 2 行数据，数值：请填写数字。" in html


def test_a_submitted_report_is_not_changed_by_a_late_autosave(client_for, report):
    client = client_for("amr-liaison")
    client.post(report.get_absolute_url(), typed(action="submit"))
    client.post(report.get_absolute_url(), typed(narrative="改"), HTTP_HX_REQUEST="true")
    report.refresh_from_db()
    assert report.state == "submitted" and report.narrative.startswith("召开")


def test_evidence_is_removed_in_place(client_for, report, users):
    reporting.attach(report, users["amr-liaison"], SimpleUploadedFile("照片.pdf", PDF))
    evidence = report.evidence.get()
    client = client_for("amr-liaison")
    response = client.post(reverse("evidence-delete", args=[evidence.pk]), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and 'id="evidence-list"' in html and "照片.pdf" not in html
    assert not report.evidence.exists()


def test_the_report_form_is_one_form_with_the_unsaved_changes_warning(client_for, report):
    html = client_for("amr-liaison").get(report.get_absolute_url()).content.decode()
    assert "core/unsaved.js" in html and "programme/report.js" in html
    assert html.count(' id="report-form"') == 1 and 'enctype="multipart/form-data"' in html
    assert 'form="report-form"' in html  # the file input and the attach button belong to the report form
    form = html.split(' id="report-form"', 1)[1].split(">", 1)[0]
    assert "data-warn-unsaved" in form and "hx-post" in form


def test_the_review_note_and_task_forms_warn_before_leaving(client_for, report, task):
    client_for("amr-liaison").post(report.get_absolute_url(), typed(action="submit"))
    office = client_for("office")
    review = office.get(report.get_absolute_url()).content.decode()
    assert 'id="review-form" data-warn-unsaved' in review
    page = office.get(task.get_absolute_url()).content.decode()
    for testid in ('data-testid="unit-plan-form" data-warn-unsaved',):
        assert testid in page
    assert page.count("data-warn-unsaved") >= 3  # work plan, schedule, milestone


def test_the_export_lists_figures_as_numbers(client_for, report, task):
    client_for("amr-liaison").post(report.get_absolute_url(), typed())
    response = client_for("office").get(
        reverse("programme-reports-export", args=[task.programme.pk]), {"period": report.period_start.isoformat()}
    )
    book = load_workbook(io.BytesIO(response.content))
    assert len(book.worksheets) == 2
    rows = list(book.worksheets[1].iter_rows(values_only=True))
    figures = [row[-3:] for row in rows if row[-3:][0] in ("培训场次", "参训人数")]
    assert figures == [("培训场次", 3, "场"), ("参训人数", 1200, "人")]
    assert "培训场次: 3 场" in str(list(book.worksheets[0].iter_rows(values_only=True)))


MIGRATION = importlib.import_module("zhichan.programme.migrations.0003_report_figures_as_rows")


@pytest.mark.parametrize(
    "before, after",
    [
        (
            "培训场次: 3 场\n参训人数：1,200 人",
            [
                {"name": "培训场次", "value": 3, "unit": "场"},
                {"name": "参训人数", "value": 1200, "unit": "人"},
            ],
        ),
        (["专利导航项目 2 个"], [{"name": "专利导航项目 2 个", "value": None, "unit": ""}]),
        ([{"name": "质押金额", "value": "1.5", "unit": "亿元"}], [{"name": "质押金额", "value": 1.5, "unit": "亿元"}]),
        ([{"name": "培训场次", "value": 3, "unit": "场"}], [{"name": "培训场次", "value": 3, "unit": "场"}]),
        ([], []),
    ],
)
def test_free_text_figures_become_rows(before, after):
    assert MIGRATION._rows(before) == after


def test_a_row_kept_from_free_text_must_get_a_number_on_the_next_save(client_for, report):
    ProgressReport.objects.filter(pk=report.pk).update(
        figures=[{"name": "专利导航项目 2 个", "value": None, "unit": ""}]
    )
    client = client_for("amr-liaison")
    assert 'value="专利导航项目 2 个"' in client.get(report.get_absolute_url()).content.decode()
    form = typed(figure_name=["专利导航项目 2 个"], figure_value=[""], figure_unit=[""])
    assert "第 1 行数据，数值：请填写数字。" in client.post(report.get_absolute_url(), form).content.decode()
