"""Reminders to holders: patent annuities and trademark term ends, once per record and date, to the holder's users."""

import io
from datetime import date

import pytest
from django.core.management import call_command

from zhichan.core.extensions import DAILY
from zhichan.core.models import Notification, Region, User
from zhichan.core.roles import Role
from zhichan.registry.identifiers import patent_check_digit
from zhichan.registry.models import Enterprise, PatentEvent, TrademarkEvent
from zhichan.registry.services.entries import create_patent, create_trademark
from zhichan.registry.services.reminders import annuity_reminders, daily_reminders, renewal_reminders

pytestmark = pytest.mark.django_db

TODAY = date(2025, 2, 20)


@pytest.fixture
def holder():
    region = Region.objects.get(code="350583101")
    enterprise = Enterprise.objects.create(name="提醒测试企业", region=region)
    user = User.objects.create_user("holder-user", role=Role.ENTERPRISE)
    colleague = User.objects.create_user("holder-colleague", role=Role.ENTERPRISE)
    gone = User.objects.create_user("holder-gone", role=Role.ENTERPRISE, is_active=False)
    enterprise.members.add(user, colleague, gone)
    return enterprise


@pytest.fixture
def other():
    region = Region.objects.get(code="350583119")
    enterprise = Enterprise.objects.create(name="另一家企业", region=region)
    enterprise.members.add(User.objects.create_user("other-user", role=Role.ENTERPRISE))
    return enterprise


def utility_model(number, filed, holders, granted=None):
    patent, _ = create_patent(
        None,
        number,
        title="一种测试装置",
        filing_date=filed,
        grant_date=granted or filed.replace(month=9),
        holders=holders,
    )
    return patent


def keys_of(username):
    return sorted(Notification.objects.filter(user__username=username).values_list("key", flat=True))


def test_annuity_reminder_once_per_patent_and_due_date(holder, other):
    due = utility_model("202020123456.8", date(2020, 3, 10), [holder])  # annuity due 2025-03-10
    assert annuity_reminders(TODAY) == 2  # the two active users; not the inactive one
    assert annuity_reminders(TODAY) == 0
    assert keys_of("holder-user") == keys_of("holder-colleague") == [f"patent-annuity:{due.pk}:2025-03-10"]
    assert Notification.objects.filter(user__username="holder-user").get().url == f"/registry/patents/{due.pk}/"
    assert keys_of("holder-gone") == keys_of("other-user") == []
    assert keys_of("enterprise") == keys_of("office") == []
    # The next year's annuity is another reminder.
    assert annuity_reminders(date(2026, 2, 20)) == 2
    assert len(keys_of("holder-user")) == 2


def test_no_reminder_for_lapsed_far_or_pending_patents(holder, settings):
    lapsed = utility_model("202020123457.2", date(2020, 3, 1), [holder])
    PatentEvent.objects.create(patent=lapsed, date=date(2024, 3, 1), kind="lapse", text="未缴年费专利权终止")
    utility_model("202020123458.7", date(2020, 4, 30), [holder])  # due 2025-04-30: 69 days ahead
    create_patent(None, "202410123459.4", title="一种待审方法", filing_date=date(2024, 3, 1), holders=[holder])
    assert annuity_reminders(TODAY) == 0
    settings.ANNUITY_REMINDER_DAYS = 90
    assert annuity_reminders(TODAY) == 2
    assert {key.split(":")[2] for key in keys_of("holder-user")} == {"2025-04-30"}


def test_queries_do_not_grow_with_patents(holder, django_assert_max_num_queries):
    for serial in range(12):
        digits = f"20202012{3460 + serial:04d}"
        utility_model(f"{digits}.{patent_check_digit(digits)}", date(2020, 3, 1 + serial), [holder])
    assert annuity_reminders(TODAY) == 24
    with django_assert_max_num_queries(8):
        assert annuity_reminders(TODAY) == 0


def test_trademark_renewal_reminder(holder, other):
    ending, _ = create_trademark(
        None, "12345678", mark="测试", nice_classes="19", registration_date=date(2015, 6, 1), holders=[holder]
    )
    renewed, _ = create_trademark(
        None, "12345679", mark="续展", nice_classes="19", registration_date=date(2015, 5, 1), holders=[holder]
    )
    TrademarkEvent.objects.create(trademark=renewed, date=date(2024, 12, 1), kind="renewal", text="商标续展")
    create_trademark(
        None, "12345680", mark="别家", nice_classes="11", registration_date=date(2015, 6, 1), holders=[other]
    )
    assert renewal_reminders(TODAY) == 3  # holder's two users for `ending`, other's user for its own
    assert renewal_reminders(TODAY) == 0
    assert keys_of("holder-user") == [f"trademark-renewal:{ending.pk}:2025-05-31"]


def test_send_reminders_runs_the_registry_hook(holder):
    assert daily_reminders in DAILY
    utility_model("202020123456.8", date(2020, 3, 10), [holder])
    out = io.StringIO()
    call_command("send_reminders", date=TODAY, stdout=out)
    assert "Patent annuities: 2 notifications" in out.getvalue()
    call_command("send_reminders", date=TODAY, stdout=out)
    assert Notification.objects.filter(key__startswith="patent-annuity").count() == 2


def test_the_holder_can_open_the_linked_patent(users, client_for):
    demo = users["enterprise"].enterprises.get()
    utility_model("202020123456.8", date(2020, 3, 10), [demo])
    assert annuity_reminders(TODAY) == 1
    note = Notification.objects.get(user=users["enterprise"])
    assert client_for("enterprise").get(note.url).status_code == 200


def test_trademark_in_its_grace_period_gets_one_reminder(holder):
    lapsing, _ = create_trademark(
        None, "22345678", mark="宽展", nice_classes="19", registration_date=date(2014, 12, 1), holders=[holder]
    )
    create_trademark(
        None, "22345679", mark="过期", nice_classes="19", registration_date=date(2014, 3, 1), holders=[holder]
    )
    assert renewal_reminders(TODAY) == 2  # `lapsing` ended on 2024-11-30; `expired` is past its grace period
    assert renewal_reminders(TODAY) == 0
    note = Notification.objects.get(user__username="holder-user")
    assert note.key == f"trademark-grace:{lapsing.pk}:2024-11-30"
    TrademarkEvent.objects.create(trademark=lapsing, date=date(2025, 3, 1), kind="renewal", text="商标续展")
    assert renewal_reminders(date(2025, 3, 2)) == 0  # renewed: valid again, its new term ends in 2034
