from django.apps import AppConfig


class OpportunitiesConfig(AppConfig):
    name = "secondround.opportunities"
    label = "opportunities"
