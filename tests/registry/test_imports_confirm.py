"""Import now: a preview's stored file imported without a second upload, once; and the rejected rows as a
workbook that, fixed, imports again as it is."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from zhichan.core.models import ImportBatch
from zhichan.registry.models import Patent

from .imports_support import number, write_xlsx

pytestmark = pytest.mark.django_db

HEADERS = ["申请号", "发明名称", "申请日", "申请人", "备注"]
ROWS = [
    HEADERS,
    [number(2020, "1", 11), "一种装置", "2020-01-02", "南安某公司", "第一行"],
    [number(2020, "1", 12), "一种方法", "2020-13-45", "南安某公司", "日期错"],
    ["202010000012.0", "一种产品", "2020-01-02", "南安某公司", "号码错"],
]


def preview(client, path):
    with path.open("rb") as handle:
        client.post(reverse("import-start"), {"kind": "patent", "file": handle, "dry_run": "on"})
    return ImportBatch.objects.get(dry_run=True, preview=None, file_name=path.name)


def test_the_preview_box_is_ticked_and_the_page_says_what_follows(client_for):
    page = client_for("office").get(reverse("import-start")).content.decode()
    assert 'name="dry_run"' in page and "checked" in page.split('name="dry_run"')[1].split(">")[0]
    assert "立即导入" in page


def test_import_now_imports_the_stored_file_once(client_for, tmp_path):
    client = client_for("office")
    first = preview(client, write_xlsx(tmp_path / "专利.xlsx", ROWS))
    assert (first.created_count, first.rejected_count) == (1, 2) and Patent.objects.count() == 0
    page = client.get(reverse("import-batch", kwargs={"pk": first.pk})).content.decode()
    assert 'data-testid="import-now"' in page

    response = client.post(reverse("import-confirm", kwargs={"pk": first.pk}))
    batch = ImportBatch.objects.get(preview=first)
    assert response["Location"] == reverse("import-batch", kwargs={"pk": batch.pk})
    assert not batch.dry_run and batch.file.name == first.file.name and batch.state == "done"
    assert (batch.created_count, batch.rejected_count) == (1, 2) and Patent.objects.count() == 1

    again = client.post(reverse("import-confirm", kwargs={"pk": first.pk}), follow=True)
    assert ImportBatch.objects.filter(preview=first).count() == 1
    assert "已经导入" in again.content.decode() or "already been imported" in again.content.decode()
    page = client.get(reverse("import-batch", kwargs={"pk": first.pk})).content.decode()
    assert 'data-testid="import-now"' not in page and 'data-testid="imported-as"' in page


def test_a_preview_whose_every_row_was_rejected_offers_no_import(client_for, tmp_path):
    client = client_for("office")
    first = preview(client, write_xlsx(tmp_path / "bad.xlsx", [HEADERS, ROWS[2], ROWS[3]]))
    assert (first.accepted_count, first.rejected_count) == (0, 2)
    page = client.get(reverse("import-batch", kwargs={"pk": first.pk})).content.decode()
    assert 'data-testid="import-now"' not in page
    assert 'data-testid="import-not-possible"' in page and "每一行都被拒收" in page

    answer = client.post(reverse("import-confirm", kwargs={"pk": first.pk}), follow=True)
    assert not ImportBatch.objects.filter(preview=first).exists()
    assert "每一行都被拒收" in answer.content.decode().split('data-testid="import-now-box"')[0]  # the message


def test_a_changed_file_or_an_import_cannot_be_confirmed(client_for, tmp_path):
    client = client_for("office")
    first = preview(client, write_xlsx(tmp_path / "p.xlsx", ROWS))
    with open(first.file.path, "ab") as handle:
        handle.write(b"changed")
    client.post(reverse("import-confirm", kwargs={"pk": first.pk}))
    assert not ImportBatch.objects.filter(preview=first).exists()

    with (tmp_path / "p.xlsx").open("rb") as handle:
        client.post(reverse("import-start"), {"kind": "patent", "file": handle})
    real = ImportBatch.objects.get(dry_run=False)
    client.post(reverse("import-confirm", kwargs={"pk": real.pk}))
    assert ImportBatch.objects.count() == 2


def test_only_office_may_confirm(client_for, tmp_path):
    first = preview(client_for("office"), write_xlsx(tmp_path / "p.xlsx", ROWS))
    # A liaison may open the import pages (for the kinds open to its role) but does not read the office's batches.
    response = client_for("amr-liaison").post(reverse("import-confirm", kwargs={"pk": first.pk}))
    assert response.status_code == 404 and not ImportBatch.objects.filter(preview=first).exists()


def test_rejected_rows_come_whole_and_import_again_once_fixed(client_for, tmp_path):
    client = client_for("office")
    first = preview(client, write_xlsx(tmp_path / "p.xlsx", ROWS))
    download = client.get(reverse("import-rejections", kwargs={"pk": first.pk}))
    assert "filename*=UTF-8''" in download["Content-Disposition"]
    book = load_workbook(io.BytesIO(download.content))
    fix = book.worksheets[0]
    values = [[cell.value for cell in row] for row in fix.iter_rows()]
    assert values[0][: len(HEADERS)] == HEADERS and len(values[0]) == len(HEADERS) + 1
    assert [row[: len(HEADERS)] for row in values[1:]] == [ROWS[2], ROWS[3]]  # every original cell, in order
    assert values[1][-1].startswith("申请日：") and values[2][-1].startswith("申请号：")
    assert fix.cell(row=2, column=3).fill.fgColor.rgb.endswith("FFEB9C")  # the bad date is marked
    assert fix.cell(row=2, column=1).fill.fgColor.rgb in (None, "00000000")
    assert book.worksheets[1].cell(row=3, column=1).value == 3  # the listing: row 3 of the file

    fix.cell(row=2, column=3).value = "2020-01-03"
    fix.cell(row=3, column=1).value = number(2020, "1", 15)
    fixed = tmp_path / "fixed.xlsx"
    book.save(fixed)
    with fixed.open("rb") as handle:
        client.post(reverse("import-start"), {"kind": "patent", "file": handle})
    again = ImportBatch.objects.get(file_name="fixed.xlsx")
    assert (again.state, again.created_count, again.rejected_count) == ("done", 2, 0), again.message
    assert Patent.objects.filter(application_number=number(2020, "1", 15)).exists()


def test_the_api_previews_then_imports_the_same_file(users, tmp_path):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(users["office"])
    with write_xlsx(tmp_path / "p.xlsx", ROWS).open("rb") as handle:
        answer = api.post("/api/v1/imports/", {"kind": "patent", "file": handle}, format="multipart")
    assert answer.status_code == 201, answer.content
    assert answer.json()["dry_run"] and answer.json()["created_count"] == 1 and Patent.objects.count() == 0
    confirmed = api.post(f"/api/v1/imports/{answer.json()['id']}/confirm/")
    assert confirmed.status_code == 201 and confirmed.json()["preview"] == answer.json()["id"]
    assert Patent.objects.count() == 1
    assert api.post(f"/api/v1/imports/{answer.json()['id']}/confirm/").status_code == 400


def test_a_preview_says_when_the_register_changed_after_it(client_for, tmp_path):
    client = client_for("office")
    first = preview(client, write_xlsx(tmp_path / "a.xlsx", ROWS))
    url = reverse("import-batch", kwargs={"pk": first.pk})
    assert 'data-testid="register-changed"' not in client.get(url).content.decode()
    with write_xlsx(tmp_path / "b.xlsx", ROWS[:2]).open("rb") as handle:
        client.post(reverse("import-start"), {"kind": "patent", "file": handle})
    page = client.get(url).content.decode()
    assert 'data-testid="register-changed"' in page and 'data-testid="import-now"' in page
