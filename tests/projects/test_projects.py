import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from zhichan.core.events import events_of
from zhichan.core.models import Region
from zhichan.finance.services.transactions import record_transaction
from zhichan.projects.metrics import Cultivation, Navigation
from zhichan.projects.models import Measure, Output, State
from zhichan.projects.services import projects
from zhichan.projects.services.outputs import linked_outputs, target_rows

from ..registry.registers import patent_number
from .factories import APPROVED, make_project, other_enterprise, patent, under_way

pytestmark = pytest.mark.django_db
DAY = datetime.date(2024, 6, 1)
ONE, TWO = patent_number(2023, "1", 1), patent_number(2023, "1", 2)


def test_a_project_goes_through_its_course_each_step_an_event(users):
    project = make_project(users["enterprise"].enterprises.first())
    assert project.state == State.PROPOSED and project.region.code == "350583119"  # the applicant's township
    liaison = users["amr-liaison"]
    projects.approve(project, liaison, document="泉知〔2023〕1号", approved_on=APPROVED)
    projects.start(project, liaison, started_on=datetime.date(2023, 4, 1))
    projects.check(project, liaison, checked_on=datetime.date(2024, 4, 1), opinion="进度正常")
    projects.accept(project, users["office"], accepted_on=DAY, opinion="通过验收")
    project.refresh_from_db()
    assert (project.state, project.accepted_on, project.acceptance_opinion) == (State.ACCEPTED, DAY, "通过验收")
    kinds = [event.kind for event in events_of(project)]
    for kind in ("project.created", "project.approved", "project.started", "project.checked", "project.accepted"):
        assert kind in kinds
    with pytest.raises(ValidationError, match="已结束"):
        projects.add_outputs(project, users["office"], numbers=ONE)


def test_steps_out_of_order_or_ahead_of_today_are_refused(users):
    project = make_project()
    with pytest.raises(ValidationError):
        projects.start(project, None, started_on=APPROVED)
    with pytest.raises(ValidationError, match="尚未到来"):
        projects.approve(project, None, document="x", approved_on=datetime.date.today() + datetime.timedelta(days=2))
    with pytest.raises(ValidationError) as refused:
        projects.approve(project, None, document=" ")
    assert "document" in refused.value.message_dict
    under_way(project)
    with pytest.raises(ValidationError) as refused:
        projects.check(project, None, checked_on=datetime.date(2023, 1, 1), opinion="早于启动")
    assert "checked_on" in refused.value.message_dict


def test_who_may_take_which_step(users):
    own = users["enterprise"].enterprises.first()
    project = make_project(own)
    for name in ("court-liaison", "shuitou-liaison", "leader", "enterprise"):
        with pytest.raises(PermissionDenied):
            projects.approve(project, users[name], document="泉知〔2023〕1号", approved_on=APPROVED)
    under_way(project)
    added = projects.add_outputs(project, users["enterprise"], numbers=ONE)  # the applicant reports
    assert [output.number for output in added] == [ONE]
    with pytest.raises(PermissionDenied):
        projects.set_target(project, users["enterprise"], measure=Measure.GRANTS, planned=2)
    others = make_project(other_enterprise(), unit="science")
    with pytest.raises(PermissionDenied):
        projects.add_outputs(under_way(others), users["enterprise"], numbers=ONE)


def test_a_liaisons_project_is_its_own_units_and_a_navigation_project_names_its_kind(users):
    with pytest.raises(ValidationError) as refused:
        projects.create_project(
            users["amr-liaison"], kind="navigation", title="导航", level="county", applicant_name="甲"
        )
    assert "navigation_type" in refused.value.message_dict
    project = projects.create_project(
        users["amr-liaison"],
        kind="navigation",
        navigation_type="industry",
        title="导航",
        level="county",
        applicant_name="南安市石材协会",
    )
    assert project.unit == users["amr-liaison"].unit
    with translation.override("zh-hans"):
        assert project.kind_label == "专利导航（产业规划）"
    with pytest.raises(ValidationError) as refused:
        projects.create_project(
            users["office"], kind="cultivation", title="无单位", level="county", applicant_name="甲"
        )
    assert "unit" in refused.value.message_dict


def test_outputs_are_read_in_any_written_form_and_a_wrong_one_is_refused_naming_its_line(users):
    project = under_way(make_project(users["enterprise"].enterprises.first()))
    with pytest.raises(ValidationError) as refused:
        projects.add_outputs(project, None, numbers=f"ZL 2023 1 0000001.{ONE[-1]}\n{TWO}\n20231000000X.1")
    assert "第3行" in str(refused.value)
    assert not project.outputs.exists()  # nothing half-written
    added = projects.add_outputs(project, None, numbers=f"ZL 2023 1 0000001.{ONE[-1]}，{TWO}")
    assert [output.number for output in added] == [ONE, TWO]
    with pytest.raises(ValidationError, match="已是本项目的成果"):
        projects.add_outputs(project, None, numbers=ONE)


def test_outputs_link_as_the_register_brings_them_and_count_only_what_it_says(users):
    own = users["enterprise"].enterprises.first()
    project = under_way(make_project(own))
    for measure, planned in ((Measure.APPLICATIONS, 4), (Measure.INVENTION_GRANTS, 2), (Measure.PCT, 1)):
        projects.set_target(project, None, measure=measure, planned=planned)
    before = patent(11, own, filed=datetime.date(2022, 5, 1), granted=datetime.date(2023, 9, 1))
    granted = patent(12, own, filed=datetime.date(2023, 5, 1), granted=datetime.date(2024, 5, 1))
    utility = patent(13, own, filed=datetime.date(2023, 6, 1), granted=datetime.date(2023, 12, 1), type_code="2")
    pct = patent(14, own, filed=datetime.date(2023, 7, 1), pct="PCT/CN2023/100001")
    arriving = patent_number(2023, "1", 15)  # the register does not hold it yet
    numbers = [before.application_number, granted.application_number, utility.application_number]
    projects.add_outputs(project, None, numbers="\n".join([*numbers, pct.application_number, arriving]))

    def counts():
        project.refresh_from_db()
        linked = linked_outputs([project])[project.pk]
        return {row["measure"]: row["achieved"] for row in target_rows(project, linked)}, linked

    achieved, linked = counts()
    # filed before the start: shown, not counted; the utility model is no invention; the arriving one waits
    assert achieved == {Measure.APPLICATIONS: 3, Measure.INVENTION_GRANTS: 1, Measure.PCT: 1}
    waiting = [one for one in linked if one.patent is None]
    assert [one.output.number for one in waiting] == [arriving]
    assert [one.before_start for one in linked if one.patent == before] == [True]

    patent(15, own, filed=datetime.date(2023, 8, 5), granted=datetime.date(2024, 3, 1))  # an import brings it
    achieved, linked = counts()
    assert achieved == {Measure.APPLICATIONS: 4, Measure.INVENTION_GRANTS: 2, Measure.PCT: 1}
    assert all(one.patent is not None for one in linked)

    projects.set_target(project, None, measure=Measure.LICENSED, planned=1)
    record_transaction(
        None, kind="licence", day=DAY, rights=[("patent", granted.application_number)], party_from="甲", party_to="乙"
    )
    achieved, _ = counts()
    assert achieved[Measure.LICENSED] == 1
    projects.remove_output(project, None, output=Output.objects.get(project=project, number=granted.application_number))
    achieved, _ = counts()
    assert achieved[Measure.LICENSED] == 0 and achieved[Measure.INVENTION_GRANTS] == 1


def _figure(metric, options, end=DAY):
    return sum(metric.values(None, end, options).values())


def test_t5_and_t6_count_projects_by_the_step_chosen(users):
    office = users["office"]
    cultivated = [make_project(title=f"培育{n}") for n in range(3)]
    under_way(cultivated[0], datetime.date(2022, 3, 1))
    under_way(cultivated[1], datetime.date(2023, 3, 1))
    projects.accept(cultivated[1], office, accepted_on=datetime.date(2024, 3, 1), opinion="通过")
    projects.approve(cultivated[2], office, document="泉知〔2024〕9号", approved_on=datetime.date(2024, 2, 1))
    projects.end(cultivated[2], office, ended_on=datetime.date(2024, 4, 1), reason="企业搬迁")
    make_project(title="仍在申报")  # proposed: counted under no reading
    navigation = {
        kind: under_way(make_project(kind="navigation", navigation_type=kind, title=kind))
        for kind in ("industry", "enterprise", "region")
    }
    projects.accept(navigation["industry"], office, accepted_on=datetime.date(2024, 5, 1), opinion="通过")

    t5, t6 = Cultivation(), Navigation()
    assert _figure(t5, {"count": "approved"}) == 3  # ended early still counts: it was carried out
    assert _figure(t5, {"count": "started"}) == 2
    assert _figure(t5, {"count": "accepted"}) == 1
    assert _figure(t5, {"count": "approved"}, end=datetime.date(2023, 12, 31)) == 2
    assert _figure(t6, {"count": "approved"}) == 2  # regional planning is not T6's
    assert _figure(t6, {"count": "accepted"}) == 1
    county = Region.objects.get(code="350583").pk
    records = t5.records(None, DAY, [county], {"count": "approved"})
    assert {project.title for project in records} == {"培育0", "培育1", "培育2"}
