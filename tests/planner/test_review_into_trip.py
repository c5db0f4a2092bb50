# ruff: noqa: E501 -- the document is prose: one sentence a line, as published
""" "Add to this trip": a document read from a trip page adds its stops and engagements to
that trip (preview, then create), never a new trip; a trip changed meanwhile stores nothing."""

import pytest
from django.urls import reverse

from itineraries.models import Trip
from planner.models import DraftReview
from tests import factories as f
from tests.planner.test_review import editor_client, submitted  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

PRESS = """행안부 차관, 태국 방문
2026.07.01
행정안전부는 ‘한-태국 행정협력단’을 7.8.(수)부터 7.10.(금)까지 태국에 파견한다.
협력단은 9일 태국 방콕에서 태국 내무부 차관이 참석한 가운데 한-태국 행정협력포럼을 개최할 계획이다.
"""


@pytest.fixture
def trip():
    trip = f.TripFactory(title_ko="차관 동남아 출장")
    f.StopFactory(trip=trip, order=1)
    return trip


def _start(client, trip):
    url = reverse("itineraries:trip_add_document", args=[trip.pk])
    page = client.get(url)
    assert "차관 동남아 출장" in page.content.decode()
    response = client.post(url, {"text": PRESS})
    assert response.status_code == 302
    return DraftReview.objects.get()


def test_add_to_trip_previews_then_adds_stops_and_engagements(editor_client, trip):  # noqa: F811
    review = _start(editor_client, trip)
    preview = editor_client.get(review.get_absolute_url()).content.decode()
    assert 'id="review-into-trip"' in preview and "한-태국 행정협력포럼" in preview
    trips_before = Trip.objects.count()
    response = editor_client.post(review.get_absolute_url(), submitted(review.draft))
    assert response.status_code == 302 and response["Location"] == trip.get_absolute_url()
    trip.refresh_from_db()
    assert Trip.objects.count() == trips_before
    assert trip.title_ko == "차관 동남아 출장"
    assert [(s.order, s.country) for s in trip.stops.order_by("order")] == [(1, "RS"), (2, "TH")]
    assert "한-태국 행정협력포럼" in [e.title_ko for e in trip.engagements.all()]


def test_add_to_trip_refuses_a_trip_changed_meanwhile(editor_client, trip):  # noqa: F811
    review = _start(editor_client, trip)
    Trip.objects.filter(pk=trip.pk).update(revision=trip.revision + 1)
    response = editor_client.post(review.get_absolute_url(), submitted(review.draft))
    assert response.status_code == 400
    assert "changed by someone else" in response.content.decode() or "수정" in (
        response.content.decode()
    )
    assert trip.stops.count() == 1 and trip.engagements.count() == 0
