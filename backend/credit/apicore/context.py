"""The per-request context: loaders, the caller, the request id."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from strawberry.types import Info as StrawberryInfo

from credit.accounts.actor import ANONYMOUS, Actor
from credit.apicore.loaders import Loaders


@dataclass
class Context:
    request: Request | None
    response: Response | None
    actor: Actor = ANONYMOUS
    loaders: Loaders = field(default_factory=Loaders)
    request_id: str = field(default_factory=lambda: uuid.uuid4().hex)

    @staticmethod
    def new_request_id() -> str:
        return uuid.uuid4().hex

    @property
    def csrf_header(self) -> str | None:
        return self.request.headers.get("x-csrf-token") if self.request else None

    @property
    def client_addr(self) -> str:
        if self.request is None or self.request.client is None:
            return ""
        return self.request.client.host


Info = StrawberryInfo[Context, Any]
