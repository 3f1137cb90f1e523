"""WebDAV XML (RFC 4918 §14): safe parsing and multistatus responses.

Request bodies are parsed with defusedxml, which refuses DTDs, entity expansion and external
entities (XML bombs) before any of it is processed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

DAV = "DAV:"
CALDAV = "urn:ietf:params:xml:ns:caldav"
CS = "http://calendarserver.org/ns/"
APPLE = "http://apple.com/ns/ical/"

ET.register_namespace("d", DAV)
ET.register_namespace("c", CALDAV)
ET.register_namespace("cs", CS)
ET.register_namespace("ical", APPLE)


def tag(namespace: str, name: str) -> str:
    """Clark notation: `{namespace}name`."""
    return f"{{{namespace}}}{name}"


class XmlError(Exception):
    """The request body is not acceptable XML."""


def parse(body: bytes) -> ET.Element | None:
    """Parse a request body; None for an empty body.

    Raises:
        XmlError: malformed XML, or XML that uses DTDs or entities.
    """
    if not body.strip():
        return None
    try:
        root: ET.Element = SafeET.fromstring(body, forbid_dtd=True)
    except (ET.ParseError, DefusedXmlException, ValueError) as exc:
        raise XmlError(f"The request body is not acceptable XML: {exc}") from exc
    return root


@dataclass
class PropStat:
    """Properties of one resource with one status."""

    status: int
    props: list[ET.Element] = field(default_factory=list)


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
    """Serialise a `DAV:multistatus` document (RFC 4918 §13)."""
    root = ET.Element(tag(DAV, "multistatus"))
    for item in responses:
        response = ET.SubElement(root, tag(DAV, "response"))
        ET.SubElement(response, tag(DAV, "href")).text = item.href
        if item.status is not None:
            ET.SubElement(response, tag(DAV, "status")).text = status_line(item.status)
        for propstat in item.propstats:
            element = ET.SubElement(response, tag(DAV, "propstat"))
            prop = ET.SubElement(element, tag(DAV, "prop"))
            prop.extend(propstat.props)
            ET.SubElement(element, tag(DAV, "status")).text = status_line(propstat.status)
    if sync_token is not None:
        ET.SubElement(root, tag(DAV, "sync-token")).text = sync_token
    return document(root)


def error_body(namespace: str, precondition: str, message: str) -> bytes:
    """A `DAV:error` body naming the violated precondition (RFC 4918 §16)."""
    root = ET.Element(tag(DAV, "error"))
    ET.SubElement(root, tag(namespace, precondition))
    description = ET.SubElement(root, tag(DAV, "responsedescription"))
    description.text = message
    return document(root)


def status_line(code: int) -> str:
    """`HTTP/1.1 200 OK` and the like."""
    return f"HTTP/1.1 {code} {STATUS_TEXT.get(code, '')}".rstrip()


def document(root: ET.Element) -> bytes:
    """Serialise with an XML declaration, UTF-8."""
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))


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
