"""Demo accounts, one per role, with random passwords written to var/demo-accounts.txt."""

import secrets
from pathlib import Path

from django.conf import settings
from django.db import transaction
from stdnum.cn import uscc

from ..models import Region, Role, Unit, User

# (username, role, unit key or township region code, display name)
DEMO_ACCOUNTS = [
    ("office", Role.OFFICE, "office", "领导小组办公室（演示）"),
    ("leader", Role.LEADER, "gov", "领导小组（演示）"),
    ("amr-liaison", Role.UNIT_LIAISON, "amr", "市市场监管局联络员（演示）"),
    ("court-liaison", Role.UNIT_LIAISON, "court", "市法院联络员（演示）"),
    ("shuitou-liaison", Role.TOWNSHIP_LIAISON, "region-350583119", "水头镇联络员（演示）"),
    ("enterprise", Role.ENTERPRISE, None, "企业用户（演示）"),
]
DEMO_ENTERPRISE_REGION = "350583119"  # 水头镇, the stone industry's home


def accounts_file() -> Path:
    return settings.VAR_DIR / "demo-accounts.txt"


def _demo_uscc() -> str:
    body = "91350583MA0DEMX01"  # 91 enterprise, 350583 Nan'an, a made-up body with "DEM"
    return body + uscc.calc_check_digit(body)


@transaction.atomic
def create_demo_accounts() -> list[tuple[str, str, str]]:
    """Create (or reset) the demo accounts and return (username, password, role) for each."""
    from zhichan.registry.models import Enterprise

    rows = []
    for username, role, unit_key, full_name in DEMO_ACCOUNTS:
        password = secrets.token_urlsafe(12)
        user = User.objects.filter(username=username).first() or User(username=username)
        user.role = role
        user.first_name = full_name
        user.unit = Unit.objects.get(key=unit_key) if unit_key else None
        user.is_staff = user.is_superuser = role == Role.OFFICE
        user.set_password(password)
        user.save()
        rows.append((username, password, role.value))
        if role == Role.ENTERPRISE:
            enterprise, _ = Enterprise.objects.get_or_create(
                uscc=_demo_uscc(),
                defaults={
                    "name": "南安示例石材有限公司",
                    "region": Region.objects.get(code=DEMO_ENTERPRISE_REGION),
                    "address": "南安市水头镇（演示地址）",
                    "synthetic": True,
                },
            )
            enterprise.members.add(user)
    path = accounts_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{u} {p} {r}\n" for u, p, r in rows), encoding="utf-8")
    path.chmod(0o600)
    return rows
