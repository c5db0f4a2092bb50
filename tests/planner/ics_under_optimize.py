"""Run by tests/planner/test_ical_escaping.py as ``python -O -m tests.planner.ics_under_optimize``.

``-O`` drops every ``assert``; icalendar refuses an unescaped line break only by one, so
this proves that the exports escape the text themselves. Prints a JSON object: the
body of each export, keyed by name. Needs DATABASE_URL to point at an empty SQLite file.
"""

import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "planner.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from tests.factories import EngagementFactory, ForumFactory, SessionFactory  # noqa: E402

EVIL = "Evil\r\nBEGIN:VEVENT\nSUMMARY:injected\nEND:VEVENT"


def main() -> int:
    setup_test_environment()
    call_command("migrate", verbosity=0)
    engagement = EngagementFactory(title_ko=EVIL, trip__title_ko=EVIL)
    forum = ForumFactory(title_ko=EVIL)
    session = SessionFactory(forum=forum, title_ko=EVIL)
    user = get_user_model().objects.create_superuser("root", password="pw-for-tests")
    client = Client()
    client.force_login(user)
    trip = engagement.trip.pk
    urls = {
        "trip": f"/trips/{trip}/calendar.ics",
        "engagement": f"/trips/{trip}/engagements/{engagement.pk}.ics",
        "forum": f"/forums/{forum.pk}/calendar.ics",
        "session": f"/forums/{forum.pk}/sessions/{session.pk}.ics",
    }
    out = {}
    for name, url in urls.items():
        response = client.get(url)
        out[name] = {"status": response.status_code, "body": response.content.decode()}
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
