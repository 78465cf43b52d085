from .catalogue import FieldType, Service, Target, in_language
from .enterprises import EnterpriseRegistration, RegistrationState
from .requests import PublicRequest, RequestState, StateLabel

__all__ = [
    "EnterpriseRegistration",
    "FieldType",
    "PublicRequest",
    "RegistrationState",
    "RequestState",
    "Service",
    "StateLabel",
    "Target",
    "in_language",
]
