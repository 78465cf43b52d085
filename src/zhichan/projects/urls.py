from django.urls import path

from . import matching_views as matching
from . import views

urlpatterns = [
    path("projects/", views.project_list, name="project-list"),
    path("projects/export.xlsx", views.project_export, name="project-export"),
    path("projects/new/", views.project_new, name="project-new"),
    path("projects/<int:pk>/", views.project_detail, name="project-detail"),
    path("projects/<int:pk>/step/", views.project_step, name="project-step"),
    path("projects/matching/", matching.event_list, name="matching-event-list"),
    path("projects/matching/export.xlsx", matching.event_export, name="matching-event-export"),
    path("projects/matching/new/", matching.event_new, name="matching-event-new"),
    path("projects/matching/<int:pk>/", matching.event_detail, name="matching-event-detail"),
    path("projects/matching/<int:pk>/step/", matching.event_step, name="matching-event-step"),
    path("projects/matching/postings/", matching.posting_list, name="matching-posting-list"),
    path("projects/matching/postings/export.xlsx", matching.posting_export, name="matching-posting-export"),
    path("projects/matching/postings/new/", matching.posting_new, name="matching-posting-new"),
    path("projects/matching/matches/", matching.match_list, name="matching-match-list"),
    path("projects/matching/matches/export.xlsx", matching.match_export, name="matching-match-export"),
    path("projects/matching/matches/new/", matching.match_new, name="matching-match-new"),
    path("projects/matching/matches/<int:pk>/", matching.match_detail, name="matching-match-detail"),
    path("projects/matching/matches/<int:pk>/step/", matching.match_step, name="matching-match-step"),
    path("projects/agreements/", matching.agreement_list, name="agreement-list"),
    path("projects/agreements/export.xlsx", matching.agreement_export, name="agreement-export"),
    path("projects/agreements/new/", matching.agreement_new, name="agreement-new"),
    path("projects/agreements/<int:pk>/", matching.agreement_detail, name="agreement-detail"),
    path("projects/agreements/<int:pk>/step/", matching.agreement_step, name="agreement-step"),
]
