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
    deliverables_zh: tuple[str, ...]
    deliverables_en: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.name_zh if _chinese() else self.name_en

    @property
    def deliverables(self) -> tuple[str, ...]:
        return self.deliverables_zh if _chinese() or not self.deliverables_en else self.deliverables_en


def _chinese() -> bool:
    return (get_language() or "zh").startswith("zh")


@lru_cache(maxsize=1)
def phases() -> tuple[Phase, ...]:
    reader = Reader(PHASES_FILE)
    found = []
    for path, row in reader.items(reader.data, "phases", required=True):
        reader.only(row, {"key", "name", "name_en", "deliverables", "deliverables_en"}, path)
        deliverables = reader.get(row, "deliverables", path, kind=list, required=False, default=[])
        in_english = reader.get(row, "deliverables_en", path, kind=list, required=False, default=[])
        found.append(
            Phase(
                key=reader.get(row, "key", path),
                name_zh=reader.get(row, "name", path),
                name_en=reader.get(row, "name_en", path),
                deliverables_zh=tuple(str(text) for text in deliverables),
                deliverables_en=tuple(str(text) for text in in_english),
            )
        )
    return tuple(found)


def phase_keys() -> set[str]:
    return {phase.key for phase in phases()}
