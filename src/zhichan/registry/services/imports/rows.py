"""From the cells of one row to the columns of one record, with every rule that looks at several fields.

`RowReader(kind, columns)` is called with the cells of a row and returns a dict of the record's values (model
field names, plus `holder_ids`, `region_id` and, for patents, `event_*`), or raises RowRejected with every cell
it refuses. Kept lean: a patent file of a million rows passes through here once per row.
"""

import re

from django.core.exceptions import ValidationError

from zhichan.core.messages import gettext_key as _  # the reasons are kept as keys: each reader reads their language

from ...identifiers import IdentifierError
from ...models import Copyright, CopyrightKind, PatentEventKind, Trademark, TrademarkKind
from ...models.copyrights import normalize_copyright_number
from ...models.patents import TYPE_BY_CODE
from ...services.patents import legal_event_kind
from .errors import reasons_by_field
from .fields import FIELDS, KEYS
from .matching import HolderMatcher, RegionMatcher
from .values import fold_name, text

# Columns whose values repeat (dates, applicants, addresses, classes) are read once per distinct value;
# these hardly repeat, so they are not cached.
UNIQUE = {"application_number", "registration_number", "title", "mark", "publication_number", "grant_number", "name"}
CACHE_LIMIT = 200_000
SOFTWARE_NUMBER = re.compile(r"^\d{4}SR\d+$", re.IGNORECASE)
REQUIRED = {
    "patent": ("application_number", "title", "filing_date"),
    "trademark": ("registration_number", "mark"),
    "copyright": ("registration_number", "title"),
    "gi": ("name", "kind"),
    "enterprise": ("name",),
}
# The field holding the holders' names as written, and the address used to find the region.
NAMES = {"patent": "applicants", "trademark": "applicant_name", "copyright": "owner_name", "gi": "holder_name"}
ADDRESS = {"patent": "address", "trademark": "address", "copyright": "address", "gi": "area", "enterprise": "address"}


class RowRejected(Exception):
    def __init__(self, errors: list[tuple[str, object, str]]):
        super().__init__(errors)
        self.errors = errors  # (field, value as read, message)


class RowReader:
    def __init__(self, kind: str, columns: dict[str, int], holders=None, regions=None):
        self.kind = kind
        readers = FIELDS[kind]
        self.plan = [
            (name, index, readers[name], None if name in UNIQUE else {})
            for name, index in columns.items()
            if name in readers
        ]
        self.width = max(columns.values(), default=0) + 1
        self.required = [name for name in REQUIRED[kind]]
        self.names_field = NAMES.get(kind)
        self.address_field = ADDRESS.get(kind)
        self.has_uscc = "uscc" in columns
        self.holders = holders if holders is not None else HolderMatcher()
        self.regions = regions if regions is not None else RegionMatcher()
        self.finish = getattr(self, f"_finish_{kind}")
        self._keys = KEYS[kind]
        self._events: dict[str, str] = {}

    def __call__(self, cells: list) -> dict:
        record = {}
        errors = None
        if len(cells) < self.width:  # a short row: the missing cells are empty
            cells = [*cells, *[None] * (self.width - len(cells))]
        for name, index, read, cache in self.plan:
            cell = cells[index]
            if cache is not None:
                try:
                    record[name] = cache[cell]
                    continue
                except (KeyError, TypeError):
                    pass
            try:
                value = read(cell)
            except ValueError as error:
                errors = errors or []
                errors.append((name, cell, error.args[0] if error.args else str(error)))  # a Message, kept
                continue
            record[name] = value
            if cache is not None and len(cache) < CACHE_LIMIT and isinstance(cell, str):
                cache[cell] = value
        for name in self.required:
            if not record.get(name) and not (errors and any(e[0] == name for e in errors)):
                errors = errors or []
                errors.append((name, "", _("This column must not be empty.")))
        if errors:
            raise RowRejected(errors)
        try:
            self.finish(record)
        except RowRejected:
            raise
        except ValidationError as error:
            raise RowRejected(
                [(name, record.get(name, ""), reason) for name, reason in reasons_by_field(error)]
            ) from None
        return record

    def key(self, record: dict) -> tuple:
        if self.kind == "enterprise":
            return (record["uscc"],) if record.get("uscc") else ("", fold_name(record["name"]))
        return tuple([record.get(name) for name in self._keys])

    # --- holders and region -------------------------------------------------------------------------------

    def _holders_and_region(self, record: dict):
        ids, region = (), None
        codes = record.pop("uscc", "")
        if codes:
            try:
                ids, region = self.holders.by_codes(codes)
            except IdentifierError as error:
                raise RowRejected([("uscc", codes, error.reason)]) from None
        elif self.names_field and record.get(self.names_field):
            ids, region = self.holders.by_names(record[self.names_field])
        if region is None and self.address_field:
            region = self.regions(record.get(self.address_field, ""))
        record["holder_ids"] = ids
        record["region_id"] = region

    # --- per kind -------------------------------------------------------------------------------------------

    def _finish_patent(self, record: dict):
        number = record["application_number"]
        code = number[4] if len(number) == 14 else number[2]
        derived = TYPE_BY_CODE[code]
        stated = record.pop("patent_type", "")
        if stated and stated != derived:
            raise RowRejected(
                [
                    (
                        "patent_type",
                        stated,
                        _("The application number says this is a %(type)s.") % {"type": derived.label},
                    )
                ]
            )
        record["patent_type"] = derived.value
        grant, filing = record.get("grant_date"), record["filing_date"]
        if grant and grant < filing:
            raise RowRejected([("grant_date", grant, _("The grant date is before the filing date."))])
        if "ipc_codes" in record and not record.get("main_ipc") and record["ipc_codes"]:
            record["main_ipc"] = record["ipc_codes"].split(";", 1)[0]
        status = record.pop("legal_status", "")
        status_date = record.pop("legal_status_date", None)
        kind = ""
        if status:
            kind = self._events.get(status)
            if kind is None:
                kind = self._events[status] = str(legal_event_kind(status))
            if kind == PatentEventKind.OTHER:
                kind = ""
        day = status_date or (grant if kind == PatentEventKind.GRANT else None)
        record["event_kind"] = kind if day else ""
        record["event_date"] = day if kind else None
        record["event_text"] = status[:500] if kind and day else ""
        self._holders_and_region(record)

    def _finish_trademark(self, record: dict):
        start, end = record.pop("term", (None, None))
        if start and not record.get("registration_date"):
            record["registration_date"] = start
        if end and not record.get("expiry_date"):
            record["expiry_date"] = end
        if not record.get("kind"):
            record["kind"] = TrademarkKind.ORDINARY
        self._model_rules(Trademark, record, ("registration_number", "nice_classes", "madrid"))
        self._holders_and_region(record)

    def _finish_copyright(self, record: dict):
        record["registration_number"] = normalize_copyright_number(record["registration_number"])
        if not record.get("kind") and SOFTWARE_NUMBER.match(record["registration_number"]):
            record["kind"] = CopyrightKind.SOFTWARE  # 2021SR0123456: the software register's number
        record.setdefault("kind", "")
        self._model_rules(Copyright, record, ("kind",))
        self._holders_and_region(record)

    def _finish_gi(self, record: dict):
        self._holders_and_region(record)

    def _finish_enterprise(self, record: dict):
        if record.get("uscc"):
            from ...identifiers import parse_uscc

            try:
                record["uscc"] = parse_uscc(record["uscc"]).normalized
            except IdentifierError as error:
                raise RowRejected([("uscc", record["uscc"], error.reason)]) from None
        if record.get("industry_code"):
            record["industry_code"] = text(record["industry_code"]).upper()

    @staticmethod
    def _model_rules(model, record: dict, read_back: tuple):
        """The model's own clean() on the row's values; the fields it normalizes are read back."""
        names = {f.name for f in model._meta.concrete_fields}
        instance = model(**{k: v for k, v in record.items() if k in names})
        instance.clean()
        for name in read_back:
            record[name] = getattr(instance, name)
