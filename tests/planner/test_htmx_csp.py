"""htmx injects no inline style (strict CSP): its indicator rules live in app.css."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_every_page_configures_htmx_without_indicator_styles(client):
    html = client.get(reverse("home")).content.decode()

    config = re.search(r"<meta name=\"htmx-config\" content='([^']+)'>", html).group(1)
    assert json.loads(config) == {"includeIndicatorStyles": False}
    assert "/static/css/app.css" in html


def test_indicator_css_is_in_the_app_stylesheet():
    css = Path(finders.find("css/app.css")).read_text(encoding="utf-8")

    assert ".htmx-indicator {\n  opacity: 0;\n}" in css
    assert ".htmx-request .htmx-indicator,\n.htmx-request.htmx-indicator {" in css


def test_style_policy_allows_no_inline_styles():
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"] == ["'self'"]
