"""Phone numbers: Korean national form, E.164 abroad, truncated numbers refused."""

import pytest

from planner.phones import InvalidPhone, display_phone, normalise_phone
from planner.templatetags.planner_display import phone


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("01012345678", "010-1234-5678"),
        ("02-2133-1234", "02-2133-1234"),
        ("+1 202-555-0143", "+12025550143"),
        ("+81 3-1234-5678", "+81312345678"),
    ],
)
def test_normalise_phone_stores_national_or_e164(typed, stored):
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize(
    "typed", ["010-1111-222", "010-111-1222", "010-12345-6789", "+82 10 1111 222"]
)
def test_normalise_phone_refuses_a_mobile_number_with_digits_missing(typed):
    with pytest.raises(InvalidPhone):
        normalise_phone(typed)


def test_display_phone_shows_international_numbers_grouped():
    assert display_phone("+12025550143") == "+1 202-555-0143"
    assert display_phone("010-1234-5678") == "010-1234-5678"


def test_phone_filter_renders_the_display_form():
    assert phone("+81312345678") == "+81 3-1234-5678"
    assert phone("") == ""
