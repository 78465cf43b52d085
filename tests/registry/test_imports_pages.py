"""The import pages: upload, the batch page with its counts and rejected rows, the downloads; and the CLI."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from zhichan.core.models import ImportBatch
from zhichan.registry.models import Patent

from .imports_support import number, write_csv

pytestmark = pytest.mark.django_db

ROWS = [
    ["申请号", "申请日", "发明名称"],
    [number(2020, "1", 11), "2020-01-02", "一种装置"],
    [number(2020, "1", 12), "2020-01-02", '=HYPERLINK("x")'],
    [number(2020, "2", 13), "2020-13-45", "+一种方法"],
    ["202010000012.0", "2020-01-02", "-一种产品"],
    [number(2020, "1", 11), "2020-01-02", "一种装置"],
    [number(2020, "3", 14), "2020-01-02", "@SUM(1)"],
]


def test_upload_runs_and_reports(client_for, tmp_path):
    client = client_for("office")
    path = write_csv(tmp_path / "upload.csv", ROWS)
    with path.open("rb") as handle:
        response = client.post(reverse("import-start"), {"kind": "patent", "file": handle, "source": "测试"})
    assert response.status_code == 302, response.content.decode()[:2000]
    batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("import-batch", kwargs={"pk": batch.pk})
    assert batch.state == "done" and (batch.created_count, batch.rejected_count) == (3, 3)
    assert batch.task is not None and batch.task.state == "done"
    page = client.get(response["Location"]).content.decode()
    assert "2020-13-45" in page and "202010000012.0" in page
    assert f"{batch.user.display_name}, " in page  # who started it, by name
    assert batch.user.display_name in client.get(reverse("import-list")).content.decode()
    download = client.get(reverse("import-rejections", kwargs={"pk": batch.pk}))
    sheet = load_workbook(io.BytesIO(download.content)).worksheets[1]  # the listing; the first: rows to fix
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[1][:2] == ["行号", "列"] or values[1][:2] == ["row", "column"]
    assert [row[0] for row in values[2:]] == [4, 5, 6]
    assert values[4][2] == number(2020, "1", 11)
    assert set(Patent.objects.values_list("title", flat=True)) == {"一种装置", '=HYPERLINK("x")', "@SUM(1)"}


def test_dry_run_from_the_page_changes_nothing(client_for, tmp_path):
    path = write_csv(tmp_path / "upload.csv", ROWS)
    with path.open("rb") as handle:
        client_for("office").post(reverse("import-start"), {"kind": "patent", "file": handle, "dry_run": "on"})
    batch = ImportBatch.objects.get()
    assert batch.dry_run and batch.created_count == 3 and Patent.objects.count() == 0


def test_wrong_headers_fail_with_the_missing_field(client_for, tmp_path):
    path = write_csv(tmp_path / "wrong.csv", [["编号", "日期", "标题名"], ["1", "2", "3"]])
    client = client_for("office")
    with path.open("rb") as handle:
        response = client.post(reverse("import-start"), {"kind": "patent", "file": handle})
    batch = ImportBatch.objects.get()
    assert batch.state == "failed"
    assert "编号" in batch.message and ("申请号" in batch.message)
    assert batch.task.state == "failed"
    assert batch.message in client.get(response["Location"]).content.decode()


def test_oversized_upload_is_refused(client_for, tmp_path, settings):
    settings.ZHICHAN_IMPORT_MAX_MB = 0
    path = write_csv(tmp_path / "big.csv", ROWS)
    with path.open("rb") as handle:
        response = client_for("office").post(reverse("import-start"), {"kind": "patent", "file": handle})
    assert response.status_code == 200 and ImportBatch.objects.count() == 0
    assert "MB" in response.content.decode()


def test_template_round_trip(client_for, tmp_path):
    client = client_for("office")
    for kind in ["patent", "trademark", "copyright", "gi", "enterprise"]:
        response = client.get(reverse("import-template") + f"?kind={kind}")
        book = load_workbook(io.BytesIO(response.content))
        assert len(book.worksheets) == 3, kind
        assert book.worksheets[0].max_row == 1 and book.worksheets[1].max_row == 2, kind  # the example apart
    book = load_workbook(io.BytesIO(client.get(reverse("import-template") + "?kind=patent").content))
    data = book.worksheets[0]
    headers = [cell.value for cell in data[1]]
    assert headers[:3] == ["申请号", "专利名称", "申请日"]
    data.append([number(2021, "2", 77), "一种填写的实用新型", "2021-04-05"])
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    with filled.open("rb") as handle:
        client.post(reverse("import-start"), {"kind": "patent", "file": handle})
    batch = ImportBatch.objects.get()
    assert batch.profile == "patent-template" and batch.created_count == 1, batch.message
    assert list(Patent.objects.values_list("title", flat=True)) == ["一种填写的实用新型"]


def test_the_template_uploaded_unchanged_imports_nothing(client_for, tmp_path):
    client = client_for("office")
    for kind in ["patent", "trademark", "copyright", "gi", "enterprise"]:
        unchanged = tmp_path / f"{kind}.xlsx"
        unchanged.write_bytes(client.get(reverse("import-template") + f"?kind={kind}").content)
        with unchanged.open("rb") as handle:
            client.post(reverse("import-start"), {"kind": kind, "file": handle})
        batch = ImportBatch.objects.filter(kind=kind).latest("pk")
        assert (batch.rows, batch.created_count, batch.rejected_count) == (0, 0, 0), (kind, batch.message)
    assert not Patent.objects.exists()


def test_the_pages_answer(client_for):
    client = client_for("office")
    assert client.get(reverse("import-start")).status_code == 200
    assert client.get(reverse("import-list")).status_code == 200
    assert client_for("leader").get(reverse("import-list")).status_code == 403


def test_cli(tmp_path, users, capsys):
    path = write_csv(tmp_path / "cli.csv", ROWS)
    call_command("import_registry", "patent", str(path), "--dry-run", "--language", "en")
    assert Patent.objects.count() == 0
    call_command("import_registry", "patent", str(path), "--source", "cli", "--user", "office", "--language", "en")
    out = capsys.readouterr().out
    assert "3 created" in out and "Rejected rows:" in out
    report = out.split("Rejected rows:")[1].strip().splitlines()[0]
    book = load_workbook(report)
    assert book.worksheets[0].max_row == 4  # the header row and the three rejected rows whole, read from the file
    assert book.worksheets[0].cell(row=2, column=2).value == "2020-13-45"
    assert book.worksheets[1].max_row == 5  # a note, the header and one line per refused cell
    assert set(Patent.objects.values_list("source", flat=True)) == {"cli"}
