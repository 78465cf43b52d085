from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch

from ..access import allow
from ..extensions import render_panels, todos
from ..models import AuthEvent, Committee, Membership, Person, TaskProgress, Unit, UnitKind
from ..roles import EVERYONE, Role, role_of
from ..services.organisation import organisation_of


@allow(EVERYONE)
def workbench(request):
    """The first page after sign-in; what it shows depends on the role."""
    user = request.user
    if not user.is_authenticated:
        # A visitor without an account opens the public site when there is one; staff sign in from there.
        try:
            return redirect(settings.ZHICHAN_PUBLIC_HOME) if settings.ZHICHAN_PUBLIC_HOME else redirect_to_login("/")
        except NoReverseMatch:  # its module is not installed
            return redirect_to_login(request.get_full_path())
    role = role_of(user)
    context = {"role": role, "tasks": TaskProgress.objects.filter(user=user)[:5], "panels": render_panels(request)}
    if role in (Role.OFFICE, Role.LEADER):
        organisation = organisation_of(user)
        units = Unit.objects.visible_to(user).filter(organisation=organisation)
        context.update(
            county=organisation,
            township_count=units.filter(kind=UnitKind.TOWNSHIP).count(),
            member_count=units.filter(kind=UnitKind.MEMBER).count(),
            leading_group=Committee.objects.filter(organisation=organisation, parent=None).first(),
            seat_count=Membership.objects.filter(
                end=None, committee__organisation=organisation, committee__parent=None
            ).count(),
        )
    if role in (Role.OFFICE, Role.LEADER, Role.UNIT_LIAISON, Role.TOWNSHIP_LIAISON):
        # the office and the leadership: what waits for them; a unit: what it owes, soonest first
        context["todos"] = todos(user)
    if role == Role.OFFICE:
        context["recent_failures"] = AuthEvent.objects.filter(kind=AuthEvent.Kind.FAILED)[:5]
    if role in (Role.UNIT_LIAISON, Role.TOWNSHIP_LIAISON):
        context.update(
            unit=user.unit,
            people=Person.objects.visible_to(user).filter(unit=user.unit),
            region=user.unit.region,
        )
    if role == Role.BANK:
        context["unit"] = user.unit
    if role == Role.ENTERPRISE:
        context["enterprises"] = user.enterprises.select_related("region")
    return render(request, f"core/workbench/{role.value}.html", context)
