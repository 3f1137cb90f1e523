"""Unpacking an answer's body within the guard's limit (adapters/outbound/content_coding.py):
every layer undone in order, and never more than the limit unpacked."""

from __future__ import annotations

import gzip
import zlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from televent.adapters.outbound.content_coding import (
    CodingError,
    TooLargeError,
    codings,
    decoded,
)

LAYERS = {"gzip": gzip.compress, "x-gzip": gzip.compress, "deflate": zlib.compress}


@given(
    body=st.binary(max_size=4_000),
    layers=st.lists(st.sampled_from(["gzip", "x-gzip", "deflate", "identity"]), max_size=3),
    spare=st.integers(min_value=0, max_value=100),
)
def test_every_layer_is_undone_and_the_limit_holds_exactly(
    body: bytes, layers: list[str], spare: int
) -> None:
    stages = [body]  # what each layer unpacks to, the body first
    for layer in layers:
        stages.append(LAYERS.get(layer, lambda data: data)(stages[-1]))
    sent, header = stages[-1], ", ".join(layers)
    unpacked = [len(stages[n]) for n, layer in enumerate(layers) if layer != "identity"]
    largest = max(unpacked, default=0)  # the most any layer unpacks to
    assert decoded(sent, header, largest + spare) == body
    if largest:
        with pytest.raises(TooLargeError):
            decoded(sent, header, largest - 1)


def test_the_header_is_read_as_the_codings_applied_in_order() -> None:
    assert codings(" GZIP ,deflate,, ") == ["gzip", "deflate"]
    assert codings(None) == [] and codings("") == []


@pytest.mark.parametrize("header", ["br", "zstd", "compress", "gzip, br"])
def test_a_coding_not_read_here_is_refused_by_name(header: str) -> None:
    with pytest.raises(CodingError, match="does not read"):
        decoded(b"anything", header, 1_000)


@pytest.mark.parametrize("header", ["br", "UTF-8", "none", "gzip"])
def test_an_empty_body_is_read_whatever_its_coding(header: str) -> None:
    assert decoded(b"", header, 1_000) == b""  # a 304, a 204, a HEAD


@pytest.mark.parametrize("header", ["UTF-8", "none", "identity, none"])
def test_a_misconfigured_plain_coding_is_read_as_sent(header: str) -> None:
    assert decoded(b"BEGIN:VCALENDAR", header, 1_000) == b"BEGIN:VCALENDAR"
