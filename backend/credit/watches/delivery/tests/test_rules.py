"""The rules without a database: accepted URLs, back-off, signatures and replay."""

from __future__ import annotations

from datetime import timedelta

import pytest

from credit.watches.delivery.services import InvalidWebhookUrl, backoff, check_url
from credit.watches.delivery.signing import new_secret, signature_header, verify


@pytest.mark.parametrize(
    "url",
    [
        "http://partner.example.cn/hook",  # not https
        "ftp://partner.example.cn/hook",
        "https://127.0.0.1/hook",  # the server's own machine
        "https://localhost/hook",
        "https://10.1.2.3/hook",  # its network
        "https://169.254.169.254/latest/meta-data",  # cloud metadata
        "https://user:pw@partner.example.cn/hook",
        "https://partner.example.cn/" + "x" * 500,
        "",
        "http://127.0.0.1:9000/hook",  # loopback http: only when the setting allows it
    ],
)
def test_refused_urls(url: str) -> None:
    with pytest.raises(InvalidWebhookUrl):
        check_url(url)


def test_accepted_urls() -> None:
    assert check_url(" https://partner.example.cn/credit/hook?x=1 ") == (
        "https://partner.example.cn/credit/hook?x=1"
    )
    assert check_url("http://127.0.0.1:9000/hook", allow_http_loopback=True)
    assert check_url("http://localhost:9000/hook", allow_http_loopback=True)
    with pytest.raises(InvalidWebhookUrl):
        check_url("http://10.0.0.1:9000/hook", allow_http_loopback=True)


def test_backoff_doubles_and_is_capped_at_an_hour() -> None:
    assert [backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [10, 20, 40, 80]
    assert backoff(20) == timedelta(hours=1)
    assert backoff(10_000) == timedelta(hours=1)


def test_signature_verifies_and_refuses_tampering_and_replay() -> None:
    secret = new_secret()
    body = b'{"eventId":"e1"}'
    header = signature_header(secret, 1_800_000_000, body)
    assert header.startswith("t=1800000000,v1=")
    assert verify(header, body, secret, now=1_800_000_100)
    assert not verify(header, body + b" ", secret, now=1_800_000_100)  # body changed
    assert not verify(header, body, new_secret(), now=1_800_000_100)  # another secret
    assert not verify(header, body, secret, now=1_800_000_301)  # older than 5 minutes
    assert not verify(header, body, secret, now=1_799_999_600)  # from the future
    assert not verify("t=abc,v1=00", body, secret, now=1_800_000_000)
