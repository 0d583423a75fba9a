"""The catalogues, public, for display and for the record-entry form's choices."""

from __future__ import annotations

import strawberry

from credit.policies import catalogues as c


@strawberry.type(description="目录条目（稳定代码 + 中文）")
class CatalogueEntry:
    code: str
    name: str
    name_en: str
    article: str
    group: str | None = None
    monetary: bool = strawberry.field(default=False, description="处理种类：是否涉及金额（罚没款）")


@strawberry.type(description="法规目录：第九条情形、信息类型、处理种类、违法领域、措施")
class Catalogues:
    @strawberry.field(description="警示目录情形（沈阳第九条，26项）")
    def watch_situations(self) -> list[CatalogueEntry]:
        return [
            CatalogueEntry(code=s.code, name=s.name_zh, name_en=s.name_en, article=s.article)
            for s in c.WATCH_SITUATIONS
        ]

    @strawberry.field(description="信息类型（第六条），group 为类别")
    def info_types(self) -> list[CatalogueEntry]:
        return [
            CatalogueEntry(
                code=t.code,
                name=t.name_zh,
                name_en=t.name_en,
                article=t.article,
                group=t.category.value,
            )
            for t in c.INFO_TYPES
            if not t.automatic
        ]

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
