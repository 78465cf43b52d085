"""The phases of a patent navigation project, as data (data/projects/navigation-phases.yaml: the office's to
change, the standard's wording not being confirmed), each with its name in the reader's language and the
deliverables it usually leaves."""

from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.utils.translation import get_language

from zhichan.core.services.datafile import Reader

PHASES_FILE = settings.PROJECT_DIR / "data" / "projects" / "navigation-phases.yaml"


@dataclass(frozen=True)
class Phase:
    key: str
    name_zh: str
    name_en: str
    deliverables: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.name_zh if (get_language() or "zh").startswith("zh") else self.name_en


@lru_cache(maxsize=1)
def phases() -> tuple[Phase, ...]:
    reader = Reader(PHASES_FILE)
    found = []
    for path, row in reader.items(reader.data, "phases", required=True):
        reader.only(row, {"key", "name", "name_en", "deliverables"}, path)
        deliverables = reader.get(row, "deliverables", path, kind=list, required=False, default=[])
        found.append(
            Phase(
                key=reader.get(row, "key", path),
                name_zh=reader.get(row, "name", path),
                name_en=reader.get(row, "name_en", path),
                deliverables=tuple(str(text) for text in deliverables),
            )
        )
    return tuple(found)


def phase_keys() -> set[str]:
    return {phase.key for phase in phases()}
