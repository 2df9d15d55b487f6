from django.apps import AppConfig


class DebriefConfig(AppConfig):
    name = "secondround.debrief"
    label = "debrief"
