"""Forms of the attendee pages: staff entry, walk-ins, the file upload,
the public registration form and its settings."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.core import signing
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _

from forums.attendees.importing import MAX_FILE_BYTES
from forums.attendees.services import REGISTRATION_FIELDS, REQUIRED_REGISTRATION_FIELDS
from forums.attendees.values import normalise_phone
from forums.models import Attendee, Forum
from planner.forms import CleanInputMixin, local_to_instant

TOKEN_SALT = "forums.registration.form"
TOKEN_MAX_AGE = 3 * 60 * 60  # a form left open longer is refused politely


def clean_phone_value(value: str) -> str:
    if not value:
        return ""
    try:
        return normalise_phone(value)
    except ValueError:
        raise forms.ValidationError(
            _("Write the phone number like 010-1234-5678 or 02-123-4567."), code="phone"
        ) from None


class AttendeeForm(CleanInputMixin, forms.ModelForm):
    """Staff add or correct one attendee."""

    class Meta:
        model = Attendee
        fields = (
            "name",
            "organisation_name",
            "position",
            "email",
            "phone",
            "category",
            "status",
            "notes",
        )
        widgets = {"notes": forms.Textarea(attrs={"rows": 3, "class": "krds-input att-textarea"})}

    def __init__(self, *args: Any, forum: Forum, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.forum = forum
        self.fields["phone"].widget.attrs["inputmode"] = "tel"

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if email:
            others = Attendee.objects.filter(forum=self.forum, email__iexact=email)
            if self.instance.pk:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                raise forms.ValidationError(
                    _("Someone with this e-mail is already registered for this forum."),
                    code="duplicate",
                )
        return email

    def clean_phone(self) -> str:
        return clean_phone_value(self.cleaned_data["phone"])

    def save(self, commit: bool = True) -> Attendee:
        attendee = super().save(commit=False)
        # The check-in time follows the status when staff change it by hand.
        if attendee.status == Attendee.Status.ATTENDED and not attendee.checked_in_at:
            attendee.checked_in_at = timezone.now()
        elif attendee.status != Attendee.Status.ATTENDED:
            attendee.checked_in_at = None
        if commit:
            attendee.save()
        return attendee


class WalkInForm(CleanInputMixin, forms.Form):
    """Registration at the door: few fields, consent asked there and then."""

    name = forms.CharField(label=_("name"), max_length=100)
    organisation_name = forms.CharField(label=_("organisation"), max_length=200, required=False)
    position = forms.CharField(label=_("position"), max_length=200, required=False)
    phone = forms.CharField(label=_("phone"), max_length=40, required=False)
    category = forms.ChoiceField(
        label=_("category"), choices=Attendee.Category.choices, initial=Attendee.Category.OTHER
    )
    consent = forms.BooleanField(
        label=_("The person agreed to the collection and use of these personal data."),
    )

    def __init__(self, *args: Any, forum: Forum, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.forum = forum
        for name, form_field in self.fields.items():
            form_field.widget.attrs.setdefault("id", f"walk-in-{name}")

    def clean_phone(self) -> str:
        return clean_phone_value(self.cleaned_data["phone"])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        name, organisation = data.get("name", ""), data.get("organisation_name", "")
        if (
            name
            and Attendee.objects.filter(
                forum=self.forum, name=name.strip(), organisation_name=organisation.strip()
            ).exists()
        ):
            raise forms.ValidationError(
                _(
                    "%(name)s (%(organisation)s) is registered already: search for the name "
                    "above and check them in."
                ),
                params={"name": name, "organisation": organisation or "—"},
                code="duplicate",
            )
        return data


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel file"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,.txt"}),
        error_messages={"empty": _("The file is empty.")},
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)d MB. Split it into smaller files."),
                params={"size": MAX_FILE_BYTES // (1024 * 1024)},
                code="too_large",
            )
        return upload


def make_form_token(forum: Forum) -> str:
    """A signed one-time token: the forum and a nonce, refused after TOKEN_MAX_AGE."""
    return signing.dumps({"f": forum.pk, "n": get_random_string(20)}, salt=TOKEN_SALT)


def read_form_token(token: str, forum: Forum) -> str | None:
    """The nonce of a valid token for this forum, else None."""
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("f") != forum.pk:
        return None
    return str(data.get("n") or "") or None


class RegistrationForm(CleanInputMixin, forms.Form):
    """The public form: name and e-mail always, then the fields staff chose."""

    name = forms.CharField(label=_("name"), max_length=100)
    # 254: the column's length (RFC 5321's path limit); PostgreSQL refuses a longer one.
    email = forms.EmailField(label=_("e-mail"), max_length=254)
    organisation_name = forms.CharField(label=_("organisation"), max_length=200)
    position = forms.CharField(label=_("position"), max_length=200)
    phone = forms.CharField(label=_("phone"), max_length=40)
    category = forms.ChoiceField(
        label=_("category"), choices=[("", _("Choose"))] + Attendee.Category.choices
    )
    consent = forms.BooleanField(
        label=_("I agree to the collection and use of my personal data as stated above."),
        error_messages={"required": _("Registration needs your consent.")},
    )
    # Honeypot: hidden from people by CSS; a bot that fills it is not registered.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, forum: Forum, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.forum = forum
        asked = [name for name in forum.registration_fields if name in REGISTRATION_FIELDS]
        for key, (field_name, _label) in REGISTRATION_FIELDS.items():
            if key not in asked:
                del self.fields[field_name]
            else:
                self.fields[field_name].required = key in REQUIRED_REGISTRATION_FIELDS
        if not self.is_bound:
            self.fields["token"].initial = make_form_token(forum)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        if "organisation_name" in self.fields:
            self.fields["organisation_name"].widget.attrs["autocomplete"] = "organization"
        if "phone" in self.fields:
            self.fields["phone"].widget.attrs.update(autocomplete="tel", inputmode="tel")
        self.fields["website"].widget.attrs.update(autocomplete="off", tabindex="-1")

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean_phone(self) -> str:
        return clean_phone_value(self.cleaned_data.get("phone", ""))

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website", "").strip())

    def token_nonce(self) -> str | None:
        return read_form_token(self.data.get("token", ""), self.forum)

    def attendee_values(self) -> dict[str, str]:
        data = self.cleaned_data
        return {
            name: data[name]
            for name in ("name", "email", "organisation_name", "position", "phone", "category")
            if name in data and data[name] not in (None, "")
        }


class RegistrationSettingsForm(CleanInputMixin, forms.ModelForm):
    """What staff choose for the public form: open or not, until when, which fields."""

    closes_at = forms.DateTimeField(
        label=_("registration closes"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=_("Local time of the forum. Empty: open until you close it."),
    )
    registration_fields = forms.MultipleChoiceField(
        label=_("Fields the form asks for"),
        choices=[(key, label) for key, (_f, label) in REGISTRATION_FIELDS.items()],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Name and e-mail are always asked. Organisation and category are required "
            "when asked; position and phone stay optional."
        ),
    )

    class Meta:
        model = Forum
        fields = (
            "registration_open",
            "capacity",
            "registration_fields",
            "privacy_purpose",
            "privacy_items",
            "privacy_retention",
        )
        widgets = {
            "privacy_purpose": forms.Textarea(attrs={"rows": 3, "class": "krds-input att-textarea"})
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        closes = self.instance.registration_closes_at
        if closes and not self.is_bound:
            self.initial["closes_at"] = closes.astimezone(self.instance.tz).replace(tzinfo=None)

    def clean_closes_at(self) -> datetime | None:
        value = self.cleaned_data["closes_at"]
        if value is None:
            return None
        # Entered as the forum's wall-clock time, whatever zone Django parsed it in; a time
        # the clocks skip (a DST gap) is refused with a message rather than shifted.
        local = value.replace(tzinfo=None)
        return local_to_instant(local.date(), local.time(), self.instance.timezone)

    def save(self, commit: bool = True) -> Forum:
        forum = super().save(commit=False)
        forum.registration_closes_at = self.cleaned_data["closes_at"]
        if commit:
            forum.save(update_fields=[*self.Meta.fields, "registration_closes_at", "updated"])
        return forum
