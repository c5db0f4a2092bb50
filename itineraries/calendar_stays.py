"""Hotel stays in calendars: one registered source beside engagements and journeys.

A stay is timed from check-in to check-out in the hotel's zone when both times are
known, else all-day from the check-in to the check-out day. It never carries the
confirmation number (calendars are shared and forwarded) nor the staff notes, and
it runs in the background of the days (TRANSPARENT: it blocks no time).
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from itineraries.calendar import trip_item_source
from itineraries.models import Stay
from planner.calendar_registry import Absolute, register_source
from planner.ical import CalendarEntry, item_uid
from planner.ical_entries import description, place_text, seoul_line
from planner.language import localized

# Who stays is printed with their person's and agency's names.
STAY_RELATIONS = (
    "trip__updated",
    "venue__updated",
    "members__updated",
    "members__person__updated",
    "members__organisation__updated",
)
STAY_COUNTS = ("members",)


def stays_for_calendar() -> QuerySet:
    return Stay.objects.for_trip_page().select_related("trip")


def stay_entry(stay: Stay, absolute: Absolute) -> CalendarEntry:
    trip, venue = stay.trip, stay.venue
    start, end = stay.check_in_at, stay.check_out_at
    timed = start is not None and end is not None and end > start
    who = ", ".join(member.display_name for member in stay.members.all())
    facts = [
        _("Trip: %(title)s") % {"title": localized(trip, "title")},
        seoul_line(start, None, venue.timezone) if timed else "",
        _("Check-in: %(day)s") % {"day": stay.check_in_date} if stay.check_in_date else "",
        _("Check-out: %(day)s") % {"day": stay.check_out_date} if stay.check_out_date else "",
        (_("Who stays: %(names)s") % {"names": who}) if who else "",
    ]
    url = absolute(f"{trip.get_absolute_url()}#stay-{stay.pk}")
    return CalendarEntry(
        uid=item_uid("stay", stay),
        summary=_("Accommodation: %(name)s") % {"name": localized(venue, "name") or str(venue)},
        timezone=venue.timezone,
        sequence=stay.sequence,
        start=start if timed else None,
        end=end if timed else None,
        day=None if timed else stay.check_in_day,
        last_day=None if timed else stay.check_out_day,
        location=place_text(venue, ""),
        description=description("\n".join(f for f in facts if f), url),
        url=url,
        stamp=stay.updated,
        created=stay.created,
        categories=(str(_("accommodation")),),
        background=True,
    )


def _stays_between(stays: QuerySet, first: date, last: date) -> QuerySet:
    """Stays whose nights touch the span (an unknown end counts as the check-in day)."""
    starts = Q(check_in_date__lte=last)
    ends = Q(check_out_date__gte=first) | Q(check_out_date__isnull=True, check_in_date__gte=first)
    return stays.filter(starts & ends)


def _undated_stays(stays: QuerySet) -> QuerySet:
    return stays.filter(check_in_date__isnull=True).order_by("trip__start_date", "pk")


def register() -> None:
    register_source(
        trip_item_source(
            "stay",
            Stay,
            rows=stays_for_calendar,
            entry=stay_entry,
            between=_stays_between,
            relations=STAY_RELATIONS,
            counts=STAY_COUNTS,
            undated=_undated_stays,
        )
    )
