"""The one mechanism that decides which rows a user may read and write.

Every business model declares a `scope` saying how its rows belong to units, regions and enterprises; every
view, API endpoint and export reads through `visible_to(user)` / `editable_by(user)`. The rules:

- office and leadership read everything; only the office writes everything;
- a liaison reads rows of its own unit, rows placed in its unit's region (and below), and shared rows;
  it writes only its own unit's rows, and only where the model lets owners write;
- a row may have further units beside its own (`with_units`: a transfer's police and procuratorate): their
  liaisons read it, and write it where owners write, as its own unit's do (which side may take which step is
  the record's actions' business, not the scope's);
- an enterprise user reads and writes only its own enterprises' rows;
- a bank's liaison reads, and writes where owners write, only its own unit's rows (its bank's): nothing shared;
- anyone signed in reads the rows they own (their task runs);
- the public reads nothing here (the portal publishes what is public);
- where several regions' programmes share the platform, a row that belongs to an organisation (a programme's
  region, a unit's organisation) is read by the users of that organisation and of the organisations above it (a
  city reads its counties'), and written by the office of its own organisation only; an account without a unit
  (the operator's) and rows of no organisation are the platform's;
- a row in one of its model's published states (`public`) is read by everyone, the public too;
- a row in one of its model's unfinished states (a unit's draft) is read only by its own unit and the office:
  not by the leadership, nor by other units sharing its region or named beside its own, until it is submitted.
"""

from dataclasses import dataclass

from django.db import models
from django.db.models import Q

from .roles import LIAISONS, SEE_ALL, STAFF, Role, role_of

NOTHING = Q(pk__in=[])


@dataclass(frozen=True)
class Scope:
    unit: str | None = None  # lookup to the owning Unit; "" when the row is a Unit
    # Lookup to the Region the row lies in; "" when the row is a Region. Several lookups: the row lies in the first
    # that is set (a case in its township, or in its unit's region when it names none).
    region: str | tuple[str, ...] | None = None
    enterprise: str | None = None  # lookup to the owning Enterprise; "" when the row is an Enterprise
    owner: str | None = None  # lookup to the User a row belongs to (a task run, a notification)
    shared: bool = False  # every staff role reads it (the roster, reference lists)
    owners_write: bool = False  # a liaison (or enterprise) may edit its own rows
    # A lookup crosses a many-to-many relation (a patent's holders): rows are then filtered by primary key
    # through a subquery, so a row reached twice is returned once, without DISTINCT.
    many: bool = False
    # Only the owner reads and writes it, whatever their role (a file exported for one user's scope, an API token).
    private: bool = False
    # (state lookup, states) of rows that are the owning unit's unfinished work (a draft): only that unit and
    # the office read them; the leadership and other units' liaisons do not.
    unfinished: tuple[str, tuple] | None = None
    # Lookup to the Region whose organisation the row belongs to: a programme's region, a unit's organisation.
    organisation: str | None = None
    # Lookups to further Units the row belongs to beside `unit` (a transfer's police and procuratorate): their
    # liaisons read and (with owners_write) write it as the owning unit's do. Empty links give nothing.
    with_units: tuple[str, ...] = ()
    # (state lookup, states) of rows published to everyone, the public too (a random inspection's published draw):
    # anyone reads them; who writes them is unchanged.
    public: tuple[str, tuple] | None = None

    @staticmethod
    def _path(lookup: str, field: str) -> str:
        return f"{lookup}__{field}" if lookup else field

    def readable(self, user) -> Q:
        role = role_of(user)
        if self.private:
            return NOTHING if role == Role.PUBLIC else Q(**{self._path(self.owner, "pk"): user.pk})
        q = self._unscoped_readable(user, role) & self.of_organisation(user, below=True)
        own = self.of_organisation(user, below=False)
        if role == Role.OFFICE and self.unfinished is not None and own:
            q &= self._finished() | own  # a city's office reads its counties' work once submitted, not their drafts
        if self.public is not None:
            lookup, states = self.public
            q |= Q(**{f"{lookup}__in": list(states)})
        return q

    def _unscoped_readable(self, user, role) -> Q:
        if role == Role.OFFICE:
            return Q()
        if role in SEE_ALL:
            return self._finished()
        if role in STAFF and self.shared:
            return self._finished()  # shared once finished: an office's draft is its own
        q = NOTHING
        if self.owner is not None and role != Role.PUBLIC:
            q |= Q(**{self._path(self.owner, "pk"): user.pk})
        if role in LIAISONS and user.unit_id:
            if self.region is not None:
                q |= self._within(user.unit.region.path) & self._finished()
            if self.unit is not None:
                q |= Q(**{self._path(self.unit, "pk"): user.unit_id})
            if self.with_units:
                q |= self._with_units(user) & self._finished()  # a further unit reads no draft
        if role == Role.ENTERPRISE and self.enterprise is not None:
            q |= self._own_enterprises(user)
        if role == Role.BANK and user.unit_id and self.unit is not None:
            q |= Q(**{self._path(self.unit, "pk"): user.unit_id})  # its own bank's rows, nothing shared
        return q

    def _within(self, path: str) -> Q:
        """Rows lying in the region at `path` or below it, by the first of the region lookups that is set."""
        lookups = (self.region,) if isinstance(self.region, str) else self.region
        q, unset = Q(**{self._path(lookups[0], "path__startswith"): path}), Q()
        for earlier, lookup in zip(lookups, lookups[1:], strict=False):
            unset &= Q(**{f"{earlier}__isnull": True})
            q |= unset & Q(**{self._path(lookup, "path__startswith"): path})
        return q

    def _with_units(self, user) -> Q:
        q = NOTHING
        for lookup in self.with_units:
            q |= Q(**{self._path(lookup, "pk"): user.unit_id})
        return q

    def _finished(self) -> Q:
        """Rows that are not a unit's unfinished work (all rows when the model has none)."""
        if self.unfinished is None:
            return Q()
        lookup, states = self.unfinished
        return ~Q(**{f"{lookup}__in": list(states)})

    def of_organisation(self, user, *, below: bool) -> Q:
        """Rows of the user's own organisation (and of those below it when `below`), and rows of none."""
        if self.organisation is None or not getattr(user, "unit_id", None):
            return Q()
        own = user.unit.organisation
        lookup = self.organisation
        if below:
            q = Q(**{self._path(lookup, "path__startswith"): own.path})
        else:
            q = Q(**{self._path(lookup, "pk"): own.pk})
        return q | Q(**{f"{lookup}__isnull": True})

    def writable(self, user) -> Q:
        role = role_of(user)
        if self.private:  # the owner's alone, to read and to write
            return self.readable(user)
        if role == Role.OFFICE:
            return self.of_organisation(user, below=False)
        if not self.owners_write:
            return NOTHING
        if role in LIAISONS and user.unit_id and self.unit is not None:
            own = Q(**{self._path(self.unit, "pk"): user.unit_id})
            return own | (self._with_units(user) & self._finished()) if self.with_units else own
        if role == Role.ENTERPRISE and self.enterprise is not None:
            return self._own_enterprises(user)
        if role == Role.BANK and user.unit_id and self.unit is not None:
            return Q(**{self._path(self.unit, "pk"): user.unit_id})
        return NOTHING

    def _own_enterprises(self, user) -> Q:
        # A subquery rather than a join, so rows are never duplicated.
        return Q(**{self._path(self.enterprise, "pk__in"): user.enterprises.values("pk")})


class ScopedQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self._scoped(self.model.scope.readable(user))

    def editable_by(self, user):
        return self._scoped(self.model.scope.writable(user))

    def _scoped(self, q):
        if not self.model.scope.many or not q:  # Q() is everything: nothing to repeat
            return self.filter(q)
        return self.filter(pk__in=self.model._default_manager.filter(q).values("pk"))


def can_edit(user, obj) -> bool:
    return type(obj)._default_manager.editable_by(user).filter(pk=obj.pk).exists()


def save_checked(user, save):
    """Run `save()` and keep the result only if the user may edit what it produced.

    Catches both editing a row one may not touch and moving or creating a row into another unit's scope.
    """
    from django.core.exceptions import PermissionDenied
    from django.db import transaction

    with transaction.atomic():
        instance = save()
        if not can_edit(user, instance):
            raise PermissionDenied
    return instance


def works_for(user, unit) -> bool:
    """May the user act for this unit (the office for any, a liaison or a bank's liaison for its own)?"""
    role = role_of(user)
    return role == Role.OFFICE or (role in (*LIAISONS, Role.BANK) and user.unit_id == unit.pk)


def scope_key(user) -> tuple:
    """What `Scope.readable` reads of a user, for the key of anything cached per reader: the office and the
    leadership of one organisation read alike (their own private rows apart: a cache of those keys on the user
    itself); anyone else by user, unit, the unit's region and, for an enterprise user, its enterprises."""
    role = role_of(user)
    if role in SEE_ALL:
        return (role, user.unit.organisation_id if user.unit_id else None)
    if role == Role.PUBLIC or not user.is_authenticated:
        return (Role.PUBLIC,)
    key = (role, user.pk, user.unit_id, user.unit.region.path if user.unit_id else None)
    if role == Role.ENTERPRISE:
        key += (tuple(sorted(user.enterprises.values_list("pk", flat=True))),)
    return key
