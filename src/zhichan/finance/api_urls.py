from .api import BankViewSet, PledgeViewSet, TransactionViewSet
from .subsidy_api import ApplicationViewSet, SchemeViewSet

ROUTES = [
    ("finance/banks", BankViewSet),
    ("finance/pledges", PledgeViewSet),
    ("finance/transactions", TransactionViewSet),
    ("finance/subsidy-schemes", SchemeViewSet),
    ("finance/subsidy-applications", ApplicationViewSet),
]
