"""The dashboards' tables as Excel sheets (documents/xlsx.py)."""

from django.utils.translation import gettext as _

from zhichan.documents.xlsx import Sheet

from ..templatetags.indicators import light_label


def _n(value_row, indicator):
    return None if value_row is None or value_row.value is None else _rounded(value_row.value, indicator)


def _rounded(number, indicator, decimals=None):
    """A figure rounded as the pages show it (the indicator's decimals), so the sheet and the page agree."""
    if number is None:
        return None
    return round(number, indicator.decimals if decimals is None else decimals)


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
                _n(row.value, row.indicator),
                row.indicator.unit_of_measure,
                f"{target.symbol} {target.display_value} {target.unit}" if target else "",
                str(light_label(row.status.light if row.status else None)),
                _rounded(row.status.pace, row.indicator, 2) if row.status else None,
                _rounded(row.forecast.value, row.indicator) if row.forecast else None,
            ]
        )
    return Sheet(str(_("Targets")), [str(h) for h in headers], body, region.name if region else "")


def ranking_sheet(indicator, period, ranked, title: str | None = None) -> Sheet:
    """The ranking of the compared places (`title`: the sheet's name, saying which places)."""
    headers = [_("rank"), _("region"), _("value"), _("numerator"), _("denominator"), _("why there is no value")]
    body = [
        [
            r.rank,
            r.region.name,
            _n(r.value, indicator),
            r.value.numerator if r.value else None,
            r.value.denominator if r.value else None,
            (r.value.reason_text if r.value else str(_("not computed"))) if r.rank is None else "",
        ]
        for r in ranked
    ]
    note = f"{indicator.name} ({indicator.unit_of_measure}) · {period}"
    return Sheet(str(title or _("Ranking")), [str(h) for h in headers], body, note)


def grid_sheet(indicators, period, rows, title: str | None = None) -> Sheet:
    headers = [str(_("region"))] + [f"{i.name} ({i.unit_of_measure})" for i in indicators]
    body = [
        [row.region.name] + [_n(value, i) for i, (value, _shade) in zip(indicators, row.cells, strict=True)]
        for row in rows
    ]
    return Sheet(str(title or _("Townships")), headers, body, period)
