"""The GraphQL machinery every domain uses: the request context and its loaders, the
mutation runner and its typed errors, pagination, input checks, field visibility and
rate limits. It sits between `core`/`accounts` and the domains; `credit.api` assembles the
domains into the schema and the HTTP endpoint (docs/architecture.md)."""
