"""Single values of an attendee list: text, e-mail, Korean phone numbers, categories.

Shared by the import (reading files) and the forms (staff and public entry).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import Any

from django.core.validators import validate_email
from django.utils import translation

from forums.models import Attendee
from planner import phones
from planner.text import clean_line

CATEGORY_ALIASES = {
    Attendee.Category.CENTRAL: ("중앙부처", "중앙행정기관", "중앙정부", "중앙", "부처"),
    Attendee.Category.LOCAL: ("지자체", "지방자치단체", "지방정부", "지방", "광역", "기초"),
    Attendee.Category.PUBLIC_BODY: ("공공기관", "공기업", "유관기관"),
    Attendee.Category.ACADEMIA: ("학계", "대학", "연구기관", "학회"),
    Attendee.Category.INDUSTRY: ("기업", "산업계", "민간", "민간기업"),
    Attendee.Category.MEDIA: ("언론", "언론사", "기자", "press"),
    Attendee.Category.PUBLIC: ("일반", "일반인", "일반시민", "국민", "시민"),
    Attendee.Category.OTHER: ("기타",),
}
STATUS_ALIASES = {
    Attendee.Status.REGISTERED: ("등록", "신청", "사전등록", "사전신청"),
    Attendee.Status.CONFIRMED: ("확정", "참석확정", "확인"),
    Attendee.Status.WAITLISTED: ("대기", "대기자"),
    Attendee.Status.CANCELLED: ("취소", "불참"),
    Attendee.Status.ATTENDED: ("참석", "출석", "참석완료"),
}

# Cells that a spreadsheet would run as a formula are written with a leading quote.
FORMULA_START = ("=", "+", "-", "@")


def clean_text(value: str) -> str:
    """NFC (macOS writes decomposed Hangul), no formula guard, single spaces, no control
    or bidi-override characters."""
    text = clean_line(unicodedata.normalize("NFC", str(value)).replace("\xa0", " "))
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_START:
        text = text[1:]
    return " ".join(text.split())


def match_key(value: str) -> str:
    """Compares spellings: full-width folded, case and spaces ignored."""
    return "".join(unicodedata.normalize("NFKC", value).casefold().split())


def person_key(name: str, organisation: str) -> tuple[str, str]:
    return (match_key(name), match_key(organisation))


def normalise_email(value: str) -> str:
    """Lower-case and checked; raises ValidationError."""
    email = unicodedata.normalize("NFKC", value).strip().lower()
    validate_email(email)
    return email


def normalise_phone(value: str) -> str:
    """A phone number checked and in its stored form (planner.phones); raises ValueError."""
    return phones.normalise_phone(value)


def _label_lookup(choices: Any, aliases: dict[str, Iterable[str]]) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for value, words in aliases.items():
        for word in words:
            lookup[match_key(word)] = value
    for value, label in choices.choices:
        lookup[match_key(value)] = value
        for language in ("ko", "en"):
            with translation.override(language):
                lookup.setdefault(match_key(str(label)), value)
    return lookup


@cache
def _lookups() -> dict[str, dict[str, str]]:
    # Labels come from the translation catalogues, which do not change while running.
    return {
        "category": _label_lookup(Attendee.Category, CATEGORY_ALIASES),
        "status": _label_lookup(Attendee.Status, STATUS_ALIASES),
    }


def parse_category(value: str) -> str:
    """The category code for a code, a label (Korean or English) or an alias; KeyError."""
    if not value.strip():
        return Attendee.Category.OTHER
    return _lookups()["category"][match_key(value)]


def parse_status(value: str) -> str:
    if not value.strip():
        return Attendee.Status.REGISTERED
    return _lookups()["status"][match_key(value)]
