from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "secondround.practice"
    label = "practice"
