from django.apps import AppConfig


class OverviewConfig(AppConfig):
    """The dashboard and each round's preparation path.

    It reads from every area app (the roster, debrief, research, questions, stories,
    practice, the brief, after the round); no area app imports it.
    """

    name = "secondround.overview"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import freshness

        freshness.connect()
