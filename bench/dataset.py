"""A realistic, deterministic data set for the benchmark, written with bulk_create.

``build(shape)`` adds trips (with stops, travel, delegation and engagements with
their people) and forums (with organisers, agenda sessions with people and
sub-items, attendees) to whatever is in the database. Two shapes are used: a
small one first, then a large one added on top; each build also returns a
*probe* trip and forum of typical size for that shape, which is what the pages
are measured on. bulk_create skips ``save()``, so no change history is written
for these rows (as for any bulk import).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction

from forums.models import Attendee, Forum, ForumOrganiser, Session, SessionItem, SessionPerson
from itineraries.models import (
    DelegationMember,
    Engagement,
    EngagementPerson,
    Stop,
    TravelSegment,
    Trip,
)
from planner.models import Organisation, Person, Role, Venue

CITIES = [
    # (Korean, English, ISO country, IANA zone)
    ("제네바", "Geneva", "CH", "Europe/Zurich"),
    ("베오그라드", "Belgrade", "RS", "Europe/Belgrade"),
    ("카이로", "Cairo", "EG", "Africa/Cairo"),
    ("런던", "London", "GB", "Europe/London"),
    ("파리", "Paris", "FR", "Europe/Paris"),
    ("나이로비", "Nairobi", "KE", "Africa/Nairobi"),
    ("하노이", "Hanoi", "VN", "Asia/Ho_Chi_Minh"),
    ("자카르타", "Jakarta", "ID", "Asia/Jakarta"),
    ("워싱턴", "Washington", "US", "America/New_York"),
    ("리마", "Lima", "PE", "America/Lima"),
    ("타슈켄트", "Tashkent", "UZ", "Asia/Tashkent"),
    ("울란바토르", "Ulaanbaatar", "MN", "Asia/Ulaanbaatar"),
]
FAMILY = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = ("민준", "서연", "도윤", "하은", "지호", "수아", "예준", "지유", "시우")  # given names


@dataclass(frozen=True)
class Shape:
    label: str
    trips: int
    engagements_per_trip: int
    forums: int
    sessions_per_forum: int
    attendees_per_forum: int
    followed: int  # trips and forums the benchmark user follows (personal feed)

    @property
    def engagements(self) -> int:
        return self.trips * self.engagements_per_trip

    @property
    def sessions(self) -> int:
        return self.forums * self.sessions_per_forum

    @property
    def attendees(self) -> int:
        return self.forums * self.attendees_per_forum


SMALL = Shape(
    "small",
    trips=10,
    engagements_per_trip=5,
    forums=4,
    sessions_per_forum=5,
    attendees_per_forum=20,
    followed=3,
)
# 290 + 10 = 300 trips, 9,860 + 50 ≈ 10,000 engagements, 96 + 4 = 100 forums,
# 2,976 + 20 ≈ 3,000 sessions, 49,920 + 80 ≈ 50,000 attendees.
LARGE = Shape(
    "large",
    trips=290,
    engagements_per_trip=34,
    forums=96,
    sessions_per_forum=31,
    attendees_per_forum=520,
    followed=20,
)


@dataclass
class Built:
    shape: Shape
    probe_trip: Trip
    probe_forum: Forum


class Builder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.serial = Organisation.objects.count()

    def name(self) -> str:
        return self.rng.choice(FAMILY) + self.rng.choice(GIVEN)

    def next(self) -> int:
        self.serial += 1
        return self.serial

    def directory(self) -> tuple[list[Organisation], list[Person], list[Venue]]:
        organisations = Organisation.objects.bulk_create(
            Organisation(
                name_ko=f"벤치기관 {n}",
                name_en=f"Bench agency {n}",
                acronym=f"BA{n}",
                kind=Organisation.Kind.AGENCY,
                country=self.rng.choice(CITIES)[2],
            )
            for n in (self.next() for _ in range(40))
        )
        people = Person.objects.bulk_create(
            Person(
                name_ko=self.name(),
                name_latin=f"Bench Person {i}",
                position_ko="과장",
                position_en="Director",
                organisation=self.rng.choice(organisations),
                email=f"person{self.next()}@bench.example",
            )
            for i in range(120)
        )
        venues = Venue.objects.bulk_create(
            Venue(
                name_ko=f"{ko} 회의장 {self.next()}",
                name_en=f"{en} conference hall",
                city_ko=ko,
                city_en=en,
                country=country,
                timezone=tz,
                address=f"1 Main Street, {en}",
            )
            for ko, en, country, tz in CITIES
        )
        return organisations, people, venues


def _trips(b: Builder, shape: Shape, orgs, people, venues) -> list[Trip]:
    ministry = orgs[0]
    start = date(2026, 1, 5)
    trips = Trip.objects.bulk_create(
        Trip(
            title_ko=f"벤치 출장 {b.next()}",
            title_en=f"Bench trip {i}",
            purpose="협력 방안 논의",
            organisation=ministry,
            head=b.rng.choice(people),
            start_date=start + timedelta(days=i % 700),
            end_date=start + timedelta(days=i % 700 + 6),
            status=Trip.Status.PLANNED,
        )
        for i in range(shape.trips)
    )
    stops, segments, members = [], [], []
    for trip in trips:
        cities = b.rng.sample(CITIES, 3)
        for order, (ko, en, country, tz) in enumerate(cities, start=1):
            day = trip.start_date + timedelta(days=2 * (order - 1))
            stops.append(
                Stop(
                    trip=trip,
                    order=order,
                    city_ko=ko,
                    city_en=en,
                    country=country,
                    timezone=tz,
                    arrival_date=day,
                    departure_date=day + timedelta(days=2),
                )
            )
        for leg in range(2):
            departs = datetime.combine(
                trip.start_date + timedelta(days=2 * leg + 1), datetime.min.time(), UTC
            )
            segments.append(
                TravelSegment(
                    trip=trip,
                    carrier="KE",
                    number=f"9{leg}{trip.pk % 10}",
                    origin=cities[leg][1],
                    destination=cities[leg + 1][1],
                    departs_at=departs + timedelta(hours=8),
                    departure_timezone=cities[leg][3],
                    arrives_at=departs + timedelta(hours=11),
                    arrival_timezone=cities[leg + 1][3],
                )
            )
        members.extend(
            DelegationMember(trip=trip, person=person, organisation=person.organisation, order=n)
            for n, person in enumerate(b.rng.sample(people, 6))
        )
    Stop.objects.bulk_create(stops)
    TravelSegment.objects.bulk_create(segments)
    DelegationMember.objects.bulk_create(members)
    _engagements(b, shape, trips, stops, orgs, people, venues)
    return trips


def _engagements(b: Builder, shape: Shape, trips, stops, orgs, people, venues) -> None:
    by_trip: dict[int, list[Stop]] = {}
    for stop in stops:
        by_trip.setdefault(stop.trip_id, []).append(stop)
    venue_by_zone = {v.timezone: v for v in venues}
    engagements = []
    for trip in trips:
        for n in range(shape.engagements_per_trip):
            stop = by_trip[trip.pk][n % 3]
            day = stop.arrival_date + timedelta(days=n % 2)
            timed = n % 4 != 3  # every fourth meeting: time still to be confirmed
            starts = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=6 + n % 8)
            engagements.append(
                Engagement(
                    trip=trip,
                    stop=stop,
                    kind=Engagement.Kind.MEETING,
                    title_ko=f"면담 {n + 1}",
                    title_en=f"Meeting {n + 1}",
                    date=day,
                    starts_at=starts if timed else None,
                    ends_at=starts + timedelta(minutes=50) if timed else None,
                    status=Engagement.Status.CONFIRMED,
                    venue=venue_by_zone[stop.timezone],
                    host=b.rng.choice(orgs),
                    objectives="AI·디지털 정부 협력 강화 방안 논의.",
                    notes="" if timed else "시간 미정.",
                    order=n,
                )
            )
    engagements = Engagement.objects.bulk_create(engagements, batch_size=2000)
    lines = []
    for engagement in engagements:
        counterpart, ours = b.rng.sample(people, 2)
        lines.append(
            EngagementPerson(
                engagement=engagement,
                side=EngagementPerson.Side.COUNTERPART,
                role=Role.COUNTERPART,
                person=counterpart,
                organisation=counterpart.organisation,
            )
        )
        lines.append(
            EngagementPerson(
                engagement=engagement,
                side=EngagementPerson.Side.OURS,
                role=Role.HEAD,
                person=ours,
                printed_as=f"{ours.name_ko} 차관",
            )
        )
    EngagementPerson.objects.bulk_create(lines, batch_size=2000)


def _forums(b: Builder, shape: Shape, orgs, people, venues) -> list[Forum]:
    seoul = Venue.objects.filter(timezone="Asia/Seoul").first() or venues[0]
    forums = []
    for i in range(shape.forums):
        day = date(2025, 1, 6) + timedelta(days=7 * i)
        starts = datetime(day.year, day.month, day.day, 6, 0, tzinfo=UTC)
        forums.append(
            Forum(
                title_ko=f"벤치 포럼 {b.next()}",
                title_en=f"Bench forum {i}",
                date=day,
                starts_at=starts,
                ends_at=starts + timedelta(hours=6),
                agenda_starts_at=starts,
                venue=seoul,
                timezone=seoul.timezone,
                capacity=shape.attendees_per_forum + 50,
                registration_open=True,
                status=Forum.Status.ANNOUNCED,
            )
        )
    forums = Forum.objects.bulk_create(forums)
    ForumOrganiser.objects.bulk_create(
        ForumOrganiser(forum=forum, organisation=orgs[k], role=role)
        for forum in forums
        for k, role in ((0, ForumOrganiser.Role.HOST), (1, ForumOrganiser.Role.CO_HOST))
    )
    sessions = []
    for forum in forums:
        at = forum.agenda_starts_at
        for order in range(1, shape.sessions_per_forum + 1):
            minutes = (5, 10, 15, 30)[order % 4]
            sessions.append(
                Session(
                    forum=forum,
                    order=order,
                    kind=Session.Kind.PRESENTATION,
                    title_ko=f"발제 {order}",
                    title_en=f"Presentation {order}",
                    minutes=minutes,
                    starts_at=at,
                    notes="사회자" if order % 5 == 0 else "",
                )
            )
            at += timedelta(minutes=minutes)
    sessions = Session.objects.bulk_create(sessions, batch_size=2000)
    SessionPerson.objects.bulk_create(
        (
            SessionPerson(session=s, role=role, person=b.rng.choice(people))
            for s in sessions
            for role in (Role.PRESENTER, Role.PANELIST)
        ),
        batch_size=2000,
    )
    SessionItem.objects.bulk_create(
        (
            SessionItem(
                session=s,
                order=k,
                marker="①②"[k - 1],
                title_ko=f"사례 {k}",
                person=b.rng.choice(people),
            )
            for s in sessions
            if s.order % 3 == 0
            for k in (1, 2)
        ),
        batch_size=2000,
    )
    categories = [c for c, _ in Attendee.Category.choices]
    statuses = [Attendee.Status.REGISTERED, Attendee.Status.CONFIRMED, Attendee.Status.ATTENDED]
    Attendee.objects.bulk_create(
        (
            Attendee(
                forum=forum,
                name=b.name(),
                organisation_name=f"벤치기관 {n % 40}",
                position="주무관",
                email=f"a{forum.pk}-{n}@bench.example",
                phone="010-0000-0000",
                category=categories[n % len(categories)],
                status=statuses[n % 3],
                consent_at=forum.starts_at,
                source=Attendee.Source.PUBLIC_FORM,
            )
            for forum in forums
            for n in range(shape.attendees_per_forum)
        ),
        batch_size=2000,
    )
    return forums


@transaction.atomic
def build(shape: Shape, *, seed: int = 7) -> Built:
    builder = Builder(seed)
    orgs, people, venues = builder.directory()
    trips = _trips(builder, shape, orgs, people, venues)
    forums = _forums(builder, shape, orgs, people, venues)
    user = bench_user()
    user.followed_trips.add(*trips[: shape.followed])
    user.followed_forums.add(*forums[: shape.followed])
    return Built(
        shape=shape, probe_trip=trips[len(trips) // 2], probe_forum=forums[len(forums) // 2]
    )


@transaction.atomic
def sized_trip(engagements: int, *, seed: int = 11) -> Trip:
    """One trip with ``engagements`` engagements (and the usual stops, travel, delegation)."""
    builder = Builder(seed)
    orgs, people, venues = builder.directory()
    shape = Shape(f"trip-{engagements}", 1, engagements, 0, 0, 0, 0)
    (trip,) = _trips(builder, shape, orgs, people, venues)
    return trip


def bench_user():
    user, created = get_user_model().objects.get_or_create(
        username="bench",
        defaults={"is_staff": True, "is_superuser": True, "email": "bench@example.org"},
    )
    if created:
        user.set_unusable_password()
        user.save()
    return user
