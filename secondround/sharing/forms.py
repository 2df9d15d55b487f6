from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from secondround.engine.nlp.vocabulary import COMPETENCIES
from secondround.forms import Form, ModelForm

from .models import Section, Share

SECTION_FIELDS = [section.value for section in Section]
# Said beside the two sections that are never implied by another.
SECTION_HELP = {
    Section.RECORDINGS.value: "Only with practice answers; the audio of each spoken answer.",
    Section.SALARY.value: "Your figures and target. Never shared unless ticked here.",
    Section.FIT.value: "Your “is it right for me?” scores. Never shared unless ticked here.",
}
NO_SECTION = "Tick at least one section to share."
RECORDINGS_ALONE = "Recordings go with practice answers: tick practice answers too."
RECRUITER_ONLY_ROSTER = (
    "A recruiter sees the roster and research only: untick the other sections, or share as a coach."
)
PAST_END = "That day has passed: choose today or a later day, or leave it empty."
UNKNOWN_ACCOUNT = (
    "No account here has that name or address. To share with someone who has no account "
    "yet, make an invitation link below."
)
SEVERAL_ACCOUNTS = "Several accounts have that address: give their account name instead."
YOURSELF = "That is your own account: share with your coach or recruiter instead."
ALREADY = (
    "You already share this opportunity with {name}. Change the sections of that share "
    "instead (it is listed below)."
)
MAX_COMMENT = 5_000


class _SectionsForm(ModelForm):
    """The sections of a share, its role and end date, checked together."""

    class Meta:
        model = Share
        fields = ["role", *SECTION_FIELDS, "ends_on"]
        widgets = {"role": forms.RadioSelect, "ends_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, help_text in SECTION_HELP.items():
            self.fields[name].help_text = help_text

    def clean_ends_on(self):
        ends_on = self.cleaned_data.get("ends_on")
        if ends_on is not None and ends_on < timezone.localdate():
            raise forms.ValidationError(PAST_END)
        return ends_on

    def clean(self) -> dict:
        cleaned = super().clean()
        ticked = [name for name in SECTION_FIELDS if cleaned.get(name)]
        if cleaned.get("role") == Share.Role.RECRUITER:
            if set(ticked) - {Section.ROSTER.value}:
                raise forms.ValidationError(RECRUITER_ONLY_ROSTER)
            cleaned[Section.ROSTER.value] = True
            return cleaned
        if not ticked:
            raise forms.ValidationError(NO_SECTION)
        if cleaned.get(Section.RECORDINGS.value) and not cleaned.get(Section.PRACTICE.value):
            self.add_error(Section.RECORDINGS.value, RECORDINGS_ALONE)
        return cleaned

    def share_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ShareForm(_SectionsForm):
    """Share with someone who has an account here, named by account name or e-mail."""

    who = forms.CharField(
        label="Their account name or e-mail",
        max_length=254,
        help_text="The coach or recruiter must have an account on this Second Round.",
    )

    field_order = ["who"]

    def __init__(self, *args, owner, opportunity, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.owner, self.opportunity = owner, opportunity

    def clean_who(self):
        who = " ".join(self.cleaned_data["who"].split())
        users = get_user_model().objects
        found = list(users.filter(username=who)[:1]) or list(users.filter(username__iexact=who)[:2])
        if not found and "@" in who:
            found = list(users.filter(email__iexact=who)[:2])
            if len(found) > 1:
                raise forms.ValidationError(SEVERAL_ACCOUNTS)
        if len(found) != 1:
            raise forms.ValidationError(UNKNOWN_ACCOUNT)
        grantee = found[0]
        if grantee.pk == self.owner.pk:
            raise forms.ValidationError(YOURSELF)
        live = Share.objects.filter(
            opportunity=self.opportunity, grantee=grantee, revoked_at__isnull=True
        ).first()
        if live is not None:
            raise forms.ValidationError(ALREADY.format(name=live.grantee_name))
        return grantee


class InviteForm(_SectionsForm):
    """Share with someone who has no account yet: a single-use link that expires."""

    invited_as = forms.CharField(
        label="Who it is for",
        max_length=200,
        help_text="Their name or e-mail, so that you recognise the share. The link is shown "
        "once: send it to them yourself.",
    )
    days = forms.IntegerField(
        label="The link works for", min_value=1, max_value=30, initial=7, help_text="Days."
    )

    field_order = ["invited_as", "days"]


class ShareEditForm(_SectionsForm):
    class Meta(_SectionsForm.Meta):
        fields = [*SECTION_FIELDS, "ends_on"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.role = self.instance.role

    def clean(self) -> dict:
        self.cleaned_data["role"] = self.role
        return super().clean()


class CommentForm(Form):
    text = forms.CharField(
        label="Your comment", max_length=MAX_COMMENT, widget=forms.Textarea(attrs={"rows": 3})
    )
    key = forms.CharField(required=False, max_length=120, widget=forms.HiddenInput)


class RatingForm(CommentForm):
    """A comment on a practice answer, with a 1–5 rating against one competency."""

    competency = forms.ChoiceField(
        label="Rated against", required=False, choices=[("", "—"), *COMPETENCIES.items()]
    )
    score = forms.TypedChoiceField(
        label="Rating",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—"), *((n, f"{n} of 5") for n in range(1, 6))],
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("score") and not cleaned.get("competency"):
            self.add_error("competency", "Say which competency the rating is for.")
        return cleaned


class PackageForm(ModelForm):
    """The sections a coach package holds (no recordings: the file stays small)."""

    class Meta:
        model = Share
        fields = [s.value for s in Section if s != Section.RECORDINGS]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, help_text in SECTION_HELP.items():
            if name in self.fields:
                self.fields[name].help_text = help_text

    def clean(self) -> dict:
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in self.Meta.fields):
            raise forms.ValidationError(NO_SECTION)
        return cleaned

    def sections(self) -> list[Section]:
        return [Section(name) for name in self.Meta.fields if self.cleaned_data.get(name)]


class PackageFileForm(forms.Form):
    file = forms.FileField(label="The file")


class JoinCodeForm(forms.Form):
    code = forms.CharField(label="Organisation code", max_length=40)


class OrganisationInviteForm(forms.Form):
    note = forms.CharField(
        label="Who it is for", max_length=200, help_text="Their name or e-mail, for your list."
    )
    days = forms.IntegerField(label="The link works for", min_value=1, max_value=30, initial=7)
