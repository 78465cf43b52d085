"""The public API's own OpenAPI schema and its documentation page, for whoever builds a mini-program: only the
`/api/v1/public/` endpoints, readable without an account."""

from django.utils import translation
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.response import Response

from zhichan.core.access import RolePermission
from zhichan.core.roles import EVERYONE

PREFIX = "/api/v1/public/"


def public_only(endpoints, **kwargs):
    """drf-spectacular's preprocessing hook: the public endpoints only."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(PREFIX)]


class PublicSchemaView(SpectacularAPIView):
    allowed_roles = EVERYONE
    permission_classes = [RolePermission]
    authentication_classes: list = []
    custom_settings = {
        "TITLE": "Zhichan public API",
        "DESCRIPTION": "知产 — 知识产权公共服务门户的公开接口（服务事项、办事申请、办理进度）",
        "PREPROCESSING_HOOKS": ["zhichan.portal.api_schema.public_only"],
    }
    built: dict = {}  # per language: the schema changes only with the code

    def _get_schema_response(self, request):
        key = translation.get_language()
        if key not in self.built:
            self.built[key] = super()._get_schema_response(request)
        response = self.built[key]
        return Response(data=response.data, headers={"Content-Disposition": response["Content-Disposition"]})


class PublicDocsView(SpectacularSwaggerSplitView):
    allowed_roles = EVERYONE
    permission_classes = [RolePermission]
    authentication_classes: list = []
