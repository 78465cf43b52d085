from django.utils.translation import gettext_lazy as _

from zhichan.core.modules import Menu, Module
from zhichan.core.roles import SEE_ALL, Role

# Who reads the finance pages: the office and the leadership (everything) and a bank's liaison (its own bank's);
# no other unit reads loans.
READERS = frozenset({*SEE_ALL, Role.BANK})


class FinanceConfig(Module):
    name = "zhichan.finance"
    label = "finance"
    verbose_name = _("IP finance")
    menu_group = _("IP finance")
    menu = [
        Menu(_("IP pledges"), "finance-pledge-list", READERS),
        Menu(_("Banks and products"), "finance-bank-list", READERS),
    ]
    right_lines = ["lines.pledge_lines"]
    first_start = ["first_start.first_start"]
