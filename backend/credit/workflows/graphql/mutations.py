"""The workflow mutations, composed from their domains: cases (objections, repair,
appeals), public reports, and the bureau office (reminders, calendar, outbox)."""

from __future__ import annotations

import strawberry

from credit.workflows.graphql.case_mutations import CaseMutations
from credit.workflows.graphql.office_mutations import OfficeMutations
from credit.workflows.graphql.report_mutations import ReportMutations


@strawberry.type
class WorkflowMutations(CaseMutations, ReportMutations, OfficeMutations):
    pass
