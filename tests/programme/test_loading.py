import pytest

from zhichan.core.services.datafile import DataFileError
from zhichan.programme.models import Assignment, Goal, Programme, ProgressReport, Target, Task
from zhichan.programme.services.loading import load_programme

from .conftest import MINI, day

pytestmark = pytest.mark.django_db


def test_loads_plan_goals_targets_and_task_tree(programme):
    assert programme.document_number == "测试〔2022〕1号" and programme.region.code == "350583"
    assert list(Goal.objects.filter(programme=programme).values_list("key", flat=True)) == ["overall", "specific-1"]
    t2 = Target.objects.get(programme=programme, code="T2")
    assert t2.display_value == "120,000" and t2.symbol == "≥" and str(t2.deadline) == "2024-12-31"
    assert Target.objects.get(programme=programme, code="T1").display_value == "14.3"
    tasks = {t.key: t for t in Task.objects.filter(programme=programme)}
    assert tasks["4.1"].kind == "group" and tasks["4.1.1"].kind == "task" and tasks["4.1.1"].parent == tasks["4.1"]
    assert tasks["5.3"].kind == "safeguard"
    lead = Assignment.objects.get(task=tasks["4.1.2"], role="lead")
    assert lead.unit.key == "amr" and lead.proposed
    assert Assignment.objects.get(task=tasks["4.1.2"], role="co").unit.key == "court"


def test_loading_twice_changes_nothing(programme):
    counts = [m.objects.count() for m in (Programme, Goal, Target, Task, Assignment)]
    histories = [m.history.count() for m in (Programme, Goal, Target, Task, Assignment)]
    result = load_programme(MINI)
    assert [m.objects.count() for m in (Programme, Goal, Target, Task, Assignment)] == counts
    assert [m.history.count() for m in (Programme, Goal, Target, Task, Assignment)] == histories
    assert result["not_in_file"] == []


def test_an_edited_file_updates_in_place_and_keeps_reports(programme, task, tmp_path, users):
    report = ProgressReport.objects.create(
        task=task, unit=task.assignments.get(role="lead").unit, period_start=programme.start, period_end=programme.start
    )
    edited = MINI.read_text(encoding="utf-8").replace("充实完善管理体系", "充实完善知识产权管理体系")
    edited = edited.replace('  - {key: "5.3"', '  - {key: "5.9", title: 新保障, text: 新。}\n  - {key: "5.3"')
    first_task = '      - {key: "4.1.1", number: 1．, title: 建立工作运行机制, text: 成立领导小组。, lead: office}\n'
    edited = edited.replace(first_task, "")
    file = tmp_path / "edited.yaml"
    file.write_text(edited, encoding="utf-8")
    pk = task.pk
    result = load_programme(file)
    task.refresh_from_db()
    assert task.pk == pk and task.title == "充实完善知识产权管理体系"
    assert ProgressReport.objects.filter(pk=report.pk).exists()
    assert Task.objects.filter(programme=programme, key="5.9").exists()
    assert result["not_in_file"] == ["4.1.1"] and Task.objects.filter(key="4.1.1").exists()  # kept, listed


def test_a_confirmed_assignment_is_not_overridden_by_reloading(programme, task, users):
    from zhichan.programme.services.planning import confirm

    lead = task.assignments.get(role="lead")
    confirm(lead, users["office"])
    load_programme(MINI)
    lead.refresh_from_db()
    assert not lead.proposed and lead.confirmed_by == users["office"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("lead: office}", "lead: offize}"), "tasks[0].children[0].lead.unit: unknown unit 'offize'"),
        (("comparator: gte, value: 14.3", "comparator: about, value: 14.3"), "targets[0].comparator: expected one of"),
        (("value: 14.3", "value: lots"), "targets[0].value: expected a number, got 'lots'"),
        (("end: 2024-12-31", "end: 2021-12-31"), "end: must come after start"),
        (('region: "350583"', 'region: "999999"'), "region: unknown region code '999999'"),
        (("goal: specific-1, indicator: valid", "goal: specific-9, indicator: valid"), "targets[1].goal: unknown goal"),
    ],
)
def test_bad_files_are_explained_and_change_nothing(db, tmp_path, change, message):
    file = tmp_path / "bad.yaml"
    file.write_text(MINI.read_text(encoding="utf-8").replace(*change), encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_programme(file)
    assert message in str(error.value) and "bad.yaml" in str(error.value)
    assert not Programme.objects.exists() and not Task.objects.exists()


def test_command(db, capsys):
    from django.core.management import call_command

    call_command("load_programme", str(MINI))
    assert "测试工作方案: 2 goals, 2 targets, 5 tasks and safeguards" in capsys.readouterr().out


def test_reloading_keeps_what_the_office_decided(programme, task, users):
    from zhichan.core.models import Unit
    from zhichan.programme.services import planning

    planning.set_schedule(task, users["office"], start=None, deadline=day("2023-06-30"), completed_on=None)
    planning.assign(task, Unit.objects.get(key="police"), "lead", users["office"])
    planning.unassign(task.assignments.get(unit__key="court"), users["office"])
    load_programme(MINI)
    task.refresh_from_db()
    assert task.deadline == day("2023-06-30")
    assert list(task.assignments.filter(role="lead").values_list("unit__key", flat=True)) == ["police"]
    assert not task.assignments.filter(unit__key="court").exists()  # removed by the office, not brought back


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("co: [court]", "co: [{unit: court}]"), "tasks[0].children[1].co[0]: expected a unit key"),
        (("lead: office}", "lead: office, proposd: true}"), "tasks[0].children[0].proposd: unknown key"),
        (('key: "4.2"', "key: 4.20"), "tasks[1].key: expected text"),
        (("report_due_days: 10", "report_due_days: -3"), "report_due_days: expected a number of working days"),
        (("reporting: quarterly", "reporting: weekly"), "reporting: expected one of monthly, quarterly"),
    ],
)
def test_more_mistakes_are_explained(db, tmp_path, change, message):
    file = tmp_path / "bad.yaml"
    file.write_text(MINI.read_text(encoding="utf-8").replace(*change), encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_programme(file)
    assert f"bad.yaml: {message}" in str(error.value)


def test_a_second_programme_for_another_county_loads_the_same_way(db, tmp_path):
    from zhichan.core.services.organisation import load_organisation
    from zhichan.core.services.regions import load_regions

    from ..conftest import ORGANISATION_FILE

    regions = tmp_path / "jinjiang.yaml"
    regions.write_text('division: "350582"\n', encoding="utf-8")
    load_regions(regions)
    text = MINI.read_text(encoding="utf-8").replace("key: nanan-2022", "key: jinjiang-2023")
    text = text.replace('region: "350583"', 'region: "350582"').replace("测试工作方案", "晋江市工作方案")
    file = tmp_path / "jinjiang-2023.yaml"
    file.write_text(text, encoding="utf-8")
    first = load_programme(MINI)["programme"]
    with pytest.raises(DataFileError, match="unknown unit 'office' in the organisation of region 350582"):
        load_programme(file)  # Jinjiang has no units yet: Nan'an's `office` is not its office
    organisation = tmp_path / "jinjiang-organisation.yaml"  # the same keys as Nan'an's
    organisation.write_text(
        ORGANISATION_FILE.read_text(encoding="utf-8").replace('region: "350583"', 'region: "350582"'), encoding="utf-8"
    )
    load_organisation(organisation)
    second = load_programme(file)["programme"]
    assert second.region.name == "晋江市" and Programme.objects.count() == 2
    assert Task.objects.filter(programme=second).count() == 5
    # Each programme's units are its own region's, though the keys are the same.
    for programme, code in ((first, "350583"), (second, "350582")):
        leads = Assignment.objects.filter(task__programme=programme, role="lead")
        assert sorted((a.task.key, a.unit.key, a.unit.organisation.code) for a in leads) == [
            ("4.1.1", "office", code),
            ("4.1.2", "amr", code),
            ("4.2", "industry", code),
            ("5.3", "office", code),
        ]


def test_bootstrap_skips_the_built_in_programme_for_another_county(db, monkeypatch):
    import io

    from zhichan.core.models import Region
    from zhichan.programme.first_start import first_start

    monkeypatch.setattr("zhichan.programme.first_start.BUILT_IN_REGION", "999999")
    out = io.StringIO()
    first_start(out, demo=True)
    assert "load_programme" in out.getvalue() and not Programme.objects.exists()
    assert Region.objects.filter(code="350583").exists()


def test_a_task_is_named_with_its_group(programme):
    task = Task.objects.filter(programme=programme, kind="task", parent__isnull=False).select_related("parent").first()
    assert task.full_title == f"{task.parent.number}{task.parent.title} › {task.number}{task.title}"
    group = task.parent
    assert group.full_title == f"{group.number}{group.title}"


def test_a_task_given_to_the_townships_is_assigned_to_each(tmp_path):
    from zhichan.core.models import Unit, UnitKind

    text = MINI.read_text(encoding="utf-8").replace('key: "4.1.2"', 'key: "4.1.2", townships: all', 1)
    assert text != MINI.read_text(encoding="utf-8")
    path = tmp_path / "townships.yaml"
    path.write_text(text, encoding="utf-8")
    programme = load_programme(path)["programme"]
    task = Task.objects.get(programme=programme, key="4.1.2")
    townships = set(Unit.objects.filter(kind=UnitKind.TOWNSHIP).values_list("pk", flat=True))
    assert set(task.assignments.filter(role="town").values_list("unit", flat=True)) == townships
    assert task.assignments.get(role="lead").unit.key == "amr"
    listed = tmp_path / "listed.yaml"
    listed.write_text(text.replace("townships: all", 'townships: ["350583119", "350583001"]'), encoding="utf-8")
    load_programme(listed)
    assert task.assignments.filter(role="town").count() == len(townships)  # nothing is removed on reload


def test_a_task_listing_townships_takes_only_those(tmp_path):
    text = MINI.read_text(encoding="utf-8").replace('key: "4.1.2"', 'key: "4.1.2", townships: ["350583119"]', 1)
    path = tmp_path / "one.yaml"
    path.write_text(text, encoding="utf-8")
    programme = load_programme(path)["programme"]
    task = Task.objects.get(programme=programme, key="4.1.2")
    assert [a.unit.region.code for a in task.assignments.filter(role="town")] == ["350583119"]


@pytest.mark.parametrize(
    "value, message",
    [
        ('["350583999"]', "tasks[0].children[1].townships[0]: no township unit with division code '350583999'"),
        ("some", "tasks[0].children[1].townships: expected all or a list of division codes, got 'some'"),
    ],
)
def test_unknown_townships_stop_the_load(tmp_path, value, message):
    text = MINI.read_text(encoding="utf-8").replace('key: "4.1.2"', f'key: "4.1.2", townships: {value}', 1)
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_programme(path)


def test_nanans_file_gives_4_1_2_to_every_township():
    from django.conf import settings

    from zhichan.core.models import Unit, UnitKind

    programme = load_programme(settings.PROJECT_DIR / "programmes" / "nanan-2022.yaml")["programme"]
    given = Task.objects.filter(programme=programme, assignments__role="town").distinct()
    assert [t.key for t in given] == ["4.1.2"]
    assert given[0].assignments.filter(role="town").count() == Unit.objects.filter(kind=UnitKind.TOWNSHIP).count()
