from django.apps import AppConfig


class RewritingConfig(AppConfig):
    """Letters, follow-ups and answer drafts rewritten by the person's own language model.

    It reads every area (a rewrite may name only what the person saved), so it comes after
    them all; the model itself is reached through `secondround.assistant.services`.
    """

    name = "secondround.rewriting"
    default_auto_field = "django.db.models.BigAutoField"
