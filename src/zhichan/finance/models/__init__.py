from .banks import Bank, LoanProduct, RightType
from .pledges import Loan, Pledge, PledgedRight

__all__ = ["Bank", "Loan", "LoanProduct", "Pledge", "PledgedRight", "RightType"]
