"""Sign-in does not tell who exists or who is locked, and counts failures atomically
(issue 11 item 5).

- Every failure gets the same answer (invalid credentials) until the password is right:
  unknown user, wrong password, disabled account, locked account. Only the right password
  of a disabled account is told "disabled". A locked account is not even asked for its
  password (the right one gets the same refusal): otherwise an attacker could keep
  guessing through the lock and would learn the right guess from a different answer.
- Every refusal costs one argon2 verification, against the account's hash or a dummy one,
  so an unknown or locked username takes the time of a wrong password.
- A failure is counted before its password is checked, under a row lock, so 40
  simultaneous guesses check at most MAX_FAILURES passwords (5) before the lock-out
  (measured on the code before this change: 17, 18 and 20 of 40 were checked).
"""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta
from typing import Any

import httpx

from credit.accounts import passwords
from credit.accounts.auth import MAX_FAILURES, REFUSED, LoginRefused, check_credentials
from credit.accounts.models import User
from credit.audit.models import AuditEvent
from credit.conftest import LOGIN, gql
from credit.core import clock
from credit.testing import make_user

RIGHT = "Correct-Horse-1"


async def _login(client: httpx.AsyncClient, username: str, password: str) -> dict[str, Any]:
    body = await gql(client, LOGIN, {"u": username, "p": password})
    payload: dict[str, Any] = body["data"]["login"]
    return payload


def _checks() -> Counter[str]:
    return Counter(passwords.VERIFICATIONS)


async def _accounts() -> None:
    await make_user("officer", "DISTRICT_OFFICER")
    await make_user("gone", "DISTRICT_OFFICER")
    await make_user("held", "DISTRICT_OFFICER")
    await User.filter(username="gone").update(is_active=False)
    await User.filter(username="held").update(
        failed_logins=MAX_FAILURES, locked_until=clock.now() + timedelta(minutes=30)
    )


async def test_every_failure_gets_the_same_answer_until_the_password_is_right(
    make_client,
) -> None:
    # given: an active, a disabled and a locked account
    await _accounts()
    client = make_client()

    # when
    answers = {
        "unknown user": await _login(client, "nobody", "guess-1"),
        "wrong password": await _login(client, "officer", "guess-1"),
        "disabled, wrong password": await _login(client, "gone", "guess-1"),
        "locked, wrong password": await _login(client, "held", "guess-1"),
        "locked, right password": await _login(client, "held", RIGHT),
    }
    disabled_right = await _login(client, "gone", RIGHT)

    # then: one answer for all, which names no account state
    reference = answers["unknown user"]
    assert reference["me"] is None
    (error,) = reference["errors"]
    assert error["code"] == "INVALID_CREDENTIALS" and error["field"] == "password"
    for case, answer in answers.items():
        assert answer == reference, case
    # only the one who knows the password learns the account is disabled
    assert disabled_right["me"] is None
    assert [e["code"] for e in disabled_right["errors"]] == ["ACCOUNT_DISABLED"]
    assert (await User.get(username="gone")).failed_logins == 0
    # the audit trail, read by the bureau only, keeps the real reason of each refusal
    reasons = [
        e.after["reason"]
        for e in await AuditEvent.filter(action="auth.login_failed").order_by("id")
    ]
    assert reasons == [
        "unknown_user",
        "wrong_password",
        "wrong_password",
        "locked",
        "locked",
        "disabled",
    ]


async def test_each_refusal_costs_exactly_one_argon2_verification(
    make_client,
) -> None:
    # given
    await _accounts()
    client = make_client()
    cases = [
        ("nobody", "guess", {"dummy": 1}),  # unknown: verified against the dummy hash
        ("held", RIGHT, {"dummy": 1}),  # locked: not checked, the dummy instead
        ("officer", "guess", {"account": 1}),
        ("gone", "guess", {"account": 1}),
        ("gone", RIGHT, {"account": 1}),
        ("officer", RIGHT, {"account": 1}),
    ]
    for username, password, expected in cases:
        # when
        before = _checks()
        await _login(client, username, password)
        # then: the same argon2 work whatever the username (timing reveals nothing)
        spent = _checks() - before
        assert dict(spent) == expected, username


async def test_forty_simultaneous_wrong_guesses_check_at_most_five_passwords(db: str) -> None:
    # given: an account. The guesses call the sign-in rule itself, so that no request
    # timeout or per-address limit gets in the way: 40 argon2 verifications take seconds
    # each on a loaded machine.
    await make_user("officer", "DISTRICT_OFFICER")
    before = _checks()

    # when: 40 wrong guesses at once
    outcomes = await asyncio.gather(
        *(check_credentials("officer", f"guess-{i}") for i in range(40)),
        return_exceptions=True,
    )

    # then: exactly five passwords were checked and counted, and the account is locked
    spent = _checks() - before
    user = await User.get(username="officer")
    assert spent == Counter({"account": MAX_FAILURES, "dummy": 40 - MAX_FAILURES})
    assert user.failed_logins == MAX_FAILURES
    assert user.locked_until is not None and user.locked_until > clock.now()
    assert all(isinstance(o, LoginRefused) for o in outcomes)
    refusals = [o for o in outcomes if isinstance(o, LoginRefused)]
    assert {(r.code, str(r)) for r in refusals} == {("INVALID_CREDENTIALS", REFUSED)}
    reasons = Counter(r.reason for r in refusals)
    assert reasons == Counter({"wrong_password": MAX_FAILURES, "locked": 40 - MAX_FAILURES})


async def test_after_the_lock_the_right_password_works_and_clears_the_failures(
    make_client,
) -> None:
    # given: five wrong guesses lock the account
    await make_user("officer", "DISTRICT_OFFICER")
    client = make_client()
    for i in range(MAX_FAILURES):
        await _login(client, "officer", f"guess-{i}")
    user = await User.get(username="officer")
    assert user.locked_until is not None
    # when: the lock has passed
    clock.freeze(user.locked_until + timedelta(seconds=1))
    answer = await _login(client, "officer", RIGHT)
    # then
    assert answer["errors"] == [] and answer["me"]["username"] == "officer"
    user = await User.get(username="officer")
    assert (user.failed_logins, user.locked_until) == (0, None)


async def test_a_wrong_guess_after_the_lock_locks_again_for_twice_as_long(
    make_client,
) -> None:
    await make_user("officer", "DISTRICT_OFFICER")
    client = make_client()
    for i in range(MAX_FAILURES):
        await _login(client, "officer", f"guess-{i}")
    first = (await User.get(username="officer")).locked_until
    assert first is not None
    clock.freeze(first + timedelta(seconds=1))
    await _login(client, "officer", "guess-6")
    user = await User.get(username="officer")
    assert user.failed_logins == MAX_FAILURES + 1
    assert user.locked_until == first + timedelta(seconds=1) + timedelta(minutes=2)
