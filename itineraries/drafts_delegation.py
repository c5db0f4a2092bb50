"""Who travels, in a draft: members (a person, an agency) and named groups with a count."""

from __future__ import annotations

from typing import Any

from itineraries.models import DelegationGroup, DelegationMember, Stop, Trip
from planner.drafts.context import ExportContext, ImportContext, save_row
from planner.drafts.errors import DraftError, join
from planner.drafts.values import apply_meta, collect_meta, keyed_row


def delegation_in(
    ctx: ImportContext, trip: Trip, stops: list[Stop], items: list, path: str
) -> None:
    by_order = {stop.order: stop for stop in stops}
    for number, item in enumerate(items):
        where = join(path, number)
        group = None
        if item.get("group"):
            group = _group_in(trip, by_order, item, where)
        if not (item.get("person") or item.get("organisation")):
            if group is None:
                raise DraftError(where, "a delegation entry names a person, an agency or a group")
            continue
        member = keyed_row(DelegationMember, item)
        member.trip, member.group, member.order = trip, group, number
        member.person = (
            ctx.person(item["person"], join(where, "person")) if item.get("person") else None
        )
        member.organisation = (
            ctx.organisation(item["organisation"], join(where, "organisation"))
            if item.get("organisation")
            else None
        )
        member.role = item.get("role") or ""
        member.printed_as = item.get("as_written") or ""
        member.provenance = collect_meta(item)
        save_row(member, where)


def _group_in(trip: Trip, by_order: dict, item: dict, where: str) -> DelegationGroup:
    group = DelegationGroup.objects.filter(trip=trip, name=item["group"]).first()
    if group is None:
        group = DelegationGroup(trip=trip, name=item["group"], ref=item.get("group_key") or None)
    group.agency_count = item.get("count")
    if item.get("group_notes") is not None:
        group.notes = item["group_notes"]
    if not (item.get("person") or item.get("organisation")):
        group.provenance = collect_meta(item)
    save_row(group, where)
    stops = []
    for n, order in enumerate(item.get("stops") or []):
        if order not in by_order:
            raise DraftError(join(join(where, "stops"), n), f"no stop with order {order}")
        stops.append(by_order[order])
    if "stops" in item:
        group.stops.set(stops)
    return group


def delegation_out(ctx: ExportContext, trip: Trip, stops: list[Stop]) -> list[dict]:
    out: list[dict] = []
    listed_groups = set()
    members = trip.members.select_related("person", "organisation", "group").order_by("order", "pk")
    groups = {g.pk: g for g in trip.delegation_groups.prefetch_related("stops")}
    for member in members:
        entry: dict[str, Any] = {
            "organisation": ctx.organisation_ref(member.organisation)
            if member.organisation
            else None,
            "person": ctx.person_ref(member.person) if member.person else None,
            "role": member.role or None,
        }
        if member.printed_as:
            entry["as_written"] = member.printed_as
        if member.ref:
            entry["key"] = member.ref
        if member.group_id:
            entry.update(_group_out(groups[member.group_id]))
            listed_groups.add(member.group_id)
        out.append(apply_meta(entry, member.provenance))
    for pk, group in groups.items():
        if pk not in listed_groups:
            out.append(apply_meta(_group_out(group), group.provenance))
    return out


def _group_out(group: DelegationGroup) -> dict:
    entry: dict[str, Any] = {
        "group": group.name,
        "count": group.agency_count,
        "stops": sorted(stop.order for stop in group.stops.all()),
    }
    if group.ref:
        entry["group_key"] = group.ref
    if group.notes:
        entry["group_notes"] = group.notes
    return entry
