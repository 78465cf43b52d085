from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ..access import allow
from ..forms import PersonForm
from ..models import Membership, Person, Unit, User
from ..posting import form_post
from ..roles import LIAISONS, STAFF, Role, role_of
from ..scoping import can_edit, works_for
from ..services import accounts
from ..services.datafile import data_files_for
from ..services.people import save_person
from ..services.progress import start
from ..tasks import reload_organisation


@allow(STAFF)
def unit_list(request):
    units = list(Unit.objects.visible_to(request.user).select_related("region", "parent", "organisation"))
    context = {
        "units": units,
        # A city's office sees its counties' units too: then each row says whose organisation it is.
        "several_organisations": len({unit.organisation_id for unit in units}) > 1,
        "files": data_files_for(request.user, "organisations"),
    }
    return render(request, "core/unit_list.html", context)


@form_post("unit-list")
@allow(Role.OFFICE)
def organisation_reload(request):
    """Reload an organisation file from data/organisations/ in the background and show its progress."""
    path = data_files_for(request.user, "organisations").get(request.POST.get("file", ""))
    if path is None:
        messages.error(request, _("Choose one of the organisation files."))
        return redirect("unit-list")
    progress = start(
        reload_organisation, _("Reload units and roster from %(file)s") % {"file": path.name}, request.user, str(path)
    )
    return redirect("task-detail", pk=progress.pk)


@allow(STAFF, scope=Unit)
def unit_detail(request, pk):
    unit = get_object_or_404(Unit.objects.visible_to(request.user).select_related("region", "parent"), pk=pk)
    context = {
        "unit": unit,
        "people": Person.objects.visible_to(request.user).filter(unit=unit),
        "seats": Membership.objects.filter(unit=unit).select_related("committee", "person"),
        "can_add_people": works_for(request.user, unit),
        # The office sees the unit's sign-in accounts, to give one a temporary password when it is forgotten.
        "accounts": User.objects.filter(unit=unit, is_active=True).order_by("username")
        if role_of(request.user) == Role.OFFICE
        else None,
    }
    return render(request, "core/unit_detail.html", context)


@form_post()
@allow(Role.OFFICE, scope=User)
def user_temporary_password(request, pk):
    """The office gives a user who forgot their password a temporary one, shown once (recorded in the audit)."""
    user = get_object_or_404(User.objects.visible_to(request.user), pk=pk)
    password = accounts.set_temporary_password(request.user, user, request)
    messages.warning(
        request,
        _("Temporary password of %(user)s: %(password)s — tell it to them in person or by phone.")
        % {"user": user.get_username(), "password": password},
    )
    return redirect(user.unit) if user.unit_id else redirect("unit-list")


@allow(Role.OFFICE, LIAISONS, scope=Unit)
def person_create(request, pk):
    unit = get_object_or_404(Unit.objects.visible_to(request.user), pk=pk)
    if not works_for(request.user, unit):
        raise PermissionDenied
    form = PersonForm(request.POST or None, initial={"unit": unit}, user=request.user)
    if request.method == "POST" and form.is_valid():
        save_person(request.user, form)
        return redirect(unit)
    return render(request, "core/person_form.html", {"form": form, "unit": unit, "title": _("Add a person")})


@allow(STAFF, write={Role.OFFICE, *LIAISONS}, scope=Person)
def person_edit(request, pk):
    person = get_object_or_404(Person.objects.visible_to(request.user), pk=pk)
    editable = can_edit(request.user, person)
    form = PersonForm(request.POST or None, instance=person, user=request.user)
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        if form.is_valid():
            save_person(request.user, form)
            return redirect(person.unit)
    return render(
        request,
        "core/person_form.html",
        {"form": form, "unit": person.unit, "person": person, "editable": editable, "title": person.name},
    )
