from django.urls import path

from . import views

urlpatterns = [
    path("rewrite/<slug:kind>/<int:pk>/", views.rewrite_start, name="rewrite_start"),
    path("rewrite/<slug:kind>/<int:pk>/status/", views.rewrite_status, name="rewrite_status"),
    path("rewrite/<slug:kind>/<int:pk>/cancel/", views.rewrite_cancel, name="rewrite_cancel"),
]
