"""A batch's outcome reads in the reader's language, whoever started the import and in whichever language: on
the batch page and in the API. Batches stored before outcomes had keys read as they were stored."""

import pytest
from django.urls import reverse

from zhichan.core.imports.running import run_import
from zhichan.core.models import ImportBatch

from .imports_support import number, write_csv

pytestmark = pytest.mark.django_db

ROWS = [["申请号", "申请日", "发明名称"], [number(2021, "1", 31), "2021-03-04", "一种装置"]]
CHINESE = "读取 1 行：新增 1 条"
ENGLISH = "1 rows read: 1 created"


def english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return client


def started_in(language, users, path) -> ImportBatch:
    made = ImportBatch.objects.create(kind="patent", user=users["office"], file_name=path.name, language=language)
    return run_import(made, path)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_outcome_reads_in_the_readers_language(client_for, users, tmp_path, language):
    batch = started_in(language, users, write_csv(tmp_path / "one.csv", ROWS))
    assert batch.message_key and (ENGLISH if language == "en" else CHINESE) in batch.message
    client = client_for("office")
    page, api = reverse("import-batch", kwargs={"pk": batch.pk}), f"/api/v1/imports/{batch.pk}/"
    assert CHINESE in client.get(page).content.decode() and CHINESE in client.get(api).json()["message"]
    english(client)
    assert ENGLISH in client.get(page).content.decode() and ENGLISH in client.get(api).json()["message"]


def test_a_refused_file_reads_in_the_readers_language(client_for, users, tmp_path):
    batch = started_in("en", users, write_csv(tmp_path / "headless.csv", [["名称"], ["某物"]]))
    assert batch.state == "failed" and batch.message.startswith("The header row lacks a required column")
    client = client_for("office")
    api = f"/api/v1/imports/{batch.pk}/"
    chinese = client.get(api).json()["message"]
    assert chinese.startswith("表头缺少必填列")
    # Chinese labels and punctuation; the headers a file may use are quoted as files write them.
    assert (
        "：申请号（申请号 / 申请(专利)号 / 专利号 / 申请号/专利号）；申请日（申请日 / 申请日期）（映射方案：" in chinese
    )
    assert english(client).get(api).json()["message"].startswith("The header row lacks a required column")


def test_an_outcome_stored_as_text_reads_as_it_was_stored(client_for, users):
    batch = ImportBatch.objects.create(kind="patent", user=users["office"], state="done", message="旧的导入结果")
    client = english(client_for("office"))
    assert "旧的导入结果" in client.get(reverse("import-batch", kwargs={"pk": batch.pk})).content.decode()
    assert client.get(f"/api/v1/imports/{batch.pk}/").json()["message"] == "旧的导入结果"
