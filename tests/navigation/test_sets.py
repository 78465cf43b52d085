"""The actions on patent sets: who may take them, what they leave in the log, and what they read. An analysis set
is imported from a real export file (run at once: the tests' tasks are immediate) and never touches the register;
a register set reads the patents its search chooses; an enterprise's own set reads only its own patents."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from zhichan.core.models import Event
from zhichan.navigation import events
from zhichan.navigation.models import ApplicantAlias, Branch, PatentSet, SetKind, SetPatent, SetState
from zhichan.navigation.services import merging, sets
from zhichan.registry.models import Patent

from ..registry.registers import patent_number
from .factories import export_file, make_register_patents, make_valves

pytestmark = pytest.mark.django_db


def logged(kind, patent_set) -> list[Event]:
    return list(Event.objects.filter(kind=kind.key, object_id=patent_set.pk).order_by("pk"))


def numbers(patent_set) -> set[str]:
    return set(patent_set.patents.values_list("application_number", flat=True))


def test_only_the_office_makes_and_shapes_sets(users):
    valves = make_valves()
    for username in ("leader", "amr-liaison", "shuitou-liaison", "enterprise", "bank"):
        user = users[username]
        with pytest.raises(PermissionDenied):
            sets.create_register_set(user, name="不许建的集")
        with pytest.raises(PermissionDenied):
            sets.import_set(user, name="不许导入的集", upload=export_file([]))
        with pytest.raises(PermissionDenied):
            sets.add_branch(valves, user, name="阀芯", ipc_prefixes="F16K11")
        with pytest.raises(PermissionDenied):
            sets.delete_set(valves, user)
    assert list(PatentSet.objects.all()) == [valves] and valves.branches.count() == 3
    assert not Event.objects.filter(kind__startswith="navigation.").exists()


def test_an_analysis_set_is_imported_from_an_export_and_never_changes_the_register(users):
    make_register_patents()
    in_register = Patent.objects.count()
    chinese = patent_number(2021, "1", 601862)
    upload = export_file(
        [
            [chinese, "一种卫浴龙头阀芯", "2021-07-21", "某某卫浴科技有限公司;某某大学", "张三;李四",
             "F16K11/065;E03C1/04", "实质审查", "福建省泉州市南安市仑苍镇"],
            ["us 2021/0012345 a1", "Faucet cartridge", "2021-01-05", "ACME Corp", "John Smith", "F16K 11/078",
             "有效", ""],
            [patent_number(2020, "2", 123456), "", "2020-01-01", "某某公司", "王五", "E03C1/04", "有效", ""],
            [patent_number(2019, "2", 654321), "一种花洒", "2019-03-02", "某某公司", "王五", "Z99Z 1/00", "失效",
             "浙江省台州市"],
        ]
    )  # fmt: skip
    patent_set = sets.import_set(users["office"], name="全国卫浴专利", upload=upload, search_strategy="IPC=F16K")

    patent_set.refresh_from_db()
    assert (patent_set.kind, patent_set.state, patent_set.patent_count) == (SetKind.IMPORTED, SetState.READY, 3)
    assert patent_set.name == "全国卫浴专利" and patent_set.search_strategy == "IPC=F16K"
    assert numbers(patent_set) == {chinese, "US2021/0012345A1", patent_number(2019, "2", 654321)}
    first = patent_set.patents.get(application_number=chinese)
    assert first.applicants == ";某某卫浴科技有限公司;某某大学;" and first.ipc_codes == ";F16K11/065;E03C1/04;"
    assert (first.patent_type, first.year, first.status) == ("invention", 2021, "pending")
    assert (first.province, first.city) == ("福建省", "泉州市")
    foreign = patent_set.patents.get(application_number="US2021/0012345A1")  # kept as written, not refused
    assert (foreign.patent_type, foreign.status, foreign.inventors) == ("", "valid", ";John Smith;")
    garbled = patent_set.patents.get(application_number=patent_number(2019, "2", 654321))
    assert (garbled.ipc_codes, garbled.unread_classes) == ("", "Z99Z 1/00")
    assert patent_set.aggregates["ipc"]["subclass"] == {"F16K": 2, "E03C": 1, "-": 1}

    batch = patent_set.batch
    assert batch.rejected_count == 1 and [r.row for r in batch.rejections.all()] == [4]  # the row without a title
    assert Patent.objects.count() == in_register  # the register is as it was
    assert not SetPatent.objects.filter(register_patent__isnull=False).exists()
    [created] = logged(events.SET_CREATED, patent_set)
    assert created.user == users["office"] and created.data == {"file": "export.xlsx"}


def test_an_analysis_set_counted_by_publication_year(users):
    upload = export_file([[patent_number(2021, "1", 601862), "一种阀芯", "2021-07-21", "某某公司", "张三", "F16K11/07",
                           "公开", ""]])  # fmt: skip
    patent_set = sets.import_set(users["office"], name="按公开日", upload=upload, date_basis="publication")
    assert patent_set.patents.get().year is None  # the export states no publication date
    assert patent_set.aggregates["filed"] == {"": 1}


def test_a_register_set_reads_the_patents_its_search_chooses(users):
    registers, joint, pending = make_register_patents()
    office = users["office"]
    address = "https://zhichan.example/registry/patents/?patent_type=invention"
    patent_set = sets.create_register_set(office, name="南安发明专利", query=address, description=" 发明 ")
    assert (patent_set.query, patent_set.description, patent_set.state) == ("patent_type=invention", "发明", "pending")
    patent_set = sets.read_set(patent_set, office)
    inventions = {registers.own_patent.application_number, joint.application_number, pending.application_number}
    assert numbers(patent_set) == inventions  # not the other enterprise's utility model
    assert patent_set.state == SetState.READY and patent_set.patent_count == 3
    row = patent_set.patents.get(application_number=joint.application_number)
    assert (row.register_patent, row.township, row.status) == (joint, "水头镇", "valid")
    assert ";strategic_emerging;" in row.high_value and row.applicants == ";南安示例石材有限公司;华侨大学;"
    assert len(logged(events.SET_CREATED, patent_set)) == 1 and len(logged(events.SET_READ, patent_set)) == 1

    # read again after the register changed: the set follows it
    Patent.objects.filter(pk=pending.pk).update(patent_type="utility_model")
    assert numbers(sets.read_set(patent_set, office)) == inventions - {pending.application_number}

    with pytest.raises(ValidationError):
        sets.read_set(make_valves(), office)  # an imported set holds its file's patents


def test_an_enterprise_analyses_its_own_patents_only(users):
    registers, joint, _pending = make_register_patents()
    enterprise = users["enterprise"]
    with pytest.raises(PermissionDenied):
        sets.own_set(users["office"])  # the office has no patents of its own
    own = sets.own_set(enterprise)
    assert sets.own_set(enterprise) == own  # made the first time only
    assert (own.enterprise, own.kind, own.query) == (registers.own, SetKind.REGISTER, f"holder={registers.own.pk}")
    own = sets.read_set(own, enterprise)
    assert numbers(own) == {registers.own_patent.application_number, joint.application_number}
    assert list(PatentSet.objects.visible_to(enterprise)) == [own]
    assert own not in PatentSet.objects.visible_to(users["amr-liaison"])
    assert len(logged(events.SET_CREATED, own)) == 1
    with pytest.raises(PermissionDenied):
        sets.delete_set(own, enterprise)  # it reads it; the office keeps it
    with pytest.raises(PermissionDenied):
        sets.read_set(own, users["amr-liaison"])


def test_the_office_deletes_a_set(users):
    valves = make_valves()
    pk, rows = valves.pk, valves.patents.count()
    sets.delete_set(valves, users["office"])
    assert not PatentSet.objects.filter(pk=pk).exists()
    assert not SetPatent.objects.filter(patent_set_id=pk).exists() and not Branch.objects.filter(patent_set_id=pk)
    [deleted] = Event.objects.filter(kind=events.SET_DELETED.key, object_id=pk)
    assert deleted.data == {"name": "阀门产业专利集", "patents": rows} and deleted.user == users["office"]


def test_branches_are_added_and_removed_and_the_patents_placed_again(users):
    office = users["office"]
    valves = make_valves()
    parent = valves.branches.get(name="阀门")
    core = sets.add_branch(valves, office, name=" 阀芯 ", parent=parent, ipc_prefixes="F16K11", keywords="")
    assert (core.name, core.position) == ("阀芯", 3)
    [added] = logged(events.BRANCH_ADDED, valves)
    assert added.user == office
    valves = sets.retag(valves)
    assert valves.aggregates["branches"][str(core.pk)] == 3  # V1 V2 V7

    with pytest.raises(ValidationError) as refused:
        sets.add_branch(valves, office, name="空分支")
    assert "ipc_prefixes" in refused.value.message_dict
    other = make_valves()
    with pytest.raises(ValidationError) as refused:
        sets.add_branch(valves, office, name="别人的子分支", parent=other.branches.first(), keywords="阀")
    assert "parent" in refused.value.message_dict

    assert sets.remove_branch(valves, office, branch=parent) == "阀门"  # its sub-branches go with it
    assert set(valves.branches.values_list("name", flat=True)) == {"龙头"}
    [removed] = logged(events.BRANCH_REMOVED, valves)
    assert removed.data == {"name": "阀门"}
    with pytest.raises(ValidationError):
        sets.remove_branch(valves, office, branch=other.branches.first())
    assert set(sets.retag(valves).aggregates["branches"]) == {str(valves.branches.get().pk)}


def test_describing_a_set_by_another_date_places_its_patents_in_other_years(users):
    valves = make_valves()
    described = sets.describe_set(valves, users["office"], description="水暖阀门", date_basis="publication")
    assert described.description == "水暖阀门"
    assert described.aggregates["filed"] == {"": 7}  # the rows state no publication date
    assert len(logged(events.SET_CHANGED, valves)) == 1
    with pytest.raises(PermissionDenied):
        sets.describe_set(valves, users["leader"], description="x")


def test_merges_follow_chains_and_are_refused_into_themselves_or_in_a_circle(users):
    office = users["office"]
    merged = merging.merge(office, alias="甲阀门（南安）公司", name="甲阀门有限公司", note="同一企业")
    assert (merged.alias, merged.name) == ("甲阀门(南安)公司", "甲阀门有限公司")  # written as the figures read it
    assert Event.objects.filter(kind=events.ALIAS_ADDED.key, object_id=merged.pk, user=office).exists()
    merging.merge(office, alias="甲阀门有限公司", name="甲阀门集团有限公司")
    # the name merged before follows its new name: one step to the last
    assert merging.merge_table() == {"甲阀门(南安)公司": "甲阀门集团有限公司", "甲阀门有限公司": "甲阀门集团有限公司"}
    assert sorted(merging.aliases_of("甲阀门集团有限公司")) == sorted(
        ["甲阀门集团有限公司", "甲阀门(南安)公司", "甲阀门有限公司"]
    )

    with pytest.raises(ValidationError):
        merging.merge(office, alias="乙公司", name=" 乙公司 ")
    with pytest.raises(ValidationError):
        merging.merge(office, alias="甲阀门集团有限公司", name="甲阀门(南安)公司")  # round in a circle
    with pytest.raises(ValidationError):
        merging.merge(office, alias="甲阀门集团有限公司", name="甲阀门有限公司")
    with pytest.raises(ValidationError):
        merging.merge(office, alias="", name="甲阀门有限公司")
    assert ApplicantAlias.objects.count() == 2

    alias = ApplicantAlias.objects.get(alias="甲阀门有限公司")
    pk = alias.pk
    merging.unmerge(office, alias=alias)
    assert Event.objects.filter(kind=events.ALIAS_REMOVED.key, object_id=pk, user=office).exists()
    assert merging.merge_table() == {"甲阀门(南安)公司": "甲阀门集团有限公司"}


def test_a_set_without_patents_says_so_in_every_analysis(users):
    from zhichan.navigation.services.analyses import CATALOGUE, analyse

    empty = sets.create_register_set(users["office"], name="空的集", query="patent_type=design")
    empty = sets.read_set(empty, users["office"])
    assert empty.patent_count == 0 and empty.state == SetState.READY and empty.read_at is not None
    assert all(analyse(empty, key).cannot for key in CATALOGUE)
