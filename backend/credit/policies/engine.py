"""Dispatch an evaluation to the policy named by its code.

``params`` is the policy row's mapping: missing keys take the defaults of
``POLICY_DEFAULTS[policy_code]``; an unknown key is a ValueError naming it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any

from .facts import Evaluation, RecordFact, SubjectFact
from .params import SHENYANG_CODE, WUGANG_CODE, ShenyangParams, WugangParams
from .shenyang import evaluate_shenyang
from .wugang import evaluate_wugang

_Evaluator = Callable[[SubjectFact, Iterable[RecordFact], datetime, Mapping[str, Any]], Evaluation]

POLICIES: dict[str, _Evaluator] = {
    SHENYANG_CODE: lambda subject, records, at, params: evaluate_shenyang(
        subject, records, at, ShenyangParams.from_mapping(params)
    ),
    WUGANG_CODE: lambda subject, records, at, params: evaluate_wugang(
        subject, records, at, WugangParams.from_mapping(params)
    ),
}


def evaluate(
    policy_code: str,
    params: Mapping[str, Any],
    subject: SubjectFact,
    records: Iterable[RecordFact],
    at: datetime,
) -> Evaluation:
    """Evaluate ``subject`` under the policy ``policy_code`` as of ``at``."""
    evaluator = POLICIES.get(policy_code)
    if evaluator is None:
        raise ValueError(f"unknown policy code {policy_code!r}; known: {sorted(POLICIES)}")
    return evaluator(subject, records, at, params)
