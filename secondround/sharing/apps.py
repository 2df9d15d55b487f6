from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "secondround.sharing"
    verbose_name = "Sharing with a coach, and career centres"
