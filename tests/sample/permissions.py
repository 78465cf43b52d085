"""The sample module's own permission table, found by core's permission tests like any app's."""

from zhichan.core.models import Unit
from zhichan.core.roles import STAFF

EXPECTED = {
    "note-list": (STAFF, STAFF),
    "note-detail": (STAFF, STAFF),
    "api:note-list": (STAFF, STAFF),
    "api:note-detail": (STAFF, STAFF),
}


def rows(users):
    from .models import Note

    Note.objects.create(unit=Unit.objects.get(key="amr"), title="amr note")
    Note.objects.create(unit=Unit.objects.get(key="court"), title="court note")
