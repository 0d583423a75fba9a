"""Work a transaction must include that belongs to a layer above the code opening it.

The mutation runner (credit.apicore.mutations) and the evaluation (credit.grades.services)
open the transactions that change what partners watch; the watches domain, above both,
turns those changes into watch events. Importing it from there would point the
dependencies upwards (it made grades ↔ watches an import cycle), so the work is registered
here by the api layer when it assembles the application (credit.api.wiring) and run by the
code that owns the transaction, on its connection: if a hook fails, nothing is committed.

Hooks are keyed by name, so wiring twice (the app, then the CLI or the tests) replaces
rather than doubles them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date

from tortoise.backends.base.client import BaseDBAsyncClient

# (the transaction's connection, the day the change takes effect; None: the day each
# subject was re-evaluated at)
BeforeCommit = Callable[[BaseDBAsyncClient, date | None], Awaitable[object]]
AfterSweep = Callable[[], Awaitable[object]]

_before_commit: dict[str, BeforeCommit] = {}
_after_sweep: dict[str, AfterSweep] = {}


def on_before_commit(name: str, hook: BeforeCommit) -> None:
    """Run `hook` at the end of every transaction that may have changed a subject's public
    state (after the body and its audit event, before the data version's bump)."""
    _before_commit[name] = hook


def on_after_sweep(name: str, hook: AfterSweep) -> None:
    """Run `hook` after each evaluation sweep (its own transactions)."""
    _after_sweep[name] = hook


def registered() -> tuple[list[str], list[str]]:
    """The names of the before-commit and the after-sweep hooks (for the wiring test)."""
    return sorted(_before_commit), sorted(_after_sweep)


async def before_commit(conn: BaseDBAsyncClient, effective_date: date | None = None) -> None:
    for hook in list(_before_commit.values()):
        await hook(conn, effective_date)


async def after_sweep() -> None:
    for hook in list(_after_sweep.values()):
        await hook()
