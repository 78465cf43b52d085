from django.utils.translation import gettext_lazy as _

from zhichan.core.modules import Menu, Module
from zhichan.core.roles import PROGRAMME_USERS, SEE_ALL, Role

# Who reads the banks: the office and the leadership (every bank) and a bank's liaison (its own); the pledges also
# the enterprise users (their own enterprises'). No other unit reads loans.
BANK_READERS = frozenset({*SEE_ALL, Role.BANK})
READERS = BANK_READERS | {Role.ENTERPRISE}
# Licences, transfers and auctions: the office enters them; the office, the leadership and the parties read them.
TRANSACTION_READERS = frozenset({*SEE_ALL, Role.ENTERPRISE})


class FinanceConfig(Module):
    name = "zhichan.finance"
    label = "finance"
    verbose_name = _("IP finance")
    menu_group = _("IP finance")
    menu = [
        Menu(_("IP pledges"), "finance-pledge-list", READERS),
        Menu(_("Banks and products"), "finance-bank-list", BANK_READERS),
        Menu(_("Licences, transfers and auctions"), "finance-transaction-list", TRANSACTION_READERS),
        Menu(_("Special fund subsidies"), "finance-scheme-list", PROGRAMME_USERS),
        Menu(_("Subsidy applications"), "finance-application-list", PROGRAMME_USERS),
        Menu(_("Budget execution"), "finance-budget", PROGRAMME_USERS),
    ]
    right_lines = ["lines.pledge_lines", "lines.licence_lines"]
    api_enums = {
        "SubsidyStageEnum": "zhichan.finance.models.subsidies.Stage",
        "SubsidyPurposeEnum": "zhichan.finance.models.subsidies.Purpose",
    }
    first_start = ["first_start.first_start"]
    todos = ["todos.finance_todos", "todos.subsidy_todos"]
    panels = ["panels.bank_panel"]
