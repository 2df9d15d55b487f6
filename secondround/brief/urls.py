from django.urls import path

from . import views

urlpatterns = [
    path("rounds/<int:pk>/ask/", views.ask, name="ask"),
    path("interviewers/<int:pk>/ask/pin/", views.ask_pin, name="ask_pin"),
    path("interviewers/<int:pk>/ask/add/", views.ask_add, name="ask_add"),
    path("ask/<int:pk>/edit/", views.ask_edit, name="ask_edit"),
    path("ask/<int:pk>/remove/", views.ask_remove, name="ask_remove"),
    path("opportunities/<int:pk>/plan/", views.plan, name="plan"),
    path("opportunities/<int:pk>/salary/", views.salary, name="salary"),
    path(
        "opportunities/<int:pk>/salary/from-posting/",
        views.salary_from_posting,
        name="salary_from_posting",
    ),
    path("rounds/<int:pk>/brief/", views.brief, name="brief"),
    path("rounds/<int:pk>/brief.pdf", views.brief_pdf_download, name="brief_pdf"),
    path("rounds/<int:pk>/brief.ics", views.brief_calendar, name="brief_ics"),
]
