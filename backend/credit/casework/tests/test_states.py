"""The workflows' plain rules, without a database: state machines, WG 五 methods and
interviewees, parameters, evidence checks."""

from __future__ import annotations

import pytest

from credit.casework.error_codes import CaseError, CaseworkErrorCode
from credit.casework.evidence import EvidenceInput, check_evidence
from credit.casework.params import WorkflowParams, workflow_params
from credit.casework.states import Step
from credit.notices.texts import sentence
from credit.objections.states import OBJECTION, ObjectionStatus
from credit.outbox.params import OutboxParams
from credit.outbox.states import OUTBOX, OutboxStatus
from credit.policies.facts import SubjectKind
from credit.policies.params import SHENYANG_CODE, WUGANG_CODE
from credit.reminders.services import check_interviewee
from credit.reminders.states import IntervieweeRole, ReminderMethod, reminder_methods
from credit.repairs.states import REPAIR, RepairStatus
from credit.reports.states import REPORT, ReportStatus


def test_article14_objection_steps() -> None:
    s = ObjectionStatus
    assert OBJECTION.next(Step.ACCEPT, s.FILED) == s.ACCEPTED
    assert OBJECTION.next(Step.UPHOLD, s.ACCEPTED) == s.UPHELD
    assert OBJECTION.next(Step.REJECT, s.ACCEPTED) == s.REJECTED
    assert OBJECTION.next(Step.WITHDRAW, s.ACCEPTED) == s.WITHDRAWN
    with pytest.raises(CaseError) as refused:
        OBJECTION.next(Step.UPHOLD, s.FILED)
    assert refused.value.code == CaseworkErrorCode.INVALID_STATE
    assert refused.value.message == "异议当前为“已提交”，不能执行该操作（仅限：已受理）"
    with pytest.raises(CaseError):
        OBJECTION.next(Step.ACCEPT, s.UPHELD)  # decided is final
    assert OBJECTION.open_states() == {s.FILED, s.ACCEPTED}


def test_repair_report_and_outbox_steps() -> None:
    assert REPAIR.next(Step.APPROVE, RepairStatus.FILED) == RepairStatus.APPROVED
    with pytest.raises(CaseError):
        REPAIR.next(Step.APPROVE, RepairStatus.REJECTED)
    assert REPORT.next(Step.TRIAGE, ReportStatus.TRIAGED) == ReportStatus.TRIAGED  # reassign
    assert REPORT.next(Step.DISMISS, ReportStatus.RECEIVED) == ReportStatus.CLOSED
    with pytest.raises(CaseError):
        REPORT.next(Step.CLOSE, ReportStatus.TRIAGED)  # closing needs an investigation
    assert OUTBOX.next(Step.REQUEUE, OutboxStatus.FAILED) == OutboxStatus.PENDING
    with pytest.raises(CaseError):
        OUTBOX.next(Step.REQUEUE, OutboxStatus.DELIVERED)


def test_wugang5_methods_by_grade() -> None:
    oral, written, interview = ReminderMethod
    assert reminder_methods("B") == (oral, written)
    assert reminder_methods("C") == (written, interview)
    assert reminder_methods("A") == reminder_methods("UNGRADED") == reminder_methods(None) == ()


def test_wugang5_who_is_interviewed() -> None:
    org, person = SubjectKind.ENTERPRISE, SubjectKind.NATURAL_PERSON
    interview = ReminderMethod.INTERVIEW
    for role in (
        IntervieweeRole.PRINCIPAL,
        IntervieweeRole.MANAGER_IN_CHARGE,
        IntervieweeRole.DIRECTLY_RESPONSIBLE,
    ):
        check_interviewee(org, interview, role, "李四")
    check_interviewee(person, interview, None, "")
    check_interviewee(org, ReminderMethod.WRITTEN_REMINDER, None, "")
    with pytest.raises(CaseError, match="主要负责人、分管负责人或者直接责任人"):
        check_interviewee(org, interview, IntervieweeRole.SELF, "李四")
    with pytest.raises(CaseError, match="本人"):
        check_interviewee(person, interview, IntervieweeRole.PRINCIPAL, "李四")


def test_parameters_per_policy_and_their_checks() -> None:
    sy, wg = workflow_params(SHENYANG_CODE), workflow_params(WUGANG_CODE)
    assert (sy.objection_window_days, sy.objection_verify_working_days) == (30, 15)
    assert sy.repair_min_public_months == {"hint": 0, "warning": 12}
    assert wg.repair_min_public_months == {"hint": 3, "warning": 12}
    assert wg.publication_targets == ("municipal_platform",)
    with pytest.raises(ValueError, match="unknown workflow parameter"):
        WorkflowParams.from_mapping({"objection_days": 30})
    with pytest.raises(ValueError, match="not a bad category"):
        WorkflowParams(repair_min_public_months={"good": 1})
    with pytest.raises(ValueError):
        OutboxParams(lease_seconds=5, timeout_seconds=10)


def test_evidence_checks() -> None:
    params = WorkflowParams(evidence_max_bytes=10, evidence_max_files=2)
    check_evidence([EvidenceInput("a.pdf", "application/pdf", b"%PDF-1.7")], params)
    cases = [
        ([EvidenceInput("a.exe", "application/x-msdownload", b"MZ")], "不支持的文件类型"),
        ([EvidenceInput("a.pdf", "application/pdf", b"%PDF-" + b"0" * 10)], "上限"),
        ([EvidenceInput("a.pdf", "application/pdf", b"")], "为空"),
        ([EvidenceInput("a.jpg", "image/jpeg", b"GIF89a")], "不符"),
        ([EvidenceInput("a.pdf", "application/pdf", b"%PDF-")] * 3, "最多2个文件"),
    ]
    for files, message in cases:
        with pytest.raises(CaseError, match=message):
            check_evidence(files, params)


def test_reasons_become_sentences() -> None:
    assert sentence("经核实属实") == "经核实属实。"
    assert sentence("经核实属实。") == "经核实属实。"
    assert sentence("") == ""
