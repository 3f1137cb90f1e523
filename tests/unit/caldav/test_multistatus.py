"""A multistatus written from text properties (`xml.Text`, what a sync or a listing gives for
each member's ETag, content type and data) is the document the same properties as elements
give, escaping included, and one in a namespace the root does not declare is declared where
it is used."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from televent.adapters.caldav import xml
from televent.adapters.caldav.xml import CALDAV, DAV, element, tag

# XML 1.0 characters (what an ETag, a content type or iCalendar text can hold)
TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufffe\uffff").filter(
        lambda c: c in "\t\n\r" or ord(c) >= 0x20
    ),
    max_size=40,
)


NAMES = st.sampled_from([(DAV, "getetag"), (CALDAV, "calendar-data"), (DAV, "getcontenttype")])


@given(st.lists(st.tuples(NAMES, TEXT), max_size=5))
def test_text_properties_are_written_as_elements_are(
    props: list[tuple[tuple[str, str], str]],
) -> None:
    as_elements = [
        xml.Response("/r.ics", [xml.PropStat(200, [element(ns, n, v) for (ns, n), v in props])])
    ]
    as_text = [
        xml.Response(
            "/r.ics", [xml.PropStat(200, [xml.Text(tag(ns, n), v) for (ns, n), v in props])]
        )
    ]
    written = xml.multistatus(as_text, sync_token="t&1")
    assert written == xml.multistatus(as_elements, sync_token="t&1")
    parsed = ET.fromstring(written)
    values = [p.text or "" for p in parsed.iter() if p.tag in {tag(ns, n) for (ns, n), _ in props}]
    assert values == [v.replace("\r\n", "\n").replace("\r", "\n") for _, v in props]


def test_a_text_property_in_an_undeclared_namespace_declares_it() -> None:
    written = xml.multistatus(
        [xml.Response("/r.ics", [xml.PropStat(200, [xml.Text("{urn:x:own}color", "#ff0000")])])]
    )
    found = ET.fromstring(written).find(".//{urn:x:own}color")
    assert found is not None and found.text == "#ff0000"


def _carried(c: str) -> bool:
    """Whether XML 1.0 carries the character (§2.2)."""
    code = ord(c)
    return c in "\t\n\r" or 0x20 <= code < 0xD800 or 0xE000 <= code < 0xFFFE or code > 0xFFFF


@given(st.text(max_size=40))
def test_any_text_makes_a_well_formed_answer(text: str) -> None:
    # a vertical tab in one event's description (Word's line break) made every REPORT of its
    # calendar, and one in a calendar's name every PROPFIND of the home, XML no client reads
    props = [xml.Text(tag(CALDAV, "calendar-data"), text), element(DAV, "displayname", text)]
    written = xml.multistatus([xml.Response("/r.ics", [xml.PropStat(200, props)])])
    root = ET.fromstring(written)
    kept = "".join(c if _carried(c) else "\ufffd" for c in text)
    kept = kept.replace("\r\n", "\n").replace("\r", "\n")  # as every XML parser reads
    for name in (f"{{{CALDAV}}}calendar-data", f"{{{DAV}}}displayname"):
        found = root.find(f".//{name}")
        assert found is not None and (found.text or "") == kept
