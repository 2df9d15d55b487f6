from django.urls import path

from . import views

urlpatterns = [
    path("rounds/<int:pk>/debrief/", views.debrief_detail, name="debrief_detail"),
    path("rounds/<int:pk>/debrief/edit/", views.debrief_edit, name="debrief_edit"),
    path("rounds/<int:pk>/debrief/capture/", views.debrief_capture, name="debrief_capture"),
]
