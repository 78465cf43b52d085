from .copyrights import Copyright, CopyrightKind, WorkCategory, create_copyright
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
from .patents import Patent, PatentEvent, PatentEventKind, PatentQuerySet, PatentType, create_patent
from .trademarks import (
    Trademark,
    TrademarkEvent,
    TrademarkEventKind,
    TrademarkKind,
    TrademarkQuerySet,
    create_trademark,
)

__all__ = [
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
    "Trademark",
    "TrademarkEvent",
    "TrademarkEventKind",
    "TrademarkKind",
    "TrademarkQuerySet",
    "WorkCategory",
    "create_copyright",
    "create_patent",
    "create_trademark",
    "validate_industry_code",
    "validate_uscc",
]
