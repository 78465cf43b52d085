from .api import BankViewSet, PledgeViewSet

ROUTES = [("finance/banks", BankViewSet), ("finance/pledges", PledgeViewSet)]
