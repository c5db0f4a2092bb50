"""Every page reachable from ``/``, anonymous and then as an editor: no console error,
no failed request, no server error. Same-origin links only, breadth first, bounded."""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urlparse

import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.browser

MAX_PAGES = 60
# Files (downloads), actions and the admin are not pages to read.
SKIP = re.compile(
    r"(\.(ics|pdf|csv|xlsx|json|zip)$)|/logout|/i18n/|/admin/|/export|/download|/static/|/media/"
)


def crawl(person, start: str = "/") -> dict[str, list[str]]:
    """Visit pages breadth first from ``start``; return the problems found on each."""
    page, base = person.page, person.base_url
    queue, seen, problems = [start], {start}, {}
    while queue and len(seen) <= MAX_PAGES:
        path = queue.pop(0)
        person.problems.clear()
        response = page.goto(base + path)
        page.wait_for_load_state("load")
        status = response.status if response else 0
        found = list(person.problems)
        if status >= 500 or status == 0:
            found.append(f"HTTP {status}")
        if found:
            problems[path] = found
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        for href in hrefs:
            url, _fragment = urldefrag(href)
            parsed = urlparse(url)
            if f"{parsed.scheme}://{parsed.netloc}" != base or SKIP.search(parsed.path):
                continue
            link = parsed.path + (f"?{parsed.query}" if parsed.query else "")
            if link not in seen:
                seen.add(link)
                queue.append(link)
    assert len(seen) > 3, f"the crawl found almost nothing: {sorted(seen)}"
    return problems


def test_no_console_errors_on_pages_reachable_from_home_anonymously(visitor):
    assert crawl(visitor()) == {}


def test_no_console_errors_on_pages_reachable_from_home_as_editor(
    visitor, django_user_model, transactional_db
):
    editor = django_user_model.objects.create_user(username="crawl.editor", password="x")
    editor.groups.add(Group.objects.get_or_create(name="editor")[0])

    assert crawl(visitor(user=editor)) == {}
