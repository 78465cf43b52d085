"""Why a row was rejected reads in the reader's language, whoever started the import and in whichever language:
on the batch page, in the API and in the rejected-rows workbook. Rows stored before reasons had keys read as
they were stored."""

import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from zhichan.core.imports.running import run_import
from zhichan.core.messages import Message, render_key
from zhichan.core.models import ImportBatch, ImportRejection

from .imports_support import number, write_csv

pytestmark = pytest.mark.django_db

ROWS = [
    ["申请号", "申请日", "发明名称", "专利类型"],
    [number(2021, "1", 21), "2021-03-04", "一种装置", ""],
    [number(2021, "1", 22), "2021-02-30", "日期错", ""],
    [number(2021, "1", 23), "2021-03-04", "", ""],
    [number(2021, "1", 24), "2021-03-04", "类型不符", "外观设计"],
    [number(2021, "1", 21), "2021-03-04", "一种装置", ""],
]
CHINESE = ["不是日历上存在的日期", "此列不能为空", "根据申请号，这是发明", "与第 2 行是同一条记录"]
ENGLISH = [
    "is not a date of the calendar",
    "This column must not be empty.",
    "The application number says this is a invention patent.",
    "The same record as row 2; only the first is imported.",
]


@pytest.fixture(params=["en", "zh-hans"])
def batch(request, users, tmp_path):
    """One import with four kinds of rejected row, started in English or in Chinese."""
    path = write_csv(tmp_path / "reasons.csv", ROWS)
    made = ImportBatch.objects.create(
        kind="patent", user=users["office"], file_name="reasons.csv", language=request.param
    )
    made.file.save("reasons.csv", ContentFile(path.read_bytes()))  # the workbook's first sheet needs the file
    return run_import(made, made.file.path)


def english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


def contains_all(texts, wanted) -> bool:
    joined = "\n".join(texts)
    return all(part in joined for part in wanted)


def test_every_reason_is_kept_as_its_key(batch):
    kept = list(batch.rejections.order_by("row"))
    assert [r.row for r in kept] == [3, 4, 5, 6] and all(r.reason_key for r in kept)


def test_the_batch_page_reads_in_the_readers_language(client_for, batch):
    client = client_for("office")
    url = reverse("import-batch", kwargs={"pk": batch.pk})
    chinese = client.get(url).content.decode()
    assert contains_all([chinese], CHINESE) and "is not a date of the calendar" not in chinese
    english_page = english(client).get(url).content.decode()
    assert contains_all([english_page], ENGLISH) and "不是日历上存在的日期" not in english_page


def test_the_api_lists_the_rejected_rows_in_the_readers_language(client_for, batch):
    client = client_for("office")
    url = f"/api/v1/imports/{batch.pk}/rejections/"
    answer = client.get(url)
    assert answer.status_code == 200, answer.content[:500]
    rows = answer.json()["results"]
    assert [row["row"] for row in rows] == [3, 4, 5, 6]
    assert rows[0]["value"] == "2021-02-30" and rows[1]["field"] == "发明名称"
    assert contains_all([row["reason"] for row in rows], CHINESE)
    reasons = [row["reason"] for row in english(client).get(url).json()["results"]]
    assert contains_all(reasons, ENGLISH) and not contains_all(reasons, CHINESE[:1])


def test_the_workbook_reads_in_the_readers_language(client_for, batch):
    client = client_for("office")
    url = reverse("import-rejections", kwargs={"pk": batch.pk})

    def sheets():
        book = load_workbook(io.BytesIO(client.get(url).content))
        return [[str(cell.value or "") for row in sheet.iter_rows() for cell in row] for sheet in book.worksheets]

    fix, listing = sheets()
    assert contains_all(fix, CHINESE) and contains_all(listing, CHINESE)
    assert "拒收原因（导入时忽略此列）" in fix
    english(client)
    fix, listing = sheets()
    assert contains_all(fix, ENGLISH) and contains_all(listing, ENGLISH)
    assert "why rejected (ignored on import)" in fix and not contains_all(listing, CHINESE[:1])


def test_a_reason_stored_as_text_reads_as_it_was_stored(client_for, users):
    batch = ImportBatch.objects.create(
        kind="patent", user=users["office"], file_name="old.csv", state="done", rejected_count=1
    )
    ImportRejection.objects.create(batch=batch, row=2, field="申请号", value="x", reason="旧的拒收原因")
    client = client_for("office")
    url = reverse("import-batch", kwargs={"pk": batch.pk})
    assert "旧的拒收原因" in client.get(url).content.decode()
    assert "旧的拒收原因" in english(client).get(url).content.decode()
    assert english(client).get(f"/api/v1/imports/{batch.pk}/rejections/").json()["results"][0]["reason"] == (
        "旧的拒收原因"
    )


def test_a_label_among_the_values_follows_the_reader_too():
    from zhichan.registry.models import PatentType

    key = Message("The application number says this is a %(type)s.", {"type": PatentType.DESIGN.label}).as_key()
    with translation.override("en"):
        assert render_key(key) == "The application number says this is a design."
    with translation.override("zh-hans"):
        assert render_key(key) == "根据申请号，这是外观设计。"


def test_a_model_rule_is_kept_as_its_key():
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext_lazy

    from zhichan.core.imports.errors import reasons_by_field

    error = ValidationError({"gi_mark": gettext_lazy("The term ends before it starts.")})
    [(field, reason)] = reasons_by_field(error)
    assert field == "gi_mark" and isinstance(reason, Message)
    with translation.override("en"):
        assert str(reason) == "The term ends before it starts."
    with translation.override("zh-hans"):
        assert str(reason) != "The term ends before it starts."


def test_a_column_the_file_lacks_is_named_in_the_readers_language(client_for, users, tmp_path):
    """With no region in the platform, a new enterprise is refused on the platform's own "township" column."""
    from zhichan.core.models import Region

    Region.objects.update(kind="town")  # no county to fall back on
    path = write_csv(tmp_path / "enterprises.csv", [["企业名称"], ["南安某某有限公司"]])
    made = ImportBatch.objects.create(kind="enterprise", user=users["office"], file_name=path.name, language="en")
    [rejection] = run_import(made, path).rejections.all()
    assert rejection.field_key and rejection.reason_key
    client = client_for("office")
    url = f"/api/v1/imports/{made.pk}/rejections/"
    [row] = client.get(url).json()["results"]
    assert row["field"] == "乡镇（街道）" and row["reason"].startswith("无法确定所属区域")
    [row] = english(client).get(url).json()["results"]
    assert row["field"] == "township" and row["reason"].startswith("No region")
