from django.urls import path

from . import views_activities, views_public, views_schools, views_survey

urlpatterns = [
    path("outreach/activities/", views_activities.activity_list, name="activity-list"),
    path("outreach/activities/export.xlsx", views_activities.activity_export, name="activity-export"),
    path("outreach/activities/new/", views_activities.activity_new, name="activity-new"),
    path("outreach/activities/<int:pk>/", views_activities.activity_detail, name="activity-detail"),
    path("outreach/activities/<int:pk>/step/", views_activities.activity_step, name="activity-step"),
    path("outreach/activities/<int:pk>/sign-in-sheet.xlsx", views_activities.activity_sheet, name="activity-sheet"),
    path("outreach/schools/", views_schools.school_list, name="school-list"),
    path("outreach/schools/export.xlsx", views_schools.school_export, name="school-export"),
    path("outreach/schools/new/", views_schools.school_new, name="school-new"),
    path("outreach/schools/<int:pk>/", views_schools.school_detail, name="school-detail"),
    path("outreach/schools/<int:pk>/step/", views_schools.school_step, name="school-step"),
    path("outreach/survey/", views_survey.round_list, name="survey-list"),
    path("outreach/survey/new/", views_survey.round_new, name="survey-new"),
    path("outreach/survey/<int:pk>/", views_survey.round_detail, name="survey-detail"),
    path("outreach/survey/<int:pk>/step/", views_survey.round_step, name="survey-step"),
    path("outreach/survey/<int:pk>/index.xlsx", views_survey.round_export, name="survey-export"),
    # Public, by the token in the address: no account needed.
    path("sign-in/<str:token>/", views_public.sign_in, name="activity-sign-in"),
    path("survey/<str:token>/", views_public.survey_page, name="survey-page"),
]
