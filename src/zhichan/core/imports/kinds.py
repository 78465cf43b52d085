"""Import kinds: what an app declares once so that core can import files into its records.

An app lists its kinds in `<app>/imports.py` as `KINDS = [ImportKind(...), ...]`; core finds them there the first
time a kind is asked for (every installed app's `imports` module is imported), so the app edits nothing in core.
`register_kind(kind)` adds one directly (a test's throwaway kind). Core never names a kind: pages, API, command,
task and writers look kinds up by the name stored on the batch.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import import_module
from typing import Any, Protocol

from django.apps import apps
from django.utils.module_loading import module_has_submodule

from ..roles import LIAISONS, Role, role_of

# Who imports a kind unless it says otherwise: the office (the registers are the office's).
OFFICE_ONLY = frozenset({Role.OFFICE})
# Who may open the import pages and API: the office, and the roles some kind is open to (the units' liaisons, a
# bank's liaison); each sees only the kinds its role may import and its own batches.
IMPORTERS = frozenset({Role.OFFICE, *LIAISONS, Role.BANK})


class Writer(Protocol):
    """What both writers (set-based and record by record) offer the import run."""

    rows: int

    def add(self, record: dict, row: int) -> None: ...

    def finish(self, reject, written=None) -> dict:
        """Writes what is left; returns the counts `created`, `updated`, `unchanged` (and the kind's own extras).
        `reject(row, field, value, reason)` refuses a row found wrong only now; `written(bulk)` is called once
        every row is written, before a bulk load finishes."""

    def abandon(self) -> None: ...


@dataclass(frozen=True)
class WriteJob:
    """What a kind's writer is made with, once per batch."""

    kind: "ImportKind"
    fields: list[str]  # the fields the file has a column for
    batch: Any
    reason: str  # the change reason written on the history rows
    expected_rows: int
    helpers: Any  # the kind's per-batch helpers (ImportKind.helpers), or None


@dataclass(frozen=True, eq=False)
class ImportKind:
    """One kind of record a file can be imported into.

    - `name`: stored on the batch and used by profiles (`kind:` in data/import-profiles/*.yaml) and the command;
    - `label`: the kind on the pages (a lazy translation);
    - `fields`: field → reader `cell -> value` raising ValueError with a reason; only these fields are read;
    - `labels`: field → the column's label, where a file has no column for a field a reason names;
    - `key`: the fields identifying a record; a second row with the same key in a file is refused, named under
      `key[0]` (or `row_key(record)` when the key is computed, e.g. a name folded);
    - `required`: fields a row must fill;
    - `check_row(record, helpers)`: the rules that look at several fields, raising RowRejected or ValidationError;
      it may add values (ids found, derived fields);
    - `helpers()`: built once per batch and handed to `check_row` and the writer (lookup tables, caches);
    - `writer(job)`: makes the batch's Writer (core/imports/writing.py's SetWriter or orm_writing.py's OrmWriter);
    - `uncached`: fields whose cells hardly repeat, so their readings are not cached;
    - `outcome(counts)`: an extra sentence for the batch's summary from the writer's own counts, or None;
    - `profiles`: profiles of the kind kept in the app (paths of YAML files, or their data as dicts), besides
      those of data/import-profiles/ that name the kind;
    - `roles`: the roles that may import it (default the office only); which records a row may write is the
      kind's writer's to check, as the batch's user (a unit's liaison its own unit's).
    The template is the kind's profile marked `template: true`, with its example row and notes.
    """

    name: str
    label: Any
    fields: Mapping[str, Callable]
    labels: Mapping[str, Any]
    key: tuple[str, ...]
    required: tuple[str, ...]
    writer: Callable[[WriteJob], Writer]
    check_row: Callable[[dict, Any], None] | None = None
    helpers: Callable[[], Any] | None = None
    row_key: Callable[[dict], tuple] | None = None
    uncached: frozenset = frozenset()
    outcome: Callable[[dict], Any] | None = None
    profiles: tuple = ()
    order: int = 100
    roles: frozenset = OFFICE_ONLY

    def label_of(self, name: str):
        return self.labels.get(name, name)

    @property
    def key_field(self) -> str:
        return self.key[0]

    def __str__(self):
        return str(self.label)


_REGISTERED: dict[str, ImportKind] = {}
_discovered = False


def register_kind(kind: ImportKind) -> ImportKind:
    _REGISTERED[kind.name] = kind
    return kind


def unregister_kind(name: str):
    _REGISTERED.pop(name, None)


def _discover():
    global _discovered
    if _discovered:
        return
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "imports"):
            module = import_module(f"{config.name}.imports")
            for kind in getattr(module, "KINDS", ()):
                _REGISTERED.setdefault(kind.name, kind)
    _discovered = True


def all_kinds() -> list[ImportKind]:
    _discover()
    return sorted(_REGISTERED.values(), key=lambda kind: (kind.order, kind.name))


def find_kind(name: str) -> ImportKind | None:
    _discover()
    return _REGISTERED.get(name)


def get_kind(name: str) -> ImportKind:
    kind = find_kind(name)
    if kind is None:
        raise LookupError(f"no import kind {name!r}")
    return kind


def may_import(user, kind: ImportKind) -> bool:
    """Whether the user's role may import this kind; None is the system (a command run by the operator)."""
    return user is None or role_of(user) in kind.roles


def kinds_for(user) -> list[ImportKind]:
    """The kinds the user may import, in their order."""
    return [kind for kind in all_kinds() if may_import(user, kind)]


def kind_choices(user=None) -> list[tuple[str, str]]:
    return [(kind.name, kind.label) for kind in kinds_for(user)]
