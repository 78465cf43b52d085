"""Importing a list of service agencies (机构名录) through core's import framework (the kind `service-agencies`,
imports.py): each row becomes an agency through `create_agency`, as the user who imports, so a row is checked as
the page checks it. A credit code an agency already has is refused naming that agency; the kinds of services are
read from their Chinese or English names; the region is a township of the importer's organisation (empty: the
county). Each row is written in a savepoint of its own: a refused row leaves nothing behind."""

import unicodedata

from zhichan.core.imports import RowRejected
from zhichan.core.imports.action_writing import ActionWriter
from zhichan.core.messages import gettext_key as _

from . import agencies
from .common import host_unit


def fold(value) -> str:
    return "".join(unicodedata.normalize("NFKC", str(value or "")).split()).lower()


def row_key(record: dict) -> tuple:
    return (fold(record.get("uscc")).upper(),)


class AgencyWriter(ActionWriter):
    """Enters each accepted row as an agency through the action, as the batch's user."""

    def __init__(self, job):
        super().__init__(job)
        self.regions = self._regions()

    def _regions(self) -> dict:
        from ..forms_common import regions_of

        found = {}
        for region in regions_of(self.user):
            for name in (region.name, region.name_en):
                if name:
                    found.setdefault(fold(name), region)
        return found

    def _region(self, record):
        written = record.get("region") or ""
        if not written:
            organisation = self.user.unit.organisation if self.user is not None and self.user.unit_id else None
            unit = host_unit(organisation) if organisation is not None else None
            if unit is None:
                raise RowRejected([("region", "", _("Give the township."))])
            return unit.organisation
        region = self.regions.get(fold(written))
        if region is None:
            raise RowRejected(
                [
                    (
                        "region",
                        written,
                        _("Unknown region %(value)s: expected a township of the county.") % {"value": written},
                    )
                ]
            )
        return region

    def enter(self, record):
        values = {
            name: record.get(name)
            for name in ("name", "uscc", "kinds", "address", "contact_person", "contact_phone", "settled_on", "note")
        }
        agencies.create_agency(
            self.user, region=self._region(record), synthetic=bool(record.get("synthetic")), **values
        )
