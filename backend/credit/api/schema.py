"""The schema: each domain contributes its queries and mutations."""

from __future__ import annotations

import strawberry
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig

from credit.accounts.admin_queries import AdminQueries
from credit.accounts.admin_units import UnitAdminMutations
from credit.accounts.admin_users import UserAdminMutations
from credit.accounts.mutations import AccountMutations
from credit.accounts.permissions import Permission
from credit.accounts.queries import AccountQueries
from credit.api.classification import TABLE, TRUSTED_PATHS
from credit.api.introspection import PublicIntrospection
from credit.api.limits import CostLimiter, QuerySizeLimit
from credit.api.wiring import wire
from credit.apicore.errors import ErrorCode
from credit.apicore.inputs import InputRule, VariableCheck
from credit.apicore.visibility import Level, classify, levels
from credit.appeals.mutations import AppealMutations
from credit.associations.mutations import AssociationMutations
from credit.associations.queries import AssociationQueries
from credit.audit.queries import AuditQueries
from credit.calendar.mutations import CalendarMutations
from credit.calendar.queries import CalendarQueries
from credit.casework.queries import EvidenceQueries
from credit.commitments.mutations import CommitmentMutations
from credit.commitments.types import CommitmentQueries
from credit.creditreport.queries import CreditReportQueries
from credit.grades.dashboard import DashboardQueries
from credit.lists.publications import PublicationQueries
from credit.lists.queries import ListQueries
from credit.notices.queries import NoticeQueries
from credit.objections.mutations import ObjectionMutations
from credit.objections.queries import ObjectionQueries
from credit.outbox.mutations import OutboxMutations
from credit.outbox.queries import OutboxQueries
from credit.policies.admin import PolicyMutations, PolicyQueries
from credit.policies.queries import CatalogueQueries
from credit.records.correction_mutations import CorrectionMutations
from credit.records.import_mutations import ImportMutations
from credit.records.mutations import RecordMutations
from credit.records.queries import RecordQueries
from credit.reminders.mutations import ReminderMutations
from credit.reminders.queries import ReminderQueries
from credit.repairs.mutations import RepairMutations
from credit.repairs.queries import RepairQueries
from credit.reports.lookup_queries import ReportLookupQueries
from credit.reports.mutations import ReportMutations
from credit.reports.queries import ReportQueries
from credit.subjects.internal import DecisionQueries, InternalQueries
from credit.subjects.mutations import SubjectMutations
from credit.subjects.queries import SubjectQueries
from credit.watches.delivery.graphql import WatchDeliveryMutations, WatchDeliveryQueries
from credit.watches.delivery.subscription import WatchSubscription
from credit.watches.graphql import WatchMutations, WatchQueries

MAX_DEPTH = 10
MAX_ALIASES = 30
MAX_TOKENS = 3000

# The limiters' validation rules are built once: ValidationCache keys on the rule classes,
# and a limiter built per request (a lambda factory) makes new classes each time, so the
# cache would never hit (measured: half of a cold lookup's CPU).
LIMIT_RULES = [
    *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
    *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
    InputRule,
]


class QueryLimits(AddValidationRules):
    def __init__(self) -> None:
        super().__init__(LIMIT_RULES)


@strawberry.type
class Query(
    SubjectQueries,
    ListQueries,
    PublicationQueries,
    CatalogueQueries,
    AccountQueries,
    InternalQueries,
    AuditQueries,
    CreditReportQueries,
    DashboardQueries,
    DecisionQueries,
    RecordQueries,
    PolicyQueries,
    # The case domains, in the order their fields appear in the schema.
    ObjectionQueries,
    RepairQueries,
    ReportQueries,
    NoticeQueries,
    EvidenceQueries,
    ReminderQueries,
    CalendarQueries,
    OutboxQueries,
    ReportLookupQueries,
    AdminQueries,
    WatchQueries,
    CommitmentQueries,
    AssociationQueries,
    WatchDeliveryQueries,
):
    pass


@strawberry.type
class Mutation(
    AccountMutations,
    RecordMutations,
    SubjectMutations,
    CorrectionMutations,
    ImportMutations,
    AssociationMutations,
    PolicyMutations,
    ObjectionMutations,
    RepairMutations,
    AppealMutations,
    ReportMutations,
    ReminderMutations,
    CalendarMutations,
    OutboxMutations,
    UnitAdminMutations,
    UserAdminMutations,
    WatchMutations,
    CommitmentMutations,
    WatchDeliveryMutations,
):
    pass


@strawberry.type
class Subscription(WatchSubscription):
    pass


schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    # Not reached from a field: listed so that clients read them in the schema.
    types=[Permission, ErrorCode],
    # No "Did you mean …?" in errors: they would name fields a caller cannot see, even with
    # PUBLIC_INTROSPECTION=false.
    config=StrawberryConfig(relay_max_results=100, disable_field_suggestions=True),
    extensions=[
        QuerySizeLimit,
        PublicIntrospection,
        QueryLimits,
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        CostLimiter,
        VariableCheck,
        lambda: ParserCache(maxsize=1024),
        lambda: ValidationCache(maxsize=1024),
    ],
)

# Every field's level (public, enterprise-self, internal, restricted) as @visibility.
classify(schema, TABLE, TRUSTED_PATHS)

# What the lower layers' transactions do on the domains' behalf (audit events, partners'
# watch events): registered now that every domain is assembled.
wire()


def field_levels() -> dict[str, Level]:
    """'Type.field' → level for every field of the schema (for the leak matrix test, which
    checks each reader's answers against it)."""
    return levels(schema, TABLE, TRUSTED_PATHS)


def schema_sdl() -> str:
    """The SDL committed as schema.graphql at the repository root (make schema)."""
    return schema.as_str() + "\n"
