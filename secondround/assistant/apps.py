from django.apps import AppConfig


class AssistantConfig(AppConfig):
    """An optional language model the person runs (Ollama, llama.cpp, LM Studio, vLLM).

    Off unless configured; every call is logged, checked by the engine, and falls back to
    the deterministic result. Area apps call it through `services`, never the provider.
    """

    name = "secondround.assistant"
    default_auto_field = "django.db.models.BigAutoField"
