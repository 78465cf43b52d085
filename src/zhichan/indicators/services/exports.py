"""The dashboards' tables as Excel sheets (documents/xlsx.py)."""

from django.utils.translation import gettext as _

from zhichan.documents.xlsx import Sheet

from ..templatetags.indicators import light_label


def _n(value_row):
    return None if value_row is None or value_row.value is None else value_row.value


def targets_sheet(rows, region) -> Sheet:
    headers = [
        _("code"),
        _("indicator"),
        _("as of"),
        _("value"),
        _("unit"),
        _("target"),
        _("status"),
        _("needed per month"),
        _("forecast at the deadline"),
    ]
    body = []
    for row in rows:
        target = row.target
        body.append(
            [
                target.code if target else "",
                row.indicator.name,
                row.as_of,
                _n(row.value),
                row.indicator.unit_of_measure,
                f"{target.symbol} {target.display_value} {target.unit}" if target else "",
                str(light_label(row.status.light)) if row.status else "",
                row.status.pace if row.status else None,
                row.forecast.value if row.forecast else None,
            ]
        )
    return Sheet(str(_("Targets")), [str(h) for h in headers], body, region.name if region else "")


def ranking_sheet(indicator, period, ranked) -> Sheet:
    headers = [_("rank"), _("region"), _("value"), _("numerator"), _("denominator"), _("why there is no value")]
    body = [
        [
            r.rank,
            r.region.name,
            _n(r.value),
            r.value.numerator if r.value else None,
            r.value.denominator if r.value else None,
            (r.value.reason_text if r.value else str(_("not computed"))) if r.rank is None else "",
        ]
        for r in ranked
    ]
    note = f"{indicator.name} ({indicator.unit_of_measure}) · {period}"
    return Sheet(str(_("Ranking")), [str(h) for h in headers], body, note)


def grid_sheet(indicators, period, rows) -> Sheet:
    headers = [str(_("region"))] + [f"{i.name} ({i.unit_of_measure})" for i in indicators]
    body = [[row.region.name] + [_n(value) for value, _shade in row.cells] for row in rows]
    return Sheet(str(_("Townships")), headers, body, period)
