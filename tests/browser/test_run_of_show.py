"""The run-of-show editor: cascading minutes, keyboard-only use, print view and PDF."""

from datetime import time, timedelta
from io import BytesIO

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from pypdf import PdfReader

from forums.models import Forum, Session

pytestmark = pytest.mark.browser

FORUM = "forum-2024-11-gifs6"
KEYBOARD_STEPS = 120  # Tab presses allowed to reach a control from the top of the page


@pytest.fixture
def forum(documents):
    return Forum.objects.get(ref=FORUM)


def starts(page) -> list[timedelta]:
    """The start of every row as shown ("14:50~15:00" → 14:50), as time since midnight."""
    ranges = page.locator("#agenda-table tbody tr .ros-range").all_inner_texts()
    clock = [time.fromisoformat(text.split("~")[0].strip()) for text in ranges]
    return [timedelta(hours=t.hour, minutes=t.minute) for t in clock]


def row_titles(page) -> list[str]:
    return page.locator("#agenda-table tbody tr .ros-title").all_inner_texts()


def mark_document(page) -> None:
    """A flag on window: still there afterwards means no page load happened."""
    page.evaluate("() => { window.notReloaded = true; }")


def assert_not_reloaded(page) -> None:
    assert page.evaluate("() => window.notReloaded === true"), "the page was reloaded"


@pytest.mark.parametrize("language", ["ko", "en"])
def test_changing_a_rows_minutes_moves_every_later_row(visitor, staff_user, forum, language):
    person = visitor(language=language, user=staff_user)
    person.open(forum.get_absolute_url(), name="forum-detail")
    person.page.locator(
        f"a[href='{reverse('forums:agenda:editor', args=[forum.pk])}']"
    ).first.click()
    page = person.page
    page.wait_for_url(person.url(reverse("forums:agenda:editor", args=[forum.pk])))
    person.check("agenda-editor")
    first = Session.objects.get(forum=forum, order=1)
    before = starts(page)
    mark_document(page)

    minutes = page.locator(f"#minutes-{first.pk}")
    with page.expect_response(lambda r: r.url.endswith("/agenda/rows/")):
        minutes.fill(str(first.minutes + 5))
        minutes.press("Tab")  # the change event sends it

    expect(page.locator("#agenda-table tbody tr").nth(1).locator(".ros-range")).to_contain_text(
        "15:05"
    )
    after = starts(page)
    assert after[0] == before[0]
    assert [b + timedelta(minutes=5) for b in before[1:]] == after[1:]
    assert_not_reloaded(page)
    person.check("agenda-editor-after-minutes")
    first.refresh_from_db()
    assert first.minutes == 15


def settled(page) -> None:
    """Wait until htmx has finished swapping and settling (as a person would, unknowingly)."""
    page.wait_for_function(
        "() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')"
    )


def tab_to(page, selector: str, *, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the element matching ``selector`` has the focus."""
    for _ in range(KEYBOARD_STEPS):
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"{selector} cannot be reached with the keyboard")


FOCUS_STYLE = """(selector) => {
  const s = getComputedStyle(document.querySelector(selector));
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor,
          s.borderWidth, s.backgroundColor].join(" | ");
}"""


def focus_style(page, selector: str) -> str:
    return page.evaluate(FOCUS_STYLE, selector)


def test_run_of_show_editor_works_with_the_keyboard_alone(staff, forum):
    first, second = Session.objects.filter(forum=forum).order_by("order")[:2]
    staff.open(reverse("forums:agenda:editor", args=[forum.pk]), name="agenda-editor")
    page = staff.page
    mark_document(page)
    field, move_down = f"#minutes-{first.pk}", f"#move-down-{first.pk}"
    unfocused = {field: focus_style(page, field), move_down: focus_style(page, move_down)}

    # Change the first row's minutes: Tab to the field, type, Enter.
    tab_to(page, field)
    assert focus_style(page, field) != unfocused[field], "no visible focus on the minutes field"
    page.keyboard.press("Control+A")
    page.keyboard.type("20")
    with page.expect_response(lambda r: r.url.endswith("/agenda/rows/")):
        page.keyboard.press("Enter")
    expect(page.locator("#agenda-table tbody tr").nth(1).locator(".ros-range")).to_have_text(
        "15:10~15:13"
    )
    settled(page)
    expect(page.locator(field)).to_be_focused()

    # Move the first row down with its ↓ button, reached backwards from the minutes field.
    tab_to(page, move_down, backwards=True)
    assert focus_style(page, move_down) != unfocused[move_down], "no visible focus on ↓"
    with page.expect_response(lambda r: r.url.endswith("/agenda/rows/")):
        page.keyboard.press("Enter")
    expect(page.locator("#agenda-table tbody tr").first).to_have_id(f"session-{second.pk}")
    expect(page.locator("#agenda-table tbody tr").nth(1)).to_have_id(f"session-{first.pk}")
    settled(page)
    # Focus stays on the moved row's control, so the next key press continues from there.
    page.wait_for_function(
        "(row) => document.activeElement.closest('tr')?.id === row", arg=f"session-{first.pk}"
    )
    assert_not_reloaded(page)
    staff.check("agenda-editor-keyboard")
    assert list(Session.objects.filter(forum=forum).order_by("order")[:2]) == [second, first]


def test_a_dragged_row_moves_and_a_changed_field_saves_once(staff, forum):
    closing = Session.objects.filter(forum=forum).order_by("-order").first()
    first = Session.objects.get(forum=forum, order=1)
    staff.open(reverse("forums:agenda:editor", args=[forum.pk]), name="agenda-editor")
    page = staff.page
    page.set_viewport_size({"width": 1366, "height": 2000})  # the whole table on screen
    mark_document(page)
    posts = []
    page.on(
        "request", lambda request: posts.append(request.url) if request.method == "POST" else None
    )
    shown = "() => [...document.querySelectorAll('#agenda-table tr.agenda-row')].map(r => r.id)"
    before = page.evaluate(shown)

    # The last row dragged up by its handle, over the rows above it: where it lands is
    # up to the pointer, so the test holds the page and the database to the same order.
    grip, target = (
        page.locator(f"#session-{pk} .agenda-grip").bounding_box() for pk in (closing.pk, first.pk)
    )
    with page.expect_response(lambda r: r.url.endswith("/agenda/rows/")):
        page.mouse.move(grip["x"] + grip["width"] / 2, grip["y"] + grip["height"] / 2)
        page.mouse.down()
        page.mouse.move(target["x"] + target["width"] / 2, target["y"] + 2, steps=20)
        page.mouse.up()
    settled(page)
    after = page.evaluate(shown)
    assert after != before and after.index(f"session-{closing.pk}") < len(after) - 1
    stored = [
        f"session-{pk}" for pk in forum.sessions.order_by("order").values_list("pk", flat=True)
    ]
    assert stored == after

    minutes = page.locator(f"#minutes-{first.pk}")
    with page.expect_response(lambda r: r.url.endswith("/agenda/rows/")):
        minutes.fill("12")
        minutes.press("Enter")  # a change and Enter: one save, not two
    expect(page.locator(f"#minutes-{first.pk}")).to_have_attribute("name", f"minutes-{first.pk}-12")
    settled(page)
    page.wait_for_timeout(500)  # longer than the change pause: a second save would be out

    assert_not_reloaded(page)
    assert len(posts) == 2, posts
    first.refresh_from_db()
    assert first.minutes == 12


def test_print_view_and_pdf_download(staff, forum):
    staff.open(reverse("forums:agenda:editor", args=[forum.pk]), name="agenda-editor")
    page = staff.page

    page.locator(f"a[href='{reverse('forums:agenda:print', args=[forum.pk])}']").first.click()
    page.wait_for_url(staff.url(reverse("forums:agenda:print", args=[forum.pk])))
    staff.check("agenda-print")
    expect(page.locator("table tbody tr")).to_have_count(9)
    expect(page.locator("table tbody tr").first).to_contain_text("14:50~15:00")
    page.emulate_media(media="print")
    staff.check("agenda-print-as-printed", axe=False)
    expect(page.locator(".print-toolbar")).to_be_hidden()
    page.emulate_media(media="screen")

    with page.expect_download() as download_info:
        page.locator(f"a[href^='{reverse('forums:agenda:pdf', args=[forum.pk])}']").first.click()
    download = download_info.value
    data = download.path().read_bytes()

    assert download.suggested_filename.endswith(".pdf")
    assert data.startswith(b"%PDF")
    pdf = PdfReader(BytesIO(data))
    width, height = pdf.pages[0].mediabox.width, pdf.pages[0].mediabox.height
    assert (round(width), round(height)) == (595, 842)  # A4 portrait, in points
    text = "".join(p.extract_text() for p in pdf.pages)
    assert "사전환담" in text
    assert "14:50" in text
