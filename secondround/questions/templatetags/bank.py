from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict, key: str):
    """Look a key up in a dict from a template (who asks, by interviewer id)."""
    return mapping.get(key) if hasattr(mapping, "get") else None
