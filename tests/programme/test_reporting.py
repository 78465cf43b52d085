import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from zhichan.core.models import Attachment
from zhichan.programme.models import ProgressReport
from zhichan.programme.services import reporting

from ..files import PDF, PNG

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def pdf(name="进展证明.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_the_whole_cycle(task, q1, users):
    liaison, office = users["amr-liaison"], users["office"]
    amr = task.assignments.get(role="lead").unit
    report = reporting.open_report(task, amr, q1, liaison)
    assert report.state == "draft" and report.period_end == q1.end
    with pytest.raises(ValidationError):
        reporting.submit(report, liaison)  # nothing written yet
    reporting.save_report(
        report,
        liaison,
        narrative="已明确专职人员。",
        percent=40,
        figures=[{"name": "专职人员", "value": 2, "unit": "人"}],
    )
    reporting.attach(report, liaison, pdf())
    reporting.submit(report, liaison)
    assert report.state == "submitted" and report.submitted_at
    with pytest.raises(ValidationError):
        reporting.save_report(report, liaison, narrative="改", percent=50, figures=[])
    with pytest.raises(ValidationError):
        reporting.send_back(report, office, "   ")  # a reason is required
    reporting.send_back(report, office, "请补充人员名单。")
    assert report.state == "returned" and report.review_note == "请补充人员名单。"
    reporting.save_report(report, liaison, narrative="已补充名单。", percent=50, figures=[])
    reporting.submit(report, liaison)
    reporting.accept(report, office)
    report.refresh_from_db()
    assert report.state == "accepted" and report.reviewed_by == office
    states = list(report.history.order_by("history_date").values_list("state", flat=True))
    assert states[-1] == "accepted" and "returned" in states  # the audit trail keeps every step


def test_a_liaison_cannot_report_for_another_unit(task, q1, users):
    court = task.assignments.get(role="co").unit
    with pytest.raises(PermissionDenied):
        reporting.open_report(task, court, q1, users["amr-liaison"])
    report = reporting.open_report(task, court, q1, users["court-liaison"])
    with pytest.raises(PermissionDenied):
        reporting.save_report(report, users["amr-liaison"], narrative="x", percent=1, figures=[])
    with pytest.raises(PermissionDenied):
        reporting.submit(report, users["amr-liaison"])


def test_only_assigned_units_report(task, q1, users):
    from zhichan.core.models import Unit

    with pytest.raises(ValidationError):
        reporting.open_report(task, Unit.objects.get(key="region-350583119"), q1, users["shuitou-liaison"])


def test_only_the_office_reviews(task, q1, users):
    report = reporting.open_report(task, task.assignments.get(role="lead").unit, q1, users["amr-liaison"])
    reporting.save_report(report, users["amr-liaison"], narrative="x", percent=1, figures=[])
    reporting.submit(report, users["amr-liaison"])
    for username in ["amr-liaison", "leader"]:
        with pytest.raises(PermissionDenied):
            reporting.accept(report, users[username])


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("a.exe", b"MZ...", "is a program"),
        ("fake.pdf", b"MZ\x90\x00 not a pdf", "is a program"),
        ("notes.txt", b"plain text", "files of this type are not accepted"),
        ("photo.png", PDF, "does not contain what its name says"),
        ("fake.docx", b"plain text", "does not contain what its name says"),
        ("empty.pdf", b"", "is empty"),
    ],
)
def test_evidence_type_is_checked_by_content(task, q1, users, name, content, problem):
    report = reporting.open_report(task, task.assignments.get(role="lead").unit, q1, users["amr-liaison"])
    with pytest.raises(ValidationError) as error:
        reporting.attach(report, users["amr-liaison"], SimpleUploadedFile(name, content))
    assert problem in str(error.value) and not Attachment.objects.exists()


def test_evidence_size_is_limited(task, q1, users, settings):
    settings.ATTACHMENT_MAX_MB = 1
    report = reporting.open_report(task, task.assignments.get(role="lead").unit, q1, users["amr-liaison"])
    with pytest.raises(ValidationError) as error:
        reporting.attach(report, users["amr-liaison"], pdf(content=PDF + b"0" * (1024 * 1024)))
    assert "the limit is 1 MB" in str(error.value)


def test_office_documents_and_images_are_accepted(task, q1, users):
    import io

    from openpyxl import Workbook

    report = reporting.open_report(task, task.assignments.get(role="lead").unit, q1, users["amr-liaison"])
    buffer = io.BytesIO()
    Workbook().save(buffer)
    reporting.attach(report, users["amr-liaison"], SimpleUploadedFile("台账.xlsx", buffer.getvalue()))
    reporting.attach(report, users["amr-liaison"], SimpleUploadedFile("照片.png", PNG))
    assert sorted(Attachment.objects.values_list("name", flat=True)) == ["台账.xlsx", "照片.png"]


def test_reports_are_unique_per_task_unit_and_period(task, q1, users):
    amr = task.assignments.get(role="lead").unit
    first = reporting.open_report(task, amr, q1, users["amr-liaison"])
    assert reporting.open_report(task, amr, q1, users["amr-liaison"]).pk == first.pk
    assert ProgressReport.objects.count() == 1


@pytest.mark.parametrize(
    "figures",
    [{"name": "x"}, [{"name": "x", "value": "3"}], [{"value": 3}], [{"name": "x", "value": True}], ["x"]],
)
def test_figures_must_have_a_name_a_number_and_a_unit(task, q1, users, figures):
    report = reporting.open_report(task, task.assignments.get(role="lead").unit, q1, users["amr-liaison"])
    with pytest.raises(ValidationError) as error:
        reporting.save_report(report, users["amr-liaison"], narrative="x", percent=1, figures=figures)
    assert "figures" in error.value.message_dict


def test_two_reviewers_at_once_get_a_message_not_an_error(task, q1, users):
    from zhichan.programme.models import ProgressReport

    report = reporting.open_report(task, task.assignments.get(role="lead").unit, q1, users["amr-liaison"])
    reporting.save_report(report, users["amr-liaison"], narrative="x", percent=1, figures=[])
    reporting.submit(report, users["amr-liaison"])
    first, second = ProgressReport.objects.get(pk=report.pk), ProgressReport.objects.get(pk=report.pk)
    reporting.accept(first, users["office"])
    with pytest.raises(ValidationError) as error:
        reporting.send_back(second, users["office"], "晚了一步")
    assert "Someone else has just changed this report" in str(error.value)
    assert ProgressReport.objects.get(pk=report.pk).state == "accepted"
