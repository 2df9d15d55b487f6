from django.urls import path

from . import follow_up, views

urlpatterns = [
    path("rounds/<int:pk>/practice/", views.practice_home, name="practice_home"),
    path("rounds/<int:pk>/practice/start/", views.practice_start, name="practice_start"),
    path("practice/<int:pk>/", views.practice_session, name="practice_session"),
    path("practice/<int:pk>/answer/", views.practice_answer, name="practice_answer"),
    path("practice/<int:pk>/next/", views.practice_next, name="practice_next"),
    path("practice/<int:pk>/record/", views.recording_start, name="recording_start"),
    path("practice/<int:pk>/upload/", views.recording_upload, name="recording_upload"),
    path("practice/<int:pk>/read-aloud/", views.read_aloud, name="read_aloud"),
    path("attempts/<int:pk>/", views.attempt_detail, name="attempt_detail"),
    path("attempts/<int:pk>/piece/", views.recording_piece, name="recording_piece"),
    path("attempts/<int:pk>/finish/", views.recording_finish, name="recording_finish"),
    path("attempts/<int:pk>/audio/", views.attempt_audio, name="attempt_audio"),
    path(
        "attempts/<int:pk>/audio/delete/", views.attempt_delete_audio, name="attempt_delete_audio"
    ),
    path("attempts/<int:pk>/delete/", views.attempt_delete, name="attempt_delete"),
    path("progress/", views.practice_progress, name="practice_progress"),
    path("attempts/<int:pk>/follow-up/", follow_up.follow_up_ask, name="follow_up_ask"),
    path(
        "attempts/<int:pk>/follow-up/status/",
        follow_up.follow_up_status,
        name="follow_up_status",
    ),
    path(
        "attempts/<int:pk>/follow-up/cancel/",
        follow_up.follow_up_cancel,
        name="follow_up_cancel",
    ),
]
