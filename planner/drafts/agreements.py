"""The agreements of a draft: parties, dates, validity, areas and follow-ups."""

from __future__ import annotations

from typing import Any

from planner.drafts.context import ExportContext, ImportContext, save_row
from planner.drafts.errors import DraftError, join
from planner.drafts.extra import extra_in, extra_out
from planner.drafts.values import (
    apply_meta,
    as_text,
    check_country,
    collect_meta,
    date_out,
    is_hangul,
    keyed_row,
    parse_date,
    place_is_empty,
    place_out,
    set_date,
    venue_from_place,
)
from planner.models import Agreement, CooperationArea, FollowUp

COVERED = frozenset(
    {
        "title_ko", "kind", "status", "party_countries", "signed_on",
        "signed_on_precision", "signed_on_written", "signed_on_weekday", "signed_venue",
        "in_force_from", "in_force_from_precision", "in_force_from_written",
        "in_force_from_weekday", "validity_years", "validity_written", "renews",
        "negotiations_began", "negotiations_began_precision", "negotiations_began_written",
        "negotiations_began_weekday",
    }
)  # fmt: skip
DATE_FIELDS = ("signed_on", "in_force_from", "negotiations_began")


def agreements_in(ctx: ImportContext, entries: list[dict]) -> None:
    for index, entry in enumerate(entries):
        where = f"$.agreements[{index}]"
        row = keyed_row(Agreement, entry)
        title = as_text(entry.get("title"))
        english = not is_hangul(title) and ctx.draft["source"].get("language") != "ko"
        row.title_ko, row.title_en = ("", title) if english else (title, row.title_en)
        row.kind = as_text(entry.get("kind"))
        row.status = as_text(entry.get("status"))
        for name in DATE_FIELDS:
            set_date(row, name, entry.get(name), join(where, name))
        validity = entry.get("validity") or {}
        row.validity_years = validity.get("years")
        row.validity_written = as_text(validity.get("as_written"))
        place = entry.get("signed_place")
        if not place_is_empty(place):
            row.signed_venue = save_row(
                venue_from_place(place, join(where, "signed_place")), join(where, "signed_place")
            )
        parties, countries = [], []
        for number, party in enumerate(entry.get("parties") or []):
            at = join(join(where, "parties"), number)
            if isinstance(party, dict):
                countries.append(check_country(party.get("country"), join(at, "country")))
            else:
                parties.append(ctx.organisation(party, at))
        row.party_countries = countries
        row.document = ctx.document
        row.provenance = collect_meta(entry)
        extra_in(row, entry.get("extra"), COVERED, join(where, "extra"), ctx)
        save_row(row, where)
        row.parties.set(parties)
        _areas_in(row, entry.get("areas") or [], join(where, "areas"))
        _follow_ups_in(ctx, row, entry.get("follow_ups") or [], join(where, "follow_ups"))
        ctx.agreements.append(row)
        ctx.count("agreements")
    for index, entry in enumerate(entries):
        if entry.get("renews") is not None:
            row = ctx.agreements[index]
            row.renews = ctx.agreement(entry["renews"], f"$.agreements[{index}].renews")
            row.save(update_fields=["renews"])


def _areas_in(agreement: Agreement, areas: list, path: str) -> None:
    agreement.areas.all().delete()
    for order, area in enumerate(areas, 1):
        if isinstance(area, dict):
            row = CooperationArea(
                name_ko=as_text(area.get("name_ko") or area.get("name")),
                name_en=as_text(area.get("name_en")),
                ref=area.get("key") or None,
            )
        else:
            row = CooperationArea(name_ko=as_text(area))
        row.agreement, row.order = agreement, order
        save_row(row, join(path, order - 1))


def _follow_ups_in(ctx: ImportContext, agreement: Agreement, items: list, path: str) -> None:
    agreement.follow_ups.all().delete()
    for number, item in enumerate(items):
        where = join(path, number)
        item = item if isinstance(item, dict) else {"title": item}
        row = FollowUp(agreement=agreement, title=as_text(item.get("title")), ref=item.get("key"))
        if not row.title:
            raise DraftError(where, "a follow-up needs a title")
        if item.get("partner"):
            row.partner = ctx.organisation(item["partner"], join(where, "partner"))
        set_date(row, "due_by", item.get("due"), join(where, "due"), written="due_text")
        row.kind = as_text(item.get("kind"))
        if item.get("status"):
            row.status = item["status"]
        row.provenance = collect_meta(item)
        save_row(row, where)


def agreements_out(ctx: ExportContext) -> list[dict]:
    out = []
    rows = (
        Agreement.objects.filter(document=ctx.document)
        .select_related("signed_venue")
        .prefetch_related("parties", "areas", "follow_ups__partner")
        .order_by("pk")
    )
    for index, row in enumerate(rows):
        ctx.agreement_index[row.pk] = index
    for row in rows:
        entry: dict[str, Any] = {
            "title": row.title_ko or row.title_en,
            "kind": row.kind or None,
            "parties": [ctx.organisation_ref(party) for party in row.parties.all()]
            + [{"country": code} for code in row.party_countries],
            "status": row.status or None,
            "signed_on": date_out(row, "signed_on"),
            "signed_at": None,
            "in_force_from": date_out(row, "in_force_from"),
            "validity": (
                {"years": row.validity_years, "as_written": row.validity_written or None}
                if row.validity_years is not None or row.validity_written
                else None
            ),
            "renews": ctx.agreement_index.get(row.renews_id),
            "areas": [_area_out(area) for area in row.areas.all()],
            "follow_ups": [_follow_up_out(ctx, item) for item in row.follow_ups.all()],
        }
        if row.negotiations_began or row.negotiations_began_written:
            entry["negotiations_began"] = date_out(row, "negotiations_began")
        if row.signed_venue:
            entry["signed_place"] = place_out(row.signed_venue)
        if row.ref:
            entry["key"] = row.ref
        extra = extra_out(row, COVERED, ctx, said={"title_en": entry["title"]})
        if extra:
            entry["extra"] = extra
        out.append(apply_meta(entry, row.provenance))
    return out


def _area_out(area: CooperationArea) -> Any:
    if area.name_en or area.ref:
        return {k: v for k, v in (("name_ko", area.name_ko), ("name_en", area.name_en),
                                  ("key", area.ref)) if v}  # fmt: skip
    return area.name_ko


def _follow_up_out(ctx: ExportContext, item: FollowUp) -> Any:
    due = date_out(item, "due_by", written="due_text")
    plain = not (item.partner_id or due or item.kind or item.ref or item.provenance)
    if plain and item.status == FollowUp.Status.PLANNED:
        return item.title
    entry = {
        "title": item.title,
        "partner": ctx.organisation_ref(item.partner) if item.partner else None,
        "due": due,
        "kind": item.kind or None,
        "status": item.status,
        "key": item.ref,
    }
    return apply_meta({k: v for k, v in entry.items() if v is not None}, item.provenance)


__all__ = ["agreements_in", "agreements_out", "parse_date"]
