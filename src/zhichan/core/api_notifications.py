"""REST API for the caller's own notifications."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from .filters import BooleanFilter, FilterSet
from .models import Notification
from .roles import SIGNED_IN
from .services.notify import mark_read


class NotificationFilter(FilterSet):
    unread = BooleanFilter(field_name="read_at", lookup_expr="isnull")

    class Meta:
        model = Notification
        fields = []


class NotificationSerializer(serializers.ModelSerializer):
    # In the caller's language where the notification was made from the catalogue.
    title = serializers.CharField(source="shown_title", read_only=True)
    body = serializers.CharField(source="shown_body", read_only=True)

    class Meta:
        model = Notification
        fields = ["id", "title", "body", "url", "created", "read_at"]


class NotificationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The caller's own notifications, newest first; `unread=true` lists the unread ones."""

    queryset = Notification.objects.all()
    serializer_class = NotificationSerializer
    filterset_class = NotificationFilter
    allowed_roles = SIGNED_IN
    write_roles = SIGNED_IN

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)

    def http_method_not_allowed(self, request, *args, **kwargs):
        # Someone else's notification is 404 whatever the method, so a wrong method reveals nothing.
        if "pk" in kwargs:
            self.get_object()
        return super().http_method_not_allowed(request, *args, **kwargs)

    @extend_schema(request=None, responses=NotificationSerializer)
    @action(detail=True, methods=["post"])
    def read(self, request, pk=None):
        """Mark the notification read."""
        notification = self.get_object()
        mark_read(request.user, notification.pk)
        notification.refresh_from_db()
        return Response(self.get_serializer(notification).data)
