"""Tasks the plan gives to the townships: a township liaison sees them and reports on them like a member unit."""

import pytest
from django.conf import settings

from zhichan.core.models import Unit
from zhichan.programme.models import ProgressReport, Task
from zhichan.programme.services.loading import load_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def nanan():
    return load_programme(settings.PROJECT_DIR / "programmes" / "nanan-2022.yaml")["programme"]


def test_a_township_liaison_sees_the_townships_task_and_reports_on_it(nanan, client_for, users):
    client = client_for("shuitou-liaison")
    grid = client.get(f"/programmes/{nanan.pk}/unit-tasks/").content.decode()
    assert "充实完善知识产权管理体系" in grid and "加强企业知识产权管理机构建设" not in grid
    task = Task.objects.get(programme=nanan, key="4.1.2")
    shuitou = users["shuitou-liaison"].unit
    response = client.post(f"/programme-tasks/{task.pk}/report/", {"unit": shuitou.pk, "period": "2024-10-01"})
    report = ProgressReport.objects.get(task=task, unit=shuitou)
    assert response["Location"] == report.get_absolute_url()
    other = Unit.objects.get(key="region-350583001")
    client.post(f"/programme-tasks/{task.pk}/report/", {"unit": other.pk, "period": "2024-10-01"})
    assert not ProgressReport.objects.filter(unit=other).exists()  # not another township's


def test_the_overview_counts_the_townships_instead_of_naming_each(nanan, client_for):
    page = client_for("office").get(f"/programmes/{nanan.pk}/").content.decode()
    assert "各乡镇（街道）落实（28 个）" in page
    cell = page[page.index('data-testid="township-parts"') :]
    assert "水头镇人民政府" in cell[: cell.index(">")]  # the names are in the title
