"""The project pages as their users use them: the office and a member unit's liaison enter projects (typed input
kept on a refusal), the liaison takes one through its course on its page, the applicant enterprise adds outputs (a
wrong number refused naming its line, the text kept), the list shows each role its own and exports; the API does
what the pages do."""

from io import BytesIO

import openpyxl
import pytest
from django.urls import reverse

from zhichan.core.models import Unit
from zhichan.projects.models import Project, State

from ..registry.registers import patent_number
from .factories import APPROVED, make_project, other_enterprise, patent

pytestmark = pytest.mark.django_db


def _rows(client, url):
    return client.get(url).content.decode()


def test_each_role_sees_its_own_projects_and_the_list_exports(client_for, users):
    make_project(users["enterprise"].enterprises.first(), title="水头项目")
    make_project(other_enterprise(), unit="science", title="溪美项目")
    seen = {
        name: {title for title in ("水头项目", "溪美项目") if title in _rows(client_for(name), reverse("project-list"))}
        for name in ("office", "leader", "amr-liaison", "court-liaison", "shuitou-liaison", "enterprise")
    }
    assert seen == {
        "office": {"水头项目", "溪美项目"},
        "leader": {"水头项目", "溪美项目"},
        "amr-liaison": {"水头项目", "溪美项目"},  # a member unit reads the county's projects
        "court-liaison": {"水头项目", "溪美项目"},
        "shuitou-liaison": {"水头项目"},
        "enterprise": {"水头项目"},
    }
    exported = client_for("shuitou-liaison").get(reverse("project-export"))
    sheet = openpyxl.load_workbook(BytesIO(exported.content)).active
    titles = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert "水头项目" in titles and "溪美项目" not in titles


def test_the_office_and_a_liaison_enter_projects_typed_input_kept_on_a_refusal(client_for, users):
    office = client_for("office")
    form = {
        "kind": "navigation",
        "navigation_type": "",
        "title": "南安市石材产业专利导航",
        "applicant_name": "南安市石材行业协会",
        "level": "city",
        "unit": Unit.objects.get(key="amr").pk,
        "budget": "80",
    }
    refused = office.post(reverse("project-new"), form)
    page = refused.content.decode()
    assert refused.status_code == 400 and "南安市石材产业专利导航" in page and 'value="80"' in page
    created = office.post(reverse("project-new"), {**form, "navigation_type": "industry"})
    project = Project.objects.get(title="南安市石材产业专利导航")
    assert created.status_code == 302 and project.unit.key == "amr" and project.navigation_type == "industry"

    liaison = client_for("court-liaison")
    page = _rows(liaison, reverse("project-new"))
    assert 'name="unit"' not in page  # a liaison's project is its own unit's
    liaison.post(
        reverse("project-new"),
        {"kind": "cultivation", "title": "知识产权司法保护培育", "applicant_name": "华侨大学", "level": "county"},
    )
    assert Project.objects.get(title="知识产权司法保护培育").unit == users["court-liaison"].unit


def _step(client, project, step, **fields):
    data = {"step": step, **{f"{step}-{name}": value for name, value in fields.items()}}
    return client.post(reverse("project-step", args=[project.pk]), data)


def test_a_liaison_runs_the_course_and_the_applicant_reports_outputs_on_the_page(client_for, users):
    own = users["enterprise"].enterprises.first()
    project = make_project(own)
    liaison = client_for("amr-liaison")  # (one client: signed in again as each user in turn)
    assert _step(liaison, project, "approve", document="泉知〔2023〕1号", approved_on="2023-03-01").status_code == 302
    assert _step(liaison, project, "start", started_on="2023-03-01").status_code == 302
    assert _step(liaison, project, "target", measure="applications", planned="2").status_code == 302
    filed = patent(21, own, filed=APPROVED.replace(month=6))
    arriving = patent_number(2023, "1", 22)

    enterprise = client_for("enterprise")
    page = _rows(enterprise, project.get_absolute_url())
    assert 'value="outputs"' in page and 'value="approve"' not in page  # the applicant reports, it does not decide
    bad = _step(enterprise, project, "outputs", numbers=f"{filed.application_number}\n2023100000229", note="")
    assert bad.status_code == 400
    assert "第2行" in bad.content.decode() and filed.application_number in bad.content.decode()
    assert _step(enterprise, project, "outputs", numbers=f"{filed.application_number}\n{arriving}").status_code == 302
    page = _rows(client_for("amr-liaison"), project.get_absolute_url())
    assert 'data-testid="unmatched"' in page and 'data-testid="achieved-applications">1<' in page
    patent(22, own, filed=APPROVED.replace(month=7))  # the register's import brings the second
    page = _rows(client_for("amr-liaison"), project.get_absolute_url())
    assert 'data-testid="unmatched"' not in page and 'data-testid="achieved-applications">2<' in page

    assert _step(client_for("shuitou-liaison"), project, "accept", opinion="x").status_code == 404  # reads, no more
    accepted = _step(client_for("amr-liaison"), project, "accept", accepted_on="2024-06-01", opinion="通过验收")
    assert accepted.status_code == 302
    project.refresh_from_db()
    assert project.state == State.ACCEPTED


def test_the_api_enters_a_project_and_takes_its_steps(api_for, users):
    api = api_for("amr-liaison")
    created = api.post(
        "/api/v1/projects/",
        {"kind": "cultivation", "title": "阀门高价值专利培育", "applicant_name": "华侨大学", "level": "city"},
        format="json",
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    approved = api.post(
        f"/api/v1/projects/{pk}/step/",
        {"step": "approve", "document": "泉知〔2024〕3号", "approved_on": "2024-03-01"},
        format="json",
    )
    assert approved.status_code == 200 and approved.json()["state"] == "approved"
    api.post(f"/api/v1/projects/{pk}/step/", {"step": "start", "started_on": "2024-03-02"}, format="json")
    api.post(
        f"/api/v1/projects/{pk}/step/", {"step": "outputs", "numbers": patent_number(2024, "1", 31)}, format="json"
    )
    read = api_for("office").get(f"/api/v1/projects/{pk}/").json()
    assert read["outputs"] == [
        {"number": patent_number(2024, "1", 31), "patent": None, "in_register": False, "counts_as": []}
    ]
    refused = api_for("enterprise").post(
        f"/api/v1/projects/{pk}/step/", {"step": "approve", "document": "x"}, format="json"
    )
    assert refused.status_code in (403, 404)


def test_a_navigation_projects_analysis_names_an_import_batch_its_user_may_read(client_for, users):
    from zhichan.core.models import ImportBatch

    project = make_project(kind="navigation", navigation_type="industry", title="石材产业导航")
    batch = ImportBatch.objects.create(kind="patent", state="done", user=users["office"], file_name="石材专利.xlsx")
    address = "http://x/registry/patents/?q=石材"  # the whole address pasted
    fields = {"patent_set_batch": batch.pk, "patent_set_query": address, "conclusions": "结论"}
    refused = _step(client_for("amr-liaison"), project, "results", **fields)  # another user's import
    assert refused.status_code == 400 and "结论" in refused.content.decode()
    assert _step(client_for("office"), project, "results", **fields).status_code == 302
    project.refresh_from_db()
    assert (project.patent_set_batch, project.patent_set_query) == (batch, "q=石材")
