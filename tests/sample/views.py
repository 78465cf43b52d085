from django.shortcuts import get_object_or_404, render

from zhichan.core.access import allow
from zhichan.core.roles import STAFF

from .models import Note


@allow(STAFF)
def note_list(request):
    return render(request, "sample/notes.html", {"notes": Note.objects.visible_to(request.user)})


@allow(STAFF, scope=Note)
def note_detail(request, pk):
    note = get_object_or_404(Note.objects.visible_to(request.user), pk=pk)
    if request.method == "POST":
        note = get_object_or_404(Note.objects.editable_by(request.user), pk=pk)
    return render(request, "sample/notes.html", {"notes": [note]})
