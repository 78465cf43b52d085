"""Who may open each page and endpoint of the finance module, and rows to try them with: the demo bank (whose liaison
is the demo bank user) and another bank, each with a pledge. The office and the leadership read everything, a bank's
liaison only its own bank's, an enterprise user its own enterprises' pledges; no other unit reads them. The office
enters banks; the office and a bank's liaison enter that bank's products, pledges and loans."""

import datetime

from zhichan.core.roles import PROGRAMME_USERS, SEE_ALL, Role

BANK_READERS = frozenset({*SEE_ALL, Role.BANK})
READERS = BANK_READERS | {Role.ENTERPRISE}
TRANSACTION_READERS = frozenset({*SEE_ALL, Role.ENTERPRISE})
WRITERS = frozenset({Role.OFFICE, Role.BANK})
OFFICE = frozenset({Role.OFFICE})
# Subsidies: every user of the programme reads the schemes, the public notice and the budget; an application is read
# by its applicant, its township, the paying unit, the office and the leadership (the scope), and written by them.
APPLICANTS = frozenset({Role.OFFICE, Role.ENTERPRISE})
REVIEWERS = frozenset({Role.OFFICE, Role.TOWNSHIP_LIAISON, Role.UNIT_LIAISON, Role.ENTERPRISE})
PAYMENT_READERS = frozenset({Role.OFFICE, Role.LEADER, Role.UNIT_LIAISON})

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
    "finance-scheme-list": (PROGRAMME_USERS, OFFICE),
    "finance-scheme-detail": (PROGRAMME_USERS, PROGRAMME_USERS),
    "finance-payment-list": (PAYMENT_READERS, PAYMENT_READERS),
    "finance-application-list": (PROGRAMME_USERS, PROGRAMME_USERS),
    "finance-application-export": (PROGRAMME_USERS, PROGRAMME_USERS),
    "finance-application-new": (APPLICANTS, APPLICANTS),
    "finance-application-detail": (PROGRAMME_USERS, REVIEWERS),
    "finance-application-step": (PROGRAMME_USERS, REVIEWERS),
    "finance-notice-list": (PROGRAMME_USERS, PROGRAMME_USERS),
    "finance-budget": (PROGRAMME_USERS, PROGRAMME_USERS),
    "finance-budget-export": (PROGRAMME_USERS, PROGRAMME_USERS),
    "api:subsidyscheme-list": (PROGRAMME_USERS, frozenset({Role.OFFICE})),
    "api:subsidyscheme-detail": (PROGRAMME_USERS, frozenset({Role.OFFICE})),
    "api:subsidyapplication-list": (PROGRAMME_USERS, REVIEWERS),
    "api:subsidyapplication-detail": (PROGRAMME_USERS, REVIEWERS),
    "api:subsidyapplication-step": (PROGRAMME_USERS, REVIEWERS),
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
    _subsidy_rows(users)


def _subsidy_rows(users):
    """A scheme and two submitted applications: the demo enterprise's (in 水头镇, reviewed by the demo township
    liaison) and another enterprise's in another township."""
    from django.conf import settings

    from zhichan.core.services.deadline_rules import DEFAULT_RULES, load_rules
    from zhichan.finance.services import subsidies

    from .factories import make_enterprise
    from .subsidy_fixtures import DAY, application_for, make_scheme

    load_rules(settings.PROJECT_DIR / DEFAULT_RULES)
    scheme = make_scheme()
    for enterprise in (users["enterprise"].enterprises.first(), make_enterprise(9, "350583001")):
        application = application_for(None, scheme, enterprise, [("navigation", f"南知〔2026〕{enterprise.pk}号")])
        subsidies.submit(application, None, day=DAY)


def drafts(users):
    """The demo enterprise's subsidy application, still a draft, with a claim and a document: read only by the
    enterprise and the office until it is submitted; then by its township, the leadership and the payer too."""
    from zhichan.core.models import Attachment
    from zhichan.finance.models import SubsidyScheme
    from zhichan.finance.services import subsidies

    from ..core.permissions import Draft
    from .subsidy_fixtures import DAY, pdf_file

    enterprise = users["enterprise"]
    application = subsidies.open_application(
        enterprise,
        scheme=SubsidyScheme.objects.get(key="test-subsidy"),
        contact="资助草稿联系人甲乙",
        phone="0595-86999999",
        account_bank="草稿开户银行丙丁",
        account_number="62229999",
        day=DAY,
    )
    item = application.scheme.items.get(key="navigation")
    claim = subsidies.add_claim(application, enterprise, item=item, subject="南知〔2026〕草稿9号")
    subsidies.add_file(application, enterprise, file=pdf_file("草稿证明.pdf"))
    seen_after = {"office", "leader", "shuitou-liaison", "enterprise"}

    def submit_once():
        application.refresh_from_db()
        if application.stage == "draft":
            subsidies.submit(application, enterprise, day=DAY)

    return [
        Draft(
            row=application,
            markers=["资助草稿联系人甲乙", "草稿开户银行丙丁"],
            owner="enterprise",
            submit=submit_once,
            seen_after=seen_after,
            dependents=[claim, *Attachment.objects.on(application)],
        ),
        Draft(  # its claim, read through it
            row=claim,
            markers=["南知〔2026〕草稿9号"],
            owner="enterprise",
            submit=submit_once,
            seen_after=seen_after,
        ),
    ]
