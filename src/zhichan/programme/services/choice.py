"""Which programme a reader looks at, where a platform holds several (a city's and its counties'): a view
preference kept in the session, not a change of any record, so nothing is recorded."""

from django.utils import timezone

from zhichan.core.models import Region
from zhichan.core.roles import Role, role_of

from ..models import Programme

SESSION_KEY = "programme"  # the key of the programme the reader chose


def programmes_for(user, programmes=None, regions=None) -> list:
    """The programmes whose region the user may see, the earliest first (the one shown by default): of
    `programmes` (all, with their regions) among `regions` (those the user may see) when the caller has read them,
    else one query."""
    if programmes is not None and regions is not None:
        ids = {region.pk for region in regions}
        # As Programme.scope: the user's own organisation's programmes and those of the organisations below it.
        own = user.unit.organisation.path if getattr(user, "unit_id", None) else ""
        found = (p for p in programmes if p.region_id in ids and p.region.path.startswith(own))
        return sorted(found, key=lambda p: (p.start, p.key))
    visible = Region.objects.visible_to(user).values("pk")
    programmes = Programme.objects.visible_to(user).select_related("region")
    return list(programmes.filter(region__in=visible).order_by("start", "key"))


def chosen_key(request) -> str | None:
    session = getattr(request, "session", None)
    return session.get(SESSION_KEY) if session is not None else None


def visible_programmes(request, found=None) -> list:
    """`programmes_for` the reader, read once per request (or `found`, read by the caller, kept)."""
    if found is not None:
        request._visible_programmes = found
    if "_visible_programmes" not in request.__dict__:
        request._visible_programmes = programmes_for(request.user)
    return request._visible_programmes


def chosen_programme(request):
    """The programme the reader chose, else the first of the reader's own organisation, else the first the reader
    may see; None without one (read once per request)."""
    if "_chosen_programme" not in request.__dict__:
        found = visible_programmes(request)
        wanted = chosen_key(request)
        organisation = request.user.unit.organisation_id if getattr(request.user, "unit_id", None) else None
        own = next((p for p in found if p.region_id == organisation), found[0] if found else None)
        request._chosen_programme = next((p for p in found if p.key == wanted), own)
    return request._chosen_programme


def choose(request, key: str) -> bool:
    """Keep `key` as the reader's programme; False when the reader may not see such a programme."""
    if not any(p.key == key for p in programmes_for(request.user)):
        return False
    request.session[SESSION_KEY] = key
    request.__dict__.pop("_chosen_programme", None)
    request.__dict__.pop("_visible_programmes", None)
    return True


def programme_of(organisation):
    """The programme an organisation runs (the latest begun by today, else its first), else the earliest of all:
    what its own workbench, to-do lists and owed figures are about."""
    programmes = Programme.objects.select_related("region")
    own = programmes.filter(region=organisation).order_by("-start") if organisation else programmes.none()
    return (
        own.filter(start__lte=timezone.localdate()).first()
        or own.first()
        or programmes.order_by("start", "key").first()
    )


def own_programmes(user):
    """The programmes of the user's own organisation (all of them for an account without a unit)."""
    programmes = Programme.objects.select_related("region").order_by("start", "key")
    return programmes.filter(region=user.unit.organisation_id) if user.unit_id else programmes


def runs_programme(user, programme) -> bool:
    """Is the user the office of the programme's own organisation (or the operator's, without a unit)? A city's
    office reads its counties' programmes but is offered none of their forms."""
    if role_of(user) != Role.OFFICE:
        return False
    return not user.unit_id or user.unit.organisation_id == programme.region_id
