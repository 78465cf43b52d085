from .certifications import Certification, CertificationState, StandardVersion
from .copyrights import Copyright, CopyrightKind, WorkCategory
from .enterprises import (
    DesignationKind,
    DesignationLevel,
    Enterprise,
    EnterpriseDesignation,
    EnterpriseSize,
    validate_industry_code,
    validate_uscc,
)
from .geographical_indications import GeographicalIndication, GIKind
from .patents import Patent, PatentEvent, PatentEventKind, PatentQuerySet, PatentType
from .trademarks import (
    Trademark,
    TrademarkEvent,
    TrademarkEventKind,
    TrademarkKind,
    TrademarkQuerySet,
)

__all__ = [
    "Certification",
    "CertificationState",
    "Copyright",
    "CopyrightKind",
    "DesignationKind",
    "DesignationLevel",
    "Enterprise",
    "EnterpriseDesignation",
    "EnterpriseSize",
    "GIKind",
    "GeographicalIndication",
    "Patent",
    "PatentEvent",
    "PatentEventKind",
    "PatentQuerySet",
    "PatentType",
    "StandardVersion",
    "Trademark",
    "TrademarkEvent",
    "TrademarkEventKind",
    "TrademarkKind",
    "TrademarkQuerySet",
    "WorkCategory",
    "validate_industry_code",
    "validate_uscc",
]
