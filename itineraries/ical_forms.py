"""Importing an invitation (.ics): the upload form and the draft engagement it suggests."""

from __future__ import annotations

from datetime import datetime

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from itineraries.models import Engagement, Stop, Trip
from planner.forms import CleanInputMixin
from planner.ical_import import MAX_BYTES, Invitation
from planner.timezones import headquarters_zone


class InvitationUploadForm(CleanInputMixin, forms.Form):
    step = forms.CharField(widget=forms.HiddenInput, initial="upload")
    file = forms.FileField(
        label=gettext_lazy("Invitation file (.ics)"),
        help_text=gettext_lazy(
            "The .ics file attached to an invitation e-mail, or saved from Outlook, "
            "Google or Apple Calendar."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".ics,text/calendar"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 1 MB; an invitation is much smaller.")
            )
        return upload


PLAIN_INPUTS = {"checkbox", "radio", "hidden", "file"}


def krds_widgets(form: forms.Form) -> forms.Form:
    """Give the widgets the KRDS classes (the shared forms leave styling to templates)."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.Select | forms.SelectMultiple):
            css = "krds-form-select"
        elif getattr(widget, "input_type", "") in PLAIN_INPUTS:
            continue
        else:
            css = "krds-input"
        widget.attrs.setdefault("class", css)
    return form


def _instant_at(invitation: Invitation, value: datetime | None, stop: Stop) -> datetime | None:
    """Aware instants stay; a floating time is read as wall-clock time at the stop."""
    if value is None:
        return None
    return value.replace(tzinfo=stop.tz) if invitation.floating else value


def guess_stop(invitation: Invitation, stops: list[Stop]) -> Stop | None:
    """The stop whose dates hold the meeting's local day, else one named in the location."""
    for stop in stops:
        start = _instant_at(invitation, invitation.start, stop)
        day = start.astimezone(stop.tz).date() if start else invitation.day
        arrival, departure = stop.arrival_date, stop.departure_date
        if day and arrival and departure and arrival <= day <= departure:
            return stop
    where = invitation.location.casefold()
    for stop in stops:
        names = {stop.city_ko.casefold(), stop.city_en.casefold()} - {""}
        if any(name in where for name in names):
            return stop
    return stops[0] if stops else None


def _provenance(invitation: Invitation) -> str:
    lines = [_("Imported from an invitation (.ics).")]
    if invitation.organizer:
        lines.append(_("Organizer: %(who)s") % {"who": invitation.organizer})
    if invitation.attendees:
        lines.append(_("Invited: %(who)s") % {"who": "; ".join(invitation.attendees)})
    if invitation.location:
        lines.append(_("Location: %(where)s") % {"where": invitation.location})
    if invitation.start and invitation.zone_label:
        lines.append(
            _("Time as sent: %(time)s (%(zone)s)")
            % {"time": invitation.start.strftime("%Y-%m-%d %H:%M"), "zone": invitation.zone_label}
        )
    if invitation.uid:
        lines.append(f"UID: {invitation.uid}")
    if invitation.description:
        lines += ["", invitation.description]
    return "\n".join(lines)


def initial_from_invitation(invitation: Invitation, trip: Trip) -> tuple[dict, Stop | None]:
    """Initial values for the engagement form, with times in the stop's local zone."""
    stops = list(trip.stops.all())
    stop = guess_stop(invitation, stops)
    initial: dict = {
        "kind": Engagement.Kind.MEETING,
        "status": Engagement.Status.TENTATIVE,
        "title_ko": invitation.summary[:300],
        "title_en": invitation.summary[:300] if invitation.summary.isascii() else "",
        "room": invitation.location[:100],
        "notes": _provenance(invitation),
    }
    if stop is None:
        return initial, None
    initial["stop"] = stop.pk
    start = _instant_at(invitation, invitation.start, stop)
    end = _instant_at(invitation, invitation.end, stop)
    if start is not None:
        local = start.astimezone(stop.tz)
        initial.update(date=local.date(), start_time=local.time().replace(second=0))
        if end is not None and end.astimezone(stop.tz).date() == local.date():
            initial["end_time"] = end.astimezone(stop.tz).time().replace(second=0)
    elif invitation.day is not None:
        initial["date"] = invitation.day
    return initial, stop


def time_preview(invitation: Invitation, stop: Stop | None) -> list[tuple[str, str]]:
    """The meeting's start as sent, at the stop, and in Seoul, for the user to check."""
    if invitation.start is None or stop is None:
        return []
    start = _instant_at(invitation, invitation.start, stop)
    rows = []
    if invitation.zone_label and not invitation.floating:
        rows.append((invitation.zone_label, invitation.start.strftime("%Y-%m-%d %H:%M")))
    for label, tz in ((stop.timezone, stop.tz), (headquarters_zone().key, headquarters_zone())):
        local = start.astimezone(tz)
        rows.append((label, f"{local:%Y-%m-%d %H:%M} {local.tzname()}"))
    return rows
