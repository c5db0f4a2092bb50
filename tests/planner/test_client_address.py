"""Defect 9 of issue #15: the client's real address, believed only from trusted proxies."""

import pytest
from django.test import RequestFactory

from planner.client_address import client_address


@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded", "expected"),
    [
        ([], "203.0.113.9", "", "203.0.113.9"),
        ([], "10.0.0.2", "198.51.100.1", "10.0.0.2"),  # an untrusted sender's header is ignored
        (["10.0.0.0/8"], "10.0.0.2", "198.51.100.1", "198.51.100.1"),
        (["10.0.0.0/8"], "10.0.0.2", "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # spoofed left
        (["10.0.0.0/8"], "10.0.0.2", "198.51.100.1, 10.0.0.7", "198.51.100.1"),  # two proxies
        (["10.0.0.0/8"], "10.0.0.2", "junk", "10.0.0.2"),
        ([], "", "", None),
    ],
)
def test_client_address(settings, trusted, remote, forwarded, expected):
    settings.TRUSTED_PROXIES = trusted
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)

    assert client_address(request) == expected
