"""Loading data elements, their validation rules and indicators from a data file (data/indicators/*.yaml).

Loading twice changes nothing."""

from decimal import Decimal, InvalidOperation

from django.db import transaction

from zhichan.core.models import Region, Unit, UnitKind
from zhichan.core.services.datafile import DataFileError, Reader
from zhichan.core.services.upsert import upsert

from ..discovery import metrics
from ..formulas import FormulaError, check
from ..metrics import RULES
from ..models import Aggregation, DataElement, Indicator, ValidationRule, ValueType
from ..models.elements import PeriodType
from ..models.rules import Operator
from ..periods import WindowKind


def _decimal(reader, path, value):
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise reader.error(path, f"not a number: {value!r}") from None


def _choice(reader, path, value, choices):
    if value not in choices:
        raise reader.error(path, f"expected one of {', '.join(choices)}, not {value!r}")
    return value


def _element(reader, index, row, units):
    path = f"data_elements[{index}]"
    for key in ("code", "name", "unit", "value_type"):
        if not row.get(key):
            raise reader.error(f"{path}.{key}", "missing")
    if units is None and (row.get("units") or row.get("townships")):
        raise reader.error("region", "is required: data elements name units of that region's organisation")
    unknown = [key for key in row.get("units", []) if key not in units]
    for key in ("townships", "population"):
        if key in row and not isinstance(row[key], bool):
            raise reader.error(f"{path}.{key}", f"expected true or false, got {row[key]!r}")
    if unknown:
        raise reader.error(f"{path}.units", f"unknown unit {unknown[0]!r}")
    fields = {
        "name": row["name"],
        "description": row.get("description", ""),
        "unit_of_measure": row["unit"],
        "value_type": _choice(reader, f"{path}.value_type", row["value_type"], ValueType.values),
        "aggregation": _choice(reader, f"{path}.aggregation", row.get("aggregation", "sum"), Aggregation.values),
        "period_type": _choice(reader, f"{path}.period_type", row.get("period_type", "quarter"), PeriodType.values),
        "is_population": bool(row.get("population", False)),
        "min_value": _decimal(reader, f"{path}.min", row.get("min")),
        "max_value": _decimal(reader, f"{path}.max", row.get("max")),
        "decimals": int(row.get("decimals", 2)),
        "order": index,
    }
    element, _ = upsert(DataElement, {"code": row["code"]}, fields)
    wanted = {units[key].pk for key in row.get("units", [])}
    if row.get("townships"):  # every township, street and park administration reports it for its own region
        wanted |= {unit.pk for unit in units.values() if unit.kind == UnitKind.TOWNSHIP and unit.active}
    if set(element.units.values_list("pk", flat=True)) != wanted:
        element.units.set(wanted)
    return element


def _rule(reader, index, row, names):
    """A validation rule: left operator right over data-element names, with its message in Chinese and English."""
    path = f"validation_rules[{index}]"
    for key in ("code", "name", "left", "operator", "right", "message"):
        if not row.get(key) and row.get(key) != 0:
            raise reader.error(f"{path}.{key}", "missing")
    for key in ("left", "right"):
        try:
            used = check(str(row[key]))
        except FormulaError as error:
            raise reader.error(f"{path}.{key}", str(error)) from None
        unknown = sorted(used - names)
        if unknown:
            raise reader.error(f"{path}.{key}", f"unknown data element {unknown[0]!r}")
    fields = {
        "name": row["name"],
        "left": str(row["left"]),
        "operator": _choice(reader, f"{path}.operator", row["operator"], Operator.values),
        "right": str(row["right"]),
        "message": row["message"],
        "message_en": row.get("message_en", ""),
        "order": index,
    }
    rule, _ = upsert(ValidationRule, {"code": row["code"]}, fields)
    return rule


def _indicator(reader, index, row, names, file):
    path = f"indicators[{index}]"
    for key in ("code", "name", "unit", "numerator"):
        if not row.get(key):
            raise reader.error(f"{path}.{key}", "missing")
    for key in ("numerator", "denominator"):
        if row.get(key):
            try:
                used = check(str(row[key]))
            except FormulaError as error:
                raise reader.error(f"{path}.{key}", str(error)) from None
            unknown = sorted(used - names)
            if unknown:
                raise reader.error(f"{path}.{key}", f"unknown name {unknown[0]!r}")
    window = _choice(reader, f"{path}.window", row.get("window", "stock"), WindowKind.CHOICES)
    options = row.get("options") or {}
    if "population_year" in options:
        _choice(reader, f"{path}.options.population_year", options["population_year"], RULES)
    fields = {
        "name": row["name"],
        "unit_of_measure": row["unit"],
        "decimals": int(row.get("decimals", 0)),
        "numerator": str(row["numerator"]),
        "denominator": str(row.get("denominator") or ""),
        "window": window,
        "since": row.get("since"),
        "options": options,
        "definition": row.get("definition", ""),
        "excludes": row.get("excludes", ""),
        "reading": row.get("reading", ""),
        "source": row.get("source", ""),
        "order": index,
        "source_file": file,
    }
    if window == WindowKind.CUMULATIVE and not fields["since"]:
        raise reader.error(f"{path}.since", "a cumulative indicator needs the date it counts from")
    return upsert(Indicator, {"code": row["code"]}, fields)


def _organisation_units(reader, data) -> dict | None:
    """The units `units:` lists name, by key: those of the organisation of the file's `region` (another
    region's organisation may use the same keys); None when the file names no region."""
    code = reader.get(data, "region", "", required=False)
    if code is None:
        return None
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise reader.error("region", f"unknown region code {code!r}: load its region and organisation files first")
    return {unit.key: unit for unit in Unit.objects.filter(organisation=region)}


def load_indicators(file) -> dict:
    """Create or update the file's data elements and indicators; returns them and how many indicators are new."""
    reader = Reader(file)
    data = reader.data
    units = _organisation_units(reader, data)
    created = 0
    with transaction.atomic():
        elements = []
        for index, row in enumerate(data.get("data_elements") or []):
            elements.append(_element(reader, index, row, units))
        variables = {e.variable for e in DataElement.objects.all()}
        rules = [_rule(reader, index, row, variables) for index, row in enumerate(data.get("validation_rules") or [])]
        names = set(metrics()) | variables
        indicators = []
        for index, row in enumerate(data.get("indicators") or []):
            indicator, new = _indicator(reader, index, row, names, str(reader.file.name))
            indicators.append(indicator)
            created += new
    if not indicators:
        raise DataFileError(reader.file, "indicators", "no indicators")
    return {"elements": elements, "rules": rules, "indicators": indicators, "created": created}
