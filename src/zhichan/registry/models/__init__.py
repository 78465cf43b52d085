from .enterprises import Enterprise, validate_uscc
from .patents import Patent, PatentEvent, PatentEventKind, PatentQuerySet, PatentType, create_patent

__all__ = [
    "Enterprise",
    "Patent",
    "PatentEvent",
    "PatentEventKind",
    "PatentQuerySet",
    "PatentType",
    "create_patent",
    "validate_uscc",
]
