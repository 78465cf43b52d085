from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.response import Response

from zhichan.core import modules
from zhichan.core.access import RolePermission, allow
from zhichan.core.roles import EVERYONE, SIGNED_IN
from zhichan.core.views import password
from zhichan.core.views.health import healthz

admin.site.site_header = _("Zhichan administration")
admin.site.site_title = _("Zhichan")
admin.site.index_title = _("Data administration")


class SchemaView(SpectacularAPIView):
    """The API's schema, built once per language and version: it changes only with the code, and building it takes
    seconds (every endpoint of every module)."""

    allowed_roles = SIGNED_IN
    permission_classes = [RolePermission]
    built: dict = {}

    def _get_schema_response(self, request):
        key = (translation.get_language(), request.version)
        if key not in self.built:
            self.built[key] = super()._get_schema_response(request)
        response = self.built[key]
        return Response(data=response.data, headers={"Content-Disposition": response["Content-Disposition"]})


class DocsView(SpectacularSwaggerSplitView):
    allowed_roles = SIGNED_IN
    permission_classes = [RolePermission]


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("accounts/login/", allow(EVERYONE)(password.LoginView.as_view()), name="login"),
    path("accounts/logout/", allow(EVERYONE)(auth_views.LogoutView.as_view()), name="logout"),
    # Every signed-in account, the public role included; Django's views send anonymous visitors to sign in.
    path("accounts/password/", allow(EVERYONE)(auth_views.PasswordChangeView.as_view()), name="password_change"),
    path(
        "accounts/password/done/",
        allow(EVERYONE)(auth_views.PasswordChangeDoneView.as_view()),
        name="password_change_done",
    ),
    path("accounts/password/reset/", password.password_reset, name="password_reset"),
    path("accounts/password/reset/sent/", password.password_reset_done, name="password_reset_done"),
    path("accounts/password/reset/<uidb64>/<token>/", password.password_reset_confirm, name="password_reset_confirm"),
    path("accounts/password/reset/done/", password.password_reset_complete, name="password_reset_complete"),
    path("i18n/setlang/", allow(EVERYONE)(set_language), name="set_language"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("zhichan.api_urls", namespace="api")),
    path("api/schema/", SchemaView.as_view(), name="api-schema"),
    path("api/docs/", DocsView.as_view(url_name="api-schema"), name="api-docs"),
    *modules.page_urls(),  # each installed module's urls.py
]
