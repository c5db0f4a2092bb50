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


# How an imported engagement remembers its invitation: one fact a line in its notes
# (``itineraries.invitations`` reads them back).
UID_LINE = "UID: "
OCCURRENCE_LINE = "RECURRENCE-ID: "
SEQUENCE_LINE = "SEQUENCE: "
JOIN_LINE = "Join online: "


def identity_lines(invitation: Invitation, occurrence: str = "") -> list[str]:
    lines = [f"{UID_LINE}{invitation.uid}"]
    if occurrence:
        lines.append(f"{OCCURRENCE_LINE}{occurrence}")
    lines.append(f"{SEQUENCE_LINE}{invitation.sequence}")
    lines += [f"{JOIN_LINE}{link}" for link in invitation.join_links]
    return lines


def instant_at(invitation: Invitation, value: datetime | None, stop: Stop) -> datetime | None:
    """Aware instants stay; a floating time is read as wall-clock time at the stop."""
    if value is None:
        return None
    return value.replace(tzinfo=stop.tz) if invitation.floating else value


def guess_stop(invitation: Invitation, stops: list[Stop]) -> Stop | None:
    """The stop whose dates hold the meeting's local day, else one named in the location."""
    for stop in stops:
        start = instant_at(invitation, invitation.start, stop)
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


def _provenance(invitation: Invitation, occurrence: str = "") -> str:
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
        lines += identity_lines(invitation, occurrence)
    if invitation.description:
        lines += ["", invitation.description]
    return "\n".join(lines)


def initial_from_invitation(
    invitation: Invitation, trip: Trip, *, occurrence: str = "", stop: Stop | None = None
) -> tuple[dict, Stop | None]:
    """Initial values for the engagement form, with times in the stop's local zone
    (the stop given, else the one guessed from the invitation's day and place)."""
    stop = stop or guess_stop(invitation, list(trip.stops.all()))
    initial: dict = {
        "kind": Engagement.Kind.MEETING,
        "status": Engagement.Status.TENTATIVE,
        "title_ko": invitation.summary[:300],
        "title_en": invitation.summary[:300] if invitation.summary.isascii() else "",
        "room": invitation.location[:100],
        "notes": _provenance(invitation, occurrence),
    }
    if stop is None:
        return initial, None
    initial["stop"] = stop.pk
    initial["join_url"] = invitation.join_links[0] if invitation.join_links else ""
    initial.update(local_values(invitation, stop))
    return initial, stop


def local_values(invitation: Invitation, stop: Stop) -> dict:
    """The invitation's date, start and end as wall-clock values at ``stop``."""
    values: dict = {}
    start = instant_at(invitation, invitation.start, stop)
    end = instant_at(invitation, invitation.end, stop)
    if start is not None:
        local = start.astimezone(stop.tz)
        values.update(date=local.date(), start_time=local.time().replace(second=0))
        if end is not None and end.astimezone(stop.tz).date() == local.date():
            values["end_time"] = end.astimezone(stop.tz).time().replace(second=0)
    elif invitation.day is not None:
        values["date"] = invitation.day
    return values


def _as_posted(values: dict) -> dict[str, str]:
    posted = {"date": "", "start_time": "", "end_time": ""}
    for name, value in values.items():
        posted[name] = value.strftime("%H:%M") if name != "date" else value.isoformat()
    return posted


def keep_instant_on_stop_change(data, invitation: Invitation, trip: Trip):
    """When the user picks another stop than the guessed one and left the times as shown,
    the invitation's instant is kept: date and times are re-read in the new stop's zone
    (a 09:00 UTC call is 11:00 in Belgrade and 10:00 in London, not 11:00 in both)."""
    stops = {str(stop.pk): stop for stop in trip.stops.all()}
    chosen, guessed = stops.get(data.get("stop", "")), stops.get(data.get("guessed_stop", ""))
    if chosen is None or guessed is None or chosen == guessed or invitation.floating:
        return data
    shown = _as_posted(local_values(invitation, guessed))
    if any((data.get(name) or "")[: 5 if name != "date" else 10] != shown[name] for name in shown):
        return data  # the user typed times of their own: theirs stand
    data = data.copy()
    data.update(_as_posted(local_values(invitation, chosen)))
    return data


def time_preview(invitation: Invitation, stop: Stop | None) -> list[tuple[str, str]]:
    """The meeting's start as sent, at the stop, and in Seoul, for the user to check."""
    if invitation.start is None or stop is None:
        return []
    start = instant_at(invitation, invitation.start, stop)
    rows = []
    if invitation.zone_label and not invitation.floating:
        rows.append((invitation.zone_label, invitation.start.strftime("%Y-%m-%d %H:%M")))
    for label, tz in ((stop.timezone, stop.tz), (headquarters_zone().key, headquarters_zone())):
        local = start.astimezone(tz)
        rows.append((label, f"{local:%Y-%m-%d %H:%M} {local.tzname()}"))
    return rows
