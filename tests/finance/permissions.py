"""Who may open each page and endpoint of the finance module, and rows to try them with: the demo bank (whose liaison
is the demo bank user) and another bank, each with a pledge. The office and the leadership read everything, a bank's
liaison only its own bank's, an enterprise user its own enterprises' pledges; no other unit reads them. The office
enters banks; the office and a bank's liaison enter that bank's products, pledges and loans."""

import datetime

from zhichan.core.roles import SEE_ALL, Role

BANK_READERS = frozenset({*SEE_ALL, Role.BANK})
READERS = BANK_READERS | {Role.ENTERPRISE}
TRANSACTION_READERS = frozenset({*SEE_ALL, Role.ENTERPRISE})
WRITERS = frozenset({Role.OFFICE, Role.BANK})
OFFICE = frozenset({Role.OFFICE})

EXPECTED = {
    "finance-pledge-list": (READERS, READERS),
    "finance-pledge-export": (READERS, READERS),
    "finance-pledge-figures": (READERS, READERS),
    "finance-pledge-figures-export": (READERS, READERS),
    "finance-pledge-new": (WRITERS, WRITERS),
    "finance-pledge-detail": (READERS, WRITERS),
    "finance-pledge-step": (READERS, WRITERS),
    "finance-bank-list": (BANK_READERS, OFFICE),
    "finance-bank-detail": (BANK_READERS, WRITERS),
    "finance-bank-step": (BANK_READERS, WRITERS),
    "api:bank-list": (BANK_READERS, WRITERS),
    "api:bank-detail": (BANK_READERS, WRITERS),
    "api:bank-step": (BANK_READERS, WRITERS),
    "api:pledge-list": (READERS, WRITERS),
    "api:pledge-detail": (READERS, WRITERS),
    "api:pledge-step": (READERS, WRITERS),
    "finance-transaction-list": (TRANSACTION_READERS, TRANSACTION_READERS),
    "finance-transaction-new": (OFFICE, OFFICE),
    "finance-transaction-detail": (TRANSACTION_READERS, TRANSACTION_READERS),
    "api:righttransaction-list": (TRANSACTION_READERS, OFFICE),
    "api:righttransaction-detail": (TRANSACTION_READERS, OFFICE),
}


def rows(users):
    from .factories import make_bank, make_pledge

    own = make_bank(unit=users["bank"].unit)
    other = make_bank(name="另一银行南安支行")
    make_pledge(own, "Y2023000001")
    make_pledge(other, "Y2023000002")
    from zhichan.finance.services.transactions import record_transaction

    own = users["enterprise"].enterprises.first().uscc
    for n, code in enumerate(["", own]):  # the enterprise user is a party to the second only
        record_transaction(
            None,
            kind="licence",
            day=datetime.date(2024, 1, 2),
            rights=[("patent", "202010000001.5")],
            party_from=f"甲{n}",
            party_to="乙",
            party_to_code=code,
        )
