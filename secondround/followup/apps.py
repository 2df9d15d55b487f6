from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "secondround.followup"
    label = "followup"
