"""People of the units: added and corrected by the office, or by a liaison for its own unit."""

from ..actions import action
from ..events import PERSON_ADDED, PERSON_CHANGED, record
from ..scoping import save_checked


@action()
def save_person(user, form):
    """Save the person the form holds; kept only if the user may edit the result (another unit's person, or a
    person moved into another unit, is refused)."""
    adding = form.instance.pk is None
    person = save_checked(user, form.save)
    record(user, PERSON_ADDED if adding else PERSON_CHANGED, person, fields=sorted(form.changed_data))
    return person
