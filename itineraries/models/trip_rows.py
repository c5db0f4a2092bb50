"""The trip page's read of one trip: the trip and what it holds, as shown rows.

The page, its print view and the regions an edit answers with read the trip here
(``planner.models.shown_rows``): one compiled query per relation, a person or
organisation named in several places one instance. The relations are cached on the
trip as ``prefetch_related`` would cache them, so ``trip.members.all()`` and the
templates read them without a query. The programme's engagements are read by
``programme_rows.programme_engagements``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db import models

from itineraries.models.delegation import DelegationGroup, DelegationMember
from itineraries.models.stays import Stay
from itineraries.models.trips import Stop, TravelSegment, Trip
from planner.models import Agreement, Contact, Organisation, Person, SourceDocument, Venue
from planner.models.shown_rows import Columns, ShownQuery, cache_related

SUMMARY = ShownQuery(
    lambda pk: Trip.objects.filter(pk=pk),
    Columns(Trip),
    Columns(Organisation, "organisation", shared="organisations"),
    Columns(Person, "head", shared="people"),
    Columns(Organisation, "head__organisation", shared="organisations"),
    Columns(SourceDocument, "document"),
)
STOPS = ShownQuery(
    lambda pk: Stop.objects.filter(trip_id=pk).order_by("order", "pk"), Columns(Stop)
)
SEGMENTS = ShownQuery(lambda pk: TravelSegment.objects.filter(trip_id=pk), Columns(TravelSegment))
GROUPS = ShownQuery(
    lambda pk: DelegationGroup.objects.filter(trip_id=pk), Columns(DelegationGroup, shared="groups")
)
GROUP_STOPS = ShownQuery(
    lambda pk: DelegationGroup.stops.through.objects.filter(delegationgroup__trip_id=pk),
    Columns(DelegationGroup.stops.through),
)
MEMBERS = ShownQuery(
    lambda pk: DelegationMember.objects.filter(trip_id=pk),
    Columns(DelegationMember),
    Columns(Person, "person", shared="people"),
    Columns(Organisation, "person__organisation", shared="organisations"),
    Columns(Organisation, "organisation", shared="organisations"),
    Columns(DelegationGroup, "group", shared="groups"),
)
STAYS = ShownQuery(
    lambda pk: Stay.objects.filter(trip_id=pk),
    Columns(Stay),
    Columns(Venue, "venue", shared="venues"),
)
STAY_MEMBERS = ShownQuery(
    lambda pk: Stay.members.through.objects.filter(stay__trip_id=pk),
    Columns(Stay.members.through),
)
AGREEMENTS = ShownQuery(
    lambda pk: Agreement.objects.filter(trips=pk).order_by("-signed_on", "pk"), Columns(Agreement)
)
CONTACTS = ShownQuery(
    lambda pk: Contact.objects.filter(trip=pk).order_by("-responsibility", "pk"),
    Columns(Contact),
    Columns(Organisation, "department", shared="organisations"),
    Columns(Person, "person", shared="people"),
)


def read_trip_page(pk: int) -> Trip | None:
    """The trip with everything its page shows, or None when there is no such trip."""
    pools: dict = {}
    found = list(SUMMARY.rows(pk, pools))
    if not found:
        return None
    trip, organisation, head, head_organisation, document = found[0]
    if head is not None:
        cache_related(head, organisation=head_organisation)
    cache_related(trip, organisation=organisation, head=head, document=document)
    read_trip_relations(trip, None, pools)
    return trip


def read_trip_relations(
    trip: Trip, regions: Iterable[str] | None, pools: dict | None = None
) -> None:
    """Cache on ``trip`` what the page shows (``regions`` None) or what those regions
    show: the programme's stops and travel always, the delegation in its own region;
    stays, agreements and contacts are in none."""
    pools = {} if pools is None else pools
    stops = _children(trip, STOPS, pools)
    _prefetched(trip, "stops", stops)
    _prefetched(trip, "segments", _children(trip, SEGMENTS, pools))
    if regions is None or "delegation" in regions:
        members = _delegation(trip, stops, pools)
    if regions is None:
        _sources(trip, members, pools)


def _delegation(trip: Trip, stops: list[Stop], pools: dict) -> list[DelegationMember]:
    groups = _children(trip, GROUPS, pools)
    if groups:
        joins = _lines(GROUP_STOPS.rows(trip.pk), "delegationgroup_id", "stop_id", stops)
        for group in groups:
            _prefetched(group, "stops", joins.get(group.pk, []))
    _prefetched(trip, "delegation_groups", groups)
    members = []
    for member, person, person_organisation, organisation, group in MEMBERS.rows(trip.pk, pools):
        if person is not None:
            cache_related(person, organisation=person_organisation)
        cache_related(member, trip=trip, person=person, organisation=organisation, group=group)
        members.append(member)
    _prefetched(trip, "members", members)
    return members


def _sources(trip: Trip, members: list[DelegationMember], pools: dict) -> None:
    pk = trip.pk
    stays = []
    for stay, venue in STAYS.rows(pk, pools):
        cache_related(stay, trip=trip, venue=venue)
        stays.append(stay)
    if stays:
        joins = _lines(STAY_MEMBERS.rows(pk), "stay_id", "delegationmember_id", members)
        for stay in stays:
            _prefetched(stay, "members", joins.get(stay.pk, []))
    _prefetched(trip, "stays", stays)
    _prefetched(trip, "agreements", [agreement for (agreement,) in AGREEMENTS.rows(pk, pools)])
    contacts = []
    for contact, department, person in CONTACTS.rows(pk, pools):
        cache_related(contact, department=department, person=person)
        contacts.append(contact)
    _prefetched(trip, "contacts", contacts)


def _children(trip: Trip, query: ShownQuery, pools: dict) -> list:
    children = []
    for (child,) in query.rows(trip.pk, pools):
        cache_related(child, trip=trip)
        children.append(child)
    return children


def _lines(rows, owner: str, target: str, targets: list) -> dict[int, list]:
    """Many-to-many lines as owner pk → the target instances already read, in their order
    (the targets' own ordering, as ``prefetch_related`` gives them)."""
    position = {instance.pk: index for index, instance in enumerate(targets)}
    joined = defaultdict(list)
    for (line,) in rows:
        if getattr(line, target) in position:
            joined[getattr(line, owner)].append(position[getattr(line, target)])
    return {key: [targets[index] for index in sorted(found)] for key, found in joined.items()}


def _prefetched(instance: models.Model, name: str, rows: list) -> None:
    """``instance.<name>.all()`` answers ``rows`` without a query, the way
    ``prefetch_related`` leaves it (Django's ``prefetch_one_level`` does the same)."""
    queryset = getattr(instance, name).get_queryset()
    queryset._result_cache, queryset._prefetch_done = rows, True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset
