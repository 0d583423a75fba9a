"""The per-request context: loaders, the caller, the request id."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from strawberry.types import Info as StrawberryInfo

from credit.api.loaders import Loaders


@dataclass
class Context:
    request: Request | None
    response: Response | None
    loaders: Loaders = field(default_factory=Loaders)
    request_id: str = field(default_factory=lambda: uuid.uuid4().hex)

    @property
    def client_addr(self) -> str:
        if self.request is None or self.request.client is None:
            return ""
        return self.request.client.host


Info = StrawberryInfo[Context, Any]
