"""Demo accounts, one per role, with random passwords written to var/demo-accounts.txt."""

import secrets
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal

from ..models import Region, Role, Unit, UnitKind, User

# The region whose organisation the demo accounts' units belong to: the built-in organisation file's
# (data/organisations/nanan-2022.yaml); unit keys are unique only within one region's organisation.
DEMO_ORGANISATION = "350583"

# (username, role, unit key, display name); the enterprise user's enterprise comes from the registry.
DEMO_ACCOUNTS = [
    ("office", Role.OFFICE, "office", "领导小组办公室（演示）"),
    ("leader", Role.LEADER, "gov", "领导小组（演示）"),
    ("amr-liaison", Role.UNIT_LIAISON, "amr", "市市场监管局联络员（演示）"),
    ("court-liaison", Role.UNIT_LIAISON, "court", "市法院联络员（演示）"),
    ("shuitou-liaison", Role.TOWNSHIP_LIAISON, "region-350583119", "水头镇联络员（演示）"),
    # The other ends of a transfer to criminal justice (行刑衔接): the police and the procuratorate.
    ("police-liaison", Role.UNIT_LIAISON, "police", "市公安局联络员（演示）"),
    ("procuratorate-liaison", Role.UNIT_LIAISON, "procuratorate", "市检察院联络员（演示）"),
    # The finance bureau reviews subsidy applications last and pays them.
    ("finance-liaison", Role.UNIT_LIAISON, "finance", "市财政局联络员（演示）"),
    ("enterprise", Role.ENTERPRISE, None, "企业用户（演示）"),
    ("bank", Role.BANK, "demo-bank", "演示银行联络员（演示）"),
]
# Units the demo accounts need beyond the organisation file's: a synthetic bank (finance's demo bank uses it).
DEMO_UNITS = {"demo-bank": ("南安演示银行（演示）", "Demo Bank, Nan'an branch (synthetic)", UnitKind.BANK)}

# Sent with the enterprise demo user, so the registry can give it an enterprise without core importing it.
demo_enterprise_user_created = Signal()


def accounts_file() -> Path:
    return settings.VAR_DIR / "demo-accounts.txt"


def demo_accounts_present() -> bool:
    """The file lists the accounts and they exist in this database (a recreated database has none)."""
    names = [username for username, *_ in DEMO_ACCOUNTS]
    return accounts_file().exists() and User.objects.filter(username__in=names).count() == len(names)


def demo_unit(key: str) -> Unit:
    """The demo organisation's unit of that key, made first when it is one of DEMO_UNITS."""
    organisation = Region.objects.get(code=DEMO_ORGANISATION)
    if key in DEMO_UNITS and not Unit.objects.filter(organisation=organisation, key=key).exists():
        name, name_en, kind = DEMO_UNITS[key]
        Unit.objects.create(
            organisation=organisation, region=organisation, key=key, name=name, name_en=name_en, kind=kind, order=900
        )
    return Unit.objects.get(organisation=organisation, key=key)


@transaction.atomic
def create_demo_accounts() -> list[tuple[str, str, str]]:
    """Create (or reset) the demo accounts and return (username, password, role) for each."""
    rows = []
    for username, role, unit_key, full_name in DEMO_ACCOUNTS:
        password = secrets.token_urlsafe(12)
        user = User.objects.filter(username=username).first() or User(username=username)
        user.role = role
        user.first_name = full_name
        user.unit = demo_unit(unit_key) if unit_key else None
        user.is_staff = user.is_superuser = role == Role.OFFICE
        user.set_password(password)
        user.save()
        rows.append((username, password, role.value))
        if role == Role.ENTERPRISE:
            demo_enterprise_user_created.send(sender=User, user=user)
    path = accounts_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{u} {p} {r}\n" for u, p, r in rows), encoding="utf-8")
    path.chmod(0o600)
    return rows
