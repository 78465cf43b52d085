from rest_framework import serializers, viewsets

from zhichan.core.access import RolePermission
from zhichan.core.roles import STAFF

from .models import Note


class NoteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Note
        fields = ["id", "unit", "title"]


class NoteViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Note.objects.all()
    serializer_class = NoteSerializer
    permission_classes = [RolePermission]
    allowed_roles = STAFF

    def get_queryset(self):
        return Note.objects.visible_to(self.request.user).order_by("pk")


ROUTES = [("notes", NoteViewSet)]
