"""What every analysis of a set counts, computed in one pass over its patents and kept on the set
(`PatentSet.aggregates`): the pages, the API, the exports and the report read these figures, never the rows, so an
analysis of a million patents answers as fast as one of ten. They are computed again when the set's patents, its
technology branches or the office's merge table change (services/sets.py `refresh_figures`).

Counting, stated once here and in docs/navigation.md:
- a patent counts once in each year, IPC key, branch, status and place it falls in; at an IPC level, once however
  many of its codes share that level's key; a patent with no understood IPC code counts as unclassified (`-`);
- applicants are counted under the name the merge table gives them; whole counting gives each of a patent's
  applicants one, fractional counting gives each 1/k of a patent with k distinct applicants (after merging);
- the technology life cycle is, per year, the patents filed and the distinct applicants filing them.
"""

from collections import Counter, defaultdict
from itertools import combinations

from .concordances import industries_of, loaded
from .reading import UNCLASSIFIED, applicant_type, ipc_levels, listed

TOP = 200  # applicants and inventors kept per ranking
NETWORK = 40  # applicants drawn in a network
LINKS = 300  # applicant–inventor links drawn
LEVELS = ("section", "class", "subclass", "group")
FIELDS = (
    "year",
    "grant_year",
    "patent_type",
    "applicants",
    "inventors",
    "ipc_codes",
    "branches",
    "status",
    "province",
    "city",
    "township",
    "high_value",
)


def compute(rows, merged: dict[str, str], progress=None, total: int = 0) -> dict:
    """The figures of the rows (tuples in FIELDS' order); `merged` maps a name as written to the name counted."""
    filed, granted, types, statuses = Counter(), Counter(), Counter(), Counter()
    ipc = {level: Counter() for level in LEVELS}
    ipc_year = defaultdict(Counter)  # subclass → year → patents
    branches, branch_year = Counter(), defaultdict(Counter)
    whole, fractional = Counter(), Counter()
    type_whole, type_fractional = Counter(), Counter()
    inventors = Counter()
    provinces, cities, townships, high_value = Counter(), Counter(), Counter(), Counter()
    tables = loaded()  # the concordances loaded (concordances.py)
    industries = {key: Counter() for key in tables}
    year_applicants = defaultdict(set)
    count = with_ipc = 0
    for row in rows:
        count += 1
        if progress and count % 20_000 == 0:
            progress(count, total)
        (year, grant_year, patent_type, applicants, inventor_text, codes, branch_text, status, province, city,
         township, high_value_text) = row  # fmt: skip
        year_key = str(year) if year else ""
        filed[year_key] += 1
        if grant_year:
            granted[str(grant_year)] += 1
        types[patent_type] += 1
        statuses[status] += 1
        code_list = listed(codes)
        if code_list:
            with_ipc += 1
            keys = list(zip(*(ipc_levels(code) for code in code_list), strict=False))
            for level, level_keys in zip(LEVELS, keys, strict=True):
                ipc[level].update(set(level_keys))
            for subclass in set(keys[2]):
                ipc_year[subclass][year_key] += 1
        else:
            for level in LEVELS:
                ipc[level][UNCLASSIFIED] += 1
            ipc_year[UNCLASSIFIED][year_key] += 1
        for branch in listed(branch_text):
            branches[branch] += 1
            branch_year[branch][year_key] += 1
        names = list(dict.fromkeys(merged.get(name, name) for name in listed(applicants)))
        share = 1 / len(names) if names else 0
        for name in names:
            whole[name] += 1
            fractional[name] += share
            year_applicants[year_key].add(name)
        kinds = Counter(applicant_type(name) for name in names)
        for kind, many in kinds.items():
            type_whole[kind] += 1
            type_fractional[kind] += share * many
        inventors.update(listed(inventor_text))
        if province:
            provinces[province] += 1
        if city:
            cities[f"{province}|{city}"] += 1
        if township:
            townships[township] += 1
        high_value.update(listed(high_value_text))
        for key in tables:
            industries[key].update(industries_of(key, code_list))
    if progress:
        progress(count, total or count)
    ranked = list(dict.fromkeys(first(whole, TOP) + first(fractional, TOP)))
    top_inventors = first(inventors, TOP)
    return {
        "total": count,
        "with_ipc": with_ipc,
        "filed": dict(filed),
        "granted": dict(granted),
        "types": dict(types),
        "status": dict(statuses),
        "ipc": {level: dict(counter) for level, counter in ipc.items()},
        "ipc_year": {key: dict(years) for key, years in ipc_year.items()},
        "branches": dict(branches),
        "branch_year": {key: dict(years) for key, years in branch_year.items()},
        "applicants": {name: [whole[name], round(fractional[name], 6), applicant_type(name)] for name in ranked},
        "applicant_count": len(whole),
        "applicant_types": {kind: [type_whole[kind], round(type_fractional[kind], 6)] for kind in type_whole},
        "inventors": {name: inventors[name] for name in top_inventors},
        "inventor_count": len(inventors),
        "life_cycle": {year: [n, len(year_applicants.get(year, ()))] for year, n in filed.items()},
        "provinces": dict(provinces),
        "cities": dict(cities),
        "townships": dict(townships),
        "high_value": dict(high_value),
        "industries": {key: dict(counter) for key, counter in industries.items()},
    }


def first(counts: Counter, n: int | None = None) -> list:
    """The keys with the most, a tie by key: the same whatever order the rows were read in."""
    return [key for key, _count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]]


def drawn(figures: dict) -> list[str]:
    """The applicants a network draws: the first NETWORK of the ranking by whole count."""
    return first(Counter({name: values[0] for name, values in figures["applicants"].items()}), NETWORK)


def networks(rows, merged: dict[str, str], applicants: list[str], inventors: list[str]) -> dict:
    """The co-applicant and applicant–inventor networks among the drawn applicants (and the ranked inventors), from
    the rows (applicants, inventors) of the patents that name one of them: a second, small pass."""
    drawn, people = set(applicants), set(inventors)
    pairs, links = Counter(), Counter()
    for applicant_text, inventor_text in rows:
        names = sorted({merged.get(name, name) for name in listed(applicant_text)} & drawn)
        for one, other in combinations(names, 2):  # not `first`: that is the ranking below
            pairs[(one, other)] += 1
        for name in names:
            for person in set(listed(inventor_text)) & people:
                links[(name, person)] += 1
    return {
        "co_applicants": [[a, b, pairs[(a, b)]] for a, b in first(pairs)],
        "applicant_inventor": [[a, p, links[(a, p)]] for a, p in first(links, LINKS)],
    }
