"""Importing files into any app's records: one framework, the kinds declared by the apps (kinds.py).

A file (CSV in any encoding, or a workbook) is read (reading.py), its header row mapped by a profile with header
synonyms (profiles.py, data/import-profiles/), every row read and checked (rows.py) and written by the kind's
writer: set-based (writing.py) or record by record (orm_writing.py). `run_import(batch, path)` (running.py) does
it for one ImportBatch; starting.py and confirming.py start a batch or a preview's import in the background;
workbooks.py builds the template and the rejected rows. Rules and formats: docs/imports.md.
"""

from .errors import FileRejected, RowRejected
from .kinds import ImportKind, WriteJob, all_kinds, find_kind, get_kind, register_kind, unregister_kind

__all__ = [
    "FileRejected",
    "ImportKind",
    "RowRejected",
    "WriteJob",
    "all_kinds",
    "find_kind",
    "get_kind",
    "register_kind",
    "unregister_kind",
]
