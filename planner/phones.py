"""Phone numbers, checked and written one way, with Google's ``phonenumbers`` data.

Korean numbers (the default region) are stored in their national form,
010-1234-5678, 02-123-4567, as staff read them; numbers from other countries
in E.164 (+41229171234), shown in their international form (+41 22 917 1234).
A number the numbering plan does not allow is refused, never "repaired":
010-1111-222 has a digit missing, so it is an error, not 010-111-1222.
"""

from __future__ import annotations

import unicodedata

import phonenumbers
from phonenumbers import PhoneNumberFormat

DEFAULT_REGION = "KR"


class InvalidPhone(ValueError):
    """The text is not a phone number that can be dialled."""


def _parse(text: str) -> phonenumbers.PhoneNumber:
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException as error:
        raise InvalidPhone(text) from error
    if not phonenumbers.is_valid_number(number) or _short_010(number):
        raise InvalidPhone(text)
    return number


def _short_010(number: phonenumbers.PhoneNumber) -> bool:
    """010 mobiles have had eight digits after 010 since the 2004 integration of prefixes.

    The numbering data still admits the retired seven-digit form, which is how a
    truncated 010-1111-222 used to pass as 010-111-1222.
    """
    national = str(number.national_number)
    return number.country_code == 82 and national.startswith("10") and len(national) != 10


def normalise_phone(value: str) -> str:
    """The stored form of a phone number ("" for none); raises InvalidPhone.

    Also takes +82 numbers and Korean numbers whose leading 0 a spreadsheet
    dropped (1012345678).
    """
    text = unicodedata.normalize("NFKC", value).strip().lstrip("'")
    if not text:
        return ""
    try:
        number = _parse(text)
    except InvalidPhone:
        if text[:1] in "+0" or not text[:1].isdigit():
            raise
        number = _parse("0" + text)
    if phonenumbers.region_code_for_number(number) == DEFAULT_REGION:
        return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def display_phone(value: str) -> str:
    """How a stored number reads: national for Korea, international for the others."""
    if not value.startswith("+"):
        return value
    try:
        number = phonenumbers.parse(value, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
