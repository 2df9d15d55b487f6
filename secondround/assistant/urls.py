from django.urls import path

from . import rewrite, views

urlpatterns = [
    path("", views.model_settings, name="model_settings"),
    path("off/", views.model_settings_off, name="model_settings_off"),
    path("check/", views.model_check, name="model_check"),
    path("log/", views.model_log, name="model_log"),
    path("rewrite/<slug:kind>/<int:pk>/", rewrite.rewrite_start, name="rewrite_start"),
    path("rewrite/<slug:kind>/<int:pk>/status/", rewrite.rewrite_status, name="rewrite_status"),
    path("rewrite/<slug:kind>/<int:pk>/cancel/", rewrite.rewrite_cancel, name="rewrite_cancel"),
]
