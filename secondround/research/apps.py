from django.apps import AppConfig


class ResearchConfig(AppConfig):
    name = "secondround.research"
    label = "research"
