"""One policy's vocabulary: what an officer is offered for a subject under that policy.

The two seeds share the catalogue of information types, but each knows only part of it.
Shenyang (沈公发〔2018〕4号 第六条) names the 技防 types (filing, inspection, watch-list
case, …) and counts administrative penalties (第六条（四）1). Wugang (舞公〔2021〕394号
一、三) grades from administrative decisions, breaches of licence commitments, upstream
evaluations, and the red- and black-list conditions its parameters name
(``a_record_types`` / ``c_record_types``). Only Wugang grades subjects (A/B/C), and so
only Wugang has the reminders of its 五 (B: oral or written reminder, C: written
reminder or interview).

Pure: no database. The record types of a policy depend on its parameters in force.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .catalogues import INFO_TYPES, SY, WG
from .facts import SubjectKind
from .params import SHENYANG_CODE, WUGANG_CODE, WugangParams

_SHENYANG_TYPES = frozenset(
    {
        "filing",
        "inspection",
        "basic_other",
        "red_list",
        "association_rating",
        "honour",
        "honest_operation",
        "good_other",
        "interview_or_warning",
        "watch_list_case",
        "hint_other",
        "blacklist",
        "warning_other",
        # 第六条（四）1 counts 行政处罚 for the same type of violation: the penalty decisions
        # themselves are entered as public-security administrative decisions.
        "administrative_decision",
    }
)
_WUGANG_TYPES = frozenset(
    {"administrative_decision", "licence_commitment_violation", "external_evaluation"}
)
_ORGANISATIONS = frozenset(SubjectKind) - {SubjectKind.NATURAL_PERSON}


@dataclass(frozen=True)
class Vocabulary:
    policy_code: str
    regulation: str  # the document number, e.g. 沈公发〔2018〕4号
    record_types: tuple[str, ...]  # codes an officer may enter, in catalogue order
    subject_kinds: frozenset[SubjectKind]  # whom the policy governs
    grades: bool  # whether it grades subjects A/B/C
    reminders: bool  # whether it has credit reminders and interviews (WG 五)

    def knows(self, record_type: str) -> bool:
        return record_type in self.record_types


def _ordered(codes: frozenset[str]) -> tuple[str, ...]:
    return tuple(t.code for t in INFO_TYPES if t.code in codes and not t.automatic)


def vocabulary(policy_code: str, params: Mapping[str, Any] | None = None) -> Vocabulary:
    """The vocabulary of `policy_code` under its parameters `params` (the policy row's
    mapping; None: the defaults). An unknown policy knows nothing (ValueError)."""
    if policy_code == SHENYANG_CODE:
        return Vocabulary(
            SHENYANG_CODE, SY, _ordered(_SHENYANG_TYPES), _ORGANISATIONS, False, False
        )
    if policy_code == WUGANG_CODE:
        p = WugangParams.from_mapping(params or {})
        codes = _WUGANG_TYPES | set(p.a_record_types) | set(p.c_record_types)
        return Vocabulary(
            WUGANG_CODE, WG, _ordered(frozenset(codes)), frozenset(SubjectKind), True, True
        )
    raise ValueError(f"unknown policy code {policy_code!r}")
