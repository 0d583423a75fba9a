"""The import, like the console, refuses a record type the subject's policy does not know,
and keeps a change of name in the subject's name history."""

from __future__ import annotations

from credit.records.importer import import_rows
from credit.records.tests.test_importer import filing_row, places, subject_row  # noqa: F401
from credit.subjects.models import Subject, SubjectNameChange


async def test_a_wugang_only_type_for_a_shenyang_enterprise_is_refused(places: None) -> None:  # noqa: F811
    # given a Shenyang enterprise and an upstream evaluation result (Wugang 一 only; a
    # type that needs no decision of its own, so the type is the row's only fault)
    rows = [subject_row(1), filing_row(1, type="external_evaluation")]
    # when
    report = await import_rows(rows)
    # then
    assert not report.ok
    assert [(e.line, e.field) for e in report.errors] == [(2, "type")]
    assert "沈公发〔2018〕4号" in report.errors[0].message
    assert await Subject.all().count() == 0


async def test_a_new_name_in_an_import_is_kept_in_the_name_history(places: None) -> None:  # noqa: F811
    # given
    assert (await import_rows([subject_row(1)])).ok
    # when
    report = await import_rows([subject_row(1, name="沈阳改名技防有限公司")])
    # then
    assert report.ok, report.describe()
    change = await SubjectNameChange.get()
    assert (change.old_name, change.new_name, change.source) == (
        "沈阳测试技防1号有限公司",
        "沈阳改名技防有限公司",
        "import",
    )
