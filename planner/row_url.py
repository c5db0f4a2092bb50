"""A per-row URL reversed once per page: long tables fill in each row's pk instead of reversing.

``reverse()`` costs tens of microseconds; a table of 1,000 rows with four links a row
would spend most of its time there.
"""

from __future__ import annotations

from django.urls import reverse

# Reversed in place of the row's pk, then cut out (the largest pk a URL converter accepts).
PLACEHOLDER = 2147483647


class RowUrl:
    """``RowUrl("forums:agenda:session_edit", forum.pk)(session.pk)`` → that row's URL."""

    def __init__(self, name: str, *args: object) -> None:
        url = reverse(name, args=[*args, PLACEHOLDER])
        self.before, _placeholder, self.after = url.rpartition(str(PLACEHOLDER))

    def __call__(self, pk: int) -> str:
        return f"{self.before}{pk}{self.after}"
