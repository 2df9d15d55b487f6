"""Forms for opportunities, rounds and the roster.

Rounds and slots are entered as a local date and times in the round's time zone,
because that is how invitations state them; they are stored as aware datetimes.
"""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, time

from django import forms

from secondround.engine.nlp.sizes import too_large
from secondround.engine.nlp.vocabulary import RELATIONS
from secondround.engine.reading.invitation_files import MAX_FILE_BYTES
from secondround.forms import Form, ModelForm
from secondround.time_zones import TimeZoneField

from .models import YEAR_VALIDATORS, Interviewer, Opportunity, Round


def combine_local(day: date | None, moment: time | None, zone_name: str) -> datetime | None:
    if day is None or moment is None:
        return None
    return datetime.combine(day, moment, tzinfo=zoneinfo.ZoneInfo(zone_name))


class OpportunityForm(ModelForm):
    class Meta:
        model = Opportunity
        fields = ["company", "role_title", "status", "source_url", "posting_text", "notes"]
        widgets = {
            "posting_text": forms.Textarea(attrs={"rows": 10}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }


class RoundForm(ModelForm):
    day = forms.DateField(
        label="Date",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=YEAR_VALIDATORS,
    )
    start_time = forms.TimeField(
        label="Starts", required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    end_time = forms.TimeField(
        label="Ends", required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    time_zone = TimeZoneField()

    class Meta:
        model = Round
        fields = ["number", "name", "format", "location", "video_link", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        labels = {"video_link": "Video link"}

    def __init__(
        self, *args, opportunity: Opportunity, zone_from_browser: bool = False, **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.opportunity = opportunity
        if zone_from_browser:  # a first round: the browser knows the zone better than UTC
            self.fields["time_zone"].widget.attrs["data-zone-from-browser"] = "1"
        round_ = self.instance
        if round_.pk:
            self.initial["time_zone"] = round_.time_zone
            if local := round_.local(round_.starts_at):
                self.initial.update(day=local.date(), start_time=local.time())
            if local_end := round_.local(round_.ends_at):
                self.initial["end_time"] = local_end.time()

    def clean_number(self) -> int:
        number = self.cleaned_data["number"]
        clash = Round.objects.filter(opportunity=self.opportunity, number=number)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(f"This opportunity already has a round {number}.")
        return number

    def clean(self) -> dict:
        cleaned = super().clean()
        day, start, end = cleaned.get("day"), cleaned.get("start_time"), cleaned.get("end_time")
        if day and not start:
            self.add_error("start_time", "Add a start time too, or leave the date empty.")
        if (start or end) and not day:
            self.add_error("day", "Add the date of the interview for these times.")
        if start and end and end <= start:
            self.add_error("end_time", "The end must come after the start.")
        return cleaned

    def save(self, commit: bool = True) -> Round:
        round_ = super().save(commit=False)
        round_.opportunity = self.opportunity
        zone = self.cleaned_data["time_zone"]
        round_.time_zone = zone
        day = self.cleaned_data.get("day")
        round_.starts_at = combine_local(day, self.cleaned_data.get("start_time"), zone)
        round_.ends_at = combine_local(day, self.cleaned_data.get("end_time"), zone)
        if commit:
            round_.save()
        return round_


class InterviewerForm(ModelForm):
    start_time = forms.TimeField(
        label="Slot starts", required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    end_time = forms.TimeField(
        label="Slot ends", required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )

    class Meta:
        model = Interviewer
        fields = [
            "honorific",
            "name",
            "pronunciation",
            "title",
            "relation",
            "email",
            "profile_url",
            "notes",
        ]
        labels = {"profile_url": "Profile URL", "pronunciation": "Pronunciation hint"}
        help_texts = {"pronunciation": 'For example "SHIV-awn" for Siobhán.'}
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, round: Round, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.round = round
        if start := round.local(self.instance.starts_at):
            self.initial["start_time"] = start.time()
        if end := round.local(self.instance.ends_at):
            self.initial["end_time"] = end.time()

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if (start or end) and not self.round.starts_at:
            self.add_error("start_time", "Give the round a date first, then the time slots.")
        if start and end and end <= start:
            self.add_error("end_time", "The end must come after the start.")
        return cleaned

    def save(self, commit: bool = True) -> Interviewer:
        interviewer = super().save(commit=False)
        interviewer.round = self.round
        day = self.round.local_day() if self.round.starts_at else None
        interviewer.starts_at = combine_local(
            day, self.cleaned_data.get("start_time"), self.round.time_zone
        )
        interviewer.ends_at = combine_local(
            day, self.cleaned_data.get("end_time"), self.round.time_zone
        )
        if not interviewer.pk:
            interviewer.position = self.round.interviewers.count()
        if commit:
            interviewer.save()
        return interviewer


class InvitationPasteForm(Form):
    """A pasted e-mail, or the e-mail or calendar invitation as a file; one is enough."""

    text = forms.CharField(
        label="Invitation e-mail",
        widget=forms.Textarea(attrs={"rows": 14, "placeholder": "Paste the whole e-mail here."}),
        strip=False,
        required=False,
    )
    file = forms.FileField(
        label="Or upload it",
        required=False,
        help_text="An e-mail saved as .eml, a calendar invitation (.ics) or a .txt file.",
        widget=forms.ClearableFileInput(
            attrs={"accept": ".eml,.ics,.txt,message/rfc822,text/calendar,text/plain"}
        ),
    )

    # An uploaded file's facts besides its body (engine.reading.invitation_files), sent back
    # with the body by the review page to show it again with the person's model's reading.
    file_facts = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(too_large(upload.size, MAX_FILE_BYTES))
        return upload

    def clean(self) -> dict:
        cleaned = super().clean()
        if not self.errors and not cleaned.get("file") and not cleaned.get("text", "").strip():
            raise forms.ValidationError("Paste the e-mail, or choose the file it came in.")
        return cleaned


class RosterReviewForm(Form):
    """The round-level facts found in an invitation, shown for review before saving."""

    day = forms.DateField(
        label="Date",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=YEAR_VALIDATORS,
    )
    time_zone = TimeZoneField()
    location = forms.CharField(max_length=300, required=False)
    video_link = forms.URLField(
        label="Video link", max_length=1000, required=False, assume_scheme="https"
    )
    agenda = forms.CharField(
        label="The rest of the day",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Tours, tests, lunch: what is not a person. Saved in the round's notes.",
    )


class RosterRowForm(Form):
    keep = forms.BooleanField(label="Add", required=False, initial=True)
    honorific = forms.CharField(
        max_length=30, required=False, widget=forms.TextInput(attrs={"size": 4})
    )
    name = forms.CharField(max_length=200, required=False)
    title = forms.CharField(max_length=200, required=False)
    relation = forms.ChoiceField(choices=list(RELATIONS.items()), initial="other")
    email = forms.EmailField(required=False)
    start_time = forms.TimeField(
        label="Starts", required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    end_time = forms.TimeField(
        label="Ends", required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("keep") and not (cleaned.get("name") or "").strip():
            self.add_error("name", "A name is needed for each row you add.")
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", "The end must come after the start.")
        return cleaned


RosterRowFormSet = forms.formset_factory(RosterRowForm, extra=0, max_num=60, absolute_max=60)
