"""Typing a city or an airport code says what it stands for and fills the zone (htmx)."""

import pytest
from django.urls import reverse

from itineraries.forms import TravelSegmentForm
from tests import factories as f
from tests.itineraries.conftest import htmx

pytestmark = pytest.mark.django_db


def lookup(client, **params):
    return client.get(reverse("itineraries:place_lookup"), params, headers=htmx("id_origin-place"))


def test_airport_code_names_the_place_and_fills_the_zone_out_of_band(client, editor):
    client.force_login(editor)
    params = {"field": "origin", "origin": "HND", "zone_id": "id_dz", "zone_name": "dz"}

    content = lookup(client, **params).content.decode()

    assert "<html" not in content
    assert "HND · 도쿄, 일본 · 도쿄 (UTC+9)" in content
    assert '<span class="zone-box" id="id_dz-box" hx-swap-oob="true">' in content
    assert 'value="도쿄 (UTC+9)"' in content


def test_city_and_country_of_a_stop_give_the_zone(client, editor):
    client.force_login(editor)
    params = {"field": "city_ko", "city_ko": "마카사르", "country": "ID", "zone_id": "z"}
    params["zone_name"] = "timezone"

    content = lookup(client, **params).content.decode()

    assert "마카사르, 인도네시아 · 마카사르 (UTC+8)" in content


def test_an_unknown_place_says_so_and_fills_nothing(client, editor):
    client.force_login(editor)
    params = {"field": "origin", "origin": "어딘가", "zone_id": "z", "zone_name": "dz"}

    content = lookup(client, **params).content.decode()

    assert "hx-swap-oob" not in content
    assert content.strip() != ""


def test_lookup_needs_a_login(client):
    response = lookup(client, field="origin", origin="HND")

    assert response.status_code == 302


def test_segment_form_wires_the_lookup_to_its_zone_box():
    form = TravelSegmentForm(trip=f.TripFactory())

    html = str(form["origin"])

    assert f'hx-get="{reverse("itineraries:place_lookup")}"' in html
    assert "&quot;zone_id&quot;: &quot;id_departure_timezone&quot;" in html
    assert '<span class="place-hint" id="id_origin-place" aria-live="polite"></span>' in html
