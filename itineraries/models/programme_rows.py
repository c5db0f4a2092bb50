"""The trip page's engagements and the people in them, read as shown rows.

Two queries, whatever the size of the programme: the engagements with their venue,
host and forum, and every engagement's people with their organisations. A venue,
host, person or organisation named by many rows is one instance
(``planner.models.shown_rows``); a trip of 1,000 engagements built ~10,000 model
instances and 1,000 related managers through ``prefetch_related``.
"""

from __future__ import annotations

from collections.abc import Iterable

from itineraries.models.engagements import Engagement, EngagementPerson
from itineraries.models.trips import Stop, Trip
from planner.models import Organisation, Person, Venue
from planner.models.shown_rows import Columns, ShownQuery, cache_related

# What the trip page shows of the people, organisations and forums a row names: a name
# and a link.
FORUM_SHOWN = ("title_ko", "title_en", "status", "date", "date_precision", "date_written")
PERSON_SHOWN = ("name_ko", "name_latin", "position_ko", "position_en", "organisation")
ORGANISATION_SHOWN = ("name_ko", "name_en", "acronym")
# Bookkeeping a shown row never reads (an edit form reads its own row).
NOT_SHOWN = ("updated", "revision", "sequence")


_forum = Engagement._meta.get_field("forum").related_model  # forums is not imported

ENGAGEMENTS = ShownQuery(
    lambda trip_pk: Engagement.objects.filter(trip_id=trip_pk),
    Columns(Engagement, drop=NOT_SHOWN),
    Columns(Venue, "venue", drop=NOT_SHOWN, shared="venues"),
    Columns(Organisation, "host", keep=ORGANISATION_SHOWN, shared="organisations"),
    Columns(_forum, "forum", keep=FORUM_SHOWN, shared="forums"),
)
PEOPLE = ShownQuery(
    lambda trip_pk: EngagementPerson.objects.filter(engagement__trip_id=trip_pk),
    Columns(EngagementPerson, drop=NOT_SHOWN),
    Columns(Person, "person", keep=PERSON_SHOWN, shared="people"),
    Columns(Organisation, "person__organisation", keep=ORGANISATION_SHOWN, shared="organisations"),
    Columns(Organisation, "organisation", keep=ORGANISATION_SHOWN, shared="organisations"),
)


def programme_engagements(trip: Trip, stops: Iterable[Stop]) -> list[Engagement]:
    """The trip's engagements in their order, each with ``people_lines`` (its people,
    in their order) and its stop, venue, host and forum read without a query."""
    stop_by_pk = {stop.pk: stop for stop in stops}
    pools: dict = {}
    engagements, by_pk = [], {}
    for engagement, venue, host, forum in ENGAGEMENTS.rows(trip.pk, pools):
        cache_related(
            engagement,
            trip=trip,
            stop=stop_by_pk.get(engagement.stop_id),
            venue=venue,
            host=host,
            forum=forum,
        )
        engagement.people_lines = []
        engagements.append(engagement)
        by_pk[engagement.pk] = engagement
    for line, person, person_organisation, organisation in PEOPLE.rows(trip.pk, pools):
        engagement = by_pk[line.engagement_id]
        if person is not None:
            cache_related(person, organisation=person_organisation)
        cache_related(line, engagement=engagement, person=person, organisation=organisation)
        engagement.people_lines.append(line)
    return engagements
