"""Who is calling: anonymous, a signed-in user, or a partner agency's API token."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from credit.accounts.permissions import Permission


class ActorKind(StrEnum):
    ANONYMOUS = "ANONYMOUS"
    USER = "USER"
    PARTNER = "PARTNER"


@dataclass(frozen=True)
class Actor:
    kind: ActorKind = ActorKind.ANONYMOUS
    user_id: int | None = None
    username: str = ""
    display_name: str = ""
    role: str = ""
    unit_id: int | None = None
    unit_code: str = ""
    unit_name: str = ""
    # Data scope: a district officer sees its district; an enterprise its own subject;
    # city roles their jurisdiction. None = no restriction of that kind.
    jurisdiction_id: int | None = None
    district_id: int | None = None
    subject_id: int | None = None
    permissions: frozenset[Permission] = field(default_factory=frozenset)
    session_id: int | None = None
    csrf_token: str | None = None
    token_id: int | None = None
    rate_limit_per_minute: int | None = None
    # An administrator reset the password: only the password change is allowed.
    must_change_password: bool = False

    @property
    def is_authenticated(self) -> bool:
        return self.kind != ActorKind.ANONYMOUS

    @property
    def audience(self) -> str:
        """The cache audience: results differ only by kind and scopes, never by person."""
        if self.kind == ActorKind.ANONYMOUS:
            return "public"
        if self.kind == ActorKind.PARTNER:
            # The jurisdiction too: a token sees full ID numbers of its jurisdiction only.
            scopes = ",".join(sorted(p.value for p in self.permissions))
            return f"partner:{self.jurisdiction_id}:{scopes}"
        return f"user:{self.user_id}"

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions


ANONYMOUS = Actor()
