"""At 1366 px no table overflows its panel: every column visible without sideways scrolling."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from forums.models import Attendee, Forum
from itineraries.models import Trip

pytestmark = pytest.mark.browser

DATA = Path(__file__).resolve().parent.parent / "forums" / "data"

# Tables wider than the box that holds them (the table-wrap, else the panel).
OVERFLOWING = """() => [...document.querySelectorAll('main table')].flatMap(table => {
  const box = table.closest('.krds-table-wrap, .panel, section, main');
  const wide = box.scrollWidth > box.clientWidth + 1 || table.scrollWidth > box.clientWidth + 1;
  if (table.offsetParent === null || !wide) return [];
  const name = table.querySelector('caption')?.innerText || table.className;
  return [`${name} (${table.scrollWidth}px in ${box.clientWidth}px)`];
})"""


def overflowing(person, path: str, name: str) -> list[str]:
    person.open(path, name=name)
    return person.page.evaluate(OVERFLOWING)


def test_no_table_overflows_its_panel_at_1366px(staff, documents):
    staff.page.set_viewport_size({"width": 1366, "height": 900})
    forum = Forum.objects.get(ref="forum-2024-11-gifs6")
    for index in range(3):
        Attendee.objects.create(
            forum=forum,
            name=f"참가자{index}",
            organisation_name="행정안전부 디지털정부혁신실 디지털정부정책과",
            position="서기관",
            email=f"attendee{index}@korea.kr",
            phone="010-1234-5678",
        )
    trip = Trip.objects.order_by("pk").first()
    pages = {
        "forum-detail": forum.get_absolute_url(),
        "attendee-list": reverse("forums:attendees:list", args=[forum.pk]),
        "trip-detail": trip.get_absolute_url(),
    }
    found = {name: overflowing(staff, path, f"fit-{name}") for name, path in pages.items()}
    staff.page.goto(staff.url(reverse("forums:attendees:import_upload", args=[forum.pk])))
    staff.page.set_input_files("input[type=file]", str(DATA / "clean.csv"))
    staff.page.locator(".att-upload button[type=submit]").click()
    staff.page.wait_for_url(re.compile(r"/import/preview/"))
    staff.check("fit-import-preview", axe=False)
    found["import-preview"] = staff.page.evaluate(OVERFLOWING)

    assert {name: tables for name, tables in found.items() if tables} == {}
