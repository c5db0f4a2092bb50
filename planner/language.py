"""The active language, asked in one place: Korean unless the request chose English.

Bilingual fields (``title_ko`` / ``title_en``) are read through :func:`localized`, so
every page, export and calendar file falls back the same way.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import get_language


def language_code() -> str:
    """``"ko"`` or ``"en"``: the base code of the active language (``en-gb`` → ``en``)."""
    return (get_language() or settings.LANGUAGE_CODE).lower().split("-")[0]


def is_english() -> bool:
    return language_code() == "en"


def is_korean() -> bool:
    return language_code() == "ko"


def localized(obj: Any, field: str, *, english: bool | None = None) -> str:
    """``obj.<field>_en`` in English when it is filled in, else ``obj.<field>_ko``.

    ``english``: the language already asked (a page of a thousand rows asks once).
    """
    if obj is None:
        return ""
    korean = getattr(obj, f"{field}_ko", "") or ""
    if is_english() if english is None else english:
        return getattr(obj, f"{field}_en", "") or korean
    return korean or getattr(obj, f"{field}_en", "") or ""


def other_language(obj: Any, field: str) -> str:
    """The other-language spelling, to show in brackets when it differs."""
    if obj is None:
        return ""
    korean = getattr(obj, f"{field}_ko", "") or ""
    english = getattr(obj, f"{field}_en", "") or ""
    shown = localized(obj, field)
    other = korean if shown == english else english
    return other if other and other != shown else ""
