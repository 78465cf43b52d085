"""Reports' figures as rows of name, value and unit.

Figures written as free text ("名称: 数值 单位", one per line, or a single string) become rows; a line that does not
read as a name, a number and a unit is kept as a row with the whole text as its name and no value, for the unit
to correct on its next save. Rows already structured are left as they are, their numbers kept as numbers.
"""

from decimal import Decimal, InvalidOperation

from django.db import migrations


def _number(text):
    text = str(text).strip().replace(",", "").replace("，", "")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    return int(number) if number == number.to_integral_value() else float(number)


def _parse_line(line):
    name, sep, rest = line.replace("：", ":").partition(":")
    parts = rest.split()
    value = _number(parts[0]) if sep and parts else None
    if name.strip() and value is not None:
        return {"name": name.strip(), "value": value, "unit": " ".join(parts[1:])}
    return {"name": line.strip()[:100], "value": None, "unit": ""}


def _rows(figures):
    if isinstance(figures, str):
        figures = figures.splitlines()
    if isinstance(figures, dict):
        figures = [figures]
    if not isinstance(figures, list):
        return []
    rows = []
    for figure in figures:
        if isinstance(figure, str):
            if figure.strip():
                rows.append(_parse_line(figure))
        elif isinstance(figure, dict):
            value = figure.get("value")
            if isinstance(value, str) or value is None:
                value = _number(value) if value is not None else None
            rows.append({"name": str(figure.get("name", "")).strip(), "value": value, "unit": str(figure.get("unit") or "")})
    return rows


def figures_as_rows(apps, schema_editor):
    ProgressReport = apps.get_model("programme", "ProgressReport")
    changed = []
    for report in ProgressReport.objects.only("pk", "figures").iterator():
        rows = _rows(report.figures)
        if rows != report.figures:
            report.figures = rows
            changed.append(report)
    ProgressReport.objects.bulk_update(changed, ["figures"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("programme", "0002_unit_plan_order")]

    operations = [migrations.RunPython(figures_as_rows, migrations.RunPython.noop)]
