from django.urls import path

from . import views

urlpatterns = [
    path("", views.data_home, name="data_home"),
    path("export/", views.export_create, name="export_create"),
    path("export/<int:pk>/", views.export_download, name="export_download"),
    path("import/", views.import_upload, name="import_upload"),
]
