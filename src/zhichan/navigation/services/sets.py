"""The office's patent sets: made from the register or an import, described, tagged by technology branches, read
again, deleted; and the figures every analysis reads, computed again whenever what they count changes."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from zhichan.core.actions import action, office_only
from zhichan.core.events import record
from zhichan.core.imports.starting import start_import
from zhichan.core.roles import Role, role_of

from ..events import BRANCH_ADDED, BRANCH_REMOVED, SET_CHANGED, SET_CREATED, SET_DELETED, SET_READ
from ..models import Branch, PatentSet, SetKind, SetPatent, SetState
from . import figures
from .branches import branches_of, compiled_branches
from .merging import merge_table
from .reading import applicant_type, joined, listed
from .rows import checked_query, read_register

KIND = "patent-set"  # the import kind (imports.py)
EDITED = ("name", "description", "search_strategy", "project", "date_basis")


def may_manage(user, arguments=None) -> bool:
    """The office makes and shapes sets; an enterprise reads its own, made by `own_set`."""
    return office_only(user, arguments)


def _own_enterprise(user, arguments) -> bool:
    return role_of(user) == Role.ENTERPRISE and user.enterprises.exists()


@action(SET_CREATED, allow=may_manage)
def create_register_set(user, *, name, query="", description="", search_strategy="", project=None, date_basis="filing"):
    """A set of the county's register as its search (the register list's address after `?`) chooses; its patents
    are read by `read_set` (a background task)."""
    try:
        query = checked_query(query)
    except ValidationError as error:
        raise ValidationError({"query": error.messages}) from None
    patent_set = PatentSet(
        name=name.strip(),
        kind=SetKind.REGISTER,
        query=query,
        description=description.strip(),
        search_strategy=search_strategy.strip(),
        project=project,
        date_basis=date_basis,
        created_by=user,
    )
    patent_set.full_clean()
    patent_set.save()
    return patent_set


@action(allow=may_manage)
def import_set(user, *, name, upload, description="", search_strategy="", project=None, date_basis="filing"):
    """An analysis set from an export file, through the shared imports (its batch fills it in the background)."""
    batch = start_import(user, KIND, upload, source=name.strip())
    patent_set = set_of_batch(batch)  # made by the import when it already ran
    for field, value in {
        "name": name.strip(),
        "description": description.strip(),
        "search_strategy": search_strategy.strip(),
        "project": project,
        "date_basis": date_basis,
        "created_by": user,
    }.items():
        setattr(patent_set, field, value)
    patent_set.full_clean()
    patent_set.save()
    if patent_set.state == SetState.READY and date_basis != "filing":
        retag(patent_set)  # the import ran before the basis was known
    record(user, SET_CREATED, patent_set, file=batch.file_name)
    return patent_set


def set_of_batch(batch) -> PatentSet:
    """The analysis set an import fills, made with the file's name the first time it is asked for."""
    found = PatentSet.objects.filter(batch=batch).first()
    if found is None:
        found = PatentSet.objects.create(
            name=(batch.source or batch.file_name or KIND)[:200],
            kind=SetKind.IMPORTED,
            batch=batch,
            created_by=batch.user,
        )
    return found


@action(allow=_own_enterprise)
def own_set(user) -> PatentSet:
    """An enterprise's landscape of its own patents in the register: its set, made the first time."""
    enterprise = user.enterprises.order_by("pk").first()
    patent_set = PatentSet.objects.filter(enterprise=enterprise, kind=SetKind.REGISTER).first()
    if patent_set is None:
        with translation.override(settings.LANGUAGE_CODE):  # a name kept for every reader, in the site's language
            name = _("Patents of %(enterprise)s") % {"enterprise": enterprise.name}
        patent_set = PatentSet.objects.create(
            name=name,
            kind=SetKind.REGISTER,
            query=f"holder={enterprise.pk}",
            enterprise=enterprise,
            created_by=user,
        )
        record(user, SET_CREATED, patent_set)
    return patent_set


@action(SET_CHANGED, on="patent_set", allow=may_manage)
def describe_set(patent_set, user, **values) -> PatentSet:
    basis = patent_set.date_basis
    for field in EDITED:
        if field in values:
            value = values[field]
            setattr(patent_set, field, value.strip() if isinstance(value, str) else value)
    patent_set.full_clean()
    patent_set.save()
    if patent_set.date_basis != basis:
        retag(patent_set)
    return patent_set


def _may_read_again(user, arguments) -> bool:
    patent_set = arguments["patent_set"]
    if patent_set.enterprise_id:
        return user is None or patent_set.enterprise in user.enterprises.all() or office_only(user, arguments)
    return may_manage(user, arguments)


@action(SET_READ, on="patent_set", allow=_may_read_again)
def read_set(patent_set, user, progress=None) -> PatentSet:
    """A register set's patents read from the register again (an imported set's are its file's); then its figures."""
    if patent_set.kind != SetKind.REGISTER:
        raise ValidationError(_("An imported set holds its file's patents; import the file again to change them."))
    read_register(patent_set, user, progress)
    return refresh_figures(patent_set, progress)


@action(allow=may_manage)
def delete_set(patent_set, user):
    record(user, SET_DELETED, patent_set, name=patent_set.name, patents=patent_set.patent_count)
    patent_set.delete()


@action(BRANCH_ADDED, on="patent_set", allow=may_manage)
def add_branch(patent_set, user, *, name, parent=None, ipc_prefixes="", keywords="") -> Branch:
    if parent is not None and parent.patent_set_id != patent_set.pk:
        raise ValidationError({"parent": _("Choose a branch of this set.")})
    if patent_set.branches.filter(parent=parent, name=name.strip()).exists():
        raise ValidationError({"name": _("The set has a branch of this name there already.")})
    if not ipc_prefixes.strip() and not keywords.strip():
        raise ValidationError({"ipc_prefixes": _("Give the branch IPC codes, keywords or both.")})
    branch = Branch(
        patent_set=patent_set,
        parent=parent,
        name=name.strip(),
        ipc_prefixes=ipc_prefixes.strip(),
        keywords=keywords.strip(),
        position=patent_set.branches.count(),
    )
    branch.full_clean()
    branch.save()
    return branch


@action(BRANCH_REMOVED, on="patent_set", allow=may_manage, data=lambda arguments, result: {"name": result})
def remove_branch(patent_set, user, *, branch) -> str:
    if branch.patent_set_id != patent_set.pk:
        raise ValidationError(_("The branch is another set's."))
    name = branch.name
    branch.delete()  # its sub-branches with it
    return name


def retag(patent_set, progress=None) -> PatentSet:
    """Every patent of the set placed again in its branches and its year, then the figures computed again."""
    rules = compiled_branches(patent_set)
    publication = patent_set.date_basis == "publication"
    changed = []
    rows = patent_set.patents.only("pk", "ipc_codes", "title", "filing_date", "publication_date", "branches", "year")
    for row in rows.iterator(chunk_size=5000):
        branches = joined(branches_of(rules, listed(row.ipc_codes), row.title))
        day = row.publication_date if publication else row.filing_date
        year = day.year if day else None
        if branches != row.branches or year != row.year:
            row.branches, row.year = branches, year
            changed.append(row)
    SetPatent.objects.bulk_update(changed, ["branches", "year"], batch_size=2000)
    return refresh_figures(patent_set, progress)


def _kinds_as_merged(patent_set, merged: dict):
    """Each row's kinds of applicant read from its names as the merge table counts them, so that the patents of a
    kind are those the figures count (a name merged into an institute's is an institute's)."""
    changed = []
    rows = patent_set.patents.order_by().only("pk", "applicants", "applicant_types")
    for row in rows.iterator(chunk_size=5000):
        kinds = joined(sorted({applicant_type(merged.get(name, name)) for name in listed(row.applicants)}))
        if kinds != row.applicant_types:
            row.applicant_types = kinds
            changed.append(row)
    SetPatent.objects.bulk_update(changed, ["applicant_types"], batch_size=2000)


def refresh_figures(patent_set, progress=None) -> PatentSet:
    """The set's figures computed from its rows (one pass, then a small one for the networks) and kept."""
    merged = merge_table()
    if merged:
        _kinds_as_merged(patent_set, merged)
    rows = patent_set.patents.order_by().values_list(*figures.FIELDS)  # unordered: no sort of the whole set
    total = patent_set.patents.count()
    found = figures.compute(rows.iterator(chunk_size=5000), merged, progress, total)
    drawn = figures.drawn(found)
    names = set(drawn) | {alias for alias, name in merged.items() if name in set(drawn)}
    named = Q(pk__in=[])
    for name in names:
        named |= Q(applicants__contains=f";{name};")
    pairs = patent_set.patents.filter(named).order_by().values_list("applicants", "inventors") if names else []
    found.update(figures.networks(pairs, merged, drawn, list(found["inventors"])))
    with transaction.atomic():
        PatentSet.objects.filter(pk=patent_set.pk).update(
            aggregates=found, patent_count=found["total"], read_at=timezone.now(), state=SetState.READY
        )
    patent_set.refresh_from_db()
    return patent_set
