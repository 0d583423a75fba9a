"""The name history of a subject (曾用名 / 名称变更记录): internal users only. The public
sees the current name only (DOMAIN.md Disclosure: the name is public, former names are
not named there)."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.dataloader import DataLoader

from credit.accounts.loaders import user_by_id
from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.loaders import grouped_loader
from credit.subjects.models import SubjectNameChange as NameChangeModel


@strawberry.type(description="名称变更记录（曾用名）")
class SubjectNameChange:
    row: strawberry.Private[NameChangeModel]
    old_name: str = strawberry.field(description="原名称（曾用名）")
    new_name: str = strawberry.field(description="新名称")
    changed_at: datetime = strawberry.field(description="变更时间")

    @strawberry.field(
        extensions=requires(Permission.VIEW_INTERNAL),
        description="变更人（姓名）；导入为“批量导入”",
    )
    async def changed_by(self, info: Info) -> str:
        if self.row.changed_by_id is None:
            return "批量导入" if self.row.source == "import" else ""
        user = await info.context.loaders.get(user_by_id).load(self.row.changed_by_id)
        return user.display_name if user else ""

    @classmethod
    def from_model(cls, row: NameChangeModel) -> SubjectNameChange:
        return cls(row=row, old_name=row.old_name, new_name=row.new_name, changed_at=row.changed_at)


def name_changes_of_subject() -> DataLoader[int, list[NameChangeModel]]:
    """Newest change first."""
    return grouped_loader(NameChangeModel, "subject_id", ("-changed_at", "-id"))


def name_changes_loader(info: Info) -> DataLoader[int, list[NameChangeModel]]:
    return info.context.loaders.get(name_changes_of_subject)
