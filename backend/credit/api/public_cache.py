"""The serialised-result cache of public queries.

A hit costs two cache reads (the public version, then the entry) and no GraphQL execution.
Every mutation that can change what the public sees bumps the version (one INCR), so the
next read on any worker misses; entries also expire at the end of the local day, which is
never later than any evaluation's next_change_at (always a future local midnight).
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from functools import lru_cache

from graphql import OperationDefinitionNode, OperationType, parse
from graphql.error import GraphQLError

from credit.core import clock
from credit.core.cache import get_cache

VERSION_KEY = "public:version"
# Root fields whose answers depend only on published data, the arguments and the date.
CACHEABLE_ROOT_FIELDS = frozenset(
    {"subject", "subjects", "subjectSearch", "listEntries", "districts", "catalogues", "__typename"}
)


@lru_cache(maxsize=2048)
def is_cacheable_query(query: str, operation_name: str | None) -> bool:
    try:
        document = parse(query)
    except GraphQLError:
        return False
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if len(operations) != 1 or operations[0].operation != OperationType.QUERY:
        return False
    names = {
        getattr(getattr(s, "name", None), "value", None)
        for s in operations[0].selection_set.selections
    }
    return names <= CACHEABLE_ROOT_FIELDS


def seconds_to_end_of_day() -> int:
    now = clock.now().astimezone(clock.TZ)
    midnight = clock.local_midnight(now.date() + timedelta(days=1))
    return max(1, int((midnight - now).total_seconds()))


async def key_for(body: bytes, audience: str) -> str:
    version = await get_cache().get(VERSION_KEY) or "0"
    digest = hashlib.sha256(body).hexdigest()
    return f"public:{version}:{clock.today().isoformat()}:{audience}:{digest}"


async def get(key: str) -> str | None:
    return await get_cache().get(key)


async def put(key: str, payload: str) -> None:
    await get_cache().set(key, payload, ttl=seconds_to_end_of_day())


async def invalidate() -> None:
    """Called after any commit that may change public data (records, lists, subjects)."""
    await get_cache().incr(VERSION_KEY)
