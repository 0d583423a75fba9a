"""A lean Redis client for the three calls every public request makes (the rate limit's
script, the public cache's GET, and its SET on a miss): RESP2 over asyncio streams, a LIFO
list of idle connections, nothing else. Measured on the bench machine, redis-py's asyncio
client spends ~0.3 ms of CPU per call in its command machinery (retries, pool locks,
observability hooks) against ~0.05 ms here: with three calls per cold lookup, that was a
third of the worker's CPU. Everything else (scans, deletes, pings, the breaker's probe)
stays on redis-py; credit.core.cache decides which client serves a call.

Only plain `redis://` URLs (host, port, optional user/password and database number) are
served here; anything else (TLS, a Unix socket, options in the query string) gives None and
redis-py serves every call. The caller bounds each call with a timeout: a connection
interrupted mid-call (timeout, cancellation, error) is closed, never reused, so a late
reply can never be read as the answer to another call.
"""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import unquote, urlparse

from redis.exceptions import RedisError

MAX_IDLE = 64  # idle connections kept per process (more are opened under load, then closed)

Reply = str | int | None | list[Any]


class ServerError(RedisError):
    """An error reply from Redis (e.g. NOSCRIPT); the connection stays usable."""


def pack(args: tuple[str | int, ...]) -> bytes:
    out = [b"*%d\r\n" % len(args)]
    for a in args:
        data = a.encode() if isinstance(a, str) else str(a).encode()
        out.append(b"$%d\r\n%s\r\n" % (len(data), data))
    return b"".join(out)


async def read_reply(reader: asyncio.StreamReader) -> Reply | ServerError:
    try:
        line = await reader.readuntil(b"\r\n")
        kind, rest = line[:1], line[1:-2]
        if kind == b"+":
            return rest.decode()
        if kind == b"-":
            return ServerError(rest.decode())
        if kind == b":":
            return int(rest)
        if kind == b"$":
            size = int(rest)
            return None if size < 0 else (await reader.readexactly(size + 2))[:-2].decode()
        if kind == b"*":
            size = int(rest)
            if size < 0:
                return None
            items = [await read_reply(reader) for _ in range(size)]
            return items
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as exc:
        raise ConnectionError(f"Redis reply unreadable: {exc!r}") from exc
    raise ConnectionError(f"Redis reply of unknown kind {kind!r}")


class RespClient:
    def __init__(self, host: str, port: int, db: int, username: str, password: str) -> None:
        self.host, self.port, self.db = host, port, db
        self.username, self.password = username, password
        self._idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []

    @classmethod
    def from_url(cls, url: str) -> RespClient | None:
        parts = urlparse(url)
        if parts.scheme != "redis" or parts.query or not parts.hostname:
            return None
        path = parts.path.strip("/")
        if path and not path.isdigit():
            return None
        return cls(
            parts.hostname,
            parts.port or 6379,
            int(path or 0),
            unquote(parts.username or ""),
            unquote(parts.password or ""),
        )

    async def _connect(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        reader, writer = await asyncio.open_connection(self.host, self.port)
        try:
            setup: list[tuple[str | int, ...]] = []
            if self.password:
                setup.append(
                    ("AUTH", self.username, self.password)
                    if self.username
                    else ("AUTH", self.password)
                )
            if self.db:
                setup.append(("SELECT", self.db))
            for command in setup:
                writer.write(pack(command))
                reply = await read_reply(reader)
                if isinstance(reply, ServerError):
                    raise reply
        except BaseException:
            writer.close()
            raise
        return reader, writer

    async def call(self, *args: str | int) -> Reply:
        conn = self._idle.pop() if self._idle else await self._connect()
        reusable = False
        try:
            conn[1].write(pack(args))
            reply = await read_reply(conn[0])
            reusable = True
        finally:
            if reusable and len(self._idle) < MAX_IDLE:
                self._idle.append(conn)
            else:
                conn[1].close()
        if isinstance(reply, ServerError):
            raise reply
        return reply

    async def script(self, sha: str, source: str, keys: list[str], args: list[str | int]) -> Reply:
        """EVALSHA, and EVAL the first time the server does not know the script."""
        try:
            return await self.call("EVALSHA", sha, len(keys), *keys, *args)
        except ServerError as exc:
            if not str(exc).startswith("NOSCRIPT"):
                raise
            return await self.call("EVAL", source, len(keys), *keys, *args)

    def disconnect(self) -> None:
        """Drop every idle connection (after Redis failed: they may all be dead)."""
        idle, self._idle = self._idle, []
        for _, writer in idle:
            writer.close()
