from django.urls import path

from . import views

urlpatterns = [
    path("stories/", views.story_list, name="story_list"),
    path("stories/new/", views.story_create, name="story_create"),
    path("stories/check/", views.story_check_partial, name="story_check"),
    path("stories/import/", views.resume_import, name="resume_import"),
    path("stories/import/save/", views.resume_save, name="resume_save"),
    path("stories/<int:pk>/", views.story_edit, name="story_edit"),
    path("stories/<int:pk>/delete/", views.story_delete, name="story_delete"),
    path("rounds/<int:pk>/coverage/", views.coverage, name="coverage"),
    path("rounds/<int:pk>/rehearse/", views.rehearsal, name="rehearsal"),
]
