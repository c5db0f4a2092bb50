"""The run-of-show editor at phone width: one column per row, from CSS alone."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.forums.agenda_helpers import load_forum6, user_in

pytestmark = pytest.mark.django_db
NARROW_CSS = Path(settings.BASE_DIR) / "static" / "css" / "agenda_narrow.css"


def test_editor_loads_the_one_column_stylesheet_under_600px(client):
    forum = load_forum6()
    client.force_login(user_in("editor", "events.editor"))

    html = client.get(reverse("forums:agenda:editor", args=[forum.pk])).content.decode()

    assert 'href="/static/css/agenda_narrow.css" media="(max-width: 599px)"' in html


def test_one_column_layout_puts_every_cell_of_a_row_in_one_grid_column():
    css = NARROW_CSS.read_text(encoding="utf-8")

    areas = css.split('grid-template-areas:\n    "order time"', 1)[1].split(";", 1)[0]
    assert [line.strip() for line in areas.strip().splitlines()] == [
        '"content content"',
        '"notes notes"',
        '"actions actions"',
    ]
    assert "<style" not in css and "script" not in css
