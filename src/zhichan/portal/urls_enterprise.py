"""Enterprise self-service: registering, the enterprise's own page, and the office's verification
(portal/urls.py adds these)."""

from django.urls import path

from . import views_enterprise as views

urlpatterns = [
    path("portal/enterprise/start/", views.start, name="portal-enterprise-start"),
    path("portal/enterprise/register/", views.register, name="portal-enterprise-register"),
    path("portal/enterprise/", views.enterprise_home, name="portal-enterprise"),
    path("portal/enterprise/<int:pk>/", views.enterprise_page, name="portal-enterprise-detail"),
    # The office's.
    path("portal/registrations/", views.registration_list, name="portal-registration-list"),
    path("portal/registrations/<int:pk>/", views.registration_detail, name="portal-registration-detail"),
    path("portal/registrations/<int:pk>/step/", views.registration_step, name="portal-registration-step"),
]
