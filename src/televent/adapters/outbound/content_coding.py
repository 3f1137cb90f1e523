"""An answer's body as the server meant it, within the guard's limit (docs/adr/0023).

The guard asks for no compression (`Accept-Encoding: identity`), but a server may compress
anyway, and one layer of gzip turns a few kilobytes into gigabytes. The body is read as sent,
counted against the limit, and only then unpacked here, each layer (`Content-Encoding:
gzip, gzip` is two) stopping as soon as it would exceed the limit: what a person's server
sends can never take more memory than the limit allows. gzip and deflate are read (the codings
a server sends without being asked); an empty body, "identity" and what misconfigured servers
write for a plain body ("none", a character set) are read as sent; any other coding is
refused.
"""

from __future__ import annotations

import zlib

_WBITS = {
    "gzip": zlib.MAX_WBITS | 16,
    "x-gzip": zlib.MAX_WBITS | 16,
    "deflate": zlib.MAX_WBITS,  # zlib-wrapped, as RFC 9110 says; raw deflate read too
}


# What servers write for a body sent as it is: "identity", and, misconfigured, "none" or a
# character set (Content-Encoding is not charset): read as sent, as browsers do
PLAIN = frozenset({"identity", "none", "utf-8", "utf8", "us-ascii", "iso-8859-1", "binary", "8bit"})


class CodingError(Exception):
    """The body cannot be unpacked: a coding not read here, or data that is not what its coding
    says. The message names which."""


class TooLargeError(Exception):
    """Unpacked, the body would be larger than the limit."""


def codings(header: str | None) -> list[str]:
    """The codings a Content-Encoding header lists, in the order they were applied."""
    return [c.strip().lower() for c in (header or "").split(",") if c.strip()]


def decoded(body: bytes, header: str | None, limit: int) -> bytes:
    """`body` with every coding of `header` undone, last applied first.

    Raises:
        CodingError: a coding other than gzip, deflate or identity, or a body its coding
            cannot read.
        TooLargeError: a layer would unpack to more than `limit` bytes.
    """
    if not body:
        return body  # nothing to unpack (a 304, a 204, a HEAD), whatever the header says
    for coding in reversed(codings(header)):
        if coding in PLAIN:
            continue
        wbits = _WBITS.get(coding)
        if wbits is None:
            raise CodingError(f"it answered in a coding Televent does not read ({coding[:40]})")
        try:
            body = _inflated(body, wbits, limit)
        except zlib.error as exc:
            if coding != "deflate":
                raise CodingError(f"its {coding} data cannot be read ({exc})") from None
            try:  # raw deflate, without the zlib wrapper: what some servers send
                body = _inflated(body, -zlib.MAX_WBITS, limit)
            except zlib.error as again:
                raise CodingError(f"its deflate data cannot be read ({again})") from None
    return body


def _inflated(data: bytes, wbits: int, limit: int) -> bytes:
    """One layer unpacked, never more than `limit` + 1 bytes of it held."""
    inflater = zlib.decompressobj(wbits)
    out = inflater.decompress(data, limit + 1)
    if len(out) > limit or inflater.unconsumed_tail:
        raise TooLargeError
    out += inflater.flush()  # all of it was read: what remains is a few bytes at most
    if len(out) > limit:
        raise TooLargeError
    return out
