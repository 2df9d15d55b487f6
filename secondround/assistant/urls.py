from django.urls import path

from . import reading, views

urlpatterns = [
    path("", views.model_settings, name="model_settings"),
    path("off/", views.model_settings_off, name="model_settings_off"),
    path("check/", views.model_check, name="model_check"),
    path("log/", views.model_log, name="model_log"),
    path("reading/<int:pk>/", reading.reading_status, name="reading_status"),
    path("reading/<int:pk>/cancel/", reading.reading_cancel, name="reading_cancel"),
]
