"""The one language helper: the base code of the active language, and bilingual fields."""

from types import SimpleNamespace

from django.utils import translation

from planner.language import is_english, is_korean, language_code, localized, other_language

TITLE = SimpleNamespace(title_ko="서울 포럼", title_en="Seoul Forum")
KOREAN_ONLY = SimpleNamespace(title_ko="서울 포럼", title_en="")


def test_a_regional_english_is_english():
    with translation.override("en-gb"):
        assert (language_code(), is_english(), is_korean()) == ("en", True, False)


def test_korean_is_korean():
    with translation.override("ko"):
        assert (language_code(), is_english(), is_korean()) == ("ko", False, True)


def test_no_active_language_falls_back_to_the_site_language():
    with translation.override(None):
        assert language_code() == "ko"


def test_english_pages_fall_back_to_korean_where_english_is_missing():
    with translation.override("en"):
        assert localized(TITLE, "title") == "Seoul Forum"
        assert localized(KOREAN_ONLY, "title") == "서울 포럼"
        assert other_language(TITLE, "title") == "서울 포럼"
        assert other_language(KOREAN_ONLY, "title") == ""
    with translation.override("ko"):
        assert (localized(TITLE, "title"), other_language(TITLE, "title")) == (
            "서울 포럼",
            "Seoul Forum",
        )
