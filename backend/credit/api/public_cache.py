"""The serialised-result cache of public queries.

A hit costs one primary-key read in the database (the public data version,
credit.core.dataversion) and one cache read, and no GraphQL execution. The version is
bumped in the same transaction as every change the public can see, and read before the
query runs, so an entry is only ever stored under a version at most as new as the data it
was computed from: whatever the cache holds (restored from disk, flushed, an old worker's
write), it cannot serve an answer older than the data. Entries also carry the local date
and expire at its end, never later than any evaluation's next_change_at (always a future
local midnight). When Redis is unavailable every lookup is answered from the database.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta
from functools import lru_cache

from graphql import OperationDefinitionNode, OperationType, parse
from graphql.error import GraphQLError

from credit.core import clock, dataversion
from credit.core.cache import get_cache

log = logging.getLogger("credit.api")
# Root fields whose answers depend only on published data, the arguments and the date.
CACHEABLE_ROOT_FIELDS = frozenset(
    {"subject", "subjects", "subjectSearch", "listEntries", "districts", "catalogues", "__typename"}
)


# Root fields that only read published data: a public caller's query made of them alone
# is a *public read*, which may be answered from a replica (credit.core.replica).
PUBLIC_READ_ROOT_FIELDS = CACHEABLE_ROOT_FIELDS | {"verifyCreditReport"}


@lru_cache(maxsize=2048)
def _query_root_fields(query: str, operation_name: str | None) -> frozenset[str] | None:
    """The root fields of the operation to run, if it is a query; else None."""
    try:
        document = parse(query)
    except GraphQLError:
        return None
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if len(operations) != 1 or operations[0].operation != OperationType.QUERY:
        return None
    return frozenset(
        str(getattr(getattr(s, "name", None), "value", None))
        for s in operations[0].selection_set.selections
    )


def is_cacheable_query(query: str, operation_name: str | None) -> bool:
    names = _query_root_fields(query, operation_name)
    return names is not None and names <= CACHEABLE_ROOT_FIELDS


def is_public_read(query: str, operation_name: str | None) -> bool:
    names = _query_root_fields(query, operation_name)
    return names is not None and names <= PUBLIC_READ_ROOT_FIELDS


def seconds_to_end_of_day() -> int:
    now = clock.now().astimezone(clock.TZ)
    midnight = clock.local_midnight(now.date() + timedelta(days=1))
    return max(1, int((midnight - now).total_seconds()))


async def key_for(body: bytes, audience: str) -> str | None:
    """None when there is nothing to key on: the cache is unavailable (skip it, no need to
    read the version) or the database did not answer (the query itself will say so)."""
    if not get_cache().available:
        return None
    try:
        version = await dataversion.current()
    except Exception:  # the database is down: not cacheable; the execution reports it
        log.warning("public data version unreadable: answering without the cache")
        return None
    digest = hashlib.sha256(body).hexdigest()
    return f"public:{version}:{clock.today().isoformat()}:{audience}:{digest}"


async def get(key: str) -> str | None:
    return await get_cache().get(key)


async def put(key: str, payload: str) -> None:
    await get_cache().set(key, payload, ttl=seconds_to_end_of_day())
