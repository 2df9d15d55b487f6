from django.apps import AppConfig


class BriefConfig(AppConfig):
    name = "secondround.brief"
    label = "brief"
