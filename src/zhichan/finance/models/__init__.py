from .banks import Bank, LoanProduct, RightType
from .pledges import Loan, Pledge, PledgedRight
from .rights import unmatched
from .subsidies import (
    AWARDED,
    REVIEW_STAGES,
    Basis,
    Claim,
    Objection,
    Outcome,
    PastAward,
    Purpose,
    Review,
    SchemeBudget,
    Stage,
    SubsidyApplication,
    SubsidyItem,
    SubsidyScheme,
)
from .transactions import CHANGES_HOLDER, LicenceScope, RightTransaction, TransactionKind, TransactionRight

__all__ = [
    "AWARDED",
    "REVIEW_STAGES",
    "CHANGES_HOLDER",
    "Basis",
    "Claim",
    "Objection",
    "Outcome",
    "PastAward",
    "Purpose",
    "Review",
    "SchemeBudget",
    "Stage",
    "SubsidyApplication",
    "SubsidyItem",
    "SubsidyScheme",
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
