"""The services catalogue: loaded from its data file (errors name the file, the path and the reason), read by the
public pages, edited by the office (each edit an action, after which a reload keeps the office's wording). A
service's extra questions are checked by one rule, `question_problems`, whether they come from the file or from the
office's page."""

import re
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zhichan.core.actions import action, office_or_system
from zhichan.core.events import record
from zhichan.core.models import DeadlineRule, Region, Unit
from zhichan.core.services.datafile import Reader
from zhichan.core.services.upsert import sync_from_file

from ..events import SERVICE_CHANGED
from ..models import FieldType, RequestState, Service, StateLabel, Target
from .intakes import INTAKES

FILE = Path("data/portal/services.yaml")
# What the office edits on a service's page.
EDITABLE = (
    "name",
    "name_en",
    "group",
    "group_en",
    "summary",
    "summary_en",
    "audience",
    "audience_en",
    "materials",
    "materials_en",
    "unit",
    "rule",
    "anonymous",
    "files",
    "published",
)
# A service in the data file: those (its rule named by key, as `deadline`), its code, target and questions.
SERVICE_KEYS = {*EDITABLE, "code", "target", "deadline", "fields"} - {"rule"}
FIELD_KEYS = {"key", "label", "label_en", "type", "required", "choices"}
CHOICE_KEYS = {"value", "label", "label_en"}
# The names the form itself uses: an extra question may not take one.
OWN_FIELDS = {"name", "phone", "email", "credit_code", "matter", "anonymous", "files", "challenge", "answer", "website"}
# A key names the answer in every request and the form's field `q_<key>`: a short slug, kept once asked.
KEY = re.compile(r"[a-z][a-z0-9_]{0,39}")

BAD_KEY = gettext_lazy(
    "the key %(key)s is not a short slug: small letters, digits and _, starting with a letter (e.g. respondent)"
)
OWN_KEY = gettext_lazy("the key %(key)s is a field the form asks itself; choose another")
TWICE = gettext_lazy("the key %(key)s is used by another question")
NO_LABEL = gettext_lazy("give the question's wording")
BAD_TYPE = gettext_lazy("the type %(type)s is not one of text, textarea, date, choice")
NO_CHOICES = gettext_lazy("a choice needs its choices")
NOT_CHOICE = gettext_lazy("only a question of the type choice has choices")
CHOICE_EMPTY = gettext_lazy("choice %(number)s needs a value and its wording")
CHOICE_TWICE = gettext_lazy("the value %(value)s is listed twice")
BAR = gettext_lazy("a choice's value and wording may not contain |")
READ_TYPE = gettext_lazy("the answer is read when a request lands: the question keeps the type %(type)s")
NEW_VALUE = gettext_lazy(
    "the answer is read when a request lands, which knows only the values %(values)s: reword or leave out "
    "choices, add no value"
)
NEW_READ = gettext_lazy(
    "the answer is read when a request lands: a choice it reads is added in the catalogue file, where its values are "
    "checked"
)
REMOVED = gettext_lazy("the question %(key)s cannot be removed: its answer is read when a request lands as %(target)s")


@dataclass(frozen=True)
class Problem:
    """What is wrong with a service's questions: the question (its place in the list; None for one left out),
    the part of it (key, label, type, choices) and why, worded when read (the page's language, the file's
    English)."""

    index: int | None
    part: str
    text: object
    params: dict

    def worded(self) -> str:
        return str(self.text) % self.params


def answers_read(target: str) -> dict:
    """{key: question type} of the answers a target's intake reads when a request lands there."""
    return dict(getattr(INTAKES.get(target), "answers", None) or {})


def question_problems(questions: list[dict], *, target: str = "", before: list | None = None) -> list:
    """The one check of a service's questions, for the data file and the office's page alike: each key a slug,
    not the form's own, asked once; a wording; a known type; choices for a choice only, each with a value and a
    wording. An answer the target's landing reads keeps its type; against the questions as they were (`before`,
    the page's edit) it is not removed and its choice gains no value the landing does not know."""
    reads, problems, keys = answers_read(target), [], set()
    earlier = {question["key"]: question for question in before or []}

    def problem(index, part, text, **params):
        problems.append(Problem(index, part, text, params))

    for index, question in enumerate(questions):
        key, kind = question.get("key") or "", question.get("type") or ""
        if not KEY.fullmatch(key):
            problem(index, "key", BAD_KEY, key=key)
        elif key in OWN_FIELDS:
            problem(index, "key", OWN_KEY, key=key)
        elif key in keys:
            problem(index, "key", TWICE, key=key)
        keys.add(key)
        if not (question.get("label") or "").strip():
            problem(index, "label", NO_LABEL)
        choices = question.get("choices") or []
        if kind not in FieldType.values:
            problem(index, "type", BAD_TYPE, type=kind)
        elif key in reads and kind != reads[key]:
            problem(index, "type", READ_TYPE, type=FieldType(reads[key]).label)
        elif kind == FieldType.CHOICE and not choices:
            problem(index, "choices", NO_CHOICES)
        elif kind != FieldType.CHOICE and choices:
            problem(index, "choices", NOT_CHOICE)
        values = set()
        for number, choice in enumerate(choices, 1):
            value, label = choice.get("value") or "", choice.get("label") or ""
            if not value.strip() or not label.strip():
                problem(index, "choices", CHOICE_EMPTY, number=number)
            elif value in values:
                problem(index, "choices", CHOICE_TWICE, value=value)
            elif "|" in value + label + (choice.get("label_en") or ""):
                problem(index, "choices", BAR)
            values.add(value)
        known = {choice["value"] for choice in earlier.get(key, {}).get("choices", [])}
        if before is not None and key in reads and kind == FieldType.CHOICE and not values <= known:
            if known:
                problem(index, "choices", NEW_VALUE, values=", ".join(sorted(known)))
            else:
                problem(index, "choices", NEW_READ)
    for key in earlier:
        if key in reads and key not in keys:
            problem(None, "key", REMOVED, key=key, target=Target(target).label)
    return problems


def with_keys(questions: list[dict], before: list | None = None) -> list[dict]:
    """The questions, each new one left without a key given the first free `q<n>` (not one asked before either,
    whose answers earlier requests hold)."""
    taken = {question.get("key") for question in [*questions, *(before or [])]}
    numbers = (f"q{number}" for number in range(1, 10_000))
    kept = []
    for question in questions:
        if not question.get("key"):
            question = {**question, "key": next(key for key in numbers if key not in taken)}
        kept.append(question)
    return kept


def kept_question(item: dict) -> dict:
    """A question as the catalogue keeps it: its texts trimmed, choices only for a choice."""
    kept = {
        "key": (item.get("key") or "").strip(),
        "label": (item.get("label") or "").strip(),
        "label_en": (item.get("label_en") or "").strip(),
        "type": item.get("type") or FieldType.TEXT,
        "required": bool(item.get("required")),
    }
    if item.get("choices") or kept["type"] == FieldType.CHOICE:
        kept["choices"] = [
            {name: (choice.get(name) or "").strip() for name in ("value", "label", "label_en")}
            for choice in item.get("choices") or []
        ]
    return kept


def read_fields(reader: Reader, mapping: dict, path: str, target: str = "") -> list[dict]:
    """A service's extra questions from the file, checked by `question_problems`; the first problem found is
    refused with its path (`services[0].fields[3].key`)."""
    found = []
    for here, item in reader.items(mapping, "fields", path):
        reader.only(item, FIELD_KEYS, here)
        field = {
            "key": reader.get(item, "key", here),
            "label": reader.get(item, "label", here),
            "label_en": reader.get(item, "label_en", here, required=False, default=""),
            "type": reader.get(item, "type", here, required=False, default=FieldType.TEXT),
            "required": reader.get(item, "required", here, kind=bool, required=False, default=False),
        }
        choices = []
        for place, choice in reader.items(item, "choices", here):
            reader.only(choice, CHOICE_KEYS, place)
            choices.append(
                {
                    "value": reader.get(choice, "value", place),
                    "label": reader.get(choice, "label", place),
                    "label_en": reader.get(choice, "label_en", place, required=False, default=""),
                }
            )
        if choices or field["type"] == FieldType.CHOICE:
            field["choices"] = choices
        found.append(field)
    prefix = f"{path}.fields" if path else "fields"
    with translation.override("en"):  # a data file's errors are read by whoever keeps the file: in English
        for problem in question_problems(found, target=target):
            where = f"{prefix}[{problem.index}].{problem.part}" if problem.index is not None else prefix
            raise reader.error(where, problem.worded())
    return [kept_question(field) for field in found]


def _text(reader, mapping, key, path) -> str:
    return (reader.get(mapping, key, path, required=False, default="") or "").strip()


def read_services(reader: Reader) -> list[dict]:
    data = reader.data
    region = Region.objects.filter(code=reader.get(data, "region", "")).first()
    if region is None:
        raise reader.error("region", f"unknown region {data['region']!r}")
    units = {unit.key: unit for unit in Unit.objects.filter(organisation=region)}
    rules = set(DeadlineRule.objects.values_list("key", flat=True))
    services, codes = [], set()
    for order, (here, item) in enumerate(reader.items(data, "services", required=True)):
        reader.only(item, SERVICE_KEYS, here)
        code = reader.get(item, "code", here)
        if code in codes:
            raise reader.error(f"{here}.code", f"the service {code!r} is listed twice")
        codes.add(code)
        unit_key = reader.get(item, "unit", here)
        if unit_key not in units:
            raise reader.error(f"{here}.unit", f"unknown unit {unit_key!r}")
        deadline = reader.get(item, "deadline", here, required=False)
        if deadline is not None and deadline not in rules:
            raise reader.error(f"{here}.deadline", f"unknown deadline rule {deadline!r}")
        target = reader.choice(item, "target", here, Target.values)
        anonymous = reader.get(item, "anonymous", here, kind=bool, required=False, default=False)
        if anonymous and target not in (Target.TIP, Target.PORTAL):
            raise reader.error(f"{here}.anonymous", "only a tip or a request answered on the portal may be anonymous")
        services.append(
            {
                "code": code,
                "name": reader.get(item, "name", here),
                "name_en": _text(reader, item, "name_en", here),
                "group": _text(reader, item, "group", here),
                "group_en": _text(reader, item, "group_en", here),
                "summary": _text(reader, item, "summary", here),
                "summary_en": _text(reader, item, "summary_en", here),
                "audience": _text(reader, item, "audience", here),
                "audience_en": _text(reader, item, "audience_en", here),
                "materials": _text(reader, item, "materials", here),
                "materials_en": _text(reader, item, "materials_en", here),
                "target": target,
                "unit": units[unit_key],
                "rule": DeadlineRule.objects.get(key=deadline) if deadline else None,
                "anonymous": anonymous,
                "files": reader.get(item, "files", here, kind=bool, required=False, default=False),
                "published": reader.get(item, "published", here, kind=bool, required=False, default=True),
                "fields": read_fields(reader, item, here, target),
                "order": order,
            }
        )
    return services


def load_services(file) -> dict:
    """Bring the catalogue in line with the file; a service the office has edited is kept as it wrote it, but for
    its target."""
    reader = Reader(file)
    if not Region.objects.filter(code=str(reader.data.get("region", ""))).exists():
        return {"created": 0, "updated": 0, "kept": 0}  # another region's installation: its own catalogue
    # Where a request lands is the platform's, not the office's wording: a new target reaches an edited service too
    # (which then may not stay anonymous where its module names the requester).
    result = sync_from_file(Service, "code", read_services(reader), fixed=("target",))
    for service in Service.objects.filter(anonymous=True).exclude(target__in=(Target.TIP, Target.PORTAL)):
        service.anonymous = False
        service.save(update_fields=["anonymous", "updated"])
    for state in RequestState.values:
        StateLabel.objects.get_or_create(state=state)
    return result


def published_services():
    return Service.objects.filter(published=True).select_related("unit", "rule")


PARTS = {
    "key": gettext_lazy("key"),
    "label": gettext_lazy("question"),
    "type": gettext_lazy("type"),
    "choices": gettext_lazy("choices"),
}


def said(problem: Problem, questions: list, number: int | None = None) -> str:
    """A problem in the office's words, naming the question (by its number, its place in the list unless
    given) and the part of it."""
    if problem.index is None:
        return problem.worded()
    return _("Question %(number)s (%(label)s), %(part)s: %(problem)s") % {
        "number": number or problem.index + 1,
        "label": questions[problem.index]["label"] or "—",
        "part": PARTS[problem.part],
        "problem": problem.worded(),
    }


def checked_questions(service, questions) -> list[dict]:
    """The questions the office gives a service, new ones keyed, checked against the service's own as they are
    (ValidationError under `fields`, each problem naming its question)."""
    if not isinstance(questions, list | tuple) or not all(isinstance(item, dict) for item in questions):
        raise ValidationError({"fields": _("The questions are a list, each question a mapping.")})
    questions = with_keys([kept_question(item) for item in questions], service.fields)
    problems = question_problems(questions, target=service.target, before=service.fields)
    if problems:
        raise ValidationError({"fields": [said(problem, questions) for problem in problems]})
    return questions


def question_changes(before: list, after: list) -> dict:
    """Which questions an edit added, removed or reworded (by key), and whether it reordered those it kept."""
    old = {question["key"]: question for question in before}
    new = {question["key"]: question for question in after}
    return {
        "added": [key for key in new if key not in old],
        "removed": [key for key in old if key not in new],
        "edited": [key for key in new if key in old and new[key] != old[key]],
        "reordered": [key for key in old if key in new] != [key for key in new if key in old],
    }


@action(allow=office_or_system)
def change_service(service, user, **values) -> Service:
    """The office rewords a service, hands it to another unit, sets its committed deadline, edits its questions
    (adds, rewords, reorders, removes them) or takes it off the public catalogue. The event names what changed
    (nothing changed: no event); the service is then kept as the office left it when the file is loaded again."""
    unknown = set(values) - set(EDITABLE) - {"fields"}
    if unknown:
        raise ValidationError(_("Unknown fields: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    if values.get("anonymous") and service.target not in (Target.TIP, Target.PORTAL):
        raise ValidationError({"anonymous": _("Only a tip or a request answered on the portal may be anonymous.")})
    if "fields" in values:
        values["fields"] = checked_questions(service, values["fields"] or [])
    before = {name: getattr(service, name) for name in values}
    for name, value in values.items():
        setattr(service, name, value.strip() if isinstance(value, str) else value)
    if not service.name:
        raise ValidationError({"name": _("Give the service's name.")})
    changed = [name for name in values if getattr(service, name) != before[name]]
    if not changed:
        return service
    service.from_file = False
    service.full_clean()
    service.save()
    data = {"changed": "、".join(str(Service._meta.get_field(name).verbose_name) for name in changed)}
    if "fields" in changed:
        data["questions"] = question_changes(before["fields"], service.fields)
    record(user, SERVICE_CHANGED, service, **data)
    return service


def state_labels() -> dict:
    return {row.state: row for row in StateLabel.objects.all()}


def reword_states(user, labels: dict) -> int:
    """The office's wording of the state types ({state: (label, label in English)}); returns how many changed."""
    from zhichan.core.actions import refuse

    from ..events import STATE_REWORDED

    if not office_or_system(user):
        refuse()
    changed = 0
    with transaction.atomic():
        for state, (label, label_en) in labels.items():
            row, _created = StateLabel.objects.get_or_create(state=state)
            label, label_en = (label or "").strip(), (label_en or "").strip()
            if (row.label, row.label_en) != (label, label_en):
                row.label, row.label_en = label, label_en
                row.save()
                record(user, STATE_REWORDED, row, label=label, label_en=label_en)
                changed += 1
    return changed
