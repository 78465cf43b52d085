from .banks import Bank, LoanProduct, RightType
from .pledges import Loan, Pledge, PledgedRight
from .rights import unmatched
from .transactions import CHANGES_HOLDER, LicenceScope, RightTransaction, TransactionKind, TransactionRight

__all__ = [
    "CHANGES_HOLDER",
    "Bank",
    "LicenceScope",
    "Loan",
    "LoanProduct",
    "Pledge",
    "PledgedRight",
    "RightTransaction",
    "RightType",
    "TransactionKind",
    "TransactionRight",
    "unmatched",
]
