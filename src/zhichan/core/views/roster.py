from django.shortcuts import get_object_or_404, redirect, render

from ..access import allow
from ..forms import ChangeSeatForm
from ..models import Committee, Membership
from ..roles import STAFF, Role
from ..services.organisation import change_seat, organisation_of


@allow(STAFF)
def roster(request):
    """The leadership group and its office as the annex lists them, with every earlier holder of a seat: the
    user's own organisation's (another region's group may use the same keys)."""
    organisation = organisation_of(request.user)
    committees = (
        Committee.objects.visible_to(request.user)
        .filter(organisation=organisation)
        .select_related("host_unit", "parent")
    )
    memberships = (
        Membership.objects.visible_to(request.user)
        .filter(committee__organisation=organisation)
        .select_related("person", "unit", "committee")
        .order_by("committee", "order", "-start")
    )
    current = {c.pk: [] for c in committees}
    former = {c.pk: [] for c in committees}
    for membership in memberships:
        (current if membership.end is None else former)[membership.committee_id].append(membership)
    sections = [(c, current[c.pk], former[c.pk]) for c in committees]
    return render(request, "core/roster.html", {"sections": sections})


@allow(Role.OFFICE, scope=Membership)
def change_seat_view(request, pk):
    """The form that hands a seat to its next holder: only the office changes seats, so only it opens the form."""
    membership = get_object_or_404(Membership.objects.visible_to(request.user), pk=pk, end=None)
    form = ChangeSeatForm(request.POST or None, membership=membership)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        change_seat(request.user, membership, person=data["person"], post=data["post"], on=data["on"])
        return redirect("roster")
    return render(request, "core/change_seat.html", {"form": form, "membership": membership})
