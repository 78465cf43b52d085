"""The caller's own API tokens: list them, make one (its key in the answer, once), revoke one."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response

from .api import ScopedViewSet
from .models import ApiToken
from .roles import SIGNED_IN
from .services.tokens import create_token, revoke_token


class ApiTokenSerializer(serializers.ModelSerializer):
    class Meta:
        model = ApiToken
        fields = ["id", "name", "prefix", "created", "expires", "last_used"]
        read_only_fields = ["prefix", "created", "expires", "last_used"]


class NewApiTokenSerializer(ApiTokenSerializer):
    token = serializers.CharField(read_only=True, help_text="the key: shown in this answer only")

    class Meta(ApiTokenSerializer.Meta):
        fields = [*ApiTokenSerializer.Meta.fields, "token"]


class ApiTokenViewSet(ScopedViewSet):
    """Tokens of the signed-in user only, whatever the role; DELETE revokes one at once."""

    queryset = ApiToken.objects.all()
    serializer_class = ApiTokenSerializer
    allowed_roles = write_roles = SIGNED_IN
    http_method_names = ["get", "head", "options", "post", "delete"]
    # Only a JSON object is a request for a token: a form body that is not one cannot be told from an empty name.
    parser_classes = [JSONParser]

    @extend_schema(request=ApiTokenSerializer, responses={201: NewApiTokenSerializer})
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        token, key = create_token(request.user, name=serializer.validated_data.get("name", ""))
        token.token = key
        return Response(NewApiTokenSerializer(token).data, status=status.HTTP_201_CREATED)

    def perform_destroy(self, instance):
        revoke_token(self.request.user, instance)
