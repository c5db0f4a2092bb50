"""The trips of a planner-draft/1 in: stops, travel, engagements, delegation (out: drafts_out)."""

from __future__ import annotations

from django.db.models import Max

from itineraries.drafts_delegation import delegation_in
from itineraries.models import Engagement, EngagementPerson, Stop, TravelSegment, Trip
from planner.drafts.context import ImportContext, save_row
from planner.drafts.errors import DraftError, join
from planner.drafts.extra import extra_in
from planner.drafts.values import (
    as_text,
    check_country,
    check_timezone,
    collect_meta,
    is_hangul,
    keyed_row,
    parse_local_datetime,
    parse_time,
    place_is_empty,
    place_out,
    set_date,
    venue_from_place,
)
from planner.models import Role, save_if_current
from planner.timezones import zone_or_none

TRIP_COVERED = frozenset(
    {
        "title_ko", "title_en", "subtitle", "purpose", "head", "head_as_written",
        "start_date", "start_date_precision", "start_date_written", "start_date_weekday",
        "end_date", "end_date_precision", "end_date_written", "end_date_weekday",
        "duration_as_written",
    }
)  # fmt: skip
ENGAGEMENT_COVERED = frozenset(
    {
        "kind", "title_ko", "date", "date_precision", "date_written", "date_weekday",
        "start_time", "end_time", "starts_at", "ends_at", "order", "venue", "stop", "status",
        "objectives", "forum",
    }
)  # fmt: skip
STOP_PLACE_KEYS = ("country", "city", "locality", "timezone")


def trips_in(ctx: ImportContext) -> None:
    for index, entry in enumerate(ctx.draft.get("trips") or []):
        ctx.trips[index] = _trip_in(ctx, entry, f"$.trips[{index}]", index)


def _trip_in(ctx: ImportContext, entry: dict, path: str, index: int) -> Trip:
    if index == 0 and ctx.into_trip is not None:
        return trip_add_from_draft(ctx, entry, path)
    trip = keyed_row(Trip, entry)
    trip.title_ko = as_text(entry.get("title_ko"))
    trip.title_en = as_text(entry.get("title_en"))
    trip.subtitle = as_text(entry.get("subtitle"))
    trip.purpose = as_text(entry.get("purpose"))
    head = entry.get("head") or {}
    trip.head = (
        ctx.person(head["person"], join(path, "head.person")) if head.get("person") else None
    )
    trip.head_as_written = as_text(head.get("as_written"))
    set_date(trip, "start_date", entry.get("start"), join(path, "start"))
    set_date(trip, "end_date", entry.get("end"), join(path, "end"))
    trip.duration_as_written = as_text(entry.get("duration_as_written"))
    trip.document = ctx.document
    trip.provenance = collect_meta(entry)
    extra_in(trip, entry.get("extra"), TRIP_COVERED, join(path, "extra"), ctx)
    save_row(trip, path)
    trip.contacts.set(ctx.contacts)
    trip.agreements.set(
        [
            ctx.agreement(i, join(join(path, "agreements"), n))
            for n, i in enumerate(entry.get("agreements") or [])
        ]
    )
    return _trip_contents_in(ctx, trip, entry, path, index)


def trip_add_from_draft(ctx: ImportContext, entry: dict, path: str) -> Trip:
    """ "Add to this trip": a draft trip's stops, engagements and delegation go into
    ``ctx.into_trip``. Its own title, dates and head stay; new stops are numbered after its
    own. Raises StaleEditError if the trip changed since the review was started."""
    trip = ctx.into_trip
    save_if_current(trip, expected_revision=ctx.into_trip_revision)
    after = trip.stops.aggregate(last=Max("order"))["last"] or 0
    stops = [
        {**stop, "order": after + (stop.get("order") or number)}
        for number, stop in enumerate(entry.get("stops") or [], 1)
    ]
    trip.contacts.add(*ctx.contacts)
    trip.agreements.add(
        *[
            ctx.agreement(i, join(join(path, "agreements"), n))
            for n, i in enumerate(entry.get("agreements") or [])
        ]
    )
    return _trip_contents_in(ctx, trip, {**entry, "stops": stops}, path, 0)


def _trip_contents_in(ctx: ImportContext, trip: Trip, entry: dict, path: str, index: int) -> Trip:
    stops = _stops_in(ctx, trip, entry.get("stops") or [], join(path, "stops"))
    _segments_in(ctx, trip, entry.get("segments") or [], join(path, "segments"))
    engagements = [
        _engagement_in(ctx, trip, stops, item, join(join(path, "engagements"), number))
        for number, item in enumerate(entry.get("engagements") or [])
    ]
    delegation_in(ctx, trip, stops, entry.get("delegation") or [], join(path, "delegation"))
    for number, agreement in enumerate(ctx.draft.get("agreements") or []):
        signed_at = agreement.get("signed_at") or {}
        if signed_at.get("trip") == index:
            where = f"$.agreements[{number}].signed_at.engagement"
            if not 0 <= signed_at["engagement"] < len(engagements):
                raise DraftError(where, f"trip {index} has no engagement {signed_at['engagement']}")
            engagements[signed_at["engagement"]].signed_agreements.add(ctx.agreements[number])
    ctx.count("trips")
    return trip


def _stops_in(ctx: ImportContext, trip: Trip, items: list, path: str) -> list[Stop]:
    stops = []
    for position, item in enumerate(items, 1):
        where = join(path, position - 1)
        place = item.get("place") or {}
        stop = keyed_row(Stop, item)
        stop.trip = trip
        stop.order = item.get("order") or position
        stop.city_ko = as_text(place.get("city"))
        stop.locality = as_text(place.get("locality"))
        stop.country = check_country(place.get("country"), join(where, "place.country"))
        stop.timezone = check_timezone(place.get("timezone"), join(where, "place.timezone"))
        rest = {k: v for k, v in place.items() if k not in STOP_PLACE_KEYS}
        stop.venue = (
            save_row(venue_from_place(place, join(where, "place")), join(where, "place"))
            if not place_is_empty(rest)
            else None
        )
        set_date(stop, "arrival_date", item.get("arrive"), join(where, "arrive"))
        set_date(stop, "departure_date", item.get("depart"), join(where, "depart"))
        stop.provenance = collect_meta(item)
        extra_in(
            stop, item.get("extra"), frozenset({"order", "city_ko"}), join(where, "extra"), ctx
        )
        stops.append(save_row(stop, where))
    return stops


def stop_place(stop: Stop) -> dict:
    place = place_out(stop.venue) or dict.fromkeys(("venue", "building", "room", "address"))
    place.update(
        country=stop.country.code or None,
        city=stop.city_ko or stop.city_en or None,
        locality=stop.locality or None,
        timezone=stop.timezone or None,
    )
    return place


def _segments_in(ctx: ImportContext, trip: Trip, items: list, path: str) -> None:
    for number, item in enumerate(items):
        where = join(path, number)
        segment = keyed_row(TravelSegment, item)
        segment.trip = trip
        segment.mode = as_text(item.get("mode")) or TravelSegment.Mode.OTHER
        segment.number = as_text(item.get("number"))
        segment.carrier = as_text(item.get("carrier"))
        for end, key, text_field, zone_field, time_key in (
            ("origin_place", "from", "origin", "departure_timezone", "departs"),
            ("destination_place", "to", "destination", "arrival_timezone", "arrives"),
        ):
            place = item.get(key) or {}
            venue = venue_from_place(place, join(where, key))
            tz = zone_or_none(venue.timezone)
            local = parse_local_datetime(item.get(time_key), join(where, time_key))
            if tz is None or local is None:
                raise DraftError(
                    join(where, time_key),
                    "travel needs its local time and the IANA zone of each end",
                )
            setattr(segment, end, save_row(venue, join(where, key)))
            setattr(segment, text_field, venue.airport or venue.city_ko or venue.name_ko or "?")
            setattr(segment, zone_field, venue.timezone)
            setattr(
                segment, "departs_at" if key == "from" else "arrives_at", local.replace(tzinfo=tz)
            )
        segment.provenance = collect_meta(item)
        save_row(segment, where)


def _match_stop(stops: list[Stop], place: dict) -> Stop | None:
    city = as_text(place.get("city"))
    country = as_text(place.get("country")).upper()
    if city:
        found = [s for s in stops if city in (s.city_ko, s.city_en)]
    elif country:
        found = [s for s in stops if s.country.code == country]
    else:
        return None
    return found[0] if len(found) == 1 else None


def _engagement_in(ctx, trip: Trip, stops: list[Stop], item: dict, where: str) -> Engagement:
    engagement = keyed_row(Engagement, item)
    engagement.trip = trip
    engagement.kind = as_text(item.get("kind")) or Engagement.Kind.OTHER
    title = as_text(item.get("title"))
    english = not is_hangul(title) and ctx.draft["source"].get("language") != "ko"
    engagement.title_ko, engagement.title_en = ("", title) if english else (title, "")
    if item.get("title_en"):
        engagement.title_en = item["title_en"]
    set_date(engagement, "date", item.get("date"), join(where, "date"))
    engagement.start_time = parse_time(item.get("start"), join(where, "start"))
    engagement.end_time = parse_time(item.get("end"), join(where, "end"))
    engagement.order = item.get("order") or 0
    place = item.get("place") or {}
    engagement.stop = _match_stop(stops, place) if place else None
    engagement.venue = None
    same_as_stop = engagement.stop and _same_place(place, stop_place(engagement.stop))
    if not place_is_empty(place) and not same_as_stop:
        engagement.venue = save_row(
            venue_from_place(place, join(where, "place")), join(where, "place")
        )
    engagement.status = as_text(item.get("status"))
    engagement.objectives = as_text(item.get("purpose"))
    engagement.forum = (
        ctx.event(item["event"], join(where, "event")) if item.get("event") is not None else None
    )
    engagement.provenance = collect_meta(item)
    extra_in(engagement, item.get("extra"), ENGAGEMENT_COVERED, join(where, "extra"), ctx)
    save_row(engagement, where)
    engagement.people.all().delete()
    order = 0
    for key, role, side in (
        ("counterparts", Role.COUNTERPART, EngagementPerson.Side.COUNTERPART),
        ("participants", Role.PARTICIPANT, EngagementPerson.Side.OURS),
    ):
        for number, ref in enumerate(item.get(key) or []):
            at = join(join(where, key), number)
            line = EngagementPerson(
                engagement=engagement, role=ref.get("role") or role, order=order
            )
            line = ctx.fill_role_line(line, ref, at)
            line.side = ref.get("side") or side
            save_row(line, at)
            order += 1
    return engagement


def _same_place(place: dict, stop_place: dict) -> bool:
    return all(
        (place.get(k) or None) == (stop_place.get(k) or None) for k in set(place) | set(stop_place)
    )
