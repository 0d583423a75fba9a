"""The GraphQL layer of the workflows: types, queries and mutations over the services in
credit.workflows. Resolvers stay thin: every rule lives in the services; this layer
declares permissions, enforces the data scope, runs each mutation in one audited
transaction and maps `WorkflowError` to typed payload errors."""

from credit.workflows.graphql.mutations import WorkflowMutations
from credit.workflows.graphql.queries import WorkflowQueries
from credit.workflows.graphql.report_lookup_queries import ReportLookupQueries

__all__ = ["ReportLookupQueries", "WorkflowMutations", "WorkflowQueries"]
