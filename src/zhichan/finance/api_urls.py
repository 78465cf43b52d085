from .api import BankViewSet, PledgeViewSet, TransactionViewSet

ROUTES = [
    ("finance/banks", BankViewSet),
    ("finance/pledges", PledgeViewSet),
    ("finance/transactions", TransactionViewSet),
]
