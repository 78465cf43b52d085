"""The credit settings kept as data: the kinds of dishonesty and the serious list's early-removal wait
(data/credit/dishonesty-kinds.yaml), the grades and their rules (data/credit/grade-rules.yaml). Formats and which
figures are unconfirmed: docs/credit.md. The files are read again when they change."""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.db import transaction

from zhichan.core.clocks import add_months
from zhichan.core.models import DeadlineRule
from zhichan.core.services.datafile import Reader

from ..models import DishonestyKind

KINDS_FILE = "data/credit/dishonesty-kinds.yaml"
GRADES_FILE = "data/credit/grade-rules.yaml"
KIND_FIELDS = {"key", "name", "name_en", "source", "confirmed", "measures", "measure_months"}
KIND_FIELDS |= {"repair_after_months", "serious"}
SERIOUS_TERM_RULE = "serious-list-term"
REVIEW_RULE = "credit-repair-review"
FACTS = ("serious_list", "record_in_force", "record_ended", "repeat_infringer", "inspection_problems")
_cache: dict = {}


def _reader(name: str, file=None) -> Reader:
    path = Path(file or settings.PROJECT_DIR / name)
    stamp = (str(path), path.stat().st_mtime_ns if path.exists() else 0)
    if _cache.get(name, (None,))[0] != stamp:
        _cache[name] = (stamp, Reader(path))
    return _cache[name][1]


@transaction.atomic
def load_kinds(file: str | Path | None = None) -> int:
    """Bring the kinds in line with the file (a kind no longer in it is kept); returns how many it holds."""
    reader = _reader(KINDS_FILE, file)
    count = 0
    for order, (path, item) in enumerate(reader.items(reader.data, "kinds", required=True)):
        reader.only(item, KIND_FIELDS, path)
        measures = reader.get(item, "measures", path, kind=list, required=False, default=[])
        values = {
            "name": reader.get(item, "name", path),
            "name_en": reader.get(item, "name_en", path, required=False, default=""),
            "source": reader.get(item, "source", path, required=False, default=""),
            "confirmed": reader.get(item, "confirmed", path, kind=bool, required=False, default=False),
            "measures": [str(measure) for measure in measures],
            "measure_months": reader.get(item, "measure_months", path, kind=int),
            "repair_after_months": reader.get(item, "repair_after_months", path, kind=int),
            "serious": reader.get(item, "serious", path, kind=bool, required=False, default=False),
            "order": order,
        }
        DishonestyKind.objects.update_or_create(key=reader.get(item, "key", path), defaults=values)
        count += 1
    return count


def early_removal_after_years() -> int:
    reader = _reader(KINDS_FILE)
    serious = reader.get(reader.data, "serious_list", "", kind=dict)
    return reader.get(serious, "early_removal_after_years", "serious_list", kind=int)


def serious_term_months() -> int:
    """The listing's term in months: the length of the deadline rule `serious-list-term` (36 when not loaded)."""
    rule = DeadlineRule.objects.filter(key=SERIOUS_TERM_RULE).first()
    return rule.length if rule is not None else 36


def serious_term_ends(listed_on):
    """The day a listing's term ends (its removal is due)."""
    return add_months(listed_on, serious_term_months())


@dataclass(frozen=True)
class Grade:
    key: str
    name: str
    name_en: str
    inspection_percent: Decimal


@dataclass(frozen=True)
class GradeRule:
    key: str
    name: str
    name_en: str
    fact: str
    grade: str
    kinds: tuple = ()
    years: int = 0
    decided_cases: int = 0


@dataclass(frozen=True)
class GradeRules:
    grades: tuple[Grade, ...]
    default: str
    rules: tuple[GradeRule, ...]
    source: str = ""
    confirmed: bool = False
    order: dict = field(default_factory=dict)  # grade key → its rank, best 0

    def worst(self, *keys: str) -> str:
        return max(keys, key=lambda key: self.order[key])

    def grade(self, key: str) -> Grade:
        return self.grades[self.order[key]]


def grade_rules(file: str | Path | None = None) -> GradeRules:
    reader = _reader(GRADES_FILE, file)
    data = reader.data
    reader.only(data, {"source", "confirmed", "grades", "default", "rules"}, "")
    grades = []
    for path, item in reader.items(data, "grades", required=True):
        reader.only(item, {"key", "name", "name_en", "inspection_percent"}, path)
        try:
            percent = Decimal(str(reader.get(item, "inspection_percent", path, kind=(str, int))))
        except InvalidOperation:
            raise reader.error(f"{path}.inspection_percent", 'expected a number such as "5"') from None
        grades.append(
            Grade(
                reader.get(item, "key", path),
                reader.get(item, "name", path),
                reader.get(item, "name_en", path, required=False, default=""),
                percent,
            )
        )
    order = {grade.key: rank for rank, grade in enumerate(grades)}
    default = reader.choice(data, "default", "", set(order))
    rules = []
    for path, item in reader.items(data, "rules"):
        reader.only(item, {"key", "name", "name_en", "fact", "grade", "kinds", "years", "decided_cases"}, path)
        rules.append(
            GradeRule(
                key=reader.get(item, "key", path),
                name=reader.get(item, "name", path),
                name_en=reader.get(item, "name_en", path, required=False, default=""),
                fact=reader.choice(item, "fact", path, set(FACTS)),
                grade=reader.choice(item, "grade", path, set(order)),
                kinds=tuple(reader.get(item, "kinds", path, kind=list, required=False, default=[])),
                years=reader.get(item, "years", path, kind=int, required=False, default=0),
                decided_cases=reader.get(item, "decided_cases", path, kind=int, required=False, default=2),
            )
        )
    return GradeRules(
        tuple(grades),
        default,
        tuple(rules),
        reader.get(data, "source", "", required=False, default=""),
        reader.get(data, "confirmed", "", kind=bool, required=False, default=False),
        order,
    )


def inspection_proportions() -> dict[str, Decimal]:
    """{grade: the percent of its subjects a random-inspection draw takes}, from the grade rules."""
    return {grade.key: grade.inspection_percent for grade in grade_rules().grades}
