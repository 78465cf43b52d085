"""Exports: Chinese (or English) file names sent per RFC 5987; small files at once, large ones built in the
background with progress and offered to the user who asked only, scoped to what that user could see."""

import io
from urllib.parse import quote

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from zhichan.core.models import ExportFile, TaskProgress
from zhichan.documents.files import attachment
from zhichan.registry.models import Patent

from ..registry.registers import make_registers

pytestmark = pytest.mark.django_db


def rows_of(content: bytes) -> list[list]:
    sheet = load_workbook(io.BytesIO(content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_the_header_carries_the_chinese_name_and_an_ascii_fallback():
    header = attachment("专利清单-20261205.xlsx")
    assert header == f"attachment; filename=\"20261205.xlsx\"; filename*=UTF-8''{quote('专利清单-20261205.xlsx')}"
    assert 'filename="export.xlsx"' in attachment("镇街对比/有效.xlsx")
    assert quote("镇街对比-有效.xlsx") in attachment("镇街对比/有效.xlsx")


def test_a_small_export_comes_at_once_with_a_chinese_name(client_for):
    make_registers()
    response = client_for("office").get(reverse("patent-export"))
    assert response.status_code == 200
    assert f"filename*=UTF-8''{quote('专利清单-')}" in response["Content-Disposition"]
    assert len(rows_of(response.content)) == 2 + Patent.objects.count()


def test_english_readers_get_english_names(client_for):
    client = client_for("office")
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get(reverse("trademark-export"))
    assert f"filename*=UTF-8''{quote('Trademark list-')}" in response["Content-Disposition"]


def test_a_large_export_runs_in_the_background_for_its_asker_only(client_for, settings):
    settings.ZHICHAN_EXPORT_INLINE_ROWS = 0
    make_registers()
    client = client_for("shuitou-liaison")
    response = client.get(reverse("patent-export"))
    progress = TaskProgress.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("task-detail", kwargs={"pk": progress.pk})
    assert progress.state == "done" and progress.user.username == "shuitou-liaison"
    page = client.get(response["Location"]).content.decode()
    export = ExportFile.objects.get()
    assert 'data-testid="export-download"' in page and export.name.startswith("专利清单-")
    download = client.get(reverse("export-download", kwargs={"pk": export.pk}))
    assert f"filename*=UTF-8''{quote(export.name)}" in download["Content-Disposition"]
    numbers = {row[0] for row in rows_of(download.content)[2:]}
    seen = set(Patent.objects.visible_to(progress.user).values_list("application_number", flat=True))
    assert numbers == seen and numbers != set(Patent.objects.values_list("application_number", flat=True))

    office = client_for("office")  # the office sees every task, but not another user's file
    assert 'data-testid="export-download"' not in office.get(response["Location"]).content.decode()
    assert office.get(reverse("export-download", kwargs={"pk": export.pk})).status_code == 404


def test_the_file_holds_what_the_asker_could_see_when_asking(users, settings):
    from zhichan.core.services.exports import access_of, build_file
    from zhichan.registry.views.patents import patent_workbook

    make_registers()
    liaison = users["shuitou-liaison"]
    asked = access_of(liaison)
    liaison.role = "office"
    liaison.save()
    progress = TaskProgress.objects.create(label="x", user=liaison)
    with pytest.raises(Exception, match="access changed|权限"):
        build_file(progress.pk, liaison, patent_workbook, "", {}, asked, None)
    assert not ExportFile.objects.exists()


def test_programme_and_drilldown_exports_use_the_same_path(client_for, settings):
    from ..indicators.permissions import rows
    from ..registry.registers import make_registers

    settings.ZHICHAN_EXPORT_INLINE_ROWS = 0
    rows(users=None)
    make_registers()
    from zhichan.indicators.models import IndicatorValue

    value = IndicatorValue.objects.filter(region__code="350583").first()
    client = client_for("office")
    response = client.get(reverse("indicator-value-export", kwargs={"pk": value.pk}))
    assert response.status_code == 302
    export = ExportFile.objects.get()
    assert export.name.startswith(f"{value.indicator.name}-{value.region.name}-")
    assert client.get(reverse("export-download", kwargs={"pk": export.pk})).status_code == 200


def test_the_api_offers_the_file_to_its_asker_only(client_for, users, settings):
    from rest_framework.test import APIClient

    settings.ZHICHAN_EXPORT_INLINE_ROWS = 0
    make_registers()
    client_for("amr-liaison").get(reverse("copyright-export"))
    export = ExportFile.objects.get()
    api = APIClient()
    api.force_authenticate(users["amr-liaison"])
    listed = api.get(f"/api/v1/exports/?task={export.task_id}").json()["results"]
    assert [row["id"] for row in listed] == [export.pk]
    answer = api.get(f"/api/v1/exports/{export.pk}/file/")
    assert answer.status_code == 200 and quote(export.name) in answer["Content-Disposition"]
    api.force_authenticate(users["office"])
    assert api.get(f"/api/v1/exports/{export.pk}/file/").status_code == 404
    assert api.get("/api/v1/exports/").json()["results"] == []
