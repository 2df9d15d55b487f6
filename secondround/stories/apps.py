from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "secondround.stories"
    label = "stories"
