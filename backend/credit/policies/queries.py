"""The catalogues, public, for display and for the record-entry form's choices."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from credit.accounts.permissions import Permission, requires
from credit.apicore.context import Info
from credit.apicore.errors import CodedError, ErrorCode
from credit.core.orm import flat
from credit.policies import catalogues as c
from credit.policies.vocabulary import Vocabulary

if TYPE_CHECKING:
    # The enum class itself: the GraphQL module wraps it with strawberry.enum(...), which
    # returns the same class, but mypy reads that as a value, not a type.
    from credit.reminders.states import ReminderMethod


@strawberry.type(description="目录条目（稳定代码 + 中文）")
class CatalogueEntry:
    code: str
    name: str
    name_en: str
    article: str
    group: str | None = None
    monetary: bool = strawberry.field(default=False, description="处理种类：是否涉及金额（罚没款）")


def _info_type_entry(t: c.InfoType) -> CatalogueEntry:
    return CatalogueEntry(
        code=t.code, name=t.name_zh, name_en=t.name_en, article=t.article, group=t.category.value
    )


@strawberry.type(description="法规目录：第九条情形、信息类型、处理种类、违法领域、措施")
class Catalogues:
    @strawberry.field(description="警示目录情形（沈阳第九条，26项）")
    def watch_situations(self) -> list[CatalogueEntry]:
        return [
            CatalogueEntry(code=s.code, name=s.name_zh, name_en=s.name_en, article=s.article)
            for s in c.WATCH_SITUATIONS
        ]

    @strawberry.field(
        description="信息类型（第六条），group 为类别；给出 policy（政策代码）时仅列该政策的类型"
    )
    async def info_types(self, policy: str | None = None) -> list[CatalogueEntry]:
        if policy is not None:
            from credit.policies.services import PolicyNotFound
            from credit.subjects.policy import policy_vocabulary

            try:
                vocab = await policy_vocabulary(policy)
            except (PolicyNotFound, ValueError) as exc:
                raise CodedError(
                    f"未知的政策代码：{policy}", ErrorCode.INVALID_ARGUMENT, field="policy"
                ) from exc
            return [_info_type_entry(c.INFO_TYPES_BY_CODE[t]) for t in vocab.record_types]
        return [_info_type_entry(t) for t in c.INFO_TYPES if not t.automatic]

    @strawberry.field(description="处理种类（由轻到重）")
    def sanction_kinds(self) -> list[CatalogueEntry]:
        return [
            CatalogueEntry(
                code=k.code,
                name=k.name_zh,
                name_en=k.name_en,
                article=k.article,
                group=k.bucket,
                monetary=k.monetary,
            )
            for k in c.SANCTION_KINDS
        ]

    @strawberry.field(description="违法领域")
    def violation_domains(self) -> list[CatalogueEntry]:
        return [
            CatalogueEntry(code=d.code, name=d.name_zh, name_en=d.name_en, article=d.article)
            for d in c.VIOLATION_DOMAINS
        ]

    @strawberry.field(description="措施（沈阳第十三条；舞钢四），group 为适用对象")
    def measures(self) -> list[CatalogueEntry]:
        out = [
            CatalogueEntry(
                code=m.code,
                name=m.name_zh,
                name_en=m.name_en,
                article=m.article,
                group="WATCH_BLACK",
            )
            for m in c.SHENYANG_MEASURES
        ]
        out += [
            CatalogueEntry(
                code=m.code, name=m.name_zh, name_en=m.name_en, article=m.article, group=m.grade
            )
            for m in c.WUGANG_MEASURES
        ]
        return out


@strawberry.type
class CatalogueQueries:
    @strawberry.field(description="法规目录（公开）")
    def catalogues(self) -> Catalogues:
        return Catalogues()

    @strawberry.field(
        extensions=requires(Permission.VIEW_INTERNAL),
        description="调用者数据范围内各辖区所适用政策的词汇（驾驶舱、菜单据此只显示适用的内容）",
    )
    async def policy_vocabularies(self, info: Info) -> list[PolicyVocabulary]:
        from credit.subjects.models import Jurisdiction
        from credit.subjects.policy import policy_vocabulary
        from credit.subjects.scope import is_system_admin

        actor = info.context.actor
        query = Jurisdiction.all()
        if not is_system_admin(actor):
            query = query.filter(id=actor.jurisdiction_id or -1)
        codes: list[str] = sorted(set(await flat(query.values_list("policy_code", flat=True))))
        return [PolicyVocabulary.from_model(await policy_vocabulary(code)) for code in codes]


@strawberry.type(description="一项政策的词汇：可录入的信息类型、是否评级、是否有信用提醒")
class PolicyVocabulary:
    vocab: strawberry.Private[Vocabulary]
    policy_code: str = strawberry.field(description="政策代码")
    regulation: str = strawberry.field(description="政策文号，如 沈公发〔2018〕4号")
    record_types: list[CatalogueEntry] = strawberry.field(
        description="该政策可手工录入的信息类型（目录顺序）"
    )
    grades: bool = strawberry.field(description="是否评定信用等级（A/B/C）")

    @classmethod
    def from_model(cls, vocab: Vocabulary) -> PolicyVocabulary:
        return cls(
            vocab=vocab,
            policy_code=vocab.policy_code,
            regulation=vocab.regulation,
            record_types=[_info_type_entry(c.INFO_TYPES_BY_CODE[t]) for t in vocab.record_types],
            grades=vocab.grades,
        )

    @strawberry.field(description="信用提醒与诚信约谈的方式（舞公 五）；无此制度的政策为空")
    def reminder_methods(
        self,
    ) -> list[Annotated[ReminderMethod, strawberry.lazy("credit.reminders.types")]]:
        from credit.reminders.states import ReminderMethod as Method

        return list(Method) if self.vocab.reminders else []
