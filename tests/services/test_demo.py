"""The demo data: synthetic, deterministic, entered once, and quick."""

import time

from zhichan.services.models import Agency, CustodyApplication, CustodyEngagement, Outlet, OutletActivity
from zhichan.services.services.demo import create_demo_services, demo_services_present

from .factories import make_enterprise


def test_demo_data_is_synthetic_and_deterministic(users):
    for n in range(1, 6):
        make_enterprise(n)
    began = time.monotonic()
    agencies, outlets, engagements, applications = create_demo_services()
    assert time.monotonic() - began < 10
    from zhichan.registry.models import Enterprise

    with_codes = min(Enterprise.objects.filter(uscc__isnull=False).count(), 40)
    assert (agencies, outlets, engagements) == (30, 10, with_codes)
    assert demo_services_present()
    assert not Agency.objects.filter(synthetic=False).exists() and not Outlet.objects.filter(synthetic=False).exists()
    assert CustodyEngagement.objects.filter(synthetic=True).count() == with_codes
    # The last engagement's application accepted with it, one awaiting a decision (not in the register).
    assert applications == 2
    states = sorted(CustodyApplication.objects.filter(synthetic=True).values_list("state", flat=True))
    assert states == ["accepted", "received"]
    accepted = CustodyApplication.objects.get(state="accepted")
    assert accepted.engagement == CustodyEngagement.objects.order_by("-pk").first()
    assert CustodyApplication.objects.filter(enterprise__isnull=True).count() == 1
    assert OutletActivity.objects.count() == 40
    # Seeded: the same names and dates every time.
    assert Agency.objects.order_by("uscc").values_list("name", flat=True)[0] == "演示官桥专利代理事务所1"
