from .catalogue import FieldType, Service, Target, in_language
from .enterprises import EnterpriseRegistration, RegistrationState
from .news import Notice, NoticeKind
from .requests import PublicRequest, RequestState, StateLabel

__all__ = [
    "EnterpriseRegistration",
    "FieldType",
    "Notice",
    "NoticeKind",
    "PublicRequest",
    "RegistrationState",
    "RequestState",
    "Service",
    "StateLabel",
    "Target",
    "in_language",
]
