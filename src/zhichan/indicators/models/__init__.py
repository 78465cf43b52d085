from .elements import Aggregation, DataElement, DataValue, ValueState, ValueType
from .indicators import Indicator, IndicatorValue

__all__ = [
    "Aggregation",
    "DataElement",
    "DataValue",
    "Indicator",
    "IndicatorValue",
    "ValueState",
    "ValueType",
]
