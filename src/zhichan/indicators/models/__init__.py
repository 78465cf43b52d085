from .elements import UNFINISHED, Aggregation, DataElement, DataValue, ValueState, ValueType
from .indicators import Indicator, IndicatorValue
from .rules import ValidationRule

__all__ = [
    "Aggregation",
    "DataElement",
    "DataValue",
    "Indicator",
    "IndicatorValue",
    "ValueState",
    "UNFINISHED",
    "ValidationRule",
    "ValueType",
]
