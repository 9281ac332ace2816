"""Server URLs as they may be shown to users: never with the password they may carry."""
from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["without_password"]


def without_password(url: str) -> str:
    """The URL as it may be shown: a password in it is hidden.

    >>> without_password("http://me:secret@host:7878/update")
    'http://me:***@host:7878/update'
    """
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:  # a malformed URL (an unclosed [ in the host…): show nothing after the scheme
        return url.split(":", 1)[0] + ":…"
    if password is None:
        return url
    return parts._replace(netloc=parts.netloc.replace(f":{password}@", ":***@", 1)).geturl()
