"""A project's course and what is entered on it, each an action.

Who may: the office, and the liaison of the member unit in charge, enter a project and take it through its course
(approved → under way → mid-term checked → accepted, or ended early), set its targets and milestones; the applicant
enterprise's users, besides them, add its outputs and deliverables and mark a milestone reached."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zhichan.core.actions import action, office_or_liaison, office_or_unit_liaison
from zhichan.core.inputs import past_day, stripped
from zhichan.core.models import Region, Unit
from zhichan.core.roles import LIAISONS, Role, role_of
from zhichan.core.services import attachments
from zhichan.core.services.filetypes import DOCUMENTS
from zhichan.core.services.organisation import organisation_of
from zhichan.registry.identifiers import IdentifierError, parse_patent_application
from zhichan.registry.services.enterprises import enterprise_named

from ..events import (
    DELIVERABLE_ADDED,
    MILESTONE_ADDED,
    MILESTONE_REACHED,
    OUTPUT_REMOVED,
    OUTPUTS_ADDED,
    PROJECT_ACCEPTED,
    PROJECT_APPROVED,
    PROJECT_CHECKED,
    PROJECT_CREATED,
    PROJECT_ENDED,
    PROJECT_STARTED,
    RESULTS_RECORDED,
    TARGET_SET,
)
from ..models import OPEN, Milestone, NavigationType, Output, Project, ProjectKind, State, Target
from .phases import phase_keys

# --- who may ----------------------------------------------------------------------------------------------------


def manages(user, project) -> bool:
    """The office (of the project's organisation), or the liaison of the member unit in charge."""
    return office_or_unit_liaison(user, project, "project")


def reports(user, project) -> bool:
    """Those who manage it, or a user of the applicant enterprise."""
    if manages(user, project):
        return True
    return (
        role_of(user) == Role.ENTERPRISE
        and project.applicant_id is not None
        and user.enterprises.filter(pk=project.applicant_id).exists()
    )


def _allow(rule):
    return lambda user, arguments: rule(user, arguments["project"])


may_create = office_or_liaison


# --- helpers ----------------------------------------------------------------------------------------------------


def _in(project, states, message):
    if project.state not in states:
        raise ValidationError(message)


def _open(project):
    _in(project, OPEN, _("The project is over: nothing more is entered on it."))


# --- the project ------------------------------------------------------------------------------------------------


@action(PROJECT_CREATED, allow=may_create)
def create_project(
    user,
    *,
    kind: str,
    title: str,
    level: str,
    applicant_code: str = "",
    applicant_name: str = "",
    navigation_type: str = "",
    partners: str = "",
    unit: Unit | None = None,
    region: Region | None = None,
    field: str = "",
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
    budget=None,
    funding=None,
    synthetic: bool = False,
) -> Project:
    """Enter a project, proposed. A liaison's project is its own unit's; the township is the applicant's (or the
    unit's region) unless one is chosen."""
    applicant = enterprise_named("applicant_code", applicant_code)
    if user is not None and role_of(user) in LIAISONS:
        unit = user.unit
    errors = {}
    if unit is None:
        errors["unit"] = _("Choose the member unit in charge.")
    if kind == ProjectKind.NAVIGATION and navigation_type not in NavigationType.values:
        errors["navigation_type"] = _("Choose the kind of navigation (GB/T 39551).")
    if kind != ProjectKind.NAVIGATION and navigation_type:
        errors["navigation_type"] = _("Only a navigation project has a kind of navigation.")
    if not (stripped(applicant_name) or applicant):
        errors["applicant_name"] = _("Name the applicant, or give its credit code.")
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = _("The period ends before it starts.")
    for name, amount in (("budget", budget), ("funding", funding)):
        if amount is not None and amount < 0:
            errors[name] = _("The amount is below zero.")
    if errors:
        raise ValidationError(errors)
    if region is None:
        region = applicant.region if applicant is not None and applicant.region_id else unit.region
    project = Project(
        kind=kind,
        navigation_type=navigation_type or "",
        title=stripped(title),
        applicant=applicant,
        applicant_name=stripped(applicant_name) or applicant.name,
        partners=stripped(partners),
        unit=unit,
        region=region,
        organisation=unit.organisation if unit.organisation_id else organisation_of(user) if user else None,
        level=level,
        field=stripped(field),
        starts_on=starts_on,
        ends_on=ends_on,
        budget=budget,
        funding=funding,
        created_by=user if getattr(user, "pk", None) else None,
        synthetic=synthetic,
    )
    project.full_clean()
    project.save()
    return project


@action(PROJECT_APPROVED, on="project", allow=_allow(manages))
def approve(project, user, *, document, approved_on=None, funding=None) -> Project:
    """Approved (立项) by the level named, under its document."""
    _in(project, (State.PROPOSED,), _("Only a proposed project is approved."))
    if not stripped(document):
        raise ValidationError({"document": _("Give the approving document's number.")})
    project.state, project.document, project.approved_on = (
        State.APPROVED,
        stripped(document),
        past_day(approved_on, "approved_on"),
    )
    if funding is not None:
        project.funding = funding
    project.full_clean()
    project.save()
    return project


@action(PROJECT_STARTED, on="project", allow=_allow(manages))
def start(project, user, *, started_on=None) -> Project:
    _in(project, (State.APPROVED,), _("Only an approved project is started."))
    started_on = past_day(started_on, "started_on")
    if started_on < project.approved_on:
        raise ValidationError({"started_on": _("A project starts on or after its approval.")})
    project.state, project.started_on = State.STARTED, started_on
    if project.starts_on is None:
        project.starts_on = started_on
    project.save()
    return project


@action(PROJECT_CHECKED, on="project", reason="opinion", allow=_allow(manages))
def check(project, user, *, opinion, checked_on=None) -> Project:
    """The mid-term check (中期检查), with its opinion."""
    _in(project, (State.STARTED,), _("Only a project under way has its mid-term check."))
    if not stripped(opinion):
        raise ValidationError({"opinion": _("Write the check's opinion.")})
    checked_on = past_day(checked_on, "checked_on")
    if checked_on < project.started_on:
        raise ValidationError({"checked_on": _("The check comes after the start.")})
    project.state, project.checked_on, project.check_opinion = State.CHECKED, checked_on, stripped(opinion)
    project.save()
    return project


@action(PROJECT_ACCEPTED, on="project", reason="opinion", allow=_allow(manages))
def accept(project, user, *, opinion, accepted_on=None) -> Project:
    """The final acceptance (验收), with its opinion."""
    _in(project, (State.STARTED, State.CHECKED), _("Only a project under way is accepted."))
    if not stripped(opinion):
        raise ValidationError({"opinion": _("Write the acceptance opinion.")})
    accepted_on = past_day(accepted_on, "accepted_on")
    if accepted_on < (project.checked_on or project.started_on):
        raise ValidationError({"accepted_on": _("The acceptance comes after the start and the mid-term check.")})
    project.state, project.accepted_on, project.acceptance_opinion = State.ACCEPTED, accepted_on, stripped(opinion)
    project.save()
    return project


@action(PROJECT_ENDED, on="project", reason="reason", allow=_allow(manages))
def end(project, user, *, reason, ended_on=None) -> Project:
    _open(project)
    if not stripped(reason):
        raise ValidationError({"reason": _("Say why the project ends early.")})
    project.state, project.ended_on, project.end_reason = State.ENDED, past_day(ended_on, "ended_on"), stripped(reason)
    project.save()
    return project


# --- targets, outputs, milestones, deliverables, results --------------------------------------------------------


@action(
    TARGET_SET,
    on="project",
    allow=_allow(manages),
    data=lambda arguments, result: {"measure": arguments["measure"], "planned": arguments["planned"]},
)
def set_target(project, user, *, measure, planned: int) -> Project:
    """The number planned of a measure (zero takes the target away)."""
    _open(project)
    if planned:
        Target.objects.update_or_create(project=project, measure=measure, defaults={"planned": planned})
    else:
        Target.objects.filter(project=project, measure=measure).delete()
    return project


def read_numbers(text) -> list[str]:
    """The application numbers of a text, one a line (or separated by commas), as the register keeps them; a
    number that cannot be read is refused naming its line."""
    numbers, problems = [], []
    lines = [line.strip() for line in (text or "").replace("，", "\n").replace(",", "\n").splitlines()]
    for position, line in enumerate(lines, start=1):
        if not line:
            continue
        try:
            number = parse_patent_application(line).normalized
        except IdentifierError as error:
            problems.append(_("Line %(n)d (%(text)s): %(reason)s") % {"n": position, "text": line, "reason": error})
            continue
        if number not in numbers:
            numbers.append(number)
    if problems:
        raise ValidationError({"numbers": problems})
    if not numbers:
        raise ValidationError({"numbers": _("Give at least one patent application number.")})
    return numbers


@action(
    OUTPUTS_ADDED,
    on="project",
    allow=_allow(reports),
    data=lambda arguments, result: {"numbers": [output.number for output in result]},
)
def add_outputs(project, user, *, numbers, note="") -> list[Output]:
    """Name patents the project produced, by application number: each is linked to the register's record as soon
    as the register holds it; one named already is left as it is."""
    _open(project)
    wanted = read_numbers(numbers)
    by = user if getattr(user, "pk", None) else None
    known = set(project.outputs.filter(number__in=wanted).values_list("number", flat=True))
    added = [
        Output(project=project, number=number, note=stripped(note)[:200], added_by=by)
        for number in wanted
        if number not in known
    ]
    if not added:
        message = _("Already outputs of the project: %(numbers)s.") % {"numbers": "、".join(wanted)}
        raise ValidationError({"numbers": message})
    return Output.objects.bulk_create(added)


@action(
    OUTPUT_REMOVED,
    on="project",
    allow=_allow(manages),
    data=lambda arguments, result: {"number": arguments["output"].number},
)
def remove_output(project, user, *, output) -> Project:
    _open(project)
    if output.project_id != project.pk:
        raise ValidationError({"output": _("The output is another project's.")})
    output.delete()
    return project


@action(MILESTONE_ADDED, on="project", allow=_allow(manages), data=lambda arguments, result: {"name": result.name})
def add_milestone(project, user, *, name, due_on) -> Milestone:
    _open(project)
    milestone = Milestone(project=project, name=stripped(name), due_on=due_on)
    milestone.full_clean()
    milestone.save()
    return milestone


@action(MILESTONE_REACHED, on="project", allow=_allow(reports), data=lambda arguments, result: {"name": result.name})
def reach_milestone(project, user, *, milestone, done_on=None) -> Milestone:
    _open(project)
    if milestone.project_id != project.pk or milestone.done_on is not None:
        raise ValidationError({"milestone": _("Choose a milestone of the project not reached yet.")})
    milestone.done_on = past_day(done_on, "done_on")
    milestone.save(update_fields=["done_on"])
    return milestone


DELIVERABLES = "deliverables"


@action(
    DELIVERABLE_ADDED,
    on="project",
    allow=_allow(reports),
    data=lambda arguments, result: {"name": result.name, "phase": arguments["phase"]},
)
def add_deliverable(project, user, *, file, phase="", label=""):
    """A deliverable (a report, a technology breakdown, an opinion…), under a navigation project's phase."""
    if project.kind == ProjectKind.NAVIGATION and phase not in phase_keys():
        raise ValidationError({"phase": _("Choose the phase the deliverable belongs to.")})
    kind = f"{DELIVERABLES}:{phase}" if phase else DELIVERABLES
    return attachments.attach(
        user, project, file, kind=kind, label=label, accept=DOCUMENTS, may_write=lambda u, r: True
    )


@action(RESULTS_RECORDED, on="project", allow=_allow(manages))
def record_results(
    project, user, *, conclusions="", results_use="", patent_set_query="", patent_set_batch=None
) -> Project:
    """A navigation project's analysis: the patents analysed, the conclusions and how they were used."""
    if project.kind != ProjectKind.NAVIGATION:
        raise ValidationError(_("Only a navigation project has an analysis."))
    project.conclusions, project.results_use = stripped(conclusions), stripped(results_use)
    query = stripped(patent_set_query)
    project.patent_set_query = query.split("?", 1)[1] if "?" in query else query  # the whole address pasted
    project.patent_set_batch = patent_set_batch
    project.full_clean()
    project.save()
    return project
