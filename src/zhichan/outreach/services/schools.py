"""Schools and their students' works, each an action.

Who may: the office, and the liaison of the member unit following the school (the education bureau), enter
schools and their students' works; a township reads its schools. A work's patent application number is kept as the
register writes it, and linked to the register's record by it whenever read."""

from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.actions import action, office_or_liaison, office_or_unit_liaison, within_own_region
from zhichan.core.events import record
from zhichan.core.inputs import stripped
from zhichan.core.models import Unit
from zhichan.core.roles import LIAISONS, role_of
from zhichan.core.services.organisation import organisation_of
from zhichan.registry.identifiers import IdentifierError, parse_patent_application
from zhichan.registry.models import Patent
from zhichan.registry.services.patents import patents_by_number

from ..events import SCHOOL_CHANGED, SCHOOL_CORRECTED, SCHOOL_CREATED, WORK_ADDED, WORK_REMOVED
from ..models import Activity, ActivityKind, School, StudentWork


def manages(user, school) -> bool:
    return office_or_unit_liaison(user, school, "school")


def _allow(user, arguments) -> bool:
    return manages(user, arguments["school"])


may_create = office_or_liaison


def _pilot(values: dict):
    if values.get("pilot_level") and not values.get("pilot_since"):
        raise ValidationError({"pilot_since": _("Give the year it was named a pilot school.")})
    if not values.get("pilot_level") and (values.get("pilot_since") or stripped(values.get("pilot_document"))):
        raise ValidationError({"pilot_level": _("Choose the level that named it a pilot school.")})


@action(SCHOOL_CREATED, allow=may_create)
def create_school(
    user,
    *,
    name: str,
    level: str,
    region,
    unit: Unit | None = None,
    pilot_level: str = "",
    pilot_since: int | None = None,
    pilot_document: str = "",
    note: str = "",
    synthetic: bool = False,
) -> School:
    """Enter a school. A liaison's school is followed by its own unit; the office's by the unit it names, else the
    education bureau."""
    if user is not None and role_of(user) in LIAISONS:
        unit = user.unit
    unit = unit or Unit.objects.filter(key="education").first()
    within_own_region(user, region)
    if unit is None:
        raise ValidationError({"unit": _("Choose the member unit in charge.")})
    _pilot({"pilot_level": pilot_level, "pilot_since": pilot_since, "pilot_document": pilot_document})
    if School.objects.filter(region=region, name=stripped(name)).exists():
        raise ValidationError({"name": _("This township has a school of this name already.")})
    school = School(
        name=stripped(name),
        level=level,
        region=region,
        unit=unit,
        organisation=unit.organisation if unit.organisation_id else organisation_of(user) if user else None,
        pilot_level=pilot_level or "",
        pilot_since=pilot_since,
        pilot_document=stripped(pilot_document),
        note=stripped(note),
        created_by=user if getattr(user, "pk", None) else None,
        synthetic=synthetic,
    )
    school.full_clean()
    school.save()
    return school


@action(SCHOOL_CHANGED, on="school", allow=_allow)
def name_pilot(school, user, *, pilot_level: str, pilot_since: int | None = None, pilot_document: str = "") -> School:
    """Record (or take back) the school's naming as a pilot school."""
    _pilot({"pilot_level": pilot_level, "pilot_since": pilot_since, "pilot_document": pilot_document})
    school.pilot_level, school.pilot_since = pilot_level or "", pilot_since if pilot_level else None
    school.pilot_document = stripped(pilot_document) if pilot_level else ""
    school.full_clean()
    school.save()
    return school


DETAILS = ("name", "level", "region", "unit", "pilot_level", "pilot_since", "pilot_document", "note")


def _labels(names) -> str:
    return "、".join(str(School._meta.get_field(name).verbose_name) for name in names)


@action(allow=_allow)
def change_school(school, user, **values) -> School:
    """Correct the school's details (those of DETAILS given) by the rules it was entered by: a liaison places it
    within its own region, and its school stays followed by the liaison's own unit; the office names another unit
    (None keeps the unit, or the township). An event names what changed (nothing changed: no event)."""
    unknown = set(values) - set(DETAILS)
    if unknown:
        raise ValidationError({name: _("Not a detail of a school.") for name in sorted(unknown)})
    for name in ("region", "unit"):
        if name in values and values[name] is None:
            del values[name]
    if "unit" in values and values["unit"].pk != school.unit_id and user is not None and role_of(user) in LIAISONS:
        raise ValidationError({"unit": _("Only the office names another member unit in charge.")})
    for name in ("name", "pilot_document", "note"):
        if name in values:
            values[name] = stripped(values[name])
    if "pilot_level" in values and not values["pilot_level"]:  # no longer a pilot school: its year and document go
        values.setdefault("pilot_since", None)
        values.setdefault("pilot_document", "")
    after = {name: values.get(name, getattr(school, name)) for name in DETAILS}
    _pilot(after)
    if after["region"].pk != school.region_id:
        within_own_region(user, after["region"])
    if School.objects.filter(region=after["region"], name=after["name"]).exclude(pk=school.pk).exists():
        raise ValidationError({"name": _("This township has a school of this name already.")})
    before = {name: getattr(school, name) for name in values}
    for name, value in values.items():
        setattr(school, name, value if value is not None or name == "pilot_since" else "")
    if "unit" in values and school.unit.organisation_id:
        school.organisation = school.unit.organisation
    changed = [name for name in values if getattr(school, name) != before[name]]
    school.full_clean()
    school.save()
    if changed:
        record(user, SCHOOL_CORRECTED, school, changed=_labels(changed))
    return school


def read_number(text: str) -> str:
    if not stripped(text):
        return ""
    try:
        return parse_patent_application(text).normalized
    except IdentifierError as error:
        raise ValidationError({"number": str(error)}) from None


@action(WORK_ADDED, on="school", allow=_allow, data=lambda arguments, work: {"title": work.title})
def add_work(school, user, *, title, students, year, teacher="", number="", fair="", award="") -> StudentWork:
    """A student's invention: its patent application, its science-fair entry, or both."""
    number = read_number(number)
    if not number and not stripped(fair):
        raise ValidationError({"number": _("Give the patent application number, or the science fair it entered.")})
    if stripped(award) and not stripped(fair):
        raise ValidationError({"fair": _("Name the science fair that gave the award.")})
    if year > timezone.localdate().year:
        raise ValidationError({"year": _("A year still to come cannot be recorded yet.")})
    work = StudentWork(
        school=school,
        title=stripped(title),
        students=stripped(students),
        teacher=stripped(teacher),
        year=year,
        number=number,
        fair=stripped(fair),
        award=stripped(award),
        added_by=user if getattr(user, "pk", None) else None,
    )
    work.full_clean()
    work.save()
    return work


@action(WORK_REMOVED, on="school", allow=_allow, data=lambda arguments, result: {"title": arguments["work"].title})
def remove_work(school, user, *, work) -> School:
    if work.school_id != school.pk:
        raise ValidationError({"work": _("The work is another school's.")})
    work.delete()
    return school


def linked_patents(works) -> dict[str, Patent]:
    """The register's record of each work's number, for the numbers it holds (one query)."""
    return patents_by_number(
        (work.number for work in works), ("application_number", "title", "patent_type", "filing_date", "grant_date")
    )


def _per_school(value):
    """A subquery: `value` over the school's activities in schools (one per school, so no join multiplies it)."""
    rows = Activity.objects.filter(school=OuterRef("pk"), kind=ActivityKind.SCHOOL).order_by().values("school")
    return Subquery(rows.annotate(total=value).values("total")[:1])


def school_figures(schools):
    """The schools with their activities' reach and their students' works counted, for a list."""
    return schools.annotate(
        activity_count=_per_school(Count("pk")),
        teachers=_per_school(Sum("teachers_trained")),
        students_reached=_per_school(Sum("students_reached")),
        work_count=Count("works", distinct=True),
        patent_count=Count("works", filter=~Q(works__number=""), distinct=True),
        fair_count=Count("works", filter=~Q(works__fair=""), distinct=True),
    )
