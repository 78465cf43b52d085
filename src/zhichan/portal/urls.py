from django.urls import path

from . import urls_datasets, urls_enterprise, views_app, views_news, views_public, views_staff
from .api_schema import PublicDocsView, PublicSchemaView

urlpatterns = [
    # Public: no account needed.
    path("portal/", views_public.home, name="portal-home"),
    path("portal/services/", views_public.services, name="portal-services"),
    path("portal/services/<slug:code>/", views_public.service, name="portal-service"),
    path("portal/track/", views_public.track, name="portal-track"),
    path("portal/track/<str:number>/", views_public.status, name="portal-status"),
    path("portal/contact/", views_public.contact, name="portal-contact"),
    path("portal/news/", views_news.news_list, name="portal-news"),
    path("portal/news/<int:item>/", views_news.news_item, name="portal-news-item"),
    *urls_datasets.urlpatterns,
    *urls_enterprise.urlpatterns,
    path("portal/manifest.webmanifest", views_app.manifest, name="portal-manifest"),
    path("portal/sw.js", views_app.service_worker, name="portal-service-worker"),
    path("portal/language/<str:code>/", views_app.language, name="portal-language"),
    path("api/public/schema/", PublicSchemaView.as_view(), name="portal-api-schema"),
    path("api/public/docs/", PublicDocsView.as_view(url_name="portal-api-schema"), name="portal-api-docs"),
    # The staff's.
    path("portal/requests/", views_staff.request_list, name="portal-request-list"),
    path("portal/requests/<int:pk>/", views_staff.request_detail, name="portal-request-detail"),
    path("portal/requests/<int:pk>/step/", views_staff.request_step, name="portal-request-step"),
    path("portal/catalogue/", views_staff.catalogue_page, name="portal-catalogue"),
    path("portal/catalogue/<slug:code>/", views_staff.service_edit, name="portal-service-edit"),
    path("portal/notices/", views_news.notice_list, name="portal-notice-list"),
    path("portal/notices/new/", views_news.notice_new, name="portal-notice-new"),
    path("portal/notices/<int:pk>/", views_news.notice_edit, name="portal-notice-edit"),
    path("portal/notices/<int:pk>/step/", views_news.notice_step, name="portal-notice-step"),
]
