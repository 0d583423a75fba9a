"""The leak matrix (issue 11): every reader against every query field, with the demo data
loaded and a unique marker planted in every restricted value. A marker may appear only in
the answers of the readers its level allows; anything else is a leak.

Readers: anonymous; partner tokens of Shenyang without scopes, with VIEW_UNMASKED_ID and
with WATCH_SUBJECTS (watching every organisation, with change events), and of Wugang with
VIEW_UNMASKED_ID; every demo account (administrator, city reviewers of
both jurisdictions, three district officers, an officer of Wugang, the enterprise
account, the association). The walk is generic (leak_walk.py): a field added tomorrow is
queried tomorrow. The same markers are looked for in the PDF reports, the notices (a
query field, so walked) and the outbox payloads sent to the public sites.

PostgreSQL only: the walk runs a few hundred large queries over the whole demo data set
(about a minute on PostgreSQL); on SQLite, the embedded default, it would dominate the
suite's run time without testing anything the access rules do differently there."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
import strawberry
from strawberry.schema.config import StrawberryConfig

from credit.accounts.actor import ANONYMOUS, Actor
from credit.accounts.auth import _user_actor, actor_from_token, create_api_token
from credit.accounts.models import Unit, UnitKind, User
from credit.accounts.permissions import Permission
from credit.api.schema import Mutation, Query
from credit.api.tests.leak_walk import Pools, Walker
from credit.apicore.context import Context
from credit.apicore.loaders import Loaders
from credit.audit.services import record_event
from credit.casework.filing import list_entries_now
from credit.core import clock
from credit.creditreport.tests.test_report import pdf_text
from credit.demo.load import load_demo
from credit.grades.models import Evaluation
from credit.grades.services import reevaluate
from credit.notices.models import Notice
from credit.notices.services import create_notice, on_list_change
from credit.notices.states import NoticeKind
from credit.objections.models import Objection
from credit.outbox.models import OutboxEvent
from credit.policies.facts import RecordStatus, SubjectKind
from credit.records.models import CreditRecord
from credit.records.services import (
    RecordInput,
    SanctionInput,
    ViolationInput,
    create_published,
)
from credit.reports.services import submit_report
from credit.subjects.models import Subject

PERSON_ID = "410481199001011236"
PUBLIC_OUTSIDE = {"UNMASKED"}  # levels never for the public, even by id lookup

# --- markers and who may see them --------------------------------------------------------


@dataclass(frozen=True)
class Marker:
    text: str
    level: str  # INTERNAL | OWN | UNMASKED | AUDIT | NOBODY
    subject: Subject | None = None
    jurisdiction_id: int | None = None


def is_system_admin(actor: Actor) -> bool:
    return actor.role == "ADMIN"


def covers(actor: Actor, subject: Subject) -> bool:
    if is_system_admin(actor):
        return True
    if actor.jurisdiction_id != subject.jurisdiction_id:
        return False
    return actor.district_id is None or actor.district_id == subject.district_id


def allowed(actor: Actor, m: Marker) -> bool:
    """The rule the product must follow, written from DOMAIN.md, independent of its code."""
    if m.level == "NOBODY":
        return False
    if m.level == "AUDIT":
        return actor.can(Permission.VIEW_AUDIT) and (
            is_system_admin(actor) or actor.jurisdiction_id == m.jurisdiction_id
        )
    assert m.subject is not None
    internal = actor.can(Permission.VIEW_INTERNAL) and covers(actor, m.subject)
    if m.level == "INTERNAL":
        return internal
    if m.level == "OWN":
        return internal or (actor.subject_id is not None and actor.subject_id == m.subject.id)
    if m.level == "UNMASKED":
        return actor.can(Permission.VIEW_UNMASKED_ID) and covers(actor, m.subject)
    raise AssertionError(m.level)


async def plant(enterprise_subject_id: int) -> list[Marker]:
    """Unique markers in every restricted value of the demo data."""
    markers: list[Marker] = []
    subjects = {s.id: s for s in await Subject.all()}
    for s in subjects.values():
        await Subject.filter(id=s.id).update(address=f"MKADDR{s.id}Z")
        markers.append(Marker(f"MKADDR{s.id}Z", "OWN", s))
    person = next(s for s in subjects.values() if s.kind == SubjectKind.NATURAL_PERSON)
    # the masked form keeps the first and last character only: the marker is the middle
    await Subject.filter(id=person.id).update(name="赵MKFULLNAMEZ明")
    markers += [
        Marker("MKFULLNAMEZ", "INTERNAL", person),
        Marker(PERSON_ID, "UNMASKED", person),
    ]
    for r in await CreditRecord.all():
        s = subjects[r.subject_id]
        update: dict[str, Any] = {
            "internal_note": f"MKNOTE{r.id}Z",
            "provider_person": f"MKPROV{r.id}Z",
        }
        markers += [
            Marker(f"MKNOTE{r.id}Z", "INTERNAL", s),
            Marker(f"MKPROV{r.id}Z", "INTERNAL", s),
        ]
        status = RecordStatus(r.status)
        if status in (RecordStatus.REVOKED, RecordStatus.REPAIRED):
            update["summary"] = f"MKGONE{r.id}Z"
            markers.append(Marker(f"MKGONE{r.id}Z", "OWN", s))
        elif status != RecordStatus.PUBLISHED:
            update["summary"] = f"MKHIDDEN{r.id}Z"
            update["decision_no"] = f"MKHIDDENNO{r.id}Z"
            markers += [
                Marker(f"MKHIDDEN{r.id}Z", "INTERNAL", s),
                Marker(f"MKHIDDENNO{r.id}Z", "INTERNAL", s),
            ]
        await CreditRecord.filter(id=r.id).update(**update)

    own = subjects[enterprise_subject_id]
    other = next(
        s
        for s in subjects.values()
        if s.jurisdiction_id == own.jurisdiction_id and s.district_id != own.district_id
    )
    for s, tag, level in ((own, "OWN", "OWN"), (other, "OTHER", "INTERNAL")):
        first = await CreditRecord.filter(subject_id=s.id).first()
        rid = first.id if first else None
        await Objection.create(
            subject_id=s.id,
            record_ids=[rid] if rid else [],
            published_on=clock.today(),
            filing_deadline=clock.today() + timedelta(days=30),
            channel="ONLINE",
            reasons=f"MKOBJ{tag}Z",
            status="FILED",
            filed_on=clock.today(),
            filed_at=clock.now(),
        )
        await create_notice(
            None, ANONYMOUS, s, NoticeKind.WRITTEN_REMINDER, "告知", f"MKNOTICE{tag}Z"
        )
        markers += [Marker(f"MKOBJ{tag}Z", level, s), Marker(f"MKNOTICE{tag}Z", level, s)]
    # a public report nobody handles yet: its reporter and content are for no reader
    await submit_report(
        None,  # type: ignore[arg-type]  # runs on the default connection; typed narrower
        ANONYMOUS,
        subject_id=own.id,
        content="MKREPORTCONTENTZ",
        reporter_name="MKREPORTERZ",
        reporter_contact="MKCONTACTZ",
    )
    markers += [Marker(t, "NOBODY", own) for t in ("MKREPORTCONTENTZ", "MKREPORTERZ", "MKCONTACTZ")]
    # one audit event per jurisdiction, about a record of that jurisdiction
    for s in (own, person):
        first = await CreditRecord.filter(subject_id=s.id).first()
        audited = first.id if first else ""
        text = f"MKAUDIT{s.jurisdiction_id}Z"
        await record_event(
            None,
            Actor(username="x"),
            "x.marker",
            object_type="credit_record",
            object_id=audited,
            after={"m": text},
        )
        markers.append(Marker(text, "AUDIT", jurisdiction_id=s.jurisdiction_id))
    await _publish_with_markers(own, other, person, markers)
    return markers


async def _publish_with_markers(
    own: Subject, other: Subject, person: Subject, markers: list[Marker]
) -> None:
    """New list entries (a watch-list case in Shenyang, a detention in Wugang) whose
    records carry markers: their notices and outbox publications are then checked."""
    today = clock.today()
    sy = RecordInput(
        type="watch_list_case",
        occurred_on=today,
        summary="公开的警示情形",
        situation_code="s03",
        internal_note="MKOUTBOXNOTESYZ",
        provider_person="MKOUTBOXPROVSYZ",
        decision_no="沈公技防警〔2026〕999号",
        decision_date=today,
        issuing_unit="沈阳市公安局",
    )
    wg = RecordInput(
        type="administrative_decision",
        occurred_on=today,
        summary="违反治安管理",
        internal_note="MKOUTBOXNOTEWGZ",
        provider_person="MKOUTBOXPROVWGZ",
        decision_no="舞公行决字〔2026〕9999号",
        decision_date=today,
        issuing_unit="舞钢市公安局",
        violations=[
            ViolationInput(
                type_code="assault",
                domain="public_order",
                sanctions=[SanctionInput("detention", Decimal(0))],
            )
        ]
        * 3,
    )
    for subject, data, tag in ((other, sy, "SY"), (person, wg, "WG")):
        subject = await Subject.get(id=subject.id)
        before = await list_entries_now(None, subject)
        await create_published(subject, data, today, None)
        await reevaluate(subject, None)
        stored = await Evaluation.get(subject_id=subject.id)
        await on_list_change(
            None, ANONYMOUS, subject, before, stored.payload["list_entries"], change_id=f"mk:{tag}"
        )
        markers += [
            Marker(f"MKOUTBOXNOTE{tag}Z", "INTERNAL", subject),
            Marker(f"MKOUTBOXPROV{tag}Z", "INTERNAL", subject),
        ]
    assert own  # the enterprise's own subject keeps its data unchanged here


# --- readers -----------------------------------------------------------------------------


async def _token(unit: Unit, scopes: list[Permission]) -> Actor:
    new = await create_api_token(
        name="matrix",
        unit_id=unit.id,
        scopes=scopes,
        expires_at=clock.now() + timedelta(days=1),
        rate_limit_per_minute=100_000,
        conn=None,
    )
    actor = await actor_from_token(new.secret)
    assert actor is not None
    return actor


async def readers() -> dict[str, Actor]:
    out: dict[str, Actor] = {"anonymous": ANONYMOUS}
    for user in await User.all().order_by("id"):
        out[user.username] = await _user_actor(user, None)
    sy_partner = await Unit.get(code="SY-PROCURE")
    wg = await Unit.get(code="WG-CITY")
    wg_partner = await Unit.create(
        code="WG-PARTNER",
        name="舞钢市合作机构",
        kind=UnitKind.PARTNER,
        jurisdiction_id=wg.jurisdiction_id,
    )
    out["token.sy"] = await _token(sy_partner, [])
    out["token.sy.unmasked"] = await _token(sy_partner, [Permission.VIEW_UNMASKED_ID])
    out["token.wg.unmasked"] = await _token(wg_partner, [Permission.VIEW_UNMASKED_ID])
    out["token.sy.watch"] = await _token(sy_partner, [Permission.WATCH_SUBJECTS])
    await watch_everything(out["token.sy.watch"])
    return out


async def watch_everything(actor: Actor) -> None:
    """The token watches every organisation, and each gets change events built from the
    marked data (its starting snapshot emptied first), for the walk to read."""
    from tortoise.transactions import in_transaction

    from credit.watches.events import ensure_snapshots, record_public_change
    from credit.watches.models import Watch, WatchSnapshot

    orgs = await Subject.filter(uscc__not_isnull=True).exclude(kind=SubjectKind.NATURAL_PERSON)
    ids = [s.id for s in orgs]
    async with in_transaction() as conn:
        await Watch.bulk_create(
            [
                Watch(token_id=actor.token_id, subject_id=s.id, uscc=s.uscc, created_at=clock.now())
                for s in orgs
            ],
            using_db=conn,
        )
        await ensure_snapshots(conn, ids)
        await WatchSnapshot.filter(subject_id__in=ids).using_db(conn).update(snapshot={})
        assert await record_public_change(conn, ids)


def _leaks(text: str, actor: Actor, markers: list[Marker]) -> list[str]:
    return [m.text for m in markers if m.text in text and not allowed(actor, m)]


# --- the test ----------------------------------------------------------------------------

# The same resolvers and permission classes as the served schema, without the request
# limits (depth, aliases, tokens, cost): the walk asks for everything at once.
UNLIMITED = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    types=[Permission],
    config=StrawberryConfig(relay_max_results=100),
)


async def test_no_reader_sees_a_marker_above_its_level(db: str, cache, make_client) -> None:
    if db != "postgres":
        pytest.skip("the leak matrix walks the whole demo set: PostgreSQL only (see module doc)")
    # given: the demo data, markers in every restricted value, every kind of reader
    await load_demo()
    enterprise = await User.get(username="enterprise")
    assert enterprise.subject_id is not None
    markers = await plant(enterprise.subject_id)
    actors = await readers()
    subjects = await Subject.all()
    pools = Pools(
        ids=[str(i) for i in range(1, 1 + max(await _max_ids()))],
        strings={
            "uscc": [s.uscc for s in subjects if s.uscc],
            "name": [*(s.name for s in subjects), "赵", "公司", PERSON_ID, PERSON_ID[:17]],
            "code": ["ABCD-EFGH"],
            "*": ["公司"],
        },
        string_lists={"usccs": [[s.uscc for s in subjects if s.uscc]]},
        today=clock.today(),
    )
    walker = Walker(UNLIMITED, pools)
    seen: dict[str, set[str]] = {}  # marker text -> readers that saw it (allowed ones)
    leaks: list[str] = []
    walked: set[str] = set()

    # when: every reader asks every query field it may call, with every argument
    for name, actor in actors.items():
        for field_name, document in walker.root_documents(actor.permissions):
            walked.add(field_name)
            ctx = Context(request=None, response=None, actor=actor, loaders=Loaders())
            result = await UNLIMITED.execute(document, context_value=ctx)
            text = json.dumps(result.data, ensure_ascii=False) + "".join(
                str(e.message) for e in result.errors or ()
            )
            # every error is an expected, coded one (a denial, NOT_FOUND...): a query
            # the walk built wrong, or a resolver that crashed, fails here
            codes = [(e.extensions or {}).get("code") for e in result.errors or ()]
            assert None not in codes and "INTERNAL_ERROR" not in codes, (
                name,
                field_name,
                result.errors,
            )
            leaks += [f"{name} ← {field_name}: {t}" for t in _leaks(text, actor, markers)]
            for m in markers:
                if m.text in text:
                    seen.setdefault(m.text, set()).add(name)

    # then: no leak, nothing uncovered, and the walk did reach the restricted data
    assert leaks == [], "\n".join(leaks[:50])
    assert walker.uncovered == set(), walker.uncovered
    query_fields = set(UNLIMITED._schema.query_type.fields)  # type: ignore[union-attr]
    assert walked == query_fields, query_fields - walked
    for level_probe in ("MKNOTE", "MKHIDDEN", "MKGONE", "MKADDR", "MKOBJOWNZ", "MKAUDIT"):
        assert any(t.startswith(level_probe) for t in seen), f"walk never reached {level_probe}"
    assert PERSON_ID in seen and "token.wg.unmasked" in seen[PERSON_ID]
    assert seen["MKOBJOWNZ"] >= {"enterprise"}


async def _max_ids() -> list[int]:
    from credit.casework.models import EvidenceFile
    from credit.reminders.models import Reminder
    from credit.repairs.models import RepairApplication
    from credit.reports.models import PublicReport

    out = [0]
    for model in (
        Subject,
        CreditRecord,
        Objection,
        RepairApplication,
        PublicReport,
        Notice,
        EvidenceFile,
        Reminder,
    ):
        last = await model.all().order_by("-id").first()
        out.append(last.id if last else 0)
    return out


async def test_pdf_reports_and_outbox_publications_carry_no_restricted_marker(
    db: str,
    cache,
    make_client,
) -> None:
    if db != "postgres":
        pytest.skip("walks the whole demo set: PostgreSQL only (see the module doc)")
    import shutil

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is needed to read the PDF back")
    # given
    await load_demo()
    enterprise = await User.get(username="enterprise")
    assert enterprise.subject_id is not None
    markers = await plant(enterprise.subject_id)
    sy_partner = await Unit.get(code="SY-PROCURE")
    new = await create_api_token(
        name="pdf",
        unit_id=sy_partner.id,
        scopes=[Permission.VIEW_UNMASKED_ID],
        expires_at=clock.now() + timedelta(days=1),
        rate_limit_per_minute=100_000,
        conn=None,
    )
    client = make_client(headers={"authorization": f"Bearer {new.secret}"})
    public: Callable[[Marker], bool] = lambda m: False  # noqa: E731 - no marker is public

    # when: every subject's report, and every event waiting for the public sites
    texts = {}
    for s in await Subject.exclude(uscc=None):
        response = await client.get(f"/reports/{s.uscc}.pdf")
        assert response.status_code == 200, response.text
        texts[f"pdf {s.uscc}"] = pdf_text(response.content)
    events = await OutboxEvent.all()
    for e in events:
        texts[f"outbox {e.target} {e.kind} {e.id}"] = json.dumps(e.payload, ensure_ascii=False)

    # then
    leaks = [
        f"{where}: {m.text}"
        for where, text in texts.items()
        for m in markers
        if m.text in re.sub(r"\s+", "", text) and not public(m)
    ]
    assert leaks == [], "\n".join(leaks[:50])
    assert any(k.startswith("outbox") for k in texts), "no publication was produced"
    assert any("公开的警示情形" in t for k, t in texts.items() if k.startswith("outbox"))
