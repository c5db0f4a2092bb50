"""Suite-wide test setup. Keep it small: app fixtures live in the nearest conftest.py."""

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import translation


@pytest.fixture(autouse=True, scope="session")
def _plain_static_storage():
    """Serve and reference static files without collectstatic or a manifest.

    Outside DEBUG the settings pick whitenoise's manifest storage, which needs
    `collectstatic` to have run. Setting DJANGO_PLAIN_STATIC here would be too
    late: pytest-django loads the settings before any conftest is imported, so
    the storage is overridden instead (Django resets its storages on the change).
    """
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        yield


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's language: a request made by an earlier test in the
    same process (LocaleMiddleware activates a language and leaves it) must not leak."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _import_previews_in_tmp(settings, tmp_path):
    """Attendee-import previews (kept on the server) go to a per-test directory."""
    settings.IMPORT_PREVIEW_ROOT = tmp_path / "import-previews"
