"""Who may open each page and endpoint of the IP registry, and rows to try them with.

tests/core/test_permissions.py walks every URL pattern and checks it against the table of the app that owns it.
"""

from zhichan.core.roles import EVERYONE, PROGRAMME_USERS

from ..core.permissions import OFFICE
from .registers import make_registers

# Query strings for views that answer a bare GET with 400 (a missing parameter).
QUERIES = {"api:api-validate": "?kind=uscc&value=91350583MA0DEMX01X"}

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
}


def rows(users):
    # Registry rows in 水头镇 held by the demo enterprise and in 溪美街道 held by another enterprise.
    make_registers()
