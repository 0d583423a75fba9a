"""Actors, subjects with published records, and a local HTTP receiver for the outbox."""

from __future__ import annotations

import asyncio
import itertools
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from credit.accounts.actor import Actor, ActorKind
from credit.accounts.models import Role, Unit, UnitKind, User
from credit.accounts.permissions import ROLE_PERMISSIONS
from credit.core import clock
from credit.policies.params import SHENYANG_CODE
from credit.records.models import CreditRecord
from credit.records.services import (
    RecordInput,
    SanctionInput,
    ViolationInput,
    create_published,
)
from credit.subjects.models import Subject
from credit.testing import make_place

_seq = itertools.count(1)


def local(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=clock.TZ)


def freeze_on(day: date, hour: int = 10) -> datetime:
    at = local(day, hour)
    clock.freeze(at)
    return at


async def make_actor(
    role: Role,
    policy_code: str = SHENYANG_CODE,
    *,
    subject: Subject | None = None,
    name: str = "",
) -> Actor:
    """A signed-in user of `role` in a unit of the policy's jurisdiction."""
    j, d = await make_place(policy_code)
    kind = {
        Role.DISTRICT_OFFICER: UnitKind.DISTRICT_BUREAU,
        Role.ENTERPRISE: UnitKind.DISTRICT_BUREAU,
    }.get(role, UnitKind.CITY_BUREAU)
    code = f"{j.code}-{kind}"
    unit = await Unit.get_or_none(code=code)
    if unit is None:
        unit = await Unit.create(
            code=code,
            name=f"{j.name}公安局" if kind == UnitKind.CITY_BUREAU else f"{d.name}分局",
            kind=kind,
            jurisdiction_id=j.id,
            district_id=d.id if kind == UnitKind.DISTRICT_BUREAU else None,
        )
    n = next(_seq)
    user = await User.create(
        username=name or f"{role.value.lower()}-{n}",
        password_hash="x",
        display_name=name or f"{role.value}{n}",
        role=role,
        unit_id=unit.id,
        subject_id=subject.id if subject else None,
    )
    return Actor(
        kind=ActorKind.USER,
        user_id=user.id,
        username=user.username,
        role=role.value,
        unit_id=unit.id,
        unit_code=unit.code,
        jurisdiction_id=j.id,
        district_id=d.id if role == Role.DISTRICT_OFFICER else None,
        subject_id=subject.id if role == Role.ENTERPRISE and subject else None,
        permissions=ROLE_PERMISSIONS[role],
    )


def watch_case(day: date, situation: str = "s08") -> RecordInput:
    n = next(_seq)
    return RecordInput(
        type="watch_list_case",
        occurred_on=day,
        summary=f"因服务受到用户投诉（案{n}）",
        situation_code=situation,
        decision_no=f"沈公技防警〔{day.year}〕{n:03d}号",
        decision_date=day,
        issuing_unit="沈阳市公安局",
    )


def wugang_decision(day: date, kind: str = "warning", amount: int = 0) -> RecordInput:
    n = next(_seq)
    return RecordInput(
        type="administrative_decision",
        occurred_on=day,
        summary=f"违反治安管理（决定{n}）",
        decision_no=f"舞公行决字〔{day.year}〕{n:04d}号",
        decision_date=day,
        issuing_unit="舞钢市公安局",
        violations=[
            ViolationInput(
                type_code="public_order_x",
                domain="public_order",
                sanctions=[SanctionInput(kind, Decimal(amount))],
            )
        ],
    )


async def publish(subject: Subject, data: RecordInput, on: date) -> CreditRecord:
    """A record published on `on`; the clock is left frozen on that day at 13:00 (after
    the publication), so a test moves it on explicitly."""
    freeze_on(on, 13)
    return await create_published(subject, data, on, None)


# --- the receiver -------------------------------------------------------------------------


@dataclass
class Receiver:
    """Fails the first `fail_first` requests with `fail_status`, then accepts. Applies
    each Idempotency-Key once (a repeat gets 200 without applying again). With
    `lose_first_response`, the first request is applied but answered 500, as when the
    answer is lost on the way back."""

    url: str = ""
    fail_first: int = 0
    fail_status: int = 503
    lose_first_response: bool = False
    requests: list[tuple[str, dict[str, object]]] = field(default_factory=list)
    applied: dict[str, int] = field(default_factory=dict)

    async def handle(self, request: Request) -> JSONResponse:
        key = request.headers.get("idempotency-key", "")
        body = await request.json()
        self.requests.append((key, body))
        if len(self.requests) <= self.fail_first:
            return JSONResponse({"error": "unavailable"}, status_code=self.fail_status)
        if key in self.applied:
            return JSONResponse({"duplicate": True}, status_code=200)
        self.applied[key] = len(self.requests)
        if self.lose_first_response and len(self.requests) == 1:
            return JSONResponse({"error": "lost"}, status_code=500)
        return JSONResponse({"ok": True}, status_code=201)


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    state = Receiver()

    async def endpoint(request: Request) -> JSONResponse:
        return await state.handle(request)

    app = Starlette(routes=[Route("/events", endpoint, methods=["POST"])])
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app, lifespan="off", log_level="warning", http="h11", ws="none", access_log=False
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    for _ in range(500):
        if server.started:
            break
        await asyncio.sleep(0.01)
    state.url = f"http://127.0.0.1:{port}/events"
    yield state
    server.should_exit = True
    await task
    sock.close()
