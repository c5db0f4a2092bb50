"""The visitor's real address, for rate limits and login lockouts.

Behind a reverse proxy every request comes from the proxy's address, so a limit
keyed by ``REMOTE_ADDR`` puts every visitor in one bucket. The address in
``X-Forwarded-For`` is believed only when the request came from a proxy listed in
``settings.TRUSTED_PROXIES`` (``DJANGO_TRUSTED_PROXIES``: addresses or networks,
comma-separated). The header is read from the right: each trusted proxy appends
the address it saw, so the first address from the right that is not a trusted
proxy is the client; anything further left was written by the client and is not
believed.
"""

from __future__ import annotations

import ipaddress
from functools import cache

from django.conf import settings
from django.http import HttpRequest


@cache
def _networks(spec: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(item, strict=False) for item in spec)


def _parse(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def _trusted(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    return any(address in network for network in networks)


def client_address(request: HttpRequest) -> str | None:
    """The client's IP address as text; None when there is none to read (a request built
    in code, e.g. by ``force_login``; django-axes stores None as NULL, where PostgreSQL's
    ``inet`` column would refuse a placeholder)."""
    remote = _parse(request.META.get("REMOTE_ADDR", ""))
    if remote is None:
        return None
    if not _trusted(remote):
        return str(remote)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed([part for part in forwarded.split(",") if part.strip()]):
        address = _parse(hop)
        if address is None:
            break  # a malformed entry: nothing to its left can be believed
        if not _trusted(address):
            return str(address)
    return str(remote)


# django-axes keeps the user name in a 255-character column; Django's own are at most 150.
USERNAME_MAX = 150


def login_username(request: HttpRequest, credentials: dict | None = None) -> str:
    """The user name a login attempt is counted under (AXES_USERNAME_CALLABLE): cut to
    150 characters, so a 5,000-character name is a failed login, not a database error."""
    if credentials:
        name = credentials.get("username")
    else:
        name = request.POST.get("username") if request is not None else None
    return str(name or "")[:USERNAME_MAX]
