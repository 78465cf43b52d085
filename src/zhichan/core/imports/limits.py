"""The limits a file must keep to be imported (settings ZHICHAN_IMPORT_MAX_…, docs/imports.md).

They bound what one import may cost: the file's size, what its archive unpacks to, how well a part of it is
compressed (a "zip bomb" is compressed hundreds of times), its rows, columns and cells, the length of one cell,
and the time spent reading. The defaults let a real export of a million patents import with room to spare.
"""

from dataclasses import dataclass

from django.conf import settings

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    size: int  # bytes of the file as uploaded
    unpacked: int  # bytes a workbook's archive unpacks to, all its parts together
    ratio: float  # how many times one part of a workbook may be compressed
    rows: int
    columns: int
    cells: int  # rows × columns of the sheet's rectangle, as the reader holds it in memory
    cell_chars: int  # characters in one cell
    seconds: int  # reading (and writing) one file
    members: int = 10_000  # parts of a workbook's archive
    row_bytes: int = 64 * MB  # the XML of one row of a workbook

    @classmethod
    def from_settings(cls, size: int | None = None) -> "Limits":
        def get(name, default):
            return getattr(settings, name, default)

        return cls(
            size=int(get("ZHICHAN_IMPORT_MAX_MB", 50)) * MB if size is None else size,
            unpacked=int(get("ZHICHAN_IMPORT_MAX_UNPACKED_MB", 2048)) * MB,
            ratio=float(get("ZHICHAN_IMPORT_MAX_RATIO", 100)),
            rows=int(get("ZHICHAN_IMPORT_MAX_ROWS", 2_000_000)),
            columns=int(get("ZHICHAN_IMPORT_MAX_COLUMNS", 500)),
            cells=int(get("ZHICHAN_IMPORT_MAX_CELLS", 40_000_000)),
            cell_chars=int(get("ZHICHAN_IMPORT_MAX_CELL_CHARS", 32_767)),
            seconds=int(get("ZHICHAN_IMPORT_MAX_SECONDS", 1800)),
        )
