from django.urls import path

from . import views

urlpatterns = [
    path("opportunities/<int:pk>/posting/", views.posting_needs, name="posting_needs"),
    path("opportunities/<int:pk>/posting/analyse/", views.posting_analyse, name="posting_analyse"),
    path("rounds/<int:pk>/questions/", views.bank, name="bank"),
    path("rounds/<int:pk>/questions/prepared/", views.question_prepared, name="question_prepared"),
    path("rounds/<int:pk>/questions/own/", views.own_question_add, name="own_question_add"),
    path(
        "rounds/<int:pk>/questions/asked/<int:asked_pk>/file/",
        views.asked_question_file,
        name="asked_question_file",
    ),
    path("own-questions/<int:pk>/file/", views.own_question_file, name="own_question_file"),
    path("own-questions/<int:pk>/delete/", views.own_question_delete, name="own_question_delete"),
]
