from django.urls import path

from . import views

urlpatterns = [
    path("opportunities/<int:pk>/research/", views.research_home, name="research_home"),
    path("opportunities/<int:pk>/research/edit/", views.research_edit, name="research_edit"),
    path("opportunities/<int:pk>/research/sources/", views.source_import, name="source_import"),
    path("opportunities/<int:pk>/glossary/", views.glossary, name="glossary"),
    path("opportunities/<int:pk>/glossary/add/", views.glossary_add, name="glossary_add"),
    path("opportunities/<int:pk>/answers/<slug:kind>/", views.answer, name="answer"),
    path(
        "interviewers/<int:pk>/research/",
        views.interviewer_research_edit,
        name="interviewer_research_edit",
    ),
    path("sources/<int:pk>/", views.source_detail, name="source_detail"),
    path("sources/<int:pk>/delete/", views.source_delete, name="source_delete"),
    path("glossary/<int:pk>/edit/", views.glossary_term_edit, name="glossary_term_edit"),
    path("glossary/<int:pk>/delete/", views.glossary_term_delete, name="glossary_term_delete"),
]
