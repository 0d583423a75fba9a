from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from credit.accounts.models import ApiToken
from credit.testing import make_partner_token, make_subject


@dataclass
class Partner:
    token: str
    token_id: int
    subjects: list[Any]

    @property
    def headers(self) -> dict[str, str]:
        return {"authorization": f"Bearer {self.token}"}


@pytest.fixture
async def partner(db: str) -> Partner:
    """A partner token with WATCH_SUBJECTS and three subjects (not yet watched)."""
    secret = await make_partner_token(["WATCH_SUBJECTS"])
    token = await ApiToken.filter(prefix=secret[:10]).first()
    assert token is not None
    subjects = [await make_subject(name=f"沈阳关注{i}有限公司") for i in range(3)]
    return Partner(secret, token.id, subjects)


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient() as client:
        yield client
