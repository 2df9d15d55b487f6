from django.urls import path

from . import views

urlpatterns = [
    path("rounds/<int:pk>/after/", views.after_notes, name="after_notes"),
    path("interviewers/<int:pk>/after/sort/", views.after_notes_sort, name="after_notes_sort"),
    path("rounds/<int:pk>/letters/", views.letters, name="letters"),
    path("rounds/<int:pk>/letters/draft/", views.letters_draft, name="letters_draft"),
    path("letters/<int:pk>/edit/", views.letter_edit, name="letter_edit"),
    path("letters/<int:pk>/sent/", views.letter_sent, name="letter_sent"),
    path("letters/<int:pk>/eml/", views.letter_eml, name="letter_eml"),
    path("rounds/<int:pk>/follow-up/", views.follow_up, name="follow_up"),
    path("rounds/<int:pk>/follow-up/outcome/", views.follow_up_outcome, name="follow_up_outcome"),
    path("opportunities/<int:pk>/fit/", views.fit, name="fit"),
    path("compare/", views.compare, name="compare"),
]
