"""Plugs the domains into the hooks of the layers below them (docs/architecture.md).

core and apicore never import a domain; what their transactions must include on a
domain's behalf is registered here: the audit event of every mutation (credit.audit) and
the partners' watch events of every change of a subject's public state (credit.watches).
Called when the schema is assembled (credit.api.schema), by the command line before the
commands that run the domains' services (credit.__main__._with_db), and by the tests'
conftest. Idempotent.
"""

from __future__ import annotations

from credit.apicore import audit
from credit.audit.services import record_event
from credit.core import hooks
from credit.watches.events import record_missed_changes, record_pending


def wire() -> None:
    audit.set_writer(record_event)
    hooks.on_before_commit("watches", record_pending)
    hooks.on_after_sweep("watches", record_missed_changes)
