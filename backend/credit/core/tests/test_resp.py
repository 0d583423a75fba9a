"""The lean Redis client of the hot calls (credit.core.resp): the protocol, the URLs it
serves, scripts it must load first, and connections it must not reuse."""

from __future__ import annotations

import asyncio
import hashlib
import secrets

import pytest

from credit.core.cache import Cache
from credit.core.resp import RespClient, ServerError, pack, read_reply
from credit.core.settings import Settings


def _reader(data: bytes) -> asyncio.StreamReader:
    reader = asyncio.StreamReader()
    reader.feed_data(data)
    reader.feed_eof()
    return reader


async def test_replies_of_every_kind_are_read() -> None:
    assert await read_reply(_reader(b"+OK\r\n")) == "OK"
    assert await read_reply(_reader(b":42\r\n")) == 42
    assert await read_reply(_reader(b"$-1\r\n")) is None
    assert await read_reply(_reader("$6\r\n信用\r\n".encode())) == "信用"
    assert await read_reply(_reader(b"*2\r\n:1\r\n:0\r\n")) == [1, 0]
    error = await read_reply(_reader(b"-NOSCRIPT No matching script\r\n"))
    assert isinstance(error, ServerError) and str(error).startswith("NOSCRIPT")


async def test_a_cut_reply_is_a_connection_error() -> None:
    with pytest.raises(ConnectionError):
        await read_reply(_reader(b"$10\r\nabc"))
    with pytest.raises(ConnectionError):
        await read_reply(_reader(b"?what\r\n"))


def test_commands_are_packed_as_bulk_strings() -> None:
    assert pack(("SET", "k", "值", "EX", 5)) == (
        b"*5\r\n$3\r\nSET\r\n$1\r\nk\r\n$3\r\n" + "值".encode() + b"\r\n$2\r\nEX\r\n$1\r\n5\r\n"
    )


def test_only_plain_urls_are_served() -> None:
    c = RespClient.from_url("redis://:p%40ss@10.0.0.5:6380/3")
    assert c is not None and (c.host, c.port, c.db, c.password) == ("10.0.0.5", 6380, 3, "p@ss")
    assert RespClient.from_url("rediss://cache:6379/0") is None
    assert RespClient.from_url("unix:///run/redis.sock") is None
    assert RespClient.from_url("redis://cache:6379/0?protocol=3") is None


async def test_calls_and_an_unknown_script(settings: Settings) -> None:
    if not settings.redis_url or RespClient.from_url(settings.redis_url) is None:
        pytest.skip("needs TEST_REDIS_URL")
    client = RespClient.from_url(settings.redis_url)
    assert client is not None
    key = f"credit:test-resp:{secrets.token_hex(4)}"
    try:
        assert await client.call("SET", key, "值", "EX", 30) == "OK"
        assert await client.call("GET", key) == "值"
        # a script the server has never seen: EVALSHA is refused, EVAL runs it
        source = f"return {{tonumber(ARGV[1]) + 1, {secrets.randbelow(10**6)}}}"
        sha = hashlib.sha1(source.encode()).hexdigest()
        assert (await client.script(sha, source, [key], [41]))[0] == 42  # type: ignore[index]
        assert (await client.script(sha, source, [key], [1]))[0] == 2  # type: ignore[index]
        with pytest.raises(ServerError):
            await client.call("NOSUCHCOMMAND")
        assert await client.call("GET", key) == "值"  # the connection is still good
    finally:
        await client.call("DEL", key)
        client.disconnect()


async def test_a_call_cut_by_a_timeout_does_not_leave_its_connection(settings: Settings) -> None:
    if not settings.redis_url or RespClient.from_url(settings.redis_url) is None:
        pytest.skip("needs TEST_REDIS_URL")
    client = RespClient.from_url(settings.redis_url)
    assert client is not None
    await client.call("PING")
    assert len(client._idle) == 1
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0.05):
            await client.call("BLPOP", f"credit:test-resp:{secrets.token_hex(4)}", 1)
    assert client._idle == []  # closed: its late reply can never answer another call
    assert await client.call("PING") == "PONG"
    client.disconnect()


async def test_the_cache_counts_and_stores_through_it(settings: Settings) -> None:
    if not settings.redis_url:
        pytest.skip("needs TEST_REDIS_URL")
    cache = Cache(settings.redis_url)
    bucket = f"test-resp:{secrets.token_hex(4)}"
    try:
        assert [await cache.hit(bucket, 2, 60) for _ in range(3)][:2] == [(True, 0), (True, 0)]
        allowed, wait = await cache.hit(bucket, 2, 60)
        assert not allowed and 1 <= wait <= 60
        await cache.set(bucket, "答案", ttl=30)
        assert await cache.get(bucket) == "答案"
        assert cache.failures == 0
    finally:
        await cache.delete(bucket, f"rl:{bucket}")
        await cache.close()
