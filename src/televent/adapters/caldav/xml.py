"""WebDAV XML (RFC 4918 §14): safe parsing and multistatus responses.

Request bodies are parsed with defusedxml, which refuses DTDs, entity expansion and external
entities (XML bombs) before any of it is processed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

DAV = "DAV:"
CALDAV = "urn:ietf:params:xml:ns:caldav"
CS = "http://calendarserver.org/ns/"
APPLE = "http://apple.com/ns/ical/"
PUSH = "https://bitfire.at/webdav-push"  # WebDAV-Push (docs/adr/0027)

# What XML 1.0 cannot carry (§2.2), even escaped: a body or a name holding one (a vertical tab
# Word writes for a line break, say) is answered with U+FFFD there, as a GET serves it as stored
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

ET.register_namespace("d", DAV)
ET.register_namespace("c", CALDAV)
ET.register_namespace("cs", CS)
ET.register_namespace("ical", APPLE)
ET.register_namespace("P", PUSH)


def tag(namespace: str, name: str) -> str:
    """Clark notation: `{namespace}name`."""
    return f"{{{namespace}}}{name}"


class XmlError(Exception):
    """The request body is not acceptable XML."""


def parse(body: bytes) -> ET.Element | None:
    """Parse a request body; None for an empty body.

    Raises:
        XmlError: malformed XML, XML that uses DTDs or entities, or an encoding the parser does
            not know (a LookupError from the codec registry).
    """
    if not body.strip():
        return None
    try:
        root: ET.Element = SafeET.fromstring(body, forbid_dtd=True)
    except (ET.ParseError, DefusedXmlException, ValueError, LookupError) as exc:
        raise XmlError(f"The request body is not acceptable XML: {exc}") from exc
    return root


class Text(NamedTuple):
    """A property that is only text (`<d:getetag>"3-a1"</d:getetag>`), written without an
    element: a sync or a listing writes a few for each of thousands of members."""

    tag: str  # Clark notation, in a namespace declared on the root
    text: str


@dataclass
class PropStat:
    """Properties of one resource with one status."""

    status: int
    props: Sequence[ET.Element | Text] = field(default_factory=list)


@dataclass
class Response:
    """One `DAV:response` of a multistatus."""

    href: str
    propstats: list[PropStat] = field(default_factory=list)
    status: int | None = None


STATUS_TEXT = {
    200: "OK",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    424: "Failed Dependency",
    507: "Insufficient Storage",
}


def multistatus(responses: list[Response], sync_token: str | None = None) -> bytes:
    """Serialise a `DAV:multistatus` document (RFC 4918 §13).

    The envelope is written as text and only the properties go through `_write`: building an
    element tree first would cost more than everything else in a large sync or PROPFIND.
    """
    out = [f"<?xml version='1.0' encoding='utf-8'?>\n<d:multistatus{_ROOT_DECLARATIONS}>"]
    for item in responses:
        out.append(f"<d:response><d:href>{_escape_text(item.href)}</d:href>")
        if item.status is not None:
            out.append(f"<d:status>{status_line(item.status)}</d:status>")
        for propstat in item.propstats:
            out.append("<d:propstat><d:prop>")
            for prop in propstat.props:
                if isinstance(prop, Text):
                    _write_text(prop, out)
                else:
                    _write(prop, out, _PREFIXES)
            out.append(f"</d:prop><d:status>{status_line(propstat.status)}</d:status></d:propstat>")
        out.append("</d:response>")
    if sync_token is not None:
        out.append(f"<d:sync-token>{_escape_text(sync_token)}</d:sync-token>")
    out.append("</d:multistatus>")
    return "".join(out).encode("utf-8")


def error_body(namespace: str, precondition: str, message: str) -> bytes:
    """A `DAV:error` body naming the violated precondition (RFC 4918 §16)."""
    root = ET.Element(tag(DAV, "error"))
    ET.SubElement(root, tag(namespace, precondition))
    description = ET.SubElement(root, tag(DAV, "responsedescription"))
    description.text = message
    return document(root)


@lru_cache(maxsize=64)
def status_line(code: int) -> str:
    """`HTTP/1.1 200 OK` and the like."""
    return f"HTTP/1.1 {code} {STATUS_TEXT.get(code, '')}".rstrip()


_DECLARED = {DAV: "d", CALDAV: "c", CS: "cs", APPLE: "ical", PUSH: "P"}
_ROOT_DECLARATIONS = "".join(f' xmlns:{p}="{ns}"' for ns, p in _DECLARED.items())
_PREFIXES = {**_DECLARED, "http://www.w3.org/XML/1998/namespace": "xml"}  # xml: is implicit


def document(root: ET.Element) -> bytes:
    """Serialise with an XML declaration, UTF-8.

    A direct writer for the trees this adapter builds (elements, attributes, text): the
    well-known namespaces (WebDAV-Push's among them) are declared once on the root, any other
    where it is first used.
    It is several times faster than ElementTree's serialiser, which matters for multistatus
    answers with thousands of responses.
    """
    out = ["<?xml version='1.0' encoding='utf-8'?>\n"]
    _write(root, out, _PREFIXES, root_declarations=_ROOT_DECLARATIONS)
    return "".join(out).encode("utf-8")


def _write(
    node: ET.Element, out: list[str], prefixes: dict[str, str], *, root_declarations: str = ""
) -> None:
    declarations = [root_declarations] if root_declarations else []
    name, prefixes = _qualified(node.tag, prefixes, declarations)
    attributes = []
    for key, value in node.attrib.items():
        key_name, prefixes = _qualified(key, prefixes, declarations)
        attributes.append(f' {key_name}="{_escape_attribute(value)}"')
    out.append(f"<{name}{''.join(declarations)}{''.join(attributes)}")
    if node.text is None and not len(node):
        out.append(" />")
    else:
        out.append(">")
        if node.text:
            out.append(_escape_text(node.text))
        for child in node:
            _write(child, out, prefixes)
        out.append(f"</{name}>")
    if node.tail:
        out.append(_escape_text(node.tail))


def _write_text(prop: Text, out: list[str]) -> None:
    name = _known_name(prop.tag)
    if name is None:  # not a namespace of the root's: written as an element, declaring it
        _write(_element_of(prop), out, _PREFIXES)
    else:
        out.append(f"<{name}>{_escape_text(prop.text)}</{name}>")


def _element_of(prop: Text) -> ET.Element:
    node = ET.Element(prop.tag)
    node.text = prop.text
    return node


def _qualified(
    clark: str, prefixes: dict[str, str], declarations: list[str]
) -> tuple[str, dict[str, str]]:
    """`prefix:name` for a `{namespace}name`, declaring an unknown namespace on this element."""
    if prefixes is _PREFIXES:  # the well-known namespaces only: the same few tags each time
        known = _known_name(clark)
        if known is not None:
            return known, prefixes
    if not clark.startswith("{"):
        return clark, prefixes
    namespace, _, local = clark[1:].partition("}")
    prefix = prefixes.get(namespace)
    if prefix is None:
        prefix = f"ns{len(prefixes) - len(_PREFIXES)}"
        prefixes = {**prefixes, namespace: prefix}
        declarations.append(f' xmlns:{prefix}="{_escape_attribute(namespace)}"')
    return f"{prefix}:{local}", prefixes


@lru_cache(maxsize=512)
def _known_name(clark: str) -> str | None:
    """`prefix:name` of a tag in a namespace declared on the root (None for any other)."""
    if not clark.startswith("{"):
        return clark
    namespace, _, local = clark[1:].partition("}")
    prefix = _PREFIXES.get(namespace)
    return None if prefix is None else f"{prefix}:{local}"


def _escape_text(text: str) -> str:
    if _NOT_XML.search(text):  # one event's odd text must not spoil a whole answer
        text = _NOT_XML.sub("\ufffd", text)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _escape_attribute(value: str) -> str:
    value = _escape_text(value)
    for raw, escaped in (('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;")):
        if raw in value:
            value = value.replace(raw, escaped)
    return value


def element(
    namespace: str, name: str, text: str | None = None, children: list[ET.Element] | None = None
) -> ET.Element:
    """Build an element with optional text and children."""
    node = ET.Element(tag(namespace, name))
    if text is not None:
        node.text = text
    if children:
        node.extend(children)
    return node


def href(path: str) -> ET.Element:
    """A `DAV:href` element."""
    return element(DAV, "href", path)
