"""Per-row URLs of the trip page: each pattern reversed once per page, not once per row."""

from __future__ import annotations

from django.urls import reverse

PLACEHOLDER_PK = 2147483647  # reversed once, replaced by each row's pk


def url_pattern(url: str) -> tuple[str, str]:
    """A URL built with ``PLACEHOLDER_PK``, split around it."""
    before, _placeholder, after = url.rpartition(str(PLACEHOLDER_PK))
    return before, after


def with_pk(pattern: tuple[str, str], pk: int) -> str:
    before, after = pattern
    return f"{before}{pk}{after}"


class RowUrls:
    """``{{ row_urls.segment_edit|with_pk:segment.pk }}`` in the templates."""

    NAMES = ("segment_edit", "segment_menu")

    def __init__(self, trip_pk: int) -> None:
        for name in self.NAMES:
            url = reverse(f"itineraries:{name}", args=[trip_pk, PLACEHOLDER_PK])
            setattr(self, name, url_pattern(url))
