"""Loading data elements, their validation rules, indicators and a programme's readings of them from a data file
(data/indicators/*.yaml, which names its programme by key).

Loading twice changes nothing. A code names one measure: another file may use it only with the same measure. So
does a data element's or a validation rule's code: another file may define it only the same, word for word, and
only the file that defined it changes it. A
reading whose counting changed makes its values stale, and they are recomputed."""

import re
from decimal import Decimal, InvalidOperation

from django.db import transaction

from zhichan.core.events import record
from zhichan.core.models import Region, Unit, UnitKind
from zhichan.core.services.datafile import DataFileError, Reader
from zhichan.core.services.upsert import upsert

from ..discovery import metrics
from ..events import READING_CHANGED
from ..formulas import FormulaError, check
from ..models import Aggregation, DataElement, Indicator, Reading, ValidationRule, ValueType
from ..models.elements import PeriodType
from ..models.rules import Operator
from .readings import problem, recompute, revise


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


# The keys of a data file that hold each field, for messages.
KEYS = {"unit_of_measure": "unit", "is_population": "population", "min_value": "min", "max_value": "max"}


def _shared(reader, path, model, what, code, fields, file):
    """The data element or validation rule with the code: created, updated by the file that defined it, or (another
    file) checked to say the same, and then kept as that file defined it (its place in the list too)."""
    existing = model.objects.filter(code=code).first()
    if existing is not None and existing.source_file not in ("", file):
        different = [name for name in fields if name != "order" and getattr(existing, name) != fields[name]]
        if different:
            name = different[0]
            raise reader.error(
                f"{path}.{KEYS.get(name, name)}",
                f"{what} {code!r} is already defined by {existing.source_file} with another "
                f"{KEYS.get(name, name).replace('_', ' ')} ({getattr(existing, name)!r}, here {fields[name]!r}); "
                "a code names one definition in every programme: define it the same or use a new code",
            )
        return existing
    row, _ = upsert(model, {"code": code}, {**fields, "source_file": file})
    return row


def _element(reader, index, row, units, file):
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
    units = units or {}  # a file without a region names no reporters
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
    element = _shared(reader, path, DataElement, "data element", row["code"], fields, file)
    wanted = {units[key].pk for key in row.get("units", [])}
    if row.get("townships"):  # every township, street and park administration reports it for its own region
        wanted |= {unit.pk for unit in units.values() if unit.kind == UnitKind.TOWNSHIP and unit.active}
    # A code is shared by programmes: this file sets only its own organisation's reporters, never another's.
    before = set(element.units.values_list("pk", flat=True))
    after = (before - {unit.pk for unit in units.values()}) | wanted
    if after != before:
        element.units.set(after)
    return element


def _rule(reader, index, row, names, file):
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
    return _shared(reader, path, ValidationRule, "validation rule", row["code"], fields, file)


MEASURE = ("unit_of_measure", "decimals", "numerator", "denominator")  # what makes two indicators' figures compare


def _formula(reader, path, text, names) -> str:
    try:
        used = check(str(text))
    except FormulaError as error:
        raise reader.error(path, str(error)) from None
    unknown = sorted(used - names)
    if unknown:
        raise reader.error(path, f"unknown name {unknown[0]!r}")
    return str(text)


def _second_source(reader, path, value, names) -> dict:
    """The indicator's second source, checked: another numerator (and denominator) over the names, and a note
    saying what it is (the figures units report, where the first source reads records)."""
    if value is None:
        return {}
    path = f"{path}.second_source"
    if not isinstance(value, dict) or not value.get("numerator"):
        raise reader.error(path, "expected a mapping with numerator (and denominator, note)")
    unknown = sorted(set(value) - {"numerator", "denominator", "note"})
    if unknown:
        raise reader.error(f"{path}.{unknown[0]}", "not a key of a second source (numerator, denominator, note)")
    found = {"numerator": _formula(reader, f"{path}.numerator", value["numerator"], names)}
    if value.get("denominator"):
        found["denominator"] = _formula(reader, f"{path}.denominator", value["denominator"], names)
    found["note"] = str(value.get("note") or "")
    return found


def _option_problem(indicator, options: dict) -> tuple[str, str] | None:
    """(field, message) when an option the indicator's metrics accept (`option_values`) has a value they do not."""
    found = metrics()
    names = check(indicator.numerator) | (check(indicator.denominator) if indicator.denominator else set())
    for name in sorted(names):
        for option, allowed in getattr(found.get(name), "option_values", {}).items():
            if option not in options:
                continue
            values = allowed() if callable(allowed) else allowed
            if options[option] not in values:
                shown = ", ".join(str(value) for value in values)
                return f"options.{option}", f"expected one of {shown}, not {options[option]!r} (read by {name})"
    return None


def _indicator(reader, index, row, names, file):
    """The measure of the row: created, updated by the file that defined it, or (another file) checked to be the
    same. Returns (indicator, created, measure changed)."""
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
    fields = {
        "name": row["name"],
        "unit_of_measure": row["unit"],
        "decimals": int(row.get("decimals", 0)),
        "numerator": str(row["numerator"]),
        "denominator": str(row.get("denominator") or ""),
        "definition": row.get("definition", ""),
        "excludes": row.get("excludes", ""),
        "source": row.get("source", ""),
        "second_source": _second_source(reader, path, row.get("second_source"), names),
        "order": index,
        "source_file": file,
    }
    existing = Indicator.objects.filter(code=row["code"]).first()
    if existing is not None and existing.source_file not in ("", file):
        different = [name for name in MEASURE if getattr(existing, name) != fields[name]]
        if different:
            name = different[0]
            raise reader.error(
                path,
                f"indicator {row['code']!r} is already defined by {existing.source_file} with another "
                f"{name.replace('_', ' ')} ({getattr(existing, name)!r}, here {fields[name]!r}); "
                "a code names one measure in every programme: use the same measure or a new code",
            )
        return existing, False, False  # the same measure: the file that defined it keeps its words
    changed = existing is not None and any(getattr(existing, name) != fields[name] for name in MEASURE)
    indicator, created = upsert(Indicator, {"code": row["code"]}, fields)
    return indicator, created, changed


def _reading(reader, index, row, programme, indicator, file):
    """The programme's reading of the indicator; returns (reading, True when what it counts changed)."""
    path = f"indicators[{index}]"
    window = row.get("window", "stock")
    since = row.get("since")
    options = row.get("options") or {}
    found = problem(window, since, options)
    if found is None and isinstance(options, dict):
        found = _option_problem(indicator, options)
    if found:
        raise reader.error(f"{path}.{found[0]}", found[1])
    fields = {"window": window, "since": since, "options": options, "text": row.get("reading", "")}
    reading = Reading.objects.filter(programme=programme, indicator=indicator).first()
    if reading is None:
        text = fields.pop("text")
        reading = Reading.objects.create(
            programme=programme, indicator=indicator, reading=text, order=index, source_file=file, **fields
        )
        return reading, False
    before = reading.basis()
    if revise(reading, **fields, order=index, source_file=file):
        record(None, READING_CHANGED, reading, before=before, after=reading.basis(), file=file)
        return reading, True
    return reading, False


def _programme(reader, data) -> str:
    key = reader.get(data, "programme", "")
    if not re.fullmatch(r"[-a-zA-Z0-9_]+", key):
        raise reader.error("programme", f"expected a programme key like nanan-2022, got {key!r}")
    return key


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
    """Create or update the file's data elements, its measures and its programme's readings of them; returns them,
    how many indicators are new, and the readings whose values became stale (their recompute is started)."""
    reader = Reader(file)
    data = reader.data
    units = _organisation_units(reader, data)
    created = 0
    with transaction.atomic():
        programme = _programme(reader, data)
        file_name = str(reader.file.name)
        elements = []
        for index, row in enumerate(data.get("data_elements") or []):
            elements.append(_element(reader, index, row, units, file_name))
        variables = {e.variable for e in DataElement.objects.all()}
        rules = [
            _rule(reader, index, row, variables, file_name)
            for index, row in enumerate(data.get("validation_rules") or [])
        ]
        names = set(metrics()) | variables
        indicators, readings, stale = [], [], []
        for index, row in enumerate(data.get("indicators") or []):
            indicator, new, measure_changed = _indicator(reader, index, row, names, file_name)
            if measure_changed:  # every programme's values of the measure were computed by the former formula
                for other in indicator.readings.all():
                    other.revision += 1
                    other.save(update_fields=["revision"])
                    stale.append(other)
            reading, changed = _reading(reader, index, row, programme, indicator, file_name)
            indicators.append(indicator)
            readings.append(reading)
            created += new
            if changed and reading not in stale:
                stale.append(reading)
        if not indicators:
            raise DataFileError(reader.file, "indicators", "no indicators")
        if stale:
            recompute(stale, None)
    return {
        "programme": programme,
        "elements": elements,
        "rules": rules,
        "indicators": indicators,
        "readings": readings,
        "created": created,
        "stale": stale,
    }
