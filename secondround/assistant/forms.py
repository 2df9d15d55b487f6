from __future__ import annotations

from django import forms

from secondround.forms import ModelForm

from . import provider
from .models import ModelSettings

NOT_LOCAL = (
    "This address is not on your machine or network. Tick “this server is not on my machine” "
    "to use it: names, e-mail addresses and phone numbers are then replaced before sending."
)


class ModelSettingsForm(ModelForm):
    api_key = forms.CharField(
        label="Key",
        required=False,
        max_length=500,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text="Only if the server asks for one. Leave empty to keep the saved key.",
    )
    forget_key = forms.BooleanField(label="Forget the saved key", required=False)

    class Meta:
        model = ModelSettings
        fields = ["base_url", "model", "api_key", "timeout_seconds", "not_on_my_machine"]

    def clean_base_url(self) -> str:
        url = self.cleaned_data["base_url"].strip()
        if url and (problem := provider.check_base_url(url)):
            raise forms.ValidationError(problem)
        return url.rstrip("/")

    def clean(self) -> dict:
        cleaned = super().clean()
        url, model = cleaned.get("base_url"), (cleaned.get("model") or "").strip()
        cleaned["model"] = model
        if url and not model:
            self.add_error("model", "Give the model's name, as the server lists it.")
        remote_ok = cleaned.get("not_on_my_machine")
        if url and not remote_ok and not provider.is_on_this_machine_or_network(url):
            self.add_error("not_on_my_machine", NOT_LOCAL)
        if not cleaned.get("api_key") and not cleaned.get("forget_key") and self.instance.pk:
            cleaned["api_key"] = self.instance.api_key
        return cleaned
