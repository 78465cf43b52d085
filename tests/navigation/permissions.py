"""Who may open each page of the navigation module, and rows to try them with: a set of a navigation project of
市市场监管局 (its liaison is a demo account), one of 水头镇's unit, the demo enterprise's own set, and one of the office
with no project (outside every liaison's and the enterprise's scope). Every user of the programme but a bank reads
the landscapes of its scope and the patents behind them; the office writes sets (an enterprise asks for, and reads
again, its own); only the office makes a set; the merge table is read by the office and the leadership and kept
by the office."""

from zhichan.core.roles import PROGRAMME_USERS, SEE_ALL, STAFF, Role

OFFICE = frozenset({Role.OFFICE})
SET_WRITERS = frozenset({Role.OFFICE, Role.ENTERPRISE})

EXPECTED = {
    "patent-set-list": (PROGRAMME_USERS, SET_WRITERS),
    "patent-set-new": (OFFICE, OFFICE),
    "patent-set-detail": (PROGRAMME_USERS, SET_WRITERS),
    "patent-set-patents": (PROGRAMME_USERS, PROGRAMME_USERS),
    "patent-set-patents-export": (PROGRAMME_USERS, PROGRAMME_USERS),
    "patent-set-analysis-export": (PROGRAMME_USERS, PROGRAMME_USERS),
    # The report of a set (views_report.py): the staff read it, the office builds it.
    "patent-set-report": (STAFF, OFFICE),
    "applicant-alias-list": (SEE_ALL, OFFICE),
    # The API: the sets as the pages show them (an enterprise POSTs `mine`), each analysis and the patents behind a
    # figure, and the merge table.
    "api:patentset-list": (PROGRAMME_USERS, SET_WRITERS),
    "api:patentset-detail": (PROGRAMME_USERS, SET_WRITERS),
    "api:patentset-mine": (PROGRAMME_USERS, SET_WRITERS),
    "api:patentset-analysis": (PROGRAMME_USERS, SET_WRITERS),
    "api:setpatent-list": (PROGRAMME_USERS, PROGRAMME_USERS),
    "api:setpatent-detail": (PROGRAMME_USERS, PROGRAMME_USERS),
    "api:applicantalias-list": (SEE_ALL, OFFICE),
    "api:applicantalias-detail": (SEE_ALL, OFFICE),
}


def rows(users):
    from zhichan.navigation.models import ApplicantAlias, PatentSet, SetKind, SetPatent
    from zhichan.navigation.services.sets import refresh_figures

    from ..projects.factories import make_project

    def patent_set(name, *, unit=None, enterprise=None):
        project = None
        if unit is not None:
            project = make_project(unit=unit, kind="navigation", navigation_type="industry", title=f"{name}导航项目")
        found = PatentSet.objects.create(
            name=name, kind=SetKind.IMPORTED, project=project, enterprise=enterprise, created_by=users["office"]
        )
        SetPatent.objects.create(
            patent_set=found,
            application_number=f"PERM-{found.pk}",
            title=f"{name}的阀芯",
            year=2021,
            applicants=";权限测试阀门有限公司;",
            applicant_types=";enterprise;",
            inventors=";王权;",
            ipc_codes=";F16K11/07;",
            status="valid",
        )
        return refresh_figures(found)

    patent_set("市场监管局产业集", unit="amr")
    patent_set("水头镇产业集", unit="region-350583119")
    patent_set("企业自有专利集", enterprise=users["enterprise"].enterprises.first())
    patent_set("办公室产业集")
    ApplicantAlias.objects.create(alias="权限测试阀门公司", name="权限测试阀门有限公司")
