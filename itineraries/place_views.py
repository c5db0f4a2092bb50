"""As staff type a city or an airport code, say what place and zone it stands for.

The stop and travel-segment forms call this with htmx while typing (``HND`` →
"도쿄, 일본 · 도쿄 (UTC+9)") and fill the zone box out of band. Without script
nothing is lost: saving the form fills the same values.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django_countries.fields import Country

from planner import places
from planner.listing import HtmxHttpRequest
from planner.zone_fields import ZonePickerWidget


def resolve_place(text: str, country: str = "") -> dict | None:
    """What a typed place stands for: {city, country, zone}, or None when it decides nothing."""
    code_like = text.strip().isupper() or not country  # "Ulm" in Germany is a city
    found = places.airport_in_text(text) if code_like else None
    if found:
        return {
            "city": found.city_ko,
            "country": found.country,
            "zone": found.timezone,
            "code": found.code,
        }
    country = country or places.country_for_city(text) or ""
    zone_name = places.zone_for_place(country=country, city=text) if country and text else None
    if zone_name is None:
        return None
    return {"city": text.strip(), "country": country, "zone": zone_name, "code": ""}


@require_GET
@login_required
def place_lookup(request: HtmxHttpRequest) -> HttpResponse:
    field = request.GET.get("field", "")
    text = request.GET.get(field, "")[:100]
    country = next((v for k, v in request.GET.items() if k.endswith("country")), "")[:2]
    place = resolve_place(text, country)
    zone_box = ""
    zone_id, zone_name = request.GET.get("zone_id", ""), request.GET.get("zone_name", "")
    if place and zone_id and zone_name:
        widget = ZonePickerWidget()
        widget.country, widget.out_of_band = place["country"], True
        zone_box = widget.render(zone_name, place["zone"], {"id": zone_id, "class": "krds-input"})
    context = {
        "place": place,
        "country_name": Country(place["country"]).name if place else "",
        "zone_label": places.zone_label(place["zone"]) if place else "",
        "zone_box": zone_box,
        "typed": text,
    }
    return render(request, "itineraries/_place_hint.html", context)
