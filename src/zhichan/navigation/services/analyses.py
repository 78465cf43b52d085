"""The analyses a landscape is made of, each read from a set's kept figures (figures.py): a chart (an ECharts
option, the same for the page and the report), its table, and for every figure the query of the patents behind it
(drilling.py reads the same names). An analysis the set cannot feed says why instead of drawing nothing."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from ..models import DateBasis, SetKind
from .branches import tree_order
from .concordances import CONCORDANCES, loaded
from .concordances import names as concordance_names
from .figures import LEVELS
from .reading import ENDED, PENDING, UNCLASSIFIED, VALID

TOP = 20  # bars in a ranking's chart
HEAT = 15  # subclasses in the heat map
SHOWN = 50  # rows of a ranking's table
UNKNOWN_YEAR = ""


@dataclass
class Cell:
    value: object
    drill: str = ""  # the query of the patents behind the figure ("" for a label)


@dataclass
class Analysis:
    key: str
    title: str
    note: str = ""  # how it is counted, in words
    cannot: str = ""  # why the set cannot feed it
    chart: dict = field(default_factory=dict)
    headers: list = field(default_factory=list)
    rows: list = field(default_factory=list)  # [[Cell]]

    @property
    def chart_id(self) -> str:
        return f"chart-{self.key}"

    def as_json(self) -> dict:
        return {
            "key": self.key,
            "title": self.title,
            "note": self.note,
            "cannot": self.cannot,
            "chart": self.chart,
            "headers": [str(h) for h in self.headers],
            "rows": [[{"value": cell.value, "drill": cell.drill} for cell in row] for row in self.rows],
        }


def q(**filters) -> str:
    return urlencode({name: value for name, value in filters.items() if value is not None}, doseq=True)


def year_label(year: str) -> str:
    return year or _("year unknown")


def _counted(patent_set) -> str:
    """What a year's count is: filings, or publications when the set counts years by publication date."""
    return _("publications") if patent_set.date_basis == DateBasis.PUBLICATION else _("filings")


def basis_label(patent_set) -> str:
    return _("Years counted by %(date)s.") % {"date": DateBasis(patent_set.date_basis).label}


def _years(figures: dict, *keys) -> list[str]:
    """Every year from the first to the last a figure names (a year without patents shows as 0), then "year
    unknown" when some patent has none."""
    found = set()
    for key in keys:
        found |= set(figures.get(key, {}))
    numbers = [int(year) for year in found if year.isdigit()]
    years = [str(year) for year in range(min(numbers), max(numbers) + 1)] if numbers else []
    return years + ([UNKNOWN_YEAR] if UNKNOWN_YEAR in found else [])


def _bar(names, values, drills, *, horizontal=False, name="") -> dict:
    data = [{"value": value, "drill": drill} for value, drill in zip(values, drills, strict=True)]
    category = {"type": "category", "data": names, "axisLabel": {"interval": 0}}
    value = {"type": "value"}
    if horizontal:
        category["inverse"] = True
        category["axisLabel"].update(width=150, overflow="truncate")
    else:
        category["axisLabel"]["rotate"] = 30 if len(names) > 8 else 0
    return {
        "tooltip": {"trigger": "axis"},
        "grid": {"left": 8, "right": 16, "top": 24, "bottom": 8, "containLabel": True},
        "xAxis": value if horizontal else category,
        "yAxis": category if horizontal else value,
        "series": [{"type": "bar", "name": name, "data": data}],
    }


def trend(patent_set, figures, **_options) -> Analysis:
    years = _years(figures, "filed", "granted")
    filed, granted = figures["filed"], figures.get("granted", {})
    title = _("Filings and grants by year")
    if not years:
        return Analysis("trend", title, cannot=_("No patent of the set has a date."))
    chart = _bar([year_label(y) for y in years], [filed.get(y, 0) for y in years], [q(year=y) for y in years])
    chart["series"][0]["name"] = _counted(patent_set)
    chart["series"].append(
        {
            "type": "line",
            "name": _("grants"),
            "data": [{"value": granted.get(y, 0), "drill": q(grant_year=y) if y else None} for y in years],
        }
    )
    chart["legend"] = {"top": 0}
    rows = [
        [Cell(year_label(y)), Cell(filed.get(y, 0), q(year=y)), Cell(granted.get(y, 0), q(grant_year=y) if y else "")]
        for y in years
    ]
    note = basis_label(patent_set) + " " + _("Grants are counted by the year of the grant date.")
    headers = [_("year"), _counted(patent_set), _("grants")]
    return Analysis("trend", title, note, chart=chart, headers=headers, rows=rows)


LEVEL_NAMES = {
    "section": gettext_lazy("IPC section"),
    "class": gettext_lazy("IPC class"),
    "subclass": gettext_lazy("IPC subclass"),
    "group": gettext_lazy("IPC main group"),
}


def _ipc_label(code: str) -> str:
    return _("unclassified") if code == UNCLASSIFIED else code


def technology(patent_set, figures, *, level="subclass", **_options) -> Analysis:
    level = level if level in LEVELS else "subclass"
    counts = figures["ipc"][level]
    title = _("Technology composition by %(level)s") % {"level": LEVEL_NAMES[level]}
    if not figures.get("with_ipc"):
        return Analysis("technology", title, cannot=_("No patent of the set has an IPC code."))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    total = figures["total"] or 1
    chart = {
        "tooltip": {},
        "series": [
            {
                "type": "treemap",
                "roam": False,
                "breadcrumb": {"show": False},
                "data": [{"name": _ipc_label(code), "value": n, "drill": q(ipc=code)} for code, n in ranked[:60]],
            }
        ],
    }
    rows = [
        [Cell(_ipc_label(code), q(ipc=code)), Cell(n, q(ipc=code)), Cell(f"{n / total:.1%}")]
        for code, n in ranked[:SHOWN]
    ]
    note = _(
        "A patent counts once under each key its IPC codes fall in, so the shares may add up to more than 100%; "
        "a patent without an understood IPC code counts as unclassified."
    )
    return Analysis(
        "technology", title, note, chart=chart, headers=[LEVEL_NAMES[level], _("patents"), _("share")], rows=rows
    )


def heat_map(patent_set, figures, **_options) -> Analysis:
    title = _("IPC subclasses by year")
    if not figures.get("with_ipc"):
        return Analysis("heat_map", title, cannot=_("No patent of the set has an IPC code."))
    subclasses = [code for code, _n in sorted(figures["ipc"]["subclass"].items(), key=lambda i: -i[1])[:HEAT]]
    years = _years(figures, "filed")
    cells = figures["ipc_year"]
    data = [
        {"value": [x, y, cells.get(code, {}).get(year, 0)], "drill": q(ipc=code, year=year)}
        for y, code in enumerate(subclasses)
        for x, year in enumerate(years)
    ]
    chart = {
        "tooltip": {},
        "grid": {"left": 8, "right": 16, "top": 8, "bottom": 56, "containLabel": True},
        "xAxis": {"type": "category", "data": [year_label(y) for y in years]},
        "yAxis": {"type": "category", "data": [_ipc_label(c) for c in subclasses], "inverse": True},
        "visualMap": {
            "min": 0,
            "max": max([d["value"][2] for d in data] or [1]) or 1,
            "orient": "horizontal",
            "left": "center",
            "bottom": 0,
            "calculable": True,
        },
        "series": [{"type": "heatmap", "data": data, "label": {"show": True}}],
    }
    rows = [
        [Cell(_ipc_label(code))] + [Cell(cells.get(code, {}).get(y, 0), q(ipc=code, year=y)) for y in years]
        for code in subclasses
    ]
    return Analysis(
        "heat_map",
        title,
        basis_label(patent_set),
        chart=chart,
        headers=[_("IPC subclass")] + [year_label(y) for y in years],
        rows=rows,
    )


def branches(patent_set, figures, **_options) -> Analysis:
    title = _("Technology branches over time")
    placed = tree_order(patent_set.branches.all())
    tree = [branch for branch, _depth in placed]
    if not tree:
        return Analysis("branches", title, cannot=_("The set has no technology branches yet."))
    years = _years(figures, "filed")
    per_year = figures.get("branch_year", {})
    totals = figures.get("branches", {})
    depth = {branch.pk: level for branch, level in placed}
    chart = {
        "tooltip": {"trigger": "axis"},
        "legend": {"top": 0, "type": "scroll"},
        "grid": {"left": 8, "right": 16, "top": 32, "bottom": 8, "containLabel": True},
        "xAxis": {"type": "category", "data": [year_label(y) for y in years]},
        "yAxis": {"type": "value"},
        "series": [
            {
                "type": "line",
                "name": branch.name,
                "data": [
                    {"value": per_year.get(str(branch.pk), {}).get(y, 0), "drill": q(branch=branch.pk, year=y)}
                    for y in years
                ],
            }
            for branch in tree
        ],
    }
    rows = [
        [Cell("　" * depth[branch.pk] + branch.name), Cell(totals.get(str(branch.pk), 0), q(branch=branch.pk))]
        + [Cell(per_year.get(str(branch.pk), {}).get(y, 0), q(branch=branch.pk, year=y)) for y in years]
        for branch in tree
    ]
    note = (
        basis_label(patent_set)
        + " "
        + _(
            "A patent belongs to a branch when one of its IPC codes begins with one of the branch's codes or its "
            "title holds one of the branch's keywords; a branch holds its sub-branches' patents, and a patent may "
            "be in several."
        )
    )
    headers = [_("technology branch"), _("patents")] + [year_label(y) for y in years]
    return Analysis("branches", title, note, chart=chart, headers=headers, rows=rows)


APPLICANT_TYPES = {
    "enterprise": gettext_lazy("enterprise"),
    "university": gettext_lazy("university"),
    "institute": gettext_lazy("research institute"),
    "individual": gettext_lazy("individual"),
    "other": gettext_lazy("other"),
}


def applicants(patent_set, figures, **_options) -> Analysis:
    title = _("Top applicants")
    ranked = sorted(figures["applicants"].items(), key=lambda item: (-item[1][0], -item[1][1], item[0]))
    if not ranked:
        return Analysis("applicants", title, cannot=_("No patent of the set names an applicant."))
    top = ranked[:TOP]
    chart = _bar(
        [name for name, _v in top], [v[0] for _n, v in top], [q(applicant=name) for name, _v in top], horizontal=True
    )
    chart["series"][0]["name"] = _("patents (whole count)")
    rows = [
        [
            Cell(rank),
            Cell(name, q(applicant=name)),
            Cell(str(APPLICANT_TYPES.get(kind, kind))),
            Cell(whole, q(applicant=name)),
            Cell(round(fraction, 2)),
        ]
        for rank, (name, (whole, fraction, kind)) in enumerate(ranked[:SHOWN], start=1)
    ]
    types = figures.get("applicant_types", {})
    for kind, label in APPLICANT_TYPES.items():
        if kind in types:
            rows.append(
                [Cell(""), Cell(_("all of kind %(kind)s") % {"kind": label}), Cell(str(label)),
                 Cell(types[kind][0], q(applicant_type=kind)), Cell(round(types[kind][1], 2))]
            )  # fmt: skip
    note = _(
        "Names are counted as the office's merge table merges them. Whole counting gives each applicant of a patent "
        "one; fractional counting gives each of a patent's k applicants 1/k, so a ranking by it does not favour "
        "patents filed together. %(count)d applicants in all."
    ) % {"count": figures.get("applicant_count", 0)}
    headers = [
        _("rank"),
        _("applicant"),
        _("kind of applicant"),
        _("patents (whole count)"),
        _("patents (fractional count)"),
    ]
    return Analysis("applicants", title, note, chart=chart, headers=headers, rows=rows)


def inventors(patent_set, figures, **_options) -> Analysis:
    title = _("Top inventors")
    ranked = sorted(figures["inventors"].items(), key=lambda item: (-item[1], item[0]))
    if not ranked:
        return Analysis("inventors", title, cannot=_("No patent of the set names an inventor."))
    top = ranked[:TOP]
    chart = _bar([n for n, _v in top], [v for _n, v in top], [q(inventor=n) for n, _v in top], horizontal=True)
    rows = [
        [Cell(rank), Cell(n, q(inventor=n)), Cell(v, q(inventor=n))] for rank, (n, v) in enumerate(ranked[:SHOWN], 1)
    ]
    note = _("%(count)d inventors in all; people of one name are not told apart.") % {
        "count": figures.get("inventor_count", 0)
    }
    return Analysis("inventors", title, note, chart=chart, headers=[_("rank"), _("inventor"), _("patents")], rows=rows)


def _graph(edges, patents: dict, first_category, second_category=None, people=None) -> dict:
    """A network: a node's value is its patents (what clicking it lists: an applicant's, or in the second
    category a person's as inventor), a line's the patents the two share."""
    names = list(dict.fromkeys([a for a, _b, _n in edges] + [b for _a, b, _n in edges]))
    second = {b for _a, b, _n in edges} if second_category else set()
    categories = [{"name": first_category}] + ([{"name": second_category}] if second_category else [])

    def value(name):
        return (people or {}).get(name, 0) if name in second else patents.get(name, 0)

    top = max([value(name) for name in names] or [1]) or 1
    nodes = [
        {
            "name": name,
            "value": value(name),
            "symbolSize": 8 + 30 * value(name) / top,
            "category": 1 if name in second else 0,
            "label": {"show": name not in second},
            "drill": q(inventor=name) if name in second else q(applicant=name),
        }
        for name in names
    ]
    links = [{"source": a, "target": b, "value": n} for a, b, n in edges]
    return {
        "tooltip": {},
        "legend": {"top": 0, "data": [c["name"] for c in categories]},
        "series": [
            {
                "type": "graph",
                "layout": "force",
                "top": 40,
                "roam": False,  # the page scrolls over it
                "label": {"position": "right"},
                "labelLayout": {"hideOverlap": True},
                "force": {"repulsion": 80, "gravity": 0.3, "edgeLength": [30, 90], "layoutAnimation": False},
                "categories": categories,
                "data": nodes,
                "links": links,
            }
        ],
    }


def _patents_of(figures) -> dict:
    return {name: values[0] for name, values in figures.get("applicants", {}).items()}


def co_applicants(patent_set, figures, **_options) -> Analysis:
    title = _("Co-applicant network")
    edges = figures.get("co_applicants", [])
    if not edges:
        return Analysis("co_applicants", title, cannot=_("No two leading applicants of the set filed together."))
    rows = [
        [Cell(a, q(applicant=a)), Cell(b, q(applicant=b)), Cell(n, q(applicant=[a, b]))]
        for a, b, n in edges[: SHOWN * 2]
    ]
    note = _("Among the 40 leading applicants: a line joins two that filed patents together, its weight the patents.")
    chart = _graph(edges, _patents_of(figures), _("applicant"))
    return Analysis(
        "co_applicants",
        title,
        note,
        chart=chart,
        headers=[_("applicant"), _("applicant"), _("patents together")],
        rows=rows,
    )


def applicant_inventor(patent_set, figures, **_options) -> Analysis:
    title = _("Applicant–inventor network")
    edges = figures.get("applicant_inventor", [])
    if not edges:
        return Analysis(
            "applicant_inventor", title, cannot=_("No patent of the set names both an applicant and an inventor.")
        )
    rows = [
        [Cell(a, q(applicant=a)), Cell(p, q(inventor=p)), Cell(n, q(applicant=a, inventor=p))]
        for a, p, n in edges[: SHOWN * 2]
    ]
    note = _("The leading applicants and the inventors who invented for them; a line's weight is their patents.")
    chart = _graph(edges, _patents_of(figures), _("applicant"), _("inventor"), people=figures.get("inventors", {}))
    return Analysis(
        "applicant_inventor", title, note, chart=chart, headers=[_("applicant"), _("inventor"), _("patents")], rows=rows
    )


STATUS_NAMES = {
    VALID: gettext_lazy("valid"),
    ENDED: gettext_lazy("no longer valid"),
    PENDING: pgettext_lazy("legal status", "pending"),
    "": gettext_lazy("not known"),
}


def legal_status(patent_set, figures, **_options) -> Analysis:
    title = _("Legal status")
    counts = figures.get("status", {})
    if set(counts) <= {""}:
        return Analysis("legal_status", title, cannot=_("The set states no legal status."))
    data = [
        {"name": str(STATUS_NAMES[key]), "value": counts[key], "drill": q(status=key)}
        for key in STATUS_NAMES
        if key in counts
    ]
    chart = {"tooltip": {}, "legend": {"top": 0}, "series": [{"type": "pie", "radius": ["35%", "65%"], "data": data}]}
    rows = [[Cell(d["name"]), Cell(d["value"], d["drill"])] for d in data]
    if patent_set.kind == SetKind.REGISTER:
        note = _("As the register computes validity today.")
    else:
        note = _("From the legal status each row states, read as valid, no longer valid or pending.")
    return Analysis("legal_status", title, note, chart=chart, headers=[_("legal status"), _("patents")], rows=rows)


def geography(patent_set, figures, **_options) -> Analysis:
    title = _("Geography")
    townships = figures.get("townships", {})
    if townships:
        ranked = sorted(townships.items(), key=lambda item: (-item[1], item[0]))
        headers = [_("township"), _("patents")]
        rows = [[Cell(name, q(township=name)), Cell(n, q(township=name))] for name, n in ranked]
        bars = [(name, n, q(township=name)) for name, n in ranked]
    else:
        provinces = figures.get("provinces", {})
        if not provinces:
            return Analysis("geography", title, cannot=_("No patent of the set states where its applicant is."))
        cities = {}
        for key, n in figures.get("cities", {}).items():
            province, city = key.split("|", 1)
            cities.setdefault(province, []).append((city, n))
        headers = [_("province"), _("city"), _("patents")]
        rows, bars = [], []
        for province, n in sorted(provinces.items(), key=lambda item: (-item[1], item[0])):
            drill = q(province=province)
            rows.append([Cell(province, drill), Cell(_("all cities")), Cell(n, drill)])
            bars.append((province, n, drill))
            for city, m in sorted(cities.get(province, []), key=lambda item: (-item[1], item[0]))[:SHOWN]:
                drill = q(province=province, city=city)
                rows.append([Cell(""), Cell(city, drill), Cell(m, drill)])
    chart = _bar([b[0] for b in bars[: TOP * 2]], [b[1] for b in bars[: TOP * 2]], [b[2] for b in bars[: TOP * 2]])
    note = _(
        "Townships of the county's register; provinces and cities of an imported set, as its rows state them "
        "or as their addresses begin."
    )
    return Analysis("geography", title, note, chart=chart, headers=headers, rows=rows)


def life_cycle(patent_set, figures, **_options) -> Analysis:
    title = _("Technology life cycle")
    points = figures.get("life_cycle", {})
    years = [y for y in _years(figures, "life_cycle") if y in points and y]
    if len(years) < 2:
        return Analysis("life_cycle", title, cannot=_("The set's patents span fewer than two years."))
    chart = {
        "tooltip": {},
        "grid": {"left": 50, "right": 24, "top": 16, "bottom": 40, "containLabel": True},
        "xAxis": {"type": "value", "scale": True, "name": _("filings"), "nameLocation": "middle", "nameGap": 30},
        "yAxis": {"type": "value", "scale": True, "name": _("applicants"), "nameLocation": "middle", "nameGap": 40},
        "series": [
            {
                "type": "line",
                "label": {"show": True, "formatter": "{@[2]}"},
                "labelLayout": {"hideOverlap": True},
                "data": [{"value": [points[y][0], points[y][1], y], "drill": q(year=y)} for y in years],
            }
        ],
    }
    rows = [[Cell(y), Cell(points[y][0], q(year=y)), Cell(points[y][1])] for y in years]
    note = (
        basis_label(patent_set)
        + " "
        + _(
            "Each point is a year: the patents filed against the applicants filing them. Both growing is a technology "
            "growing; filings growing while applicants fall is one maturing."
        )
    )
    return Analysis(
        "life_cycle", title, note, chart=chart, headers=[_("year"), _("filings"), _("applicants")], rows=rows
    )


def position(patent_set, figures, *, against=None, **_options) -> Analysis:
    county = patent_set.kind == SetKind.REGISTER
    title = _("The county's position in the industry") if county else _("Position against the compared set")
    if against is None:
        return Analysis("position", title, cannot=_("Choose a national or industry set to compare with."))
    other = against.aggregates or {}
    if not figures.get("with_ipc") or not other.get("with_ipc"):
        return Analysis("position", title, cannot=_("Both sets need IPC codes."))
    ours, theirs = figures["ipc"]["class"], other["ipc"]["class"]
    total, whole = figures["total"] or 1, other["total"] or 1
    rows, names, values, drills = [], [], [], []
    for code, n in sorted(ours.items(), key=lambda item: -item[1]):
        if code == UNCLASSIFIED or not theirs.get(code):
            continue
        rta = (n / total) / (theirs[code] / whole)
        # A share only of the county's patents within an imported industry set (which holds them).
        within = county and against.kind == SetKind.IMPORTED and n <= theirs[code]
        share = f"{n / theirs[code]:.2%}" if within else "—"
        rows.append(
            [Cell(code, q(ipc=code)), Cell(n, q(ipc=code)), Cell(theirs[code]), Cell(share), Cell(round(rta, 2))]
        )
        names.append(code)
        values.append(round(rta, 2))
        drills.append(q(ipc=code))
    chart = _bar(names[: TOP * 2], values[: TOP * 2], drills[: TOP * 2])
    chart["series"][0]["markLine"] = {"data": [{"yAxis": 1}], "symbol": "none"}
    chart["yAxis"]["max"] = round(max([*values, 1]) * 1.1, 1)  # the line at 1 always shows
    note = _(
        "By IPC class: this set's patents, the compared set's, this set's share of them (when the compared set "
        "holds this one), and the revealed technological advantage (the class's share of this set's patents "
        "divided by its share of the compared set's; above 1, this set is stronger in the class than the compared "
        "set as a whole). Compared with %(set)s."
    ) % {"set": against.name}
    headers = [
        _("IPC class"),
        _("this set's patents"),
        _("the compared set's patents"),
        _("this set's share"),
        _("revealed technological advantage"),
    ]
    return Analysis("position", title, note, chart=chart, headers=headers, rows=rows)


HIGH_VALUE_NAMES = {
    "strategic_emerging": gettext_lazy("in a strategic emerging industry"),
    "foreign_family": gettext_lazy("patent family member granted abroad"),
    "ten_years": gettext_lazy("maintained more than ten years"),
    "high_pledge_financing": gettext_lazy("obtained high pledge financing"),
    "award": gettext_lazy("award-winning"),
}


def high_value(patent_set, figures, **_options) -> Analysis:
    title = _("High-value invention patents by category")
    if patent_set.kind != SetKind.REGISTER:
        return Analysis(
            "high_value",
            title,
            cannot=_("An export does not state the facts behind the categories; analyse a set of the register."),
        )
    counts = figures.get("high_value", {})
    if not counts:
        return Analysis("high_value", title, cannot=_("No patent of the set is a high-value invention patent today."))
    data = [(str(label), counts.get(key, 0), q(high_value=key)) for key, label in HIGH_VALUE_NAMES.items()]
    chart = _bar([d[0] for d in data], [d[1] for d in data], [d[2] for d in data], horizontal=True)
    rows = [[Cell(label), Cell(n, drill)] for label, n, drill in data]
    note = _("Valid invention patents by CNIPA's five categories; a patent counts in each category it fits.")
    return Analysis(
        "high_value", title, note, chart=chart, headers=[pgettext("high value", "category"), _("patents")], rows=rows
    )


def industries(patent_set, figures, **_options) -> Analysis:
    title = _("Industries by the national IPC concordances")
    tables = [c for c in CONCORDANCES if c.key in loaded()]
    if not tables:
        return Analysis(
            "industries",
            title,
            cannot=_("The national concordance tables of the IPC and the industry classifications are not loaded yet."),
        )
    if not figures.get("with_ipc"):
        return Analysis("industries", title, cannot=_("No patent of the set has an IPC code."))
    counted = figures.get("industries", {})
    rows, bars = [], []
    for table in tables:
        named = concordance_names(table.key)
        ranked = sorted(counted.get(table.key, {}).items(), key=lambda item: -item[1])
        for code, n in ranked[:SHOWN]:
            drill = q(industry=f"{table.key}:{code}")
            rows.append([Cell(str(table.title)), Cell(code), Cell(named.get(code, "")), Cell(n, drill)])
            if table is tables[0]:
                bars.append((f"{code} {named.get(code, '')}", n, drill))
    chart = _bar([b[0] for b in bars[:TOP]], [b[1] for b in bars[:TOP]], [b[2] for b in bars[:TOP]], horizontal=True)
    note = _("A patent counts once in each industry one of its IPC codes falls in, by the table's own rows.")
    headers = [_("concordance"), _("industry code"), _("industry"), _("patents")]
    return Analysis("industries", title, note, chart=chart, headers=headers, rows=rows)


CATALOGUE = {
    "trend": trend,
    "technology": technology,
    "heat_map": heat_map,
    "branches": branches,
    "applicants": applicants,
    "inventors": inventors,
    "co_applicants": co_applicants,
    "applicant_inventor": applicant_inventor,
    "legal_status": legal_status,
    "geography": geography,
    "life_cycle": life_cycle,
    "position": position,
    "high_value": high_value,
    "industries": industries,
}


def analyse(patent_set, key: str, **options) -> Analysis:
    """One analysis of the set (options: `level` of the technology composition, `against` a set to compare)."""
    build = CATALOGUE[key]
    figures = patent_set.aggregates or {}
    if not figures.get("total"):
        return Analysis(key, build(patent_set, _EMPTY, **options).title, cannot=_("The set holds no patents yet."))
    return build(patent_set, figures, **options)


_EMPTY = {"total": 0, "with_ipc": 0, "filed": {}, "granted": {}, "ipc": {level: {} for level in LEVELS},
          "applicants": {}, "inventors": {}}  # fmt: skip


def unfed(patent_set, against=None) -> list[Analysis]:
    """The analyses this set cannot feed, each with why."""
    return [found for key in CATALOGUE if (found := analyse(patent_set, key, against=against)).cannot]
