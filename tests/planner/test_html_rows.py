"""The fast row helpers write what Django's filters write."""

from datetime import UTC, datetime

import pytest
from django.template.defaultfilters import linebreaksbr
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from planner.html_rows import esc, lines_br
from planner.time_display import local_and_seoul

TEXTS = [
    "",
    "plain",
    "<script>alert('x')</script> & \"quoted\"",
    "line one\nline two\r\nline three\rline four",
    "회의 준비\n\n- 의제 <초안>",
    mark_safe("<b>already safe</b>\nsecond"),
]


@pytest.mark.parametrize("text", TEXTS)
def test_lines_br_is_linebreaksbr(text):
    assert lines_br(text) == str(linebreaksbr(text))


@pytest.mark.parametrize("text", TEXTS)
def test_esc_is_conditional_escape(text):
    assert esc(text) == str(conditional_escape(text))


@pytest.mark.parametrize(
    ("start", "end", "zone", "expected"),
    [
        # Geneva in summer: 09:05~10:00 CEST, Seoul 16:05~17:00 the same day.
        (
            datetime(2026, 7, 10, 7, 5, tzinfo=UTC),
            datetime(2026, 7, 10, 8, 0, tzinfo=UTC),
            "Europe/Zurich",
            ("09:05~10:00", "CEST", "16:05~17:00", None),
        ),
        # Los Angeles evening: Seoul is on the next day.
        (
            datetime(2026, 7, 11, 2, 30, tzinfo=UTC),
            None,
            "America/Los_Angeles",
            ("19:30", "PDT", "11:30", "+1"),
        ),
    ],
)
def test_local_and_seoul_says_both_times_and_the_day_offset(start, end, zone, expected):
    html = str(local_and_seoul(start, end, zone))
    local, abbr, seoul, offset = expected
    assert f'>{local}</time> <span class="tz">{abbr}</span>' in html
    assert f" {seoul}" in html.split('class="time-seoul"')[1]
    assert ("day-offset" in html) == (offset is not None)
    if offset:
        assert f"({offset})" in html
    assert html.startswith('<span class="time-local"><time datetime="')
