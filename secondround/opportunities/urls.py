from django.urls import path

from . import views

urlpatterns = [
    path("opportunities/new/", views.opportunity_create, name="opportunity_create"),
    path("opportunities/<int:pk>/", views.opportunity_detail, name="opportunity_detail"),
    path("opportunities/<int:pk>/edit/", views.opportunity_edit, name="opportunity_edit"),
    path("opportunities/<int:pk>/archive/", views.opportunity_archive, name="opportunity_archive"),
    path("opportunities/<int:pk>/rounds/new/", views.round_create, name="round_create"),
    path("rounds/<int:pk>/edit/", views.round_edit, name="round_edit"),
    path("rounds/<int:pk>/interviewers/new/", views.interviewer_create, name="interviewer_create"),
    path("rounds/<int:pk>/invitation/parse/", views.invitation_parse, name="invitation_parse"),
    path("rounds/<int:pk>/invitation/save/", views.invitation_save, name="invitation_save"),
    path("interviewers/<int:pk>/edit/", views.interviewer_edit, name="interviewer_edit"),
    path("interviewers/<int:pk>/delete/", views.interviewer_delete, name="interviewer_delete"),
]
