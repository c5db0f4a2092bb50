"""The trips of a planner-draft/1 in and out: stops, travel, engagements, delegation."""

from __future__ import annotations

from typing import Any

from django.db.models import Max

from itineraries.drafts_delegation import delegation_in, delegation_out
from itineraries.models import Engagement, EngagementPerson, Stop, TravelSegment, Trip
from planner.drafts.context import ExportContext, ImportContext, save_row
from planner.drafts.errors import DraftError, join
from planner.drafts.extra import extra_in, extra_out
from planner.drafts.values import (
    apply_meta,
    check_country,
    check_timezone,
    collect_meta,
    date_out,
    is_hangul,
    parse_local_datetime,
    parse_time,
    place_is_empty,
    place_out,
    set_date,
    time_out,
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


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _keyed(model, entry: dict):
    row = model.objects.filter(ref=entry["key"]).first() if entry.get("key") else None
    return row or model(ref=entry.get("key") or None)


def trips_in(ctx: ImportContext) -> None:
    for index, entry in enumerate(ctx.draft.get("trips") or []):
        ctx.trips[index] = _trip_in(ctx, entry, f"$.trips[{index}]", index)


def _trip_in(ctx: ImportContext, entry: dict, path: str, index: int) -> Trip:
    if index == 0 and ctx.into_trip is not None:
        return trip_add_from_draft(ctx, entry, path)
    trip = _keyed(Trip, entry)
    trip.title_ko = _text(entry.get("title_ko"))
    trip.title_en = _text(entry.get("title_en"))
    trip.subtitle = _text(entry.get("subtitle"))
    trip.purpose = _text(entry.get("purpose"))
    head = entry.get("head") or {}
    trip.head = (
        ctx.person(head["person"], join(path, "head.person")) if head.get("person") else None
    )
    trip.head_as_written = _text(head.get("as_written"))
    set_date(trip, "start_date", entry.get("start"), join(path, "start"))
    set_date(trip, "end_date", entry.get("end"), join(path, "end"))
    trip.duration_as_written = _text(entry.get("duration_as_written"))
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
        stop = _keyed(Stop, item)
        stop.trip = trip
        stop.order = item.get("order") or position
        stop.city_ko = _text(place.get("city"))
        stop.locality = _text(place.get("locality"))
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


def _stop_place(stop: Stop) -> dict:
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
        segment = _keyed(TravelSegment, item)
        segment.trip = trip
        segment.mode = _text(item.get("mode")) or TravelSegment.Mode.OTHER
        segment.number = _text(item.get("number"))
        segment.carrier = _text(item.get("carrier"))
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
    city = _text(place.get("city"))
    country = _text(place.get("country")).upper()
    if city:
        found = [s for s in stops if city in (s.city_ko, s.city_en)]
    elif country:
        found = [s for s in stops if s.country.code == country]
    else:
        return None
    return found[0] if len(found) == 1 else None


def _engagement_in(ctx, trip: Trip, stops: list[Stop], item: dict, where: str) -> Engagement:
    engagement = _keyed(Engagement, item)
    engagement.trip = trip
    engagement.kind = _text(item.get("kind")) or Engagement.Kind.OTHER
    title = _text(item.get("title"))
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
    same_as_stop = engagement.stop and _same_place(place, _stop_place(engagement.stop))
    if not place_is_empty(place) and not same_as_stop:
        engagement.venue = save_row(
            venue_from_place(place, join(where, "place")), join(where, "place")
        )
    engagement.status = _text(item.get("status"))
    engagement.objectives = _text(item.get("purpose"))
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


def trips_out(ctx: ExportContext) -> list[dict]:
    trips = (
        Trip.objects.filter(document=ctx.document)
        .select_related("head", "organisation")
        .prefetch_related("agreements", "stops__venue", "segments")
        .order_by("pk")
    )
    return [_trip_out(ctx, index, trip) for index, trip in enumerate(trips)]


def _trip_out(ctx: ExportContext, index: int, trip: Trip) -> dict:
    head: dict[str, Any] | None = None
    if trip.head_id or trip.head_as_written:
        head = {}
        if trip.head_id:
            head["person"] = ctx.person_ref(trip.head)
        if trip.head_as_written:
            head["as_written"] = trip.head_as_written
    stops = list(trip.stops.all())
    engagements = list(
        trip.engagements.select_related("stop", "venue", "forum")
        .prefetch_related("people__person", "people__organisation", "signed_agreements")
        .order_by("order", "pk")
    )
    entry: dict[str, Any] = {
        "title_ko": trip.title_ko or None,
        "title_en": trip.title_en or None,
        "subtitle": trip.subtitle or None,
        "purpose": trip.purpose or None,
        "head": head,
        "start": date_out(trip, "start_date"),
        "end": date_out(trip, "end_date"),
        "duration_as_written": trip.duration_as_written or None,
        "stops": [_stop_out(ctx, stop) for stop in stops],
        "segments": [_segment_out(segment) for segment in trip.segments.all()],
        "engagements": [_engagement_out(ctx, e) for e in engagements],
        "delegation": delegation_out(ctx, trip, stops),
        "agreements": [
            ctx.agreement_index[a.pk] for a in trip.agreements.all() if a.pk in ctx.agreement_index
        ],
    }
    for number, engagement in enumerate(engagements):
        for agreement in engagement.signed_agreements.all():
            if agreement.pk in ctx.agreement_index:
                signed = ctx.out["agreements"][ctx.agreement_index[agreement.pk]]
                signed["signed_at"] = {"trip": index, "engagement": number}
    if trip.ref:
        entry["key"] = trip.ref
    extra = extra_out(trip, TRIP_COVERED, ctx)
    if extra:
        entry["extra"] = extra
    return apply_meta(entry, trip.provenance)


def _stop_out(ctx: ExportContext, stop: Stop) -> dict:
    entry = {
        "order": stop.order,
        "place": _stop_place(stop),
        "arrive": date_out(stop, "arrival_date"),
        "depart": date_out(stop, "departure_date"),
    }
    if stop.ref:
        entry["key"] = stop.ref
    extra = extra_out(stop, frozenset({"order", "city_ko", "locality", "country", "timezone",
                                       "venue"}) | _DATE_COLUMNS, ctx)  # fmt: skip
    if extra:
        entry["extra"] = extra
    return apply_meta(entry, stop.provenance)


_DATE_COLUMNS = frozenset(
    f"{name}{suffix}"
    for name in ("arrival_date", "departure_date")
    for suffix in ("", "_precision", "_written", "_weekday")
)


def _segment_out(segment: TravelSegment) -> dict:
    def end(place, at, zone_name):
        local = at.astimezone(zone_or_none(zone_name)).replace(tzinfo=None)
        return place_out(place), local.isoformat(timespec="minutes")

    origin, departs = end(segment.origin_place, segment.departs_at, segment.departure_timezone)
    destination, arrives = end(
        segment.destination_place, segment.arrives_at, segment.arrival_timezone
    )
    entry = {
        "mode": segment.mode,
        "number": segment.number or None,
        "from": origin or {"city": segment.origin, "timezone": segment.departure_timezone},
        "to": destination or {"city": segment.destination, "timezone": segment.arrival_timezone},
        "departs": departs,
        "arrives": arrives,
    }
    if segment.carrier:
        entry["carrier"] = segment.carrier
    if segment.ref:
        entry["key"] = segment.ref
    return apply_meta(entry, segment.provenance)


def _engagement_out(ctx: ExportContext, engagement: Engagement) -> dict:
    place = place_out(engagement.venue) if engagement.venue else None
    if place is None and engagement.stop:
        place = _stop_place(engagement.stop)
    english_only = not engagement.title_ko
    entry: dict[str, Any] = {
        "kind": engagement.kind or None,
        "title": engagement.title_ko or engagement.title_en,
        "date": date_out(engagement, "date"),
        "start": time_out(engagement.start_time),
        "end": time_out(engagement.end_time),
        "order": engagement.order,
        "place": place,
        "status": engagement.status or None,
        "counterparts": [],
        "participants": [],
        "purpose": engagement.objectives or None,
        "event": ctx.event_index.get(engagement.forum_id),
    }
    if engagement.title_en and not english_only:
        entry["title_en"] = engagement.title_en
    for line in engagement.people.all():
        counterpart = line.role == Role.COUNTERPART or (
            line.role != Role.PARTICIPANT and line.side == EngagementPerson.Side.COUNTERPART
        )
        key, side = (
            ("counterparts", EngagementPerson.Side.COUNTERPART)
            if counterpart
            else ("participants", EngagementPerson.Side.OURS)
        )
        extra_side = line.side if line.side != side else None
        ref = ctx.personref(line, side=extra_side)
        if line.role not in (Role.COUNTERPART, Role.PARTICIPANT):
            ref["role"] = line.role
        entry[key].append(ref)
    if engagement.ref:
        entry["key"] = engagement.ref
    extra = extra_out(engagement, ENGAGEMENT_COVERED | {"title_en"}, ctx)
    if extra:
        entry["extra"] = extra
    return apply_meta(entry, engagement.provenance)
