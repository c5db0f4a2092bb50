"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

No browser is ever downloaded: the tests use ``/usr/bin/chromium`` (``CHROMIUM``
overrides the path). Where it is missing the whole folder is skipped with the
reason, except under CI (``CI=true``), where every browser test fails instead.

Each test gets a fresh database (``transactional_db``: the live server runs in
another thread) with the source documents loaded, and visitors that are logged
in (or not) in Korean or English. ``Visitor.check`` screenshots the page into
``artifacts/screenshots/browser/``, fails on console errors, failed requests
and CSP violations, and runs axe (reports in ``artifacts/axe/``; ``BROWSER_AXE=report`` prints
serious/critical findings instead of failing, for local work on a page).
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-dev-shm-usage",
]
ARTIFACTS = settings.BASE_DIR / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots" / "browser"
AXE_REPORTS = ARTIFACTS / "axe"
LOCALES = {"ko": "ko-KR", "en": "en-US"}
STAFF_PASSWORD = "browser-test-password-7"
# Chromium asks every page for /favicon.ico; its 404 is not the page's fault.
IGNORED_URLS = re.compile(r"/favicon\.ico$")


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


# BROWSER_AXE=report prints axe blockers instead of failing (while fixing a page; never in CI).
AXE_REPORT_ONLY = os.environ.get("BROWSER_AXE") == "report" and not in_ci()


def why_not_runnable() -> str | None:
    if not CHROMIUM.is_file():
        return (
            f"browser tests need Debian's Chromium at {CHROMIUM} "
            "(apt-get install chromium, or `make system-deps` as root); it is not installed"
        )
    if importlib.util.find_spec("playwright") is None:
        return "browser tests need the python package playwright (pip install -e '.[dev]')"
    return None


UNAVAILABLE = why_not_runnable()
HERE = Path(__file__).resolve().parent

# Playwright's sync API keeps an asyncio loop running in this thread, which makes
# Django refuse ORM calls from the test body ("async unsafe"); there is no async code here.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

if importlib.util.find_spec("playwright") is None and not in_ci():
    # Without the package the test modules cannot even be imported: leave them out, say so.
    collect_ignore_glob = ["test_*.py"]


def pytest_report_header(config) -> str | None:
    if UNAVAILABLE:
        verdict = "FAIL (CI=true)" if in_ci() else "SKIPPED"
        return f"browser tests: {verdict}: {UNAVAILABLE}"
    return f"browser tests: {CHROMIUM} via Playwright"


def pytest_collection_modifyitems(config, items) -> None:
    """Without Chromium, every browser test is skipped with the reason (outside CI)."""
    if not UNAVAILABLE or in_ci():
        return
    skip = pytest.mark.skip(reason=UNAVAILABLE)
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(skip)


try:
    from playwright.sync_api import (
        Browser,
        BrowserContext,
        ConsoleMessage,
        Page,
        Response,
        sync_playwright,
    )

    from tests.browser.axe import axe_blocking, describe
except ImportError:  # no playwright: reported above, the test modules are not collected
    sync_playwright = None


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    if UNAVAILABLE:  # only under CI: fail loudly instead of skipping
        pytest.fail(f"CI=true requires the browser tests: {UNAVAILABLE}", pytrace=False)
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()


@pytest.fixture
def documents(transactional_db):
    from planner.documents import documents_load

    return documents_load()


@pytest.fixture
def staff_user(transactional_db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="staff", email="staff@example.org", password=STAFF_PASSWORD
    )


@dataclass
class Visitor:
    """One browser tab as one person sees the site, in one language."""

    page: Page
    base_url: str
    language: str
    problems: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base_url + path

    def open(self, path: str, *, name: str, status: int = 200) -> Response:
        """Go to ``path``, expect ``status``, then screenshot and check the page as ``name``."""
        self.problems.clear()
        response = self.page.goto(self.url(path))
        assert response is not None, path
        assert response.status == status, f"{path}: HTTP {response.status}"
        self.check(name)
        return response

    def check(self, name: str, *, axe: bool = True) -> None:
        """The page as it is now: screenshot, no console/CSP/request errors, no axe blockers."""
        self.page.wait_for_load_state("load")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=SCREENSHOTS / f"{name}-{self.language}.png", full_page=True)
        problems, self.problems = self.problems, []
        assert not problems, f"{name} ({self.language}): " + "; ".join(problems)
        if axe:
            blocking = axe_blocking(self.page, report=AXE_REPORTS / f"{name}-{self.language}.json")
            # axe's own probes trip the CSP (inline styles); those messages are not the page's.
            # They may arrive a moment after axe has finished: let them land, then drop them.
            self.page.wait_for_timeout(100)
            self.problems.clear()
            message = f"axe on {name} ({self.language}):\n{describe(blocking)}"
            if blocking and AXE_REPORT_ONLY:
                print(message)
                return
            assert not blocking, message

    def _on_console(self, message: ConsoleMessage) -> None:
        # Failed requests are judged in _on_response (a form re-shown with 400 is fine).
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.problems.append(f"console: {message.text}")

    def _on_response(self, response: Response) -> None:
        if response.status >= 500 or (
            response.status >= 400
            and response.request.resource_type != "document"
            and not IGNORED_URLS.search(response.url)
        ):
            self.problems.append(f"HTTP {response.status} for {response.url}")


@pytest.fixture
def visitor(browser, live_server, documents) -> Iterator[Callable[..., Visitor]]:
    """``visitor(language="ko", user=None, javascript=True)``: a new browser context,
    logged in as ``user``; ``javascript=False`` reads the site as a browser without it."""
    from django.test import Client

    contexts: list[BrowserContext] = []

    def make(*, language: str = "ko", user=None, javascript: bool = True) -> Visitor:
        context = browser.new_context(
            locale=LOCALES[language],
            timezone_id="Asia/Seoul",
            viewport={"width": 1280, "height": 900},
            accept_downloads=True,
            java_script_enabled=javascript,
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        cookies = [
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}
        ]
        if user is not None:
            client = Client()
            client.force_login(user)
            session = client.cookies[settings.SESSION_COOKIE_NAME].value
            cookies.append(
                {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}
            )
        context.add_cookies(cookies)
        page = context.new_page()
        person = Visitor(page=page, base_url=live_server.url, language=language)
        page.on("console", person._on_console)
        page.on("pageerror", lambda error: person.problems.append(f"page error: {error}"))
        page.on("response", person._on_response)
        return person

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def staff(visitor, staff_user) -> Visitor:
    """A logged-in superuser reading the site in Korean (the default language)."""
    return visitor(user=staff_user)
