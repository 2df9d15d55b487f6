from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    name = "secondround.portability"
    label = "portability"
