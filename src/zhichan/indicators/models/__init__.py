from .elements import UNFINISHED, Aggregation, DataElement, DataValue, ValueState, ValueType
from .indicators import Indicator, IndicatorValue
from .readings import Reading
from .rules import ValidationRule

__all__ = [
    "Aggregation",
    "DataElement",
    "DataValue",
    "Indicator",
    "IndicatorValue",
    "Reading",
    "ValueState",
    "UNFINISHED",
    "ValidationRule",
    "ValueType",
]
