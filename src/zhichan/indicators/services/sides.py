"""The programmes a reader may see side by side (a city's and its counties'), each with where its targets stand."""

from dataclasses import dataclass, field

from .board import rows_for
from .programmes import programmes_for


@dataclass
class Column:
    programme: object
    rows: list = field(default_factory=list)  # board.Row of each target in the programme's region

    def count(self, light: str) -> int:
        return sum(1 for row in self.rows if row.status is not None and row.status.light == light)


def side_by_side(user, day) -> list[Column]:
    """Each programme the user may see, in region order (a city before its counties), with its own targets' rows as
    they stood on `day`, each read under that programme's readings."""
    columns = []
    for programme in sorted(programmes_for(user), key=lambda p: (p.region.path, p.start)):
        rows = [
            row
            for row in rows_for(programme.region, day, programme)
            if row.target is not None and row.target.programme_id == programme.pk
        ]
        columns.append(Column(programme, rows))
    return columns
