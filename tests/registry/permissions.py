"""Who may open each page and endpoint of the IP registry, and rows to try them with.

tests/core/test_permissions.py walks every URL pattern and checks it against the table of the app that owns it.
"""

from datetime import date

from zhichan.core.roles import EVERYONE, PROGRAMME_USERS, STAFF, Role
from zhichan.registry.models import Certification

from ..core.permissions import OFFICE
from .registers import make_registers

# Query strings for views that answer a bare GET with 400 (a missing parameter).
QUERIES = {"api:api-validate": "?kind=uscc&value=91350583MA0DEMX01X"}

CERTIFICATE_WRITERS = frozenset({Role.OFFICE, Role.ENTERPRISE})

EXPECTED = {
    "api:api-validate": (EVERYONE, EVERYONE),
    "registry-home": (PROGRAMME_USERS, PROGRAMME_USERS),
    "patent-list": (PROGRAMME_USERS, PROGRAMME_USERS),
    "patent-export": (PROGRAMME_USERS, PROGRAMME_USERS),
    "patent-detail": (PROGRAMME_USERS, PROGRAMME_USERS),
    "trademark-list": (PROGRAMME_USERS, PROGRAMME_USERS),
    "trademark-export": (PROGRAMME_USERS, PROGRAMME_USERS),
    "trademark-detail": (PROGRAMME_USERS, PROGRAMME_USERS),
    "copyright-list": (PROGRAMME_USERS, PROGRAMME_USERS),
    "copyright-export": (PROGRAMME_USERS, PROGRAMME_USERS),
    "copyright-detail": (PROGRAMME_USERS, PROGRAMME_USERS),
    "gi-list": (PROGRAMME_USERS, PROGRAMME_USERS),
    "gi-export": (PROGRAMME_USERS, PROGRAMME_USERS),
    "gi-detail": (PROGRAMME_USERS, PROGRAMME_USERS),
    "enterprise-list": (PROGRAMME_USERS, PROGRAMME_USERS),
    "enterprise-export": (PROGRAMME_USERS, PROGRAMME_USERS),
    "enterprise-detail": (PROGRAMME_USERS, PROGRAMME_USERS),
    "api:patent-list": (PROGRAMME_USERS, OFFICE),
    "api:patent-detail": (PROGRAMME_USERS, OFFICE),
    "api:trademark-list": (PROGRAMME_USERS, OFFICE),
    "api:trademark-detail": (PROGRAMME_USERS, OFFICE),
    "api:copyright-list": (PROGRAMME_USERS, OFFICE),
    "api:copyright-detail": (PROGRAMME_USERS, OFFICE),
    "api:geographicalindication-list": (PROGRAMME_USERS, OFFICE),
    "api:geographicalindication-detail": (PROGRAMME_USERS, OFFICE),
    "api:enterprise-list": (PROGRAMME_USERS, OFFICE),
    "api:enterprise-detail": (PROGRAMME_USERS, OFFICE),
    # GB/T 29490 certificates: the office writes any, an enterprise user its own enterprise's (the action decides).
    "enterprise-certify": (PROGRAMME_USERS, CERTIFICATE_WRITERS),
    "certification-detail": (PROGRAMME_USERS, PROGRAMME_USERS),
    "certification-step": (PROGRAMME_USERS, CERTIFICATE_WRITERS),
    "cultivation": (STAFF, STAFF),
    "cultivation-export": (STAFF, STAFF),
    # The API writes them as the pages do: POST (list), `step` and DELETE (detail), through the same actions.
    "api:certification-list": (PROGRAMME_USERS, CERTIFICATE_WRITERS),
    "api:certification-detail": (PROGRAMME_USERS, CERTIFICATE_WRITERS),
    "api:certification-step": (PROGRAMME_USERS, CERTIFICATE_WRITERS),
}


def rows(users):
    # Registry rows in 水头镇 held by the demo enterprise and in 溪美街道 held by another enterprise.
    # A certificate of each: the demo enterprise's (水头镇) and the other's (溪美街道).
    registers = make_registers()
    for enterprise, number in ((registers.own, "PERM-0001"), (registers.other, "PERM-0002")):
        Certification.objects.create(
            enterprise=enterprise,
            standard_version="2023",
            body="权限测试认证有限公司",
            number=number,
            issued_on=date(2024, 6, 1),
            expires_on=date(2027, 5, 31),
        )
