"""Every kind of page reachable by links from the home page, in Korean and English.

The crawl follows same-site links from ``/`` and opens one page of each URL name
(the first link found to it), so pages that other features add are checked as
soon as they are linked. Each page must load without console, CSP or request
errors and without serious or critical axe violations; screenshots and axe
reports land in ``artifacts/``.
"""

from urllib.parse import urlsplit

import pytest
from django.urls import Resolver404, resolve, reverse

from forums.models import Attendee, Forum
from tests.browser.axe import axe_blocking

pytestmark = pytest.mark.browser

DOWNLOADS = (".ics", ".pdf", ".csv", ".xlsx")
SKIPPED_PREFIXES = ("/admin/", "/static/", "/i18n/", "/accounts/logout/")
# Page kinds the crawl must reach: if one goes missing from the links, the test says so.
EXPECTED = {
    "home",
    "itineraries:trip_list",
    "itineraries:trip_detail",
    "forums:forum_list",
    "forums:forum_detail",
    "planner:agreement_list",
    "planner:agreement_detail",
    "planner:person_list",
    "planner:person_detail",
    "planner:organisation_list",
    "planner:organisation_detail",
    "planner:document_list",
    "planner:document_detail",
}


def url_name(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name


def same_site_links(page, base_url: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map((a) => a.href)")
    paths = []
    for href in hrefs:
        parts = urlsplit(href)
        if f"{parts.scheme}://{parts.netloc}" == base_url and not parts.path.startswith(
            SKIPPED_PREFIXES
        ):
            paths.append(parts.path)
    return paths


@pytest.mark.parametrize("language", ["ko", "en"])
def test_every_kind_of_linked_page_passes_axe(visitor, staff_user, language):
    # One attendee per forum, so that the attendee pages have rows (and their links) too.
    Attendee.objects.bulk_create(
        Attendee(
            forum=forum,
            name="홍길동",
            organisation_name="행정안전부",
            email=f"a{forum.pk}@example.org",
        )
        for forum in Forum.objects.all()
    )
    person = visitor(language=language, user=staff_user)
    page = person.page
    visited: dict[str, str] = {}  # url name -> the path opened for it
    failures: list[str] = []
    queue = [reverse("home")]

    while queue:
        path = queue.pop(0)
        name = url_name(path)
        if name is None or name in visited:
            continue
        if path.endswith(DOWNLOADS):
            continue  # calendar files, PDFs and spreadsheets have their own tests
        visited[name] = path
        try:
            person.open(path, name=name.replace(":", "-").replace("_", "-"))
        except AssertionError as failure:  # check every page, then report them all
            failures.append(f"{path}: {failure}")
        queue.extend(same_site_links(page, person.base_url))

    assert visited.keys() >= EXPECTED, f"not reached by links: {EXPECTED - visited.keys()}"
    assert not failures, f"{len(failures)} of {len(visited)} pages fail:\n" + "\n".join(failures)


def test_axe_harness_reports_what_it_should(browser, tmp_path):
    """The check itself can fail: a page with an unlabelled button and image is blocked."""
    page = browser.new_page()
    try:
        page.set_content(
            "<!DOCTYPE html><html lang='en'><head><title>t</title></head>"
            "<body><main><img src='data:,'><button></button></main></body></html>"
        )
        blocking = axe_blocking(page, report=tmp_path / "report.json")
    finally:
        page.close()

    assert {v["id"] for v in blocking} == {"image-alt", "button-name"}
    assert (tmp_path / "report.json").exists()
