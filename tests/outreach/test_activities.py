"""Activities and their attendance: who enters what, registration, the phone sign-in matched to the registered
(a name with a different phone is another person; anyone else a guest), feedback, the paper sign-in sheet printed
by the page and imported back (unknown people kept as guests, a row of another unit's activity refused naming its
row), and the training figures."""

import datetime
import io

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from zhichan.core.events import events_of
from zhichan.core.imports.running import run_import
from zhichan.core.models import ImportBatch, Region, Unit
from zhichan.outreach.metrics import Trained, Trainings
from zhichan.outreach.models import Participant
from zhichan.outreach.services import activities, attendance
from zhichan.outreach.services.lists import sign_in_sheet

from .factories import HELD, make_activity

pytestmark = pytest.mark.django_db

PEOPLE = "张三，南安某某石材有限公司，专员，13800000001\n李四\t某某卫浴\t工程师\t13800000002\n王五 13800000003"


def test_a_liaison_enters_its_own_units_activity_and_no_other(users):
    mine = activities.create_activity(
        users["amr-liaison"],
        kind="training",
        title="专利检索培训",
        audience="researchers",
        starts_on=datetime.date(2024, 5, 1),
    )
    assert mine.unit.key == "amr" and mine.region == mine.unit.region
    other = make_activity(unit="science", township="350583001")
    with pytest.raises(PermissionDenied):
        activities.register(other, users["amr-liaison"], people="张三")
    with pytest.raises(PermissionDenied):
        activities.create_activity(
            users["leader"], kind="training", title="x", audience="public", starts_on=datetime.date(2024, 5, 1)
        )
    with pytest.raises(ValidationError) as refused:  # a township liaison works in its own township only
        activities.create_activity(
            users["shuitou-liaison"],
            kind="training",
            title="x",
            audience="public",
            starts_on=datetime.date(2024, 5, 1),
            region=Region.objects.get(code="350583001"),
        )
    assert "region" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:  # teachers and students are counted at schools only
        make_activity(teachers_trained=3)
    assert "teachers_trained" in refused.value.message_dict
    assert [event.kind for event in events_of(mine)] == ["activity.created"]


def test_an_activitys_organiser_and_township_are_corrected_by_the_rules_it_was_entered_by(users):
    activity = make_activity(title="水头培训")  # 市市场监管局's, in 水头镇
    ximei, science = Region.objects.get(code="350583001"), Unit.objects.get(key="science")
    activities.change_activity(activity, users["amr-liaison"], region=ximei, place=" 溪美街道办事处 ")
    activity.refresh_from_db()  # 市市场监管局's liaison works across the county
    assert (activity.region, activity.place) == (ximei, "溪美街道办事处")
    with pytest.raises(ValidationError) as refused:  # only the office names another organiser
        activities.change_activity(activity, users["amr-liaison"], unit=science)
    assert list(refused.value.message_dict) == ["unit"]
    activities.change_activity(activity, users["office"], unit=science, title="溪美培训")
    activity.refresh_from_db()
    assert (activity.unit, activity.region, activity.title) == (science, ximei, "溪美培训")
    changed = [event for event in events_of(activity) if event.kind == "activity.changed"]
    assert len(changed) == 2 and changed[0].user == users["office"]
    assert "主办单位" in changed[0].data["changed"] and "举办地" in changed[1].data["changed"]
    activities.change_activity(activity, users["office"], unit=science, region=ximei)  # nothing changed: no event
    assert len([event for event in events_of(activity) if event.kind == "activity.changed"]) == 2
    with pytest.raises(PermissionDenied):  # no longer 市市场监管局's
        activities.change_activity(activity, users["amr-liaison"], title="x")


def test_a_township_liaison_corrects_its_activity_within_its_township_and_no_further(users, client_for):
    liaison = users["shuitou-liaison"]
    shuitou, ximei = Region.objects.get(code="350583119"), Region.objects.get(code="350583001")
    activity = activities.create_activity(
        liaison, kind="publicity", title="水头宣传", audience="public", starts_on=HELD, place="水头镇政府"
    )
    with pytest.raises(ValidationError, match="本辖区") as refused:
        activities.change_activity(activity, liaison, region=ximei)
    assert "region" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:  # only the office names another organiser
        activities.change_activity(activity, liaison, unit=Unit.objects.get(key="amr"))
    assert list(refused.value.message_dict) == ["unit"]
    page = client_for("shuitou-liaison").get(reverse("activity-detail", args=[activity.pk])).content.decode()
    assert 'name="change-region"' in page and 'name="change-unit"' not in page and 'value="水头宣传"' in page
    form = {
        "step": "change",
        "change-kind": "publicity",
        "change-title": "水头宣传周",
        "change-audience": "public",
        "change-starts_on": HELD.isoformat(),
        "change-region": shuitou.pk,
        "change-place": "水头镇文化广场",
    }
    step = reverse("activity-step", args=[activity.pk])
    refused = client_for("shuitou-liaison").post(step, {**form, "change-region": ximei.pk})
    assert refused.status_code == 400  # 溪美街道 is not among its choices
    assert client_for("shuitou-liaison").post(step, form).status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.region, activity.place) == ("水头宣传周", shuitou, "水头镇文化广场")
    office = client_for("office")
    page = office.get(reverse("activity-detail", args=[activity.pk])).content.decode()
    assert f'<option value="{liaison.unit_id}" selected>' in page  # the organiser as it is
    science = Unit.objects.get(key="science")
    assert office.post(step, {**form, "change-unit": science.pk, "change-region": ximei.pk}).status_code == 302
    page = office.get(reverse("activity-detail", args=[activity.pk])).content.decode()
    assert '<dd class="col-sm-8">市科技局</dd>' in page
    assert '<dd class="col-sm-8">溪美街道 · 水头镇文化广场</dd>' in page
    assert events_of(activity).first().kind == "activity.changed"


def test_bad_details_are_refused_by_field():
    with pytest.raises(ValidationError) as refused:
        make_activity(ends_on=datetime.date(2024, 4, 1), hours=0)
    assert set(refused.value.message_dict) == {"ends_on", "hours"}
    with pytest.raises(ValidationError) as refused:
        make_activity(kind="school", campaign="ip_week")
    assert "campaign" in refused.value.message_dict


def test_registration_reads_pasted_lines_and_skips_who_is_registered(users):
    activity = make_activity()
    made = activities.register(activity, users["amr-liaison"], people=PEOPLE)
    assert [(p.name, p.employer, p.position, p.phone) for p in made] == [
        ("张三", "南安某某石材有限公司", "专员", "13800000001"),
        ("李四", "某某卫浴", "工程师", "13800000002"),
        ("王五", "", "", "13800000003"),
    ]
    with pytest.raises(ValidationError, match="张三"):  # nothing new: said, not silently skipped
        activities.register(activity, users["amr-liaison"], people="张三,南安某某石材有限公司,专员,13800000001")
    with pytest.raises(ValidationError):
        activities.register(activity, users["amr-liaison"], people="\n \n")


def test_phone_sign_in_matches_by_name_and_phone_and_keeps_strangers_as_guests(users):
    activity = make_activity()
    activities.register(activity, None, people=PEOPLE)
    with pytest.raises(ValidationError, match="签到已关闭"):
        attendance.sign_in(activity, None, name="张三")
    activities.open_sign_in(activity, users["amr-liaison"])
    registered, guest = attendance.sign_in(activity, None, name="张三", phone="138 0000 0001")
    assert not guest and registered.attended and registered.source == "registered"
    # the same name with another phone is someone else
    namesake, guest = attendance.sign_in(activity, None, name="李四", phone="13900000000")
    assert guest and namesake.pk != Participant.objects.get(activity=activity, phone="13800000002").pk
    stranger, guest = attendance.sign_in(activity, None, name="赵六", employer="某某光电")
    assert guest and stranger.source == "phone" and stranger.employer == "某某光电"
    figures = attendance.attendance_figures(activity)
    assert (figures["registered"], figures["present"], figures["guests"]) == (3, 3, 2)
    with pytest.raises(ValidationError):
        attendance.sign_in(activity, None, name="  ")


def test_feedback_follows_a_sign_in_and_gives_the_mean(users):
    activity = make_activity()
    activities.open_sign_in(activity, None)
    first, _ = attendance.sign_in(activity, None, name="甲")
    second, _ = attendance.sign_in(activity, None, name="乙")
    attendance.give_feedback(activity, None, participant=first, rating=5, comment="很实用")
    attendance.give_feedback(activity, None, participant=second, rating=2)
    attendance.give_feedback(activity, None, participant=second, rating=4)  # a second one replaces the first
    figures = attendance.attendance_figures(activity)
    assert (figures["ratings"], figures["mean_rating"]) == (2, 4.5)
    with pytest.raises(ValidationError):
        attendance.give_feedback(activity, None, participant=first, rating=6)
    absent = Participant.objects.create(activity=activity, name="丙", source="registered")
    with pytest.raises(ValidationError, match="请先签到"):
        attendance.give_feedback(activity, None, participant=absent, rating=3)


def _sheet_rows(activity, rows, tmp_path, name="签到表.xlsx"):
    """The page's own sign-in sheet, with these rows typed into its blank lines."""
    book = openpyxl.load_workbook(io.BytesIO(sign_in_sheet(activity).render()))
    sheet = book.active
    header_row = 2  # under the note line
    first_blank = next(row[0].row for row in sheet.iter_rows(min_row=header_row + 1) if not row[1].value)
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            sheet.cell(first_blank + offset, column, value)
    path = tmp_path / name
    book.save(path)
    return path


def _import(path, user):
    batch = ImportBatch.objects.create(
        kind="outreach-attendance", user=user, file_name=path.name, language="zh-hans", dry_run=False
    )
    return run_import(batch, path)


def test_the_printed_sign_in_sheet_imports_back_with_guests_never_dropped(users, tmp_path):
    activity = make_activity()
    activities.register(activity, None, people=PEOPLE)
    other = make_activity(unit="science", township="350583001", title="溪美培训")
    path = _sheet_rows(
        activity,
        [
            [activity.pk, "钱七", "某某机械", "技术员", "", "钱七"],  # unknown: kept as a guest
            [other.pk, "孙八", "", "", "", "孙八"],  # another unit's activity: refused, named
            [activity.pk, "", "某某机械", "", "", ""],  # a work unit without a name: refused, named
        ],
        tmp_path,
    )
    # the registered names are printed on the sheet without a mark: only the typed rows say who came
    book = openpyxl.load_workbook(path)
    signed = next(row for row in book.active.iter_rows() if row[1].value == "张三")
    signed[5].value = "✓"  # 张三 signed; 李四 and 王五 did not
    book.save(path)
    batch = _import(path, users["amr-liaison"])
    assert batch.rejected_count == 2
    assert len({r.row for r in batch.rejections.all()}) == 2
    present = {p.name: p for p in activity.participants.filter(attended=True)}
    assert set(present) == {"张三", "钱七"}
    assert present["钱七"].guest and present["钱七"].source == "sheet" and present["钱七"].employer == "某某机械"
    assert not other.participants.exists()
    assert not activity.participants.get(name="李四").attended  # printed, unsigned: absent
    assert activity.participants.count() == 4  # three registered and one guest: no blank line became anyone


def test_training_figures_count_trainings_and_the_people_present(users):
    held = make_activity(starts_on=datetime.date(2024, 3, 1))
    activities.open_sign_in(held, None)
    for name in ("甲", "乙", "丙"):
        attendance.sign_in(held, None, name=name)
    counted = make_activity(starts_on=datetime.date(2024, 6, 1), title="无名单培训")
    activities.record_reach(counted, None, attendees_reported=40)
    make_activity(kind="publicity", starts_on=datetime.date(2024, 4, 26), title="宣传周")
    region = held.region_id
    start, end = datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)
    assert Trainings().values(start, end)[region] == 2
    assert Trained().values(start, end)[region] == 3 + 40
    assert Trained().values(start, datetime.date(2024, 3, 31))[region] == 3
    assert {a.title for a in Trainings().records(start, end, [region])} == {held.title, counted.title}
