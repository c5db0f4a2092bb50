"""The trips of a document written back as planner-draft/1 (the reading side: drafts)."""

from __future__ import annotations

from typing import Any

from itineraries.drafts import ENGAGEMENT_COVERED, TRIP_COVERED, stop_place
from itineraries.drafts_delegation import delegation_out
from itineraries.models import Engagement, EngagementPerson, Stop, TravelSegment, Trip
from planner.drafts.context import ExportContext
from planner.drafts.extra import extra_out
from planner.drafts.values import apply_meta, date_out, place_out, time_out
from planner.models import Role
from planner.timezones import zone_or_none


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
        "place": stop_place(stop),
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
        place = stop_place(engagement.stop)
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
