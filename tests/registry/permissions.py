"""Who may open each page and endpoint of the IP registry, and rows to try them with.

tests/core/test_permissions.py walks every URL pattern and checks it against the table of the app that owns it.
"""

from zhichan.core.roles import EVERYONE, SIGNED_IN

from ..core.permissions import OFFICE
from .registers import make_registers

# Query strings for views that answer a bare GET with 400 (a missing parameter).
QUERIES = {"api:api-validate": "?kind=uscc&value=91350583MA0DEMX01X"}

EXPECTED = {
    "api:api-validate": (EVERYONE, EVERYONE),
    "registry-home": (SIGNED_IN, SIGNED_IN),
    "patent-list": (SIGNED_IN, SIGNED_IN),
    "patent-export": (SIGNED_IN, SIGNED_IN),
    "patent-detail": (SIGNED_IN, SIGNED_IN),
    "trademark-list": (SIGNED_IN, SIGNED_IN),
    "trademark-export": (SIGNED_IN, SIGNED_IN),
    "trademark-detail": (SIGNED_IN, SIGNED_IN),
    "copyright-list": (SIGNED_IN, SIGNED_IN),
    "copyright-export": (SIGNED_IN, SIGNED_IN),
    "copyright-detail": (SIGNED_IN, SIGNED_IN),
    "gi-list": (SIGNED_IN, SIGNED_IN),
    "gi-export": (SIGNED_IN, SIGNED_IN),
    "gi-detail": (SIGNED_IN, SIGNED_IN),
    "enterprise-list": (SIGNED_IN, SIGNED_IN),
    "enterprise-export": (SIGNED_IN, SIGNED_IN),
    "enterprise-detail": (SIGNED_IN, SIGNED_IN),
    "api:patent-list": (SIGNED_IN, OFFICE),
    "api:patent-detail": (SIGNED_IN, OFFICE),
    "api:trademark-list": (SIGNED_IN, OFFICE),
    "api:trademark-detail": (SIGNED_IN, OFFICE),
    "api:copyright-list": (SIGNED_IN, OFFICE),
    "api:copyright-detail": (SIGNED_IN, OFFICE),
    "api:geographicalindication-list": (SIGNED_IN, OFFICE),
    "api:geographicalindication-detail": (SIGNED_IN, OFFICE),
    "api:enterprise-list": (SIGNED_IN, OFFICE),
    "api:enterprise-detail": (SIGNED_IN, OFFICE),
}


def rows(users):
    # Registry rows in 水头镇 held by the demo enterprise and in 溪美街道 held by another enterprise.
    make_registers()
