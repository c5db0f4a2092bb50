"""An inline edit answers with the regions it changed (out of band), and rows stay light."""

from datetime import UTC, date, datetime, time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from lxml import html

from itineraries.models import EngagementPerson, TravelSegment
from planner.models import Role
from planner.timezones import local_instant
from tests import factories as f
from tests.itineraries.conftest import htmx
from tests.itineraries.test_edit_views import segment_data

pytestmark = pytest.mark.django_db

# Bytes of one programme row's HTML (issue #14): a row with a venue, a host, objectives
# and a counterpart, whose Korean text alone is ~400 bytes.
ROW_BUDGET = 1200
OBJECTIVES = "AI·디지털 정부 협력 강화 방안 논의."


def url(name: str, *args) -> str:
    return reverse(f"itineraries:{name}", args=args)


def busy_meeting(stop, n: int, *, objectives: str = OBJECTIVES, ours: bool = True):
    """A meeting as the benchmark has them: venue, host, objectives, two people lines."""
    day = date(2026, 7, 11)
    engagement = f.EngagementFactory(
        stop=stop,
        title_ko=f"행정안전부 디지털정부 협력 실무 면담 {n}",
        title_en=f"Working meeting on digital government cooperation {n}",
        date=day,
        starts_at=local_instant(day, time(9 + n % 8), stop.timezone),
        ends_at=local_instant(day, time(10 + n % 8), stop.timezone),
        venue=f.VenueFactory(timezone=stop.timezone, name_ko="세르비아 정부청사 대회의실"),
        host=f.OrganisationFactory(name_ko="세르비아 공공행정지방자치부"),
        objectives=objectives,
        notes="",
    )
    counterpart = f.PersonFactory(
        name_ko="슈네자나 파우노비치", name_latin="Snežana Paunović", position_ko="장관"
    )
    EngagementPerson.objects.create(
        engagement=engagement, person=counterpart, role=Role.COUNTERPART, side="counterpart"
    )
    if ours:
        EngagementPerson.objects.create(
            engagement=engagement, printed_as="김민재 차관", role=Role.HEAD, side="ours", order=2
        )
    return engagement


def edit_data(engagement, **changes) -> dict:
    data = {
        "stop": engagement.stop_id,
        "kind": engagement.kind,
        "status": engagement.status,
        "title_ko": engagement.title_ko,
        "date": engagement.date.isoformat(),
        "start_time": "15:00",
        "end_time": "16:00",
        "revision": engagement.revision,
    }
    return data | changes


def test_an_inline_edit_answers_with_the_changed_regions_and_the_edited_row(
    editor_client, belgrade_trip
):
    trip, _, belgrade = belgrade_trip
    engagement = busy_meeting(belgrade, 1)

    response = editor_client.post(
        url("engagement_edit", trip.pk, engagement.pk),
        edit_data(engagement, title_ko="장관 면담 (변경)"),
        headers=htmx(f"engagement-{engagement.pk}-editor"),
    )

    tree = html.fragment_fromstring(response.content.decode(), create_parent="div")
    swapped = {element.get("id") for element in tree.xpath("//*[@hx-swap-oob]")}
    assert {"trip-status", "programme", "conflicts", "counterparts"} <= swapped
    row = tree.get_element_by_id(f"engagement-{engagement.pk}")
    assert "장관 면담 (변경)" in row.text_content()
    assert "15:00~16:00" in row.text_content()
    # The delegation did not change: it is not sent again.
    assert "delegation" not in swapped


def test_the_edit_round_trip_stays_within_25_queries(editor_client, belgrade_trip):
    trip, geneva, belgrade = belgrade_trip
    engagements = [busy_meeting(belgrade if n % 2 else geneva, n) for n in range(6)]
    f.DelegationMemberFactory(trip=trip)
    target = engagements[1]

    with CaptureQueriesContext(connection) as queries:
        response = editor_client.post(
            url("engagement_edit", trip.pk, target.pk),
            edit_data(target, room="B실"),
            headers=htmx(f"engagement-{target.pk}-editor"),
        )

    assert response.status_code == 200
    assert 'id="programme"' in response.content.decode()
    # The answer carries the regions: the page requests nothing more after the POST.
    # Every statement counts, savepoints included.
    statements = [q["sql"] for q in queries.captured_queries]
    assert len(statements) <= 25, "\n".join(sql[:120] for sql in statements)
    target.refresh_from_db()
    assert target.room == "B실"


def test_a_travel_edit_round_trip_stays_within_25_queries(editor_client, belgrade_trip):
    trip, geneva, belgrade = belgrade_trip
    for n in range(6):
        busy_meeting(belgrade if n % 2 else geneva, n)
    f.DelegationMemberFactory(trip=trip)
    flight = TravelSegment.objects.create(
        trip=trip,
        carrier="JU",
        number="JU 231",
        from_stop=geneva,
        to_stop=belgrade,
        origin="제네바",
        destination="베오그라드",
        departs_at=datetime(2026, 7, 10, 8, 5, tzinfo=UTC),
        departure_timezone="Europe/Zurich",
        arrives_at=datetime(2026, 7, 10, 10, 0, tzinfo=UTC),
        arrival_timezone="Europe/Belgrade",
    )
    data = segment_data(geneva, belgrade, arrival_time="12:30", revision=flight.revision)

    with CaptureQueriesContext(connection) as queries:
        response = editor_client.post(
            url("segment_edit", trip.pk, flight.pk), data, headers=htmx("segments")
        )

    tree = html.fragment_fromstring(response.content.decode(), create_parent="div")
    swapped = {element.get("id") for element in tree.xpath("//*[@hx-swap-oob]")}
    assert {"conflicts", "programme", "segments"} <= swapped
    statements = [q["sql"] for q in queries.captured_queries]
    assert len(statements) <= 25, "\n".join(sql[:120] for sql in statements)
    flight.refresh_from_db()
    assert flight.arrives_at == datetime(2026, 7, 10, 10, 30, tzinfo=UTC)


def test_an_edit_without_javascript_still_redirects_to_the_row(editor_client, belgrade_trip):
    trip, _, belgrade = belgrade_trip
    engagement = busy_meeting(belgrade, 1)

    response = editor_client.post(
        url("engagement_edit", trip.pk, engagement.pk), edit_data(engagement, room="C실")
    )

    assert response.status_code == 302
    assert response["Location"] == f"{trip.get_absolute_url()}#engagement-{engagement.pk}"


@pytest.mark.parametrize("client_name", ["editor_client", "viewer_client"])
def test_a_programme_row_stays_under_its_byte_budget(request, client_name, belgrade_trip):
    """A typical row: time, title, status, venue, host, objectives, the counterpart met."""
    trip, _, belgrade = belgrade_trip
    engagement = busy_meeting(belgrade, 1, ours=False)
    client = request.getfixturevalue(client_name)

    content = client.get(trip.get_absolute_url()).content.decode()

    row = html.fromstring(content).get_element_by_id(f"engagement-{engagement.pk}")
    size = len(html.tostring(row, encoding="unicode").encode())
    assert size < ROW_BUDGET, f"{size} bytes"
    # One control: editors edit (the panel loads the rest), viewers open the menu.
    menu = url("engagement_menu", trip.pk, engagement.pk)
    edit = url("engagement_edit", trip.pk, engagement.pk)
    links = row.xpath(".//a[contains(@class, 'krds-btn')]/@href")
    assert links == ([edit] if client_name == "editor_client" else [menu])
    if client_name == "editor_client":
        panel = client.get(edit, headers=htmx(f"engagement-{engagement.pk}-editor")).text
        assert f'hx-get="{menu}?in=panel"' in panel
        actions = client.get(f"{menu}?in=panel", headers=htmx()).text
        assert url("engagement_delete", trip.pk, engagement.pk) in actions
        assert "<h3" not in actions  # the panel has its own title
    assert "슈네자나 파우노비치" in row.text_content()


def test_a_rows_menu_offers_its_rarely_used_actions(editor_client, viewer, belgrade_trip):
    trip, _, belgrade = belgrade_trip
    viewer_client = Client()
    viewer_client.force_login(viewer)
    engagement = busy_meeting(belgrade, 1)
    line = engagement.people.get(printed_as="")
    menu = url("engagement_menu", trip.pk, engagement.pk)

    inline = editor_client.get(menu, headers=htmx(f"engagement-{engagement.pk}-editor"))
    page = editor_client.get(menu)
    seen_by_viewer = viewer_client.get(menu).content.decode()

    content = inline.content.decode()
    assert "<html" not in content
    for name, args in [
        ("engagement_history", ()),
        ("engagement_cancel", ()),
        ("engagement_delete", ()),
        ("engagement_person_add", ()),
        ("engagement_person_remove", (line.pk,)),
    ]:
        assert f'hx-get="{url(name, trip.pk, engagement.pk, *args)}"' in content, name
    assert "<html" in page.content.decode()  # without JavaScript, a page of its own
    assert f'href="{url("engagement_delete", trip.pk, engagement.pk)}"' in page.content.decode()
    assert url("engagement_history", trip.pk, engagement.pk) in seen_by_viewer
    assert url("engagement_delete", trip.pk, engagement.pk) not in seen_by_viewer
