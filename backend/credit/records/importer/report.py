"""What an import did, or would do (a dry run), or why it did nothing: the counts and the
problems, each naming its line and field."""

from __future__ import annotations

from dataclasses import dataclass, field

from credit.records.importer.rows import ImportIssue

MAX_ERRORS_SHOWN = 50


@dataclass
class ImportReport:
    format: str
    dry_run: bool
    rows: int = 0
    subjects_created: int = 0
    subjects_updated: int = 0
    subjects_unchanged: int = 0
    decisions_created: int = 0
    decisions_skipped: int = 0
    records_created: int = 0
    records_skipped: int = 0
    subjects_reevaluated: int = 0
    seconds: float = 0.0
    errors: list[ImportIssue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def changed(self) -> bool:
        return bool(
            self.subjects_created
            or self.subjects_updated
            or self.decisions_created
            or self.records_created
        )

    def counts(self) -> dict[str, int]:
        return {
            "rows": self.rows,
            "subjects_created": self.subjects_created,
            "subjects_updated": self.subjects_updated,
            "subjects_unchanged": self.subjects_unchanged,
            "decisions_created": self.decisions_created,
            "decisions_skipped": self.decisions_skipped,
            "records_created": self.records_created,
            "records_skipped": self.records_skipped,
            "subjects_reevaluated": self.subjects_reevaluated,
        }

    def describe(self, max_errors: int = MAX_ERRORS_SHOWN) -> str:
        if self.errors:
            lines = [f"文件有 {len(self.errors)} 处错误，未写入任何数据："]
            lines += [str(e) for e in self.errors[:max_errors]]
            if len(self.errors) > max_errors:
                more = len(self.errors) - max_errors
                lines.append(f"…and {more} more（另有 {more} 处错误未显示）")
            return "\n".join(lines)
        head = (
            "试运行：校验通过，未写入任何数据；以下为将写入的数量" if self.dry_run else "导入完成"
        )
        return "\n".join(
            [
                f"{head}（{self.format}，{self.rows} 行，用时 {self.seconds:.2f} 秒）",
                f"  主体：新建 {self.subjects_created}，更新 {self.subjects_updated}，"
                f"未变 {self.subjects_unchanged}",
                f"  决定：新建 {self.decisions_created}，已导入跳过 {self.decisions_skipped}",
                f"  无决定的信用信息：新建 {self.records_created}，"
                f"已导入跳过 {self.records_skipped}",
                f"  重新评价的主体：{self.subjects_reevaluated}",
            ]
        )
