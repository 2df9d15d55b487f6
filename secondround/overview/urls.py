from django.urls import path

from . import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("rounds/<int:pk>/", views.round_detail, name="round_detail"),
]
