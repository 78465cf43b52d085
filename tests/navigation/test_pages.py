"""The navigation pages as their users use them: the office makes a register set on the page and reads its
landscape, follows a figure to its patents and downloads them and an analysis in Excel; adds a branch (a refused one
keeps what was typed); merges two names; an enterprise asks for the landscape of its own patents."""

import html
import re
from io import BytesIO

import openpyxl
import pytest
from django.http import QueryDict
from django.urls import reverse

from zhichan.navigation.models import ApplicantAlias, PatentSet
from zhichan.navigation.services.analyses import CATALOGUE, analyse

from .factories import make_register_patents, make_valves

pytestmark = pytest.mark.django_db

OWN = "南安示例石材有限公司"


def drill_links(page: str, patent_set) -> dict[str, str]:
    """The query of each link to the patents behind a figure in the page's tables, by the link's text."""
    address = re.escape(reverse("patent-set-patents", args=[patent_set.pk]))
    return {text: html.unescape(query) for query, text in re.findall(rf'href="{address}\?([^"]*)">([^<]*)</a>', page)}


def sheet_rows(response) -> list[tuple]:
    assert response.status_code == 200, response.status_code
    return list(openpyxl.load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))


def test_the_office_makes_a_register_set_and_follows_its_figures(client_for):
    registers, joint, _pending = make_register_patents()
    office = client_for("office")
    assert office.get(reverse("patent-set-list")).status_code == 200
    assert office.get(reverse("patent-set-new")).status_code == 200
    made = office.post(
        reverse("patent-set-new"),
        {
            "source": "register",
            "register-name": "南安发明专利",
            "register-query": "patent_type=invention",
            "register-date_basis": "filing",
        },
    )
    patent_set = PatentSet.objects.get(name="南安发明专利")
    assert made.status_code == 302 and made["Location"] == patent_set.get_absolute_url()
    assert patent_set.patent_count == 3  # read at once (the tests' tasks are immediate)

    industry = make_valves()  # to compare with
    page = office.get(f"{patent_set.get_absolute_url()}?against={industry.pk}").content.decode()
    for key in CATALOGUE:
        found = analyse(patent_set, key, against=industry)
        assert key != "position" or not found.cannot
        if found.cannot:
            assert html.escape(found.cannot) in page, key  # said why, among the analyses the set cannot feed
        else:
            assert f'data-testid="analysis-{key}"' in page, key

    query = drill_links(page, patent_set)[OWN]  # the applicants' table: the name leads to its patents
    assert QueryDict(query).dict() == {"applicant": OWN}
    drilled = office.get(reverse("patent-set-patents", args=[patent_set.pk]) + "?" + query).content.decode()
    assert drilled.count('data-testid="drill-row"') == 2
    assert registers.own_patent.application_number in drilled and joint.application_number in drilled

    exported = office.get(reverse("patent-set-analysis-export", args=[patent_set.pk]), {"key": "applicants"})
    rows = sheet_rows(exported)
    ranked = next(row for row in rows if OWN in row)
    assert (ranked[1], ranked[3], ranked[4]) == (OWN, 2, 1.5)  # whole and fractional counts (with 华侨大学)
    patents = sheet_rows(office.get(reverse("patent-set-patents-export", args=[patent_set.pk]) + "?" + query))
    exported_numbers = {row[0] for row in patents}
    assert {registers.own_patent.application_number, joint.application_number} <= exported_numbers
    assert _pending.application_number not in exported_numbers


def test_a_branch_is_added_on_the_page_and_a_refused_one_keeps_what_was_typed(client_for):
    valves = make_valves()
    office = client_for("office")
    parent = valves.branches.get(name="阀门")
    added = office.post(
        valves.get_absolute_url(),
        {"op": "branch", "branch-name": "阀芯", "branch-parent": parent.pk, "branch-ipc_prefixes": "F16K11"},
    )
    assert added.status_code == 302
    branch = valves.branches.get(name="阀芯")
    valves.refresh_from_db()
    assert branch.parent == parent and valves.aggregates["branches"][str(branch.pk)] == 3  # placed at once

    refused = office.post(valves.get_absolute_url(), {"op": "branch", "branch-name": "没有规则的分支"})
    assert refused.status_code == 400
    assert 'value="没有规则的分支"' in refused.content.decode()
    assert not valves.branches.filter(name="没有规则的分支").exists()
    assert client_for("leader").post(valves.get_absolute_url(), {"op": "branch"}).status_code == 403


def test_the_office_merges_two_names_and_every_set_counts_them_as_one(client_for):
    valves = make_valves()
    office = client_for("office")
    url = reverse("applicant-alias-list")
    merged = office.post(url, {"op": "merge", "alias": "甲阀门公司", "name": "甲阀门有限公司", "note": "同一企业"})
    assert merged.status_code == 302
    assert ApplicantAlias.objects.get().name == "甲阀门有限公司"
    valves.refresh_from_db()  # computed again at once (the tests' tasks are immediate)
    counted = valves.aggregates["applicants"]
    assert counted["甲阀门有限公司"][:2] == [5, 3.5] and "甲阀门公司" not in counted

    refused = office.post(url, {"op": "merge", "alias": "乙大学", "name": "乙大学"})
    assert refused.status_code == 400 and 'value="乙大学"' in refused.content.decode()
    leader = client_for("leader")
    assert "甲阀门公司" in leader.get(url).content.decode()
    assert leader.post(url, {"op": "merge", "alias": "乙大学", "name": "丙研究院"}).status_code == 403
    assert ApplicantAlias.objects.count() == 1


def test_an_enterprise_analyses_its_own_patents_and_sees_only_its_own_set(client_for, users):
    registers, joint, _pending = make_register_patents()
    valves = make_valves()
    enterprise = client_for("enterprise")
    asked = enterprise.post(reverse("patent-set-list"))
    own = PatentSet.objects.get(enterprise=registers.own)
    assert asked.status_code == 302 and asked["Location"] == own.get_absolute_url()
    assert set(own.patents.values_list("application_number", flat=True)) == {
        registers.own_patent.application_number,
        joint.application_number,
    }
    listed = enterprise.get(reverse("patent-set-list")).content.decode()
    assert own.name in listed and valves.name not in listed
    assert enterprise.get(own.get_absolute_url()).status_code == 200
    assert enterprise.get(valves.get_absolute_url()).status_code == 404
    assert enterprise.get(reverse("patent-set-patents", args=[valves.pk])).status_code == 404
    assert enterprise.get(reverse("patent-set-new")).status_code == 403


def test_an_unknown_analysis_is_not_found(client_for):
    valves = make_valves()
    url = reverse("patent-set-analysis-export", args=[valves.pk])
    assert client_for("office").get(url, {"key": "no-such-analysis"}).status_code == 404
    assert client_for("office").get(url, {"key": "trend"}).status_code == 200
