"""Credit grades (信用分级分类, §5.4 of the reference): every subject's grade as of a day under the grade rules of
data/credit/grade-rules.yaml, with why.

Each rule that holds for a subject on the day caps its grade ("at most C"); the subject gets the lowest cap, or the
default grade when no rule holds. The facts are read set-based, one aggregate query per rule for every subject at
once (so the whole register is graded in a few queries), then each subject's grade is a lookup:

- serious_list: listed on or before the day and not removed, revoked or past the term by then; counts until the
  term's end;
- record_in_force: a record found on or before the day and still published on it (repaired later, or not at all;
  never a revoked one); counts until the latest end of publication;
- record_ended: a record whose publication ended (its period over, or repaired) within `years` before the day;
  counts until `years` after that end;
- repeat_infringer: `decided_cases` or more enforcement cases decided within `years` before the day naming the
  subject's credit code as a party; counts until the `decided_cases`-th latest decision is `years` old.

`compute_grades` stores a run (a background task with progress: tasks.py); `grades_of` grades a few subjects at
once on any day (the random inspections call it); `inspection_proportions` (services/settings.py) gives each
grade's share of a draw."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from zhichan.core.actions import action, office_or_system
from zhichan.core.bulk_work import plain_rows, tune_for_bulk_work
from zhichan.core.clocks import add_months
from zhichan.protection.models import CaseParty

from ..events import GRADES_COMPUTED
from ..models import (
    ON_LIST,
    RUNNING,
    DishonestyRecord,
    GradeRun,
    RecordState,
    SeriousListEntry,
    SubjectGrade,
)
from .records import published_on
from .settings import GradeRules, grade_rules, serious_term_months
from .subjects import subjects

BATCH = 10_000


def years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def years_after(day: datetime.date, years: int) -> datetime.date:
    return years_before(day, -years)


def _of(queryset, codes, field="credit_code"):
    queryset = queryset.exclude(**{field: ""})
    return queryset.filter(**{f"{field}__in": list(codes)}) if codes is not None else queryset


def _serious(rule, day, codes) -> dict:
    found = {}
    months = serious_term_months()
    listed = _of(SeriousListEntry.objects.filter(listed_on__lte=day), codes)
    listed = listed.filter(Q(state__in=ON_LIST) | Q(removed_on__gt=day)).exclude(state="revoked")
    for code, listed_on in listed.values_list("credit_code", "listed_on"):
        ends = add_months(listed_on, months)
        if day < ends:
            count, until = found.get(code, (0, ends))
            found[code] = (count + 1, max(until, ends))
    return found


def _record_conditions(rule, day) -> list[tuple[Q, str]]:
    """(which records, the field giving the day the rule's count runs to) for a rule on the records."""
    kinds = Q(kind__key__in=rule.kinds) if rule.kinds else Q()
    if rule.fact == "record_in_force":
        return [(published_on(day) & kinds, "published_to")]
    since = years_before(day, rule.years)
    found = Q(found_on__lte=day) & kinds
    expired = found & Q(state__in=RUNNING, published_to__lt=day, published_to__gte=since)
    repaired = found & Q(state=RecordState.REPAIRED, ended_on__lte=day, ended_on__gte=since)
    return [(expired, "published_to"), (repaired, "ended_on")]


def _records(rules, day, codes) -> dict[str, dict]:
    """{rule key: {credit code: (count, until)}} for every rule on the records, in one pass over them: a count and a
    latest day per rule and condition, grouped by credit code."""
    aggregates, parts = {}, []
    for rule in rules:
        for condition, field in _record_conditions(rule, day):
            name = f"r{len(parts)}"
            aggregates[f"{name}_n"] = Count("pk", filter=condition)
            aggregates[f"{name}_last"] = Max(field, filter=condition)
            parts.append((rule, name))
    found = {rule.key: {} for rule in rules}
    if not parts:
        return found
    # Only the records some rule counts are grouped: those older than every rule's window are left in the scan.
    wanted = Q(pk__in=[])
    for condition, _field in (c for rule in rules for c in _record_conditions(rule, day)):
        wanted |= condition
    names = [name for _rule, part in parts for name in (f"{part}_n", f"{part}_last")]
    rows = _of(DishonestyRecord.objects.filter(wanted), codes).values("credit_code").annotate(**aggregates)
    # Tuples, not a server-side cursor: PostgreSQL then scans in parallel, and 200,000 rows stay cheap in Python.
    for code, *values in plain_rows(rows.values_list("credit_code", *names)):
        for index, (rule, _part) in enumerate(parts):
            count = values[2 * index]
            if not count:
                continue
            last = values[2 * index + 1]
            until = last if rule.fact == "record_in_force" else years_after(last, rule.years)
            earlier = found[rule.key].get(code)
            if earlier:
                count, until = earlier[0] + count, max(earlier[1], until)
            found[rule.key][code] = (count, until)
    return found


def _repeat(rule, day, codes) -> dict:
    since = years_before(day, rule.years)
    parties = _of(CaseParty.objects.filter(case__decided_on__lte=day, case__decided_on__gte=since), codes)
    hits = (
        parties.values("credit_code")
        .annotate(n=Count("case", distinct=True))
        .filter(n__gte=rule.decided_cases)
        .values_list("credit_code", "n")
    )
    hits = dict(hits)
    if not hits:
        return {}
    dates = defaultdict(set)
    for code, case, decided in parties.filter(credit_code__in=list(hits)).values_list(
        "credit_code", "case", "case__decided_on"
    ):
        dates[code].add((decided, case))
    found = {}
    for code, n in hits.items():
        kth_latest = sorted(dates[code], reverse=True)[rule.decided_cases - 1][0]
        found[code] = (n, years_after(kth_latest, rule.years))
    return found


def _inspection_problems(rule, day, codes) -> dict:
    """Problems found at a subject in a random inspection (双随机) within the rule's years: counted until the latest
    such inspection is that many years old."""
    from zhichan.services.models import WITH_PROBLEMS, InspectionTarget

    since = years_before(day, rule.years)
    found = _of(InspectionTarget.objects, codes, "key").filter(
        finding__in=list(WITH_PROBLEMS), inspected_on__lte=day, inspected_on__gt=since
    )
    rows = found.values("key").annotate(n=Count("pk"), latest=Max("inspected_on")).values_list("key", "n", "latest")
    return {code: (n, years_after(latest, rule.years)) for code, n, latest in rows}


FACTS = {"serious_list": _serious, "repeat_infringer": _repeat, "inspection_problems": _inspection_problems}
ON_RECORDS = ("record_in_force", "record_ended")


def collect(day: datetime.date, rules: GradeRules, codes=None) -> dict[str, list[dict]]:
    """{credit code: the reasons capping its grade}, each {rule, grade, count, until}, for every subject a rule
    holds for on the day (those of `codes` only, when given)."""
    return collect_with_grades(day, rules, codes)[0]


def collect_with_grades(day: datetime.date, rules: GradeRules, codes=None) -> tuple[dict, dict]:
    """collect's reasons, and {credit code: its grade} for each subject a rule holds for (the worst cap), read in
    the same pass (a run grades 200,000 subjects)."""
    reasons = defaultdict(list)
    worst: dict[str, int] = {}
    default = rules.order[rules.default]
    on_records = _records([rule for rule in rules.rules if rule.fact in ON_RECORDS], day, codes)
    for rule in rules.rules:
        found = on_records[rule.key] if rule.fact in ON_RECORDS else FACTS[rule.fact](rule, day, codes)
        rank = rules.order[rule.grade]
        for code, (count, until) in found.items():
            reasons[code].append(
                {"rule": rule.key, "grade": rule.grade, "count": count, "until": until.isoformat() if until else ""}
            )
            if rank > worst.get(code, default):
                worst[code] = rank
    return reasons, {code: rules.grades[rank].key for code, rank in worst.items()}


def grade_from(reasons: list[dict], rules: GradeRules) -> str:
    return rules.worst(rules.default, *(reason["grade"] for reason in reasons))


@dataclass(frozen=True)
class Graded:
    grade: str
    reasons: list


def grades_of(credit_codes, as_of: datetime.date | None = None) -> dict[str, str]:
    """{credit code: grade} of these subjects on the day (default today), computed now from the records."""
    return {code: graded.grade for code, graded in graded_subjects(credit_codes, as_of).items()}


def graded_subjects(credit_codes, as_of: datetime.date | None = None) -> dict[str, Graded]:
    day = as_of or timezone.localdate()
    codes = [code for code in {(c or "").strip().upper() for c in credit_codes} if code]
    rules = grade_rules()
    # Many codes (a random inspection's pool): every subject's reasons at once beats a long IN list.
    reasons = collect(day, rules, codes if len(codes) <= 500 else None)
    return {code: Graded(grade_from(reasons.get(code, []), rules), reasons.get(code, [])) for code in codes}


def explained(reason: dict, rules: GradeRules | None = None) -> str:
    """A reason in words, in the reader's language."""
    rules = rules or grade_rules()
    rule = next((r for r in rules.rules if r.key == reason["rule"]), None)
    english = not (get_language() or "").startswith("zh")
    name = (rule.name_en if english and rule.name_en else rule.name) if rule else reason["rule"]
    return _("%(rule)s: at most %(grade)s (%(count)d behind it; counts until %(until)s).") % {
        "rule": name,
        "grade": reason["grade"],
        "count": reason["count"],
        "until": reason["until"] or "—",
    }


def reasons_json(reasons: list[dict]) -> str:
    """The reasons as JSON, written directly: their keys and grades are slugs of the rules file, their days ISO dates
    (json.dumps for 200,000 subjects costs more than the rest of the write)."""
    if not reasons:
        return "[]"
    parts = (
        f'{{"rule": "{r["rule"]}", "grade": "{r["grade"]}", "count": {int(r["count"])}, "until": "{r["until"]}"}}'
        for r in reasons
    )
    return f"[{', '.join(parts)}]"


COPIED = ("run_id", "subject_kind", "credit_code", "name", "region_id", "grade", "reasons")


def _write(rows: list):
    """A batch of grades, as tuples in the order of COPIED: by COPY on PostgreSQL (a run writes every subject's row
    at once, so not a model instance each), else bulk_create."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        SubjectGrade.objects.bulk_create([SubjectGrade(**dict(zip(COPIED, row, strict=True))) for row in rows])
        return
    columns = ", ".join(connection.ops.quote_name(SubjectGrade._meta.get_field(f).column) for f in COPIED)
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {SubjectGrade._meta.db_table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row((*row[:-1], reasons_json(row[-1])))


@action(GRADES_COMPUTED, allow=lambda user, arguments: office_or_system(user, arguments))
def compute_grades(user, as_of: datetime.date, progress=None) -> GradeRun:
    """Grade every subject as of the day and store the run (each subject's grade and reasons)."""
    rules = grade_rules()
    tune_for_bulk_work()
    run = GradeRun.objects.create(
        as_of=as_of,
        started_by=user if getattr(user, "pk", None) else None,
        rules={"default": rules.default, "rules": [rule.key for rule in rules.rules]},
    )
    reasons, graded = collect_with_grades(as_of, rules)
    counts: Counter = Counter()
    batch: list = []
    done = 0
    for kind, code, name, region in subjects():
        found = reasons.get(code, [])
        grade = graded.get(code, rules.default)
        counts[grade] += 1
        batch.append((run.pk, kind, code, name, region, grade, found))
        if len(batch) >= BATCH:
            _write(batch)
            done += len(batch)
            batch = []
            if progress:
                progress(done, 0, _("%(done)d subjects graded") % {"done": done})
    _write(batch)
    run.counts = {grade.key: counts.get(grade.key, 0) for grade in rules.grades}
    run.finished = True
    run.save()
    return run


def latest_run():
    return GradeRun.objects.filter(finished=True).order_by("-created", "-pk").first()
