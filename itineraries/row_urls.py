"""Per-row URLs: each pattern reversed once per page (with a placeholder pk), not per row."""

from __future__ import annotations

PLACEHOLDER_PK = 2147483647  # reversed once, replaced by each row's pk


def url_pattern(url: str) -> tuple[str, str]:
    """A URL built with ``PLACEHOLDER_PK``, split around it."""
    before, _placeholder, after = url.rpartition(str(PLACEHOLDER_PK))
    return before, after


def with_pk(pattern: tuple[str, str], pk: int) -> str:
    before, after = pattern
    return f"{before}{pk}{after}"
