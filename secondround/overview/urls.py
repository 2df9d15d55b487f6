from django.urls import path

from . import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("rounds/<int:pk>/", views.round_detail, name="round_detail"),
    path("opportunities/<int:pk>/delete/", views.opportunity_delete, name="opportunity_delete"),
    path("rounds/<int:pk>/delete/", views.round_delete, name="round_delete"),
]
