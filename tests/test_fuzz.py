"""Defect 8 of issue #15: malformed input gets a message, never a server error.

Every URL pattern (the admin aside) is requested with the real ids of one small data
set, anonymously and as a superuser, with malformed query strings, and every form
field a page offers is posted malformed values. The test collects every 5xx and
asserts there are none; ``test_faults_inputs.py`` names the cases the issue found.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests import factories as f
from tests.forums.attendee_support import AttendeeFactory

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    {"month": "9999-12", "start": "9999-12-31", "date": "2026-02-30", "version": "9" * 5000},
    {"month": "0001-01", "start": "0001-01-01", "date": "0001-01-01", "version": "-1"},
    {"month": "1-1", "start": "x", "date": "9999-12-31", "version": "abc", "lang": "\x00"},
    {"page": "-1", "sort": "\x00", "per_page": "99999999999999999999", "q": "a" * 5000},
    {"status": "nonsense", "category": "\u202e", "compare": "1,2,x", "a": "9" * 400},
]
BAD_VALUES = [
    "",
    "0001-01-01",
    "9999-12-31",
    "2026-02-30",
    "0001-01-01 09:00",
    "9999-12-31T23:59",
    "2026-03-08 02:30",
    "9" * 5000,
    "-1",
    "\x00\x01\u202e",
    "x" * 400 + "@example.com",
    "a" * 300 + "@" + "b" * 300 + ".com",
]
# Delete-like endpoints run last, so that the other pages still find their rows.
LAST = ("delete", "remove", "erase", "revoke", "cancel", "regenerate", "logout")


def url_patterns(patterns=None, prefix=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            if str(pattern.pattern).startswith("admin/"):
                continue
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.name or ""


# The literal segment before a converter says which row it names.
SEGMENT_OBJECT = {
    "trips": "trip",
    "engagements": "engagement",
    "stops": "stop",
    "travel": "stop",
    "delegation": "member",
    "forums": "forum",
    "sessions": "session",
    "people": "person",
    "items": "item",
    "attendees": "attendee",
    "feeds": "feed",
    "agreements": "agreement",
    "organisations": "organisation",
    "documents": "document",
    "follow": "trip",
}


def concrete(route: str, ids: dict[str, object]) -> str:
    parts = []
    previous = ""
    for part in route.split("/"):
        match = re.fullmatch(r"<(\w+):(\w+)>(.*)", part)
        if not match:
            parts.append(part)
            previous = part
            continue
        converter, name, rest = match.groups()
        if converter == "slug" and name == "kind":
            value = "trip"
        elif converter == "slug" and name == "token":
            value = ids["token"]
        elif converter == "str":
            value = "x"
        elif name == "line_pk":
            value = ids["person_line" if previous == "people" else "engagement_person"]
        else:
            value = ids.get(SEGMENT_OBJECT.get(previous, ""), 1)
        parts.append(f"{value}{rest}")
        previous = part
    return "/" + "/".join(parts)


@pytest.fixture
def ids():
    engagement = f.EngagementFactory()
    trip = engagement.trip
    member = f.DelegationMemberFactory(trip=trip)
    line = f.EngagementPersonFactory(engagement=engagement)
    forum = f.ForumFactory(
        registration_open=True, registration_closes_at=f.open_until(), capacity=5
    )
    session = f.SessionFactory(forum=forum)
    person_line = f.SessionPersonFactory(session=session)
    item = f.SessionItemFactory(session=session)
    attendee = AttendeeFactory(forum=forum)
    agreement = f.AgreementFactory()
    document = f.SourceDocumentFactory()
    person = f.PersonFactory()
    return {
        "trip": trip.pk,
        "engagement": engagement.pk,
        "stop": engagement.stop_id,
        "member": member.pk,
        "engagement_person": line.pk,
        "forum": forum.pk,
        "session": session.pk,
        "person_line": person_line.pk,
        "item": item.pk,
        "attendee": attendee.pk,
        "agreement": agreement.pk,
        "document": document.pk,
        "person": person.pk,
        "organisation": person.organisation_id,
        "feed": 1,
        "token": "x" * 20,
    }


def routes(ids) -> list[str]:
    found = [(concrete(route, ids), name) for route, name in url_patterns()]
    found.sort(key=lambda pair: any(word in pair[1] for word in LAST))
    return [url for url, _name in found]


def field_names(html: str) -> set[str]:
    names = set(re.findall(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"', html))
    return names - {"csrfmiddlewaretoken"}


def server_errors(client: Client, url: str, names: set[str]) -> list[str]:
    errors = []
    for query in BAD_QUERIES:
        response = client.get(url, query)
        if response.status_code >= 500:
            errors.append(f"GET {url} {sorted(query)} -> {response.status_code}")
    for value in BAD_VALUES:
        cache.clear()  # the registration rate limit would hide later posts
        data = dict.fromkeys(names | {"token", "revision", "date", "email"}, value)
        response = client.post(url, data)
        if response.status_code >= 500:
            errors.append(f"POST {url} {value[:20]!r} -> {response.status_code}")
    return errors


def test_no_url_answers_malformed_input_with_a_server_error(ids, settings):
    settings.REGISTRATION_RATE_LIMIT = (10_000, 600)
    admin = get_user_model().objects.create_superuser("fuzz", password="!")
    staff = Client(raise_request_exception=False)
    staff.force_login(admin)
    anonymous = Client(raise_request_exception=False)
    errors = []

    for url in routes(ids):
        page = staff.get(url)
        if page.status_code >= 500:
            errors.append(f"GET {url} -> {page.status_code}")
        names = field_names(page.content.decode(errors="replace"))
        errors += server_errors(staff, url, names)
        for query in BAD_QUERIES[:2]:
            response = anonymous.get(url, query)
            if response.status_code >= 500:
                errors.append(f"anonymous GET {url} -> {response.status_code}")

    assert errors == []
