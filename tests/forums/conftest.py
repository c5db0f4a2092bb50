"""Fixtures of the run-of-show tests: the seed's 6th forum, and an editor's and a viewer's client.

Test modules that need another forum or other users define their own, which win.
"""

import pytest

from tests.forums.agenda_helpers import load_forum6, user_in


@pytest.fixture
def forum():
    return load_forum6()


@pytest.fixture
def editor(client):
    client.force_login(user_in("editor", "events.editor"))
    return client


@pytest.fixture
def viewer(client):
    client.force_login(user_in("viewer", "events.viewer"))
    return client
