"""The policy a subject falls under: its jurisdiction's (as the import decides it), in the
version in force now, and what that policy knows (credit.policies.vocabulary)."""

from __future__ import annotations

from tortoise.backends.base.client import BaseDBAsyncClient

from credit.core import clock
from credit.policies.services import policy_for
from credit.policies.vocabulary import Vocabulary, vocabulary
from credit.subjects.models import Jurisdiction


async def jurisdiction_vocabulary(
    jurisdiction_id: int, conn: BaseDBAsyncClient | None = None
) -> Vocabulary:
    j = await Jurisdiction.get(id=jurisdiction_id, using_db=conn)
    return await policy_vocabulary(j.policy_code, conn)


async def policy_vocabulary(policy_code: str, conn: BaseDBAsyncClient | None = None) -> Vocabulary:
    policy = await policy_for(policy_code, clock.now(), conn)
    return vocabulary(policy.code, policy.params)
