"""Schools and their students' works, each an action.

Who may: the office, and the liaison of the member unit following the school (the education bureau), enter
schools and their students' works; a township reads its schools. A work's patent application number is kept as the
register writes it, and linked to the register's record by it whenever read."""

from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from zhichan.core.actions import action, office_or_liaison, office_or_unit_liaison
from zhichan.core.bulk_work import one_of
from zhichan.core.models import Unit
from zhichan.core.roles import LIAISONS, role_of
from zhichan.core.services.organisation import organisation_of
from zhichan.registry.identifiers import IdentifierError, parse_patent_application
from zhichan.registry.models import Patent

from ..events import SCHOOL_CHANGED, SCHOOL_CREATED, WORK_ADDED, WORK_REMOVED
from ..models import Activity, ActivityKind, School, StudentWork
from .activities import within


def manages(user, school) -> bool:
    return office_or_unit_liaison(user, school, "school")


def _allow(user, arguments) -> bool:
    return manages(user, arguments["school"])


may_create = office_or_liaison


def _text(value) -> str:
    return (value or "").strip()


def _pilot(values: dict):
    if values.get("pilot_level") and not values.get("pilot_since"):
        raise ValidationError({"pilot_since": _("Give the year it was named a pilot school.")})
    if not values.get("pilot_level") and (values.get("pilot_since") or _text(values.get("pilot_document"))):
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
    within(user, region)
    if unit is None:
        raise ValidationError({"unit": _("Choose the member unit in charge.")})
    _pilot({"pilot_level": pilot_level, "pilot_since": pilot_since, "pilot_document": pilot_document})
    if School.objects.filter(region=region, name=_text(name)).exists():
        raise ValidationError({"name": _("This township has a school of this name already.")})
    school = School(
        name=_text(name),
        level=level,
        region=region,
        unit=unit,
        organisation=unit.organisation if unit.organisation_id else organisation_of(user) if user else None,
        pilot_level=pilot_level or "",
        pilot_since=pilot_since,
        pilot_document=_text(pilot_document),
        note=_text(note),
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
    school.pilot_document = _text(pilot_document) if pilot_level else ""
    school.full_clean()
    school.save()
    return school


def read_number(text: str) -> str:
    if not _text(text):
        return ""
    try:
        return parse_patent_application(text).normalized
    except IdentifierError as error:
        raise ValidationError({"number": str(error)}) from None


@action(WORK_ADDED, on="school", allow=_allow, data=lambda arguments, work: {"title": work.title})
def add_work(school, user, *, title, students, year, teacher="", number="", fair="", award="") -> StudentWork:
    """A student's invention: its patent application, its science-fair entry, or both."""
    number = read_number(number)
    if not number and not _text(fair):
        raise ValidationError({"number": _("Give the patent application number, or the science fair it entered.")})
    if _text(award) and not _text(fair):
        raise ValidationError({"fair": _("Name the science fair that gave the award.")})
    if year > timezone.localdate().year:
        raise ValidationError({"year": _("A year still to come cannot be recorded yet.")})
    work = StudentWork(
        school=school,
        title=_text(title),
        students=_text(students),
        teacher=_text(teacher),
        year=year,
        number=number,
        fair=_text(fair),
        award=_text(award),
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
    numbers = sorted({work.number for work in works if work.number})
    if not numbers:
        return {}
    found = Patent.objects.filter(one_of("application_number", numbers)).only(
        "pk", "application_number", "title", "patent_type", "filing_date", "grant_date"
    )
    return {patent.application_number: patent for patent in found}


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
