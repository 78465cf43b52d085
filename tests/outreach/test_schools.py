"""IP in schools: schools and pilot schools, the activities held there with whom they reached, students' works whose
patent numbers are linked to the register as it brings them (in any written form), science-fair entries, the
figures per school (not multiplied by the joins), and the pages as their users see them."""

import datetime
from io import BytesIO

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from zhichan.core.events import events_of
from zhichan.core.models import Region, Unit
from zhichan.outreach.models import School
from zhichan.outreach.services import activities, schools
from zhichan.registry.services.entries import create_patent

from ..registry.registers import patent_number
from .factories import make_activity, make_school

pytestmark = pytest.mark.django_db


def test_a_school_and_its_pilot_naming_are_checked(users):
    school = make_school(pilot_level="city", pilot_since=2023, pilot_document="泉教〔2023〕5号")
    assert school.unit.key == "education" and school.pilot_level == "city"
    with pytest.raises(ValidationError) as refused:
        make_school(name="另一所学校", pilot_level="county")
    assert "pilot_since" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        make_school(name=school.name)
    assert "name" in refused.value.message_dict
    schools.name_pilot(school, users["office"], pilot_level="")
    school.refresh_from_db()
    assert (school.pilot_level, school.pilot_since, school.pilot_document) == ("", None, "")
    with pytest.raises(PermissionDenied):
        schools.name_pilot(school, users["amr-liaison"], pilot_level="county", pilot_since=2024)
    assert [event.kind for event in events_of(school)][:2] == ["school.pilot", "school.created"]


def test_students_works_are_linked_to_the_register_as_it_brings_them(users):
    school = make_school()
    number = patent_number(2024, "2", 4321)
    work = schools.add_work(
        school, users["office"], title="可折叠书包架", students="陈同学", year=2024, number="ZL" + number
    )
    assert work.number == number  # kept as the register writes it
    assert schools.linked_patents([work]) == {}
    patent, _ = create_patent(None, number, title="一种可折叠书包架", filing_date=datetime.date(2024, 3, 1))
    assert schools.linked_patents([work]) == {number: patent}
    fair = schools.add_work(
        school, None, title="智能浇花器", students="林同学", year=2024, fair="泉州市青少年科技创新大赛", award="二等奖"
    )
    assert fair.number == ""
    with pytest.raises(ValidationError) as refused:
        schools.add_work(school, None, title="x", students="y", year=2024)
    assert "number" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        schools.add_work(school, None, title="x", students="y", year=2024, number="20241234")
    assert "number" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        schools.add_work(school, None, title="x", students="y", year=2024, number=number, award="一等奖")
    assert "fair" in refused.value.message_dict


def test_an_activity_in_schools_names_its_school_and_the_figures_add_up(users):
    school = make_school()
    with pytest.raises(ValidationError) as refused:
        make_activity(kind="school", campaign="schools", title="进校园")
    assert "school" in refused.value.message_dict
    with pytest.raises(ValidationError):
        make_activity(kind="training", school=school)
    for teachers, students in ((3, 120), (2, 80)):
        make_activity(
            kind="school", school=school, audience="students", teachers_trained=teachers, students_reached=students
        )
    for n in range(3):
        schools.add_work(
            school, None, title=f"作品{n}", students="学生", year=2024, number=patent_number(2024, "2", 100 + n)
        )
    schools.add_work(school, None, title="参赛作品", students="学生", year=2024, fair="科技创新大赛")
    figures = schools.school_figures(School.objects.filter(pk=school.pk)).get()
    assert (figures.activity_count, figures.teachers, figures.students_reached) == (2, 5, 200)
    assert (figures.work_count, figures.patent_count, figures.fair_count) == (4, 3, 1)
    with pytest.raises(ValidationError) as refused:
        activities.create_activity(
            None,
            kind="school",
            title="x",
            audience="students",
            starts_on=datetime.date(2024, 5, 1),
            school=school,
            unit=school.unit,
            students_reached=-1,
        )
    assert "students_reached" in refused.value.message_dict


def test_the_school_pages_as_their_users_see_them(client_for):
    shuitou = make_school(name="水头中学", pilot_level="county", pilot_since=2023)
    make_school(name="溪美小学", township="350583001", level="primary")
    seen = {
        name: {
            title
            for title in ("水头中学", "溪美小学")
            if title in client_for(name).get(reverse("school-list")).content.decode()
        }
        for name in ("office", "shuitou-liaison")
    }
    assert seen == {"office": {"水头中学", "溪美小学"}, "shuitou-liaison": {"水头中学"}}
    office = client_for("office")
    step = reverse("school-step", args=[shuitou.pk])
    form = {
        "step": "work",
        "work-title": "防近视台灯",
        "work-students": "王同学",
        "work-year": "2024",
        "work-number": "2024 1",
    }
    refused = office.post(step, form)
    assert refused.status_code == 400 and "防近视台灯" in refused.content.decode()
    office.post(step, {**form, "work-number": patent_number(2024, "2", 999)})
    page = office.get(reverse("school-detail", args=[shuitou.pk])).content.decode()
    assert "防近视台灯" in page and 'data-testid="unmatched"' in page
    exported = office.get(reverse("school-export"))
    rows = list(openpyxl.load_workbook(BytesIO(exported.content)).active.iter_rows(values_only=True))
    row = next(row for row in rows if row[0] == "水头中学")
    assert row[8] == 1  # one student patent application
    created = office.post(reverse("school-new"), {"name": "官桥小学", "level": "primary", "region": shuitou.region_id})
    assert created.status_code == 302 and School.objects.get(name="官桥小学").unit.key == "education"


def test_the_office_corrects_a_schools_details_and_the_page_shows_them(users, client_for):
    school = make_school(name="水头中学", pilot_level="county", pilot_since=2023, pilot_document="南教〔2023〕9号")
    make_school(name="溪美中学", township="350583001")
    ximei, science = Region.objects.get(code="350583001"), Unit.objects.get(key="science")
    with pytest.raises(ValidationError) as refused:  # a name the new township has already
        schools.change_school(school, users["office"], name="溪美中学", region=ximei)
    assert "name" in refused.value.message_dict
    schools.change_school(
        school, users["office"], name=" 溪美第二中学 ", level="senior", region=ximei, unit=science, pilot_level=""
    )
    school.refresh_from_db()
    assert (school.name, school.level, school.region, school.unit) == ("溪美第二中学", "senior", ximei, science)
    assert (school.pilot_level, school.pilot_since, school.pilot_document) == ("", None, "")
    corrected = events_of(school).first()
    assert corrected.kind == "school.corrected" and corrected.user == users["office"]
    assert "学校名称" in corrected.data["changed"] and "乡镇（街道）" in corrected.data["changed"]
    schools.change_school(school, users["office"], name="溪美第二中学")  # nothing changed: no event
    assert [event.kind for event in events_of(school)][:2] == ["school.corrected", "school.created"]
    office = client_for("office")
    page = office.get(reverse("school-detail", args=[school.pk])).content.decode()
    shown = ['<dd class="col-sm-8">溪美街道</dd>', '<dd class="col-sm-8">市科技局</dd>', "<h1", "溪美第二中学"]
    assert all(part in page for part in shown) and 'data-testid="pilot"' not in page
    assert 'name="change-name"' in page and 'value="溪美第二中学"' in page  # the form holds the details as they are
    step = reverse("school-step", args=[school.pk])
    form = {"step": "change", "change-name": "溪美实验中学", "change-level": "junior", "change-region": ximei.pk}
    refused = office.post(step, {**form, "change-unit": science.pk, "change-pilot_level": "city"})
    assert refused.status_code == 400 and "溪美实验中学" in refused.content.decode()  # a level without its year
    assert office.post(step, {**form, "change-unit": science.pk}).status_code == 302
    page = office.get(reverse("school-detail", args=[school.pk])).content.decode()
    assert "溪美实验中学" in page and '<dd class="col-sm-8">初中</dd>' in page


def test_a_liaison_corrects_its_schools_details_within_its_own_township(users, client_for, api_for):
    liaison = users["shuitou-liaison"]
    shuitou = Region.objects.get(code="350583119")
    school = schools.create_school(liaison, name="水头小学", level="primary", region=shuitou)
    other = make_school(name="溪美小学", township="350583001")
    with pytest.raises(ValidationError, match="本辖区") as refused:  # another township is not its own
        schools.change_school(school, liaison, region=Region.objects.get(code="350583001"))
    assert "region" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:  # only the office names another unit in charge
        schools.change_school(school, liaison, unit=Unit.objects.get(key="education"))
    assert list(refused.value.message_dict) == ["unit"]
    with pytest.raises(PermissionDenied):  # a school its unit does not follow
        schools.change_school(other, liaison, name="溪美中心小学")
    page = client_for("shuitou-liaison").get(reverse("school-detail", args=[school.pk])).content.decode()
    assert 'name="change-name"' in page and 'name="change-unit"' not in page
    step = reverse("school-step", args=[school.pk])
    form = {"step": "change", "change-name": "水头中心小学", "change-level": "primary", "change-region": shuitou.pk}
    assert client_for("shuitou-liaison").post(step, form).status_code == 302
    school.refresh_from_db()
    assert (school.name, school.region, school.unit) == ("水头中心小学", shuitou, liaison.unit)
    assert events_of(school).first().kind == "school.corrected"
    answer = api_for("shuitou-liaison").post(
        f"/api/v1/outreach/schools/{school.pk}/step/",
        {"step": "change", "name": "水头镇中心小学", "level": "primary", "region": shuitou.pk, "note": "更名"},
        format="json",
    )
    assert answer.status_code == 200 and answer.json()["name"] == "水头镇中心小学", answer.content


HEADERS = ["学校名称", "所在乡镇（街道）", "活动名称", "活动日期", "地点", "学时", "培训教师人数", "覆盖学生人数"]


def test_a_list_of_activities_in_schools_imports_bad_rows_named_and_a_second_import_changes_nothing(users, tmp_path):
    from ..finance.factories import import_rows

    school = make_school(name="水头中学")
    rows = [
        ["水头中学", "", "发明创造讲座", "2024-05-20", "报告厅", "2", "12", "360人"],
        ["不存在的学校", "", "讲座", "2024-05-21", "", "", "", ""],
        ["水头中学", "", "专利小课堂", "2024-05-22", "", "", "三十", ""],
    ]
    batch = import_rows(tmp_path, users["office"], "school-activities", HEADERS, rows, "进校园.xlsx")
    assert (batch.created_count, batch.rejected_count) == (1, 2)
    assert {r.row for r in batch.rejections.all()} == {3, 4}
    activity = school.activities.get()
    assert (activity.kind, activity.teachers_trained, activity.students_reached) == ("school", 12, 360)
    again = import_rows(tmp_path, users["office"], "school-activities", HEADERS, rows[:1], "again.xlsx")
    assert (again.created_count, school.activities.count()) == (0, 1)
