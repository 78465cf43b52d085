"""Rows the services tests (and the permission tests) build: valid credit codes, an agency, an outlet, a registry
enterprise, a custody engagement and a custody application, each through its action."""

import datetime

from stdnum.cn import uscc as stdnum_uscc

from zhichan.core.models import Region, RegionKind, Unit

D = datetime.date


def uscc(n: int, prefix: str = "91350583MA2Y") -> str:
    body = f"{prefix}{n:05d}"
    return body + stdnum_uscc.calc_check_digit(body)


def township(index: int = 0):
    return Region.objects.filter(kind__in=RegionKind.township_level()).order_by("path")[index]


def make_agency(user=None, n=1, unit_key="amr", **values):
    from zhichan.services.services import agencies

    fields = {
        "name": f"测试知识产权代理所{n}",
        "uscc": uscc(n),
        "kinds": ["patent-agency"],
        "region": township(),
        "settled_on": D(2023, 5, 1),
    }
    fields.update(values)
    supervisor = Unit.objects.get(key=unit_key) if user is None else None
    return agencies.create_agency(user, supervisor=supervisor, **fields)


def make_outlet(user=None, n=1, unit_key="amr", **values):
    from zhichan.services.services import outlets

    fields = {
        "kind": "brand-station",
        "name": f"测试商标品牌指导站{n}",
        "host": "测试商会",
        "region": township(),
        "established_on": D(2023, 3, 1),
    }
    fields.update(values)
    unit = Unit.objects.get(key=unit_key) if user is None else None
    return outlets.create_outlet(user, unit=unit, **fields)


def make_enterprise(n=1, region=None, industry_code="C3032"):
    from zhichan.registry.models import Enterprise

    return Enterprise.objects.create(
        name=f"测试企业{n}", uscc=uscc(n, "91350583MA3X"), region=region or township(), industry_code=industry_code
    )


def make_engagement(user=None, n=1, unit_key="amr", agency=None, enterprise=None, **values):
    from zhichan.services.services import custody

    fields = {
        "enterprise": enterprise or make_enterprise(n),
        "agency": agency or make_agency(None, n=100 + n),
        "agreement_number": f"TG-{n}",
        "start": D(2024, 1, 1),
        "end": D(2024, 12, 31),
        "custody_scope": "partial",
        "services": ["advice", "maintenance"],
        "fee": "20000",
        "payer": "both",
        "enterprise_share": "10000",
        "subsidy": "10000",
    }
    fields.update(values)
    unit = Unit.objects.get(key=unit_key) if user is None else None
    return custody.create_engagement(user, unit=unit, **fields)


def make_application(user=None, n=1, unit_key="amr", **values):
    """An application for custody, as the portal's intake or a unit's counter takes it in."""
    from zhichan.services.services import custody_applications

    fields = {
        "enterprise_name": f"申请托管企业{n}",
        "credit_code": uscc(n, "91350583MA4W"),
        "contact_name": "张三丰",
        "contact_phone": "13912345678",
        "contact_email": "zhang@example.com",
        "services": ["maintenance"],
        "custody_scope": "partial",
        "matter": "希望托管专利年费和商标续展。",
        "received_on": D(2024, 5, 6),
    }
    fields.update(values)
    unit = Unit.objects.get(key=unit_key) if user is None else None
    return custody_applications.receive_application(user, unit=unit, **fields)
