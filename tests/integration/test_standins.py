"""The loopback stand-ins themselves, driven without the project's code: the Web Push service
(tests/pushservice.py) takes a message encrypted with http_ece (RFC 8291) and signed with
py_vapid (RFC 8292) and refuses what autopush or FCM would refuse; the webhook receiver
(tests/webhookreceiver.py) verifies Standard Webhooks signatures made by the standardwebhooks
package, answers as scripted and groups bodies by webhook-id."""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import time
from collections.abc import Iterator

import http_ece
import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid02
from standardwebhooks import Webhook

from tests.pushservice import PushService, Subscription, b64url, push_service
from tests.webhookreceiver import WebhookReceiver, webhook_receiver

SUBJECT = "mailto:ops@example.org"
NS = "https://bitfire.at/webdav-push"


@pytest.fixture
def service() -> Iterator[PushService]:
    with push_service() as running:
        yield running


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    with webhook_receiver() as running:
        yield running


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(trust_env=False, timeout=5) as open_client:
        yield open_client


def unpadded_b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def vapid_public_key(vapid: Vapid02) -> str:
    return b64url(
        vapid.public_key.public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
    )


def new_vapid() -> Vapid02:
    vapid = Vapid02()
    vapid.generate_keys()
    return vapid


def encrypted(subscription: Subscription, data: bytes) -> bytes:
    """RFC 8291 as an application server does it: a fresh ephemeral key per message."""
    body: bytes = http_ece.encrypt(
        data,
        private_key=ec.generate_private_key(ec.SECP256R1()),
        dh=unpadded_b64decode(subscription.p256dh),
        auth_secret=unpadded_b64decode(subscription.auth),
        version="aes128gcm",
    )
    return body


def push_headers(
    vapid: Vapid02, *, aud: str, exp: int | None = None, ttl: str | None = "60"
) -> dict[str, str]:
    claims = {"aud": aud, "exp": exp or int(time.time()) + 3600, "sub": SUBJECT}
    headers: dict[str, str] = {"Content-Encoding": "aes128gcm", **vapid.sign(claims)}
    if ttl is not None:
        headers["TTL"] = ttl
    return headers


def message_xml(topic: str, token: str) -> bytes:
    return (
        f'<push-message xmlns="{NS}" xmlns:D="DAV:"><topic>{topic}</topic>'
        f"<content-update><D:sync-token>{token}</D:sync-token></content-update></push-message>"
    ).encode()


ROTATION = (
    f'<push-message xmlns="{NS}" xmlns:D="DAV:"><property-update><D:prop>'
    "<transports /></D:prop></property-update></push-message>"
).encode()


def test_a_message_made_as_a_server_makes_it_arrives_decrypted(
    service: PushService, client: httpx.Client
) -> None:
    subscription = service.subscribe("phone")
    assert subscription.endpoint.startswith(f"{service.origin}/push/")
    assert len(unpadded_b64decode(subscription.p256dh)) == 65
    assert len(unpadded_b64decode(subscription.auth)) == 16
    vapid = new_vapid()
    data = message_xml("t0p1c", "https://example.org/sync/7")
    headers = push_headers(vapid, aud=service.origin) | {"Topic": "t0p1c", "Urgency": "high"}

    answer = client.post(
        subscription.endpoint, content=encrypted(subscription, data), headers=headers
    )

    assert answer.status_code == 201, answer.text
    assert answer.headers["Location"].startswith("/message/")
    [message] = subscription.wait_for(1, timeout=5)
    assert message.plaintext == data
    assert message.vapid_key == vapid_public_key(vapid)
    assert message.claims["aud"] == service.origin and message.claims["sub"] == SUBJECT
    assert message.headers["ttl"] == "60" and message.headers["urgency"] == "high"
    assert message.topic == "t0p1c"
    assert message.sync_token == "https://example.org/sync/7"
    assert not message.is_key_rotation
    path = subscription.endpoint.removeprefix(service.origin)
    assert service.count(path, 201) == 1


def test_the_authorization_may_have_a_space_after_the_comma(
    service: PushService, client: httpx.Client
) -> None:
    subscription = service.subscribe()
    headers = push_headers(new_vapid(), aud=service.origin)
    headers["Authorization"] = headers["Authorization"].replace(",k=", ", k=")

    answer = client.post(
        subscription.endpoint, content=encrypted(subscription, ROTATION), headers=headers
    )

    assert answer.status_code == 201, answer.text
    [message] = subscription.wait_for(1, timeout=5)
    assert message.is_key_rotation and message.topic is None and message.sync_token is None


def test_a_signature_by_another_key_is_401(service: PushService, client: httpx.Client) -> None:
    subscription = service.subscribe()
    headers = push_headers(new_vapid(), aud=service.origin)
    token = headers["Authorization"].split("t=", 1)[1].split(",", 1)[0]
    headers["Authorization"] = f"vapid t={token},k={vapid_public_key(new_vapid())}"

    answer = client.post(
        subscription.endpoint, content=encrypted(subscription, b"<x/>"), headers=headers
    )

    assert answer.status_code == 401
    assert "signature" in answer.json()["message"]
    assert subscription.received() == []


@pytest.mark.parametrize(
    ("aud", "exp", "reason"),
    [
        pytest.param(None, -60, "expired", id="expired"),
        pytest.param(None, 2 * 24 * 3600, "24 hours", id="more-than-a-day-ahead"),
        pytest.param("https://push.example.org", None, "aud", id="another-origin"),
    ],
)
def test_claims_a_push_service_refuses_are_401(
    service: PushService, client: httpx.Client, aud: str | None, exp: int | None, reason: str
) -> None:
    subscription = service.subscribe()
    expires = None if exp is None else int(time.time()) + exp
    headers = push_headers(new_vapid(), aud=aud or service.origin, exp=expires)

    answer = client.post(
        subscription.endpoint, content=encrypted(subscription, b"<x/>"), headers=headers
    )

    assert answer.status_code == 401, answer.text
    assert reason in answer.json()["message"]
    assert subscription.received() == []


def test_a_missing_ttl_or_authorization_is_refused(
    service: PushService, client: httpx.Client
) -> None:
    subscription = service.subscribe()
    body = encrypted(subscription, b"<x/>")
    without_ttl = push_headers(new_vapid(), aud=service.origin, ttl=None)
    unsigned = {"Content-Encoding": "aes128gcm", "TTL": "0"}

    assert client.post(subscription.endpoint, content=body, headers=without_ttl).status_code == 400
    assert client.post(subscription.endpoint, content=body, headers=unsigned).status_code == 401
    assert subscription.received() == []


def test_a_body_that_does_not_decrypt_is_400(service: PushService, client: httpx.Client) -> None:
    subscription = service.subscribe()
    other = service.subscribe()
    headers = push_headers(new_vapid(), aud=service.origin)

    garbage = client.post(subscription.endpoint, content=os.urandom(200), headers=headers)
    for_another = client.post(
        subscription.endpoint, content=encrypted(other, b"<x/>"), headers=headers
    )

    assert garbage.status_code == 400 and for_another.status_code == 400
    assert subscription.received() == [] and other.received() == []


def test_unknown_and_expired_endpoints(service: PushService, client: httpx.Client) -> None:
    subscription = service.subscribe()
    headers = push_headers(new_vapid(), aud=service.origin)
    body = encrypted(subscription, b"<x/>")

    unknown = client.post(f"{service.origin}/push/nobody", content=body, headers=headers)
    service.expire(subscription)
    gone = client.post(subscription.endpoint, content=body, headers=headers)

    assert unknown.status_code == 404 and gone.status_code == 410
    assert subscription.received() == []


def test_a_subscription_bound_to_a_key_refuses_another_with_403(
    service: PushService, client: httpx.Client
) -> None:
    server_key = new_vapid()
    subscription = service.subscribe(application_server_key=vapid_public_key(server_key))
    body = encrypted(subscription, b"<x/>")

    stranger = client.post(
        subscription.endpoint, content=body, headers=push_headers(new_vapid(), aud=service.origin)
    )
    bound = client.post(
        subscription.endpoint, content=body, headers=push_headers(server_key, aud=service.origin)
    )

    assert stranger.status_code == 403 and bound.status_code == 201
    assert [message.plaintext for message in subscription.wait_for(1, timeout=5)] == [b"<x/>"]


def test_scripted_failures_come_before_success(service: PushService, client: httpx.Client) -> None:
    subscription = service.subscribe()
    service.fail(subscription, 429, times=2, retry_after=7)
    headers = push_headers(new_vapid(), aud=service.origin)
    body = encrypted(subscription, b"<x/>")

    answers = [client.post(subscription.endpoint, content=body, headers=headers) for _ in range(3)]

    assert [answer.status_code for answer in answers] == [429, 429, 201]
    assert answers[0].headers["Retry-After"] == "7"
    assert len(subscription.wait_for(1, timeout=5)) == 1


def test_waiting_for_more_than_arrived_says_what_did(service: PushService) -> None:
    subscription = service.subscribe("quiet")

    with pytest.raises(AssertionError, match="quiet: 0 of 1"):
        subscription.wait_for(1, timeout=0.1)


SECRET = "whsec_" + base64.b64encode(b"a secret of twenty-four b").decode()


def signed(
    secret: str, body: bytes, msg_id: str, when: dt.datetime | None = None
) -> dict[str, str]:
    timestamp = when or dt.datetime.now(tz=dt.UTC)
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(timestamp.timestamp())),
        "webhook-signature": Webhook(secret).sign(msg_id, timestamp, body.decode()),
        "content-type": "application/json",
    }


def test_a_signed_webhook_is_verified(receiver: WebhookReceiver, client: httpx.Client) -> None:
    receiver.set_secret("/hook", SECRET)
    body = json.dumps({"type": "event.created", "data": {"uid": "e1"}}).encode()

    answer = client.post(receiver.url(), content=body, headers=signed(SECRET, body, "msg_1"))

    assert answer.status_code == 200
    [delivery] = receiver.wait_for(1, "/hook", timeout=5)
    assert delivery.verified and delivery.status_answered == 200
    assert delivery.json == {"type": "event.created", "data": {"uid": "e1"}}
    assert delivery.headers["webhook-id"] == "msg_1" and delivery.body == body


def test_a_tampered_body_an_old_timestamp_or_another_secret_is_401(
    receiver: WebhookReceiver, client: httpx.Client
) -> None:
    receiver.set_secret("/hook", SECRET)
    body = b'{"type": "event.created"}'
    other = "whsec_" + base64.b64encode(os.urandom(24)).decode()
    old = dt.datetime.now(tz=dt.UTC) - dt.timedelta(minutes=10)

    answers = [
        client.post(
            receiver.url(), content=b'{"type": "event.deleted"}', headers=signed(SECRET, body, "m")
        ),
        client.post(receiver.url(), content=body, headers=signed(SECRET, body, "m", old)),
        client.post(receiver.url(), content=body, headers=signed(other, body, "m")),
        client.post(receiver.url(), content=body, headers={"webhook-id": "m"}),
    ]

    assert [answer.status_code for answer in answers] == [401] * 4
    assert receiver.deliveries() == []
    refused = receiver.deliveries(verified_only=False)
    assert [(each.outcome, each.status_answered) for each in refused] == [("refused", 401)] * 4


def test_a_script_answers_in_order_then_the_default(
    receiver: WebhookReceiver, client: httpx.Client
) -> None:
    receiver.set_secret("/flaky", SECRET)
    receiver.script("/flaky", [500, 200])
    body = b'{"n": 1}'
    headers = signed(SECRET, body, "msg_flaky")

    statuses = [
        client.post(receiver.url("/flaky"), content=body, headers=headers).status_code
        for _ in range(3)
    ]
    receiver.default("/flaky", 503)
    after = client.post(receiver.url("/flaky"), content=body, headers=headers).status_code

    assert statuses == [500, 200, 200] and after == 503
    assert [each.status_answered for each in receiver.deliveries("/flaky")] == [500, 200, 200, 503]


def test_a_timeout_and_a_huge_answer_are_cut_short(
    receiver: WebhookReceiver, client: httpx.Client
) -> None:
    receiver.set_secret("/slow", SECRET)
    receiver.script("/slow", ["timeout", "huge"])
    body = b"{}"
    headers = signed(SECRET, body, "msg_slow")

    started = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        client.post(receiver.url("/slow"), content=body, headers=headers, timeout=0.3)
    with client.stream("POST", receiver.url("/slow"), content=body, headers=headers) as answer:
        assert answer.status_code == 200
        assert int(answer.headers["Content-Length"]) == 50 * 1024 * 1024
        read = 0
        for chunk in answer.iter_bytes():
            read += len(chunk)
            if read >= 256 * 1024:
                break

    assert time.monotonic() - started < 5
    assert [each.outcome for each in receiver.wait_for(2, "/slow", timeout=5)] == [
        "timeout",
        "huge",
    ]


def test_without_a_secret_requests_are_answered_but_not_verified(
    receiver: WebhookReceiver, client: httpx.Client
) -> None:
    answer = client.post(receiver.url("/open"), content=b"not json")

    assert answer.status_code == 200
    assert receiver.deliveries("/open") == []
    [delivery] = receiver.wait_for(1, "/open", timeout=5, verified_only=False)
    assert not delivery.verified and delivery.json is None and delivery.body == b"not json"


def test_bodies_are_grouped_by_webhook_id(receiver: WebhookReceiver, client: httpx.Client) -> None:
    receiver.set_secret("/hook", SECRET)
    first, second = b'{"v": 1}', b'{"v": 2}'
    sent = [("msg_a", first), ("msg_a", first), ("msg_b", second), ("msg_c", first)]
    for msg_id, body in sent:
        client.post(receiver.url(), content=body, headers=signed(SECRET, body, msg_id))
    tampered = signed(SECRET, first, "msg_a")
    client.post(receiver.url(), content=second, headers=tampered)

    receiver.wait_for(4, timeout=5)
    assert receiver.by_webhook_id() == {"msg_a": {first}, "msg_b": {second}, "msg_c": {first}}
    assert receiver.by_webhook_id(verified_only=False)["msg_a"] == {first, second}
