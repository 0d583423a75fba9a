"""Seed the bench database: N subjects with ~10 published records each.

Rows are written with COPY (subjects, decisions, violations, sanctions, records) by one
process per core, each building and copying its own ranges of subjects (bench/load.py);
the four lifecycle transitions `create_published` would have written for each record are
derived from the records in SQL (TRANSITIONS_SQL); the loaded tables' secondary indexes are
dropped before and rebuilt after. Every subject is then evaluated by the product itself:
`credit sweep --all` (credit.grades.sweep_all, the same engine and storage as
`reevaluate`, listing decisions included), timed as the seed's `sweep_seconds`. A sample is
then re-evaluated through the product's per-subject path (`payload_at`) and compared, so a
drift between the sweep and the product fails loudly instead of benchmarking wrong answers.

A seed with the same N and SEED_VERSION is reused; evaluations that time has made stale
are recomputed by the product's sweep, so that reads do not recompute them while measured.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from decimal import Decimal
from typing import Any

import asyncpg

from bench import config
from credit.core.clock import TZ
from credit.policies.catalogues import INFO_TYPES_BY_CODE
from credit.subjects.identifiers import uscc_check_digit

CHUNK = 2000  # subjects generated and copied per transaction
RECORD_BLOCK = 20  # record ids per subject (a subject gets at most 16 records)
DECISION_BLOCK = 8  # decision ids per subject (at most 5)

SUBJECT_COLS = (
    "id",
    "kind",
    "uscc",
    "name",
    "address",
    "created_at",
    "updated_at",
    "district_id",
    "jurisdiction_id",
    "legal_representative",
    "licence_no",
)
DECISION_COLS = (
    "id",
    "document_no",
    "decided_on",
    "issuing_unit",
    "legal_basis",
    "appeals",
    "source",
    "created_at",
    "jurisdiction_id",
    "subject_id",
)
VIOLATION_COLS = ("id", "seq", "type_code", "domain", "description", "decision_id")
SANCTION_COLS = ("id", "kind", "amount_yuan", "violation_id")
RECORD_COLS = (
    "id",
    "category",
    "type",
    "situation_code",
    "inspection_passed",
    "summary",
    "internal_note",
    "status",
    "occurred_on",
    "decision_date",
    "decision_no",
    "issuing_unit",
    "legal_basis",
    "published_at",
    "provider_person",
    "source",
    "created_at",
    "updated_at",
    "decision_id",
    "subject_id",
)
# The transitions `create_published` writes for a record: created (draft) at 09:00 of the
# earlier of its decision/occurrence and publication days, then submitted, verified and
# published at 10, 11 and 12 h of the publication day (Asia/Shanghai has no DST). Built in
# PostgreSQL from the copied records of a range: ~40 % of the seed's rows never pass
# through Python.
TRANSITIONS_SQL = """
INSERT INTO record_transition (from_status, to_status, at, by_user_id, reason, record_id)
SELECT v.from_status, v.to_status, v.at, NULL, '', r.id
FROM credit_record r, LATERAL (VALUES
  (NULL, 'draft', (least(coalesce(r.decision_date, r.occurred_on),
                         (r.published_at AT TIME ZONE 'Asia/Shanghai')::date)
                   + time '09:00') AT TIME ZONE 'Asia/Shanghai', 1),
  ('draft', 'submitted', r.published_at - interval '2 hours', 2),
  ('submitted', 'verified', r.published_at - interval '1 hour', 3),
  ('verified', 'published', r.published_at, 4)) AS v(from_status, to_status, at, step)
WHERE r.subject_id >= $1 AND r.subject_id <= $2
ORDER BY r.id, v.step
"""
EVALUATION_COLS = (
    "subject_id",
    "policy_code",
    "policy_version",
    "computed_at",
    "next_change_at",
    "grade",
    "payload",
)
LIST_ENTRY_COLS = (
    "subject_id",
    "district_id",
    "kind",
    "since",
    "until",
    "rule",
    "article",
    "decision_no",
    "record_ids",
)

_SY_WORDS = [
    "盛安",
    "北辰",
    "恒卫",
    "安泰",
    "鼎盾",
    "天衡",
    "宏景",
    "卫联",
    "瑞鹰",
    "金钥",
    "中衡",
    "东岳",
    "华盾",
    "博安",
    "远景",
    "启明",
]
_SY_TRADES = [
    "智能安防工程",
    "技防系统",
    "电子科技",
    "报警运营服务",
    "安全技术",
    "视讯工程",
    "监控工程",
]
_WG_WORDS = [
    "恒达",
    "鑫源",
    "华泰",
    "平安",
    "龙腾",
    "钢城",
    "宏运",
    "福瑞",
    "广源",
    "永兴",
    "嘉禾",
    "兴旺",
]
_WG_TRADES = [
    "物流",
    "网吧",
    "宾馆",
    "开锁服务部",
    "娱乐",
    "旧货回收",
    "汽车修理",
    "印章刻制",
    "典当",
]
_GOOD_TYPES = ("honour", "association_rating", "honest_operation")
_WG_SANCTIONS = (
    (("warning", 0),),
    (("order_to_correct", 0),),
    (("warning", 0), ("fine", 5000)),
    (("fine", 2000),),
    (("fine", 20000), ("confiscation", 3000)),
)
_WG_VIOLATIONS = (
    ("hotel_registration", "public_order"),
    ("internet_cafe_minors", "cyber_security"),
    ("locksmith_registration", "public_order"),
    ("scrap_registration", "public_order"),
    ("fire_exit_blocked", "fire"),
)


_HOURS = {h: dtime(h) for h in range(24)}


def _json(value: Any) -> str:
    # The product's JSONField encoder (compact separators).
    return json.dumps(value, separators=(",", ":"))


@dataclass
class Place:
    jurisdiction_id: int
    policy_code: str
    district_ids: list[int]
    division_codes: list[str]


@dataclass
class Chunk:
    subjects: list[tuple] = field(default_factory=list)
    decisions: list[tuple] = field(default_factory=list)
    violations: list[tuple] = field(default_factory=list)
    sanctions: list[tuple] = field(default_factory=list)
    records: list[tuple] = field(default_factory=list)


class Generator:
    """Deterministic per subject index: the same N gives the same data."""

    def __init__(self, today: date, now: datetime, places: dict[str, Place]) -> None:
        self.today = today
        self.now = now
        self.places = places
        # Ids come in fixed blocks per subject, so that any range of subjects can be built
        # independently (in worker processes); the sequences are moved past them after.
        self.record_id = 0
        self.record_limit = 0
        self.decision_id = 0
        self.violation_id = 0
        self.sanction_id = 0
        self.records = 0

    # -- helpers ---------------------------------------------------------------------
    def _at(self, day: date, hour: int) -> datetime:
        return datetime.combine(day, _HOURS[hour], tzinfo=TZ)

    def _ago(self, rng: random.Random, lo: int, hi: int) -> date:
        return self.today - timedelta(days=rng.randint(lo, hi))

    def _published(self, rng: random.Random, occurred: date) -> date:
        return min(occurred + timedelta(days=rng.randint(0, 3)), self.today - timedelta(days=1))

    def _record(
        self,
        out: Chunk,
        facts: list[Any],
        subject_id: int,
        jurisdiction_id: int,
        type_: str,
        occurred: date,
        published: date,
        summary: str,
        issuing_unit: str,
        *,
        situation: str | None = None,
        passed: bool | None = None,
        decision_no: str | None = None,
        violations: list[tuple[str, str, tuple[tuple[str, int], ...]]] = (),  # type: ignore[assignment]
    ) -> None:
        category = INFO_TYPES_BY_CODE[type_].category
        self.record_id += 1
        rid = self.record_id
        if rid > self.record_limit:
            raise RuntimeError("more records than the per-subject id block")
        self.records += 1
        decision_date = occurred if decision_no else None
        decision_id = None
        if decision_no:
            # credit.records.services._decision_for: a decision row whenever the record has
            # a document number and a date, with its violations and sanctions.
            self.decision_id += 1
            decision_id = self.decision_id
            out.decisions.append(
                (
                    decision_id,
                    decision_no,
                    decision_date,
                    issuing_unit,
                    "",
                    "[]",
                    "internal",
                    self.now,
                    jurisdiction_id,
                    subject_id,
                )
            )
            for seq, (type_code, domain, sanctions) in enumerate(violations, start=1):
                self.violation_id += 1
                out.violations.append((self.violation_id, seq, type_code, domain, "", decision_id))
                for kind, amount in sanctions:
                    self.sanction_id += 1  # at most 2 per violation, 1 violation per decision
                    out.sanctions.append(
                        (self.sanction_id, kind, Decimal(amount), self.violation_id)
                    )
        # Published at 12:00 of the publication day; the four lifecycle transitions are
        # derived from the record in SQL (TRANSITIONS_SQL), four rows per record.
        out.records.append(
            (
                rid,
                category.value,
                type_,
                situation,
                passed,
                summary,
                "",
                "published",
                occurred,
                decision_date,
                decision_no,
                issuing_unit,
                "",
                self._at(published, 12),
                "",
                "internal",
                self.now,
                self.now,
                decision_id,
                subject_id,
            )
        )
        facts.append(rid)  # the subject's records so far

    # -- subjects --------------------------------------------------------------------
    def subject(self, out: Chunk, index: int) -> None:
        rng = random.Random(index * 7919 + 17)
        sid = index + 1
        self.record_id = index * RECORD_BLOCK
        self.record_limit = self.record_id + RECORD_BLOCK
        self.decision_id = index * DECISION_BLOCK
        self.violation_id = self.decision_id
        self.sanction_id = self.decision_id * 2
        shenyang = rng.random() < 0.7
        place = self.places["shenyang" if shenyang else "wugang"]
        d = rng.randrange(len(place.district_ids))
        if shenyang:
            kind, prefix = "ENTERPRISE", "91"
            name = f"沈阳{rng.choice(_SY_WORDS)}{rng.choice(_SY_TRADES)}有限公司{index:06d}"
        else:
            r = rng.random()
            kind, prefix = (
                ("ENTERPRISE", "91")
                if r < 0.7
                else ("INDIVIDUAL_BUSINESS", "92")
                if r < 0.95
                else ("SOCIAL_ORGANISATION", "53")
            )
            name = f"舞钢市{rng.choice(_WG_WORDS)}{rng.choice(_WG_TRADES)}{index:06d}"
        body = f"{prefix}{place.division_codes[d][:6]}BM{index:07d}"
        uscc = body + uscc_check_digit(body)
        out.subjects.append(
            (
                sid,
                kind,
                uscc,
                name,
                f"示范路{index % 997 + 1}号",
                self.now,
                self.now,
                place.district_ids[d],
                place.jurisdiction_id,
                "",
                "",
            )
        )
        facts: list[Any] = []
        if shenyang:
            self._shenyang(out, facts, rng, sid, place.jurisdiction_id)
        else:
            self._wugang(out, facts, rng, sid, place.jurisdiction_id)

    def _shenyang(
        self, out: Chunk, facts: list[Any], rng: random.Random, sid: int, jid: int
    ) -> None:
        unit = "沈阳市公安局"
        n = rng.randint(8, 12)

        def rec(
            type_: str, occurred: date, summary: str, published: date | None = None, **kw: Any
        ) -> None:
            self._record(
                out,
                facts,
                sid,
                jid,
                type_,
                occurred,
                published or self._published(rng, occurred),
                summary,
                unit,
                **kw,
            )

        rec("filing", self._ago(rng, 400, 1500), "技防企业备案")
        for _ in range(rng.randint(2, 3)):
            passed = rng.random() < 0.9
            rec(
                "inspection",
                self._ago(rng, 5, 330),
                "公安机关年度检查：" + ("合格" if passed else "不合格"),
                passed=passed,
            )
        for _ in range(rng.randint(1, 2)):
            rec(rng.choice(_GOOD_TYPES), self._ago(rng, 10, 330), "获评市技防行业优秀企业")
        if rng.random() < 0.4:
            rec("interview_or_warning", self._ago(rng, 5, 300), "因未落实值班制度被约谈")
        r = rng.random()
        watch_days: list[int] = []
        if r < 0.01:  # five counted cases: blacklist (第十一条)
            watch_days = sorted(rng.sample(range(20, 1500), 5), reverse=True)
        elif r < 0.13:
            watch_days = [rng.randint(5, 330) for _ in range(rng.randint(1, 2))]
        for k, days in enumerate(watch_days):
            day = self.today - timedelta(days=days)
            situation = f"s{rng.randint(1, 26):02d}"
            rec(
                "watch_list_case",
                day,
                f"经核实存在第九条所列情形（{situation}）",
                published=day,
                situation=situation,
                decision_no=f"沈公技防警〔{day.year}〕{sid}-{k}号",
            )
        if rng.random() < 0.02:  # two fines for one violation type: derived warning (第六条（四）1)
            for k, days in enumerate(sorted(rng.sample(range(20, 330), 2), reverse=True)):
                day = self.today - timedelta(days=days)
                rec(
                    "administrative_decision",
                    day,
                    "未按规定安装技防系统，罚款",
                    decision_no=f"沈公（技）行罚决字〔{day.year}〕{sid}-{k}号",
                    violations=[
                        (
                            "tech_unlawful_installation",
                            "tech_prevention",
                            (("warning", 0), ("fine", 20000)),
                        )
                    ],
                )
        while len(facts) < n:
            rec("basic_other", self._ago(rng, 30, 1000), "企业基础信息变更")

    def _wugang(self, out: Chunk, facts: list[Any], rng: random.Random, sid: int, jid: int) -> None:
        unit = "舞钢市公安局"
        n = rng.randint(8, 12)

        def rec(type_: str, occurred: date, summary: str, **kw: Any) -> None:
            self._record(
                out,
                facts,
                sid,
                jid,
                type_,
                occurred,
                self._published(rng, occurred),
                summary,
                unit,
                **kw,
            )

        for _ in range(rng.randint(1, 2)):
            passed = rng.random() < 0.9
            rec(
                "inspection",
                self._ago(rng, 5, 330),
                "治安检查" + ("合格" if passed else "不合格"),
                passed=passed,
            )
        if rng.random() < 0.35:
            for k in range(rng.randint(1, 3)):
                day = self._ago(rng, 5, 330)
                type_code, domain = rng.choice(_WG_VIOLATIONS)
                sanctions = (
                    (("fine", 300000), ("confiscation", 250000))
                    if rng.random() < 0.02
                    else rng.choice(_WG_SANCTIONS)
                )
                rec(
                    "administrative_decision",
                    day,
                    "违反治安管理规定",
                    decision_no=f"舞公（治）行罚决字〔{day.year}〕{sid}-{k}号",
                    violations=[(type_code, domain, sanctions)],
                )
        if rng.random() < 0.05:
            rec("red_list", self._ago(rng, 10, 300), "列入红名单")
        if rng.random() < 0.5:
            rec("honour", self._ago(rng, 10, 330), "获评诚信经营示范单位")
        while len(facts) < n:
            rec(
                rng.choice(("external_evaluation", "basic_other")),
                self._ago(rng, 5, 330),
                "上级推送的公共信用综合评价结果",
            )


# -- catalogue tables for the baseline ---------------------------------------------------
async def write_catalogues(conn: asyncpg.Connection) -> None:
    """The display names the GraphQL layer takes from Python catalogues, as two tables the
    baseline's single SQL statement joins (what a PostGraphile deployment would do)."""
    from credit.policies import display
    from credit.policies.catalogues import INFO_TYPES, SHENYANG_MEASURES, WUGANG_MEASURES

    await conn.execute(
        """
        DROP TABLE IF EXISTS bench_measure, bench_info_type;
        CREATE TABLE bench_measure (code text PRIMARY KEY, name text, article text, kind text);
        CREATE TABLE bench_info_type (code text PRIMARY KEY, name text);
        """
    )
    measures = [display.measure(m.code) for m in (*SHENYANG_MEASURES, *WUGANG_MEASURES)]
    await conn.copy_records_to_table(
        "bench_measure",
        records=[(m.code, m.name_zh, m.article, m.kind) for m in measures],
        columns=("code", "name", "article", "kind"),
    )
    await conn.copy_records_to_table(
        "bench_info_type",
        records=[(t.code, display.info_type_name(t.code)) for t in INFO_TYPES],
        columns=("code", "name"),
    )


# -- the seed ----------------------------------------------------------------------------
@dataclass
class SeedInfo:
    subjects: int
    records: int
    reused: bool
    seconds: float
    refreshed: int = 0
    checked: int = 0
    # A fresh seed: rows copied and indexed, then `credit sweep --all` (its evaluations).
    seed_seconds: float | None = None
    sweep_seconds: float | None = None
    seed_cpu: dict[str, float] | None = None
    sweep_cpu: dict[str, float] | None = None


async def _meta(conn: asyncpg.Connection) -> dict[str, str]:
    exists = await conn.fetchval("SELECT to_regclass('bench_meta') IS NOT NULL")
    if not exists:
        return {}
    return {r["key"]: r["value"] for r in await conn.fetch("SELECT key, value FROM bench_meta")}


async def _places(conn: asyncpg.Connection) -> dict[str, Place]:
    from credit.demo.load import SHENYANG_DISTRICTS, WUGANG_DISTRICTS
    from credit.policies.params import SHENYANG_CODE, WUGANG_CODE

    out: dict[str, Place] = {}
    for code, name, policy, districts in (
        ("shenyang", "沈阳市", SHENYANG_CODE, SHENYANG_DISTRICTS),
        ("wugang", "舞钢市", WUGANG_CODE, WUGANG_DISTRICTS),
    ):
        jid = await conn.fetchval(
            "INSERT INTO jurisdiction (code, name, policy_code) VALUES ($1, $2, $3) RETURNING id",
            code,
            name,
            policy,
        )
        ids = [
            await conn.fetchval(
                "INSERT INTO district (code, name, jurisdiction_id, is_active)"
                " VALUES ($1, $2, $3, true) RETURNING id",
                dcode,
                dname,
                jid,
            )
            for dcode, dname in districts
        ]
        out[code] = Place(jid, policy, ids, [c for c, _ in districts])
    return out


TABLES = (
    ("subject", SUBJECT_COLS),
    ("decision", DECISION_COLS),
    ("violation", VIOLATION_COLS),
    ("sanction", SANCTION_COLS),
    ("credit_record", RECORD_COLS),
)


def build_rows(
    lo: int, hi: int, today: date, now: datetime, places: dict[str, Place]
) -> tuple[dict[str, list[tuple]], int]:
    """The rows of subjects lo..hi-1 (evaluated afterwards by the product's sweep)."""
    gen = Generator(today, now, places)
    chunk = Chunk()
    for i in range(lo, hi):
        gen.subject(chunk, i)
    rows = {
        "subject": chunk.subjects,
        "decision": chunk.decisions,
        "violation": chunk.violations,
        "sanction": chunk.sanctions,
        "credit_record": chunk.records,
    }
    return rows, gen.records


async def _fresh(n: int, log: Any) -> SeedInfo:
    from bench import load
    from credit.core import clock
    from credit.core.db import close_db, migrate_db
    from credit.core.dbreset import reset_database
    from credit.core.settings import Settings, override_settings
    from credit.grades.sweep_all import sweep_all
    from credit.policies.seed import ensure_policies

    started = time.monotonic()
    log(f"seeding {n:,} subjects into {config.DATABASE_URL} (fresh schema)")
    await reset_database(config.DATABASE_URL, create=True)
    settings = Settings.from_env(
        {"DATABASE_URL": config.DATABASE_URL, "TIME_ZONE": config.TIME_ZONE}
    )
    await migrate_db(settings)  # leaves Tortoise initialised on the bench database
    await ensure_policies()
    try:
        conn = await asyncpg.connect(config.dsn())
        try:
            async with conn.transaction():
                places = await _places(conn)
                dropped = await load.drop_indexes(conn)
            now = clock.now()

            def progress(done: int, records: int) -> None:
                if done == n or done % (CHUNK * 25) == 0:
                    log(
                        f"  {done:,} subjects, {records:,} records "
                        f"({time.monotonic() - started:.0f} s)"
                    )

            meter = load.CpuMeter()
            await meter.start()
            records = await load.load(n, CHUNK, clock.today(), now, places, TABLES, progress)
            for table in ("subject", "decision", "violation", "sanction", "credit_record"):
                await conn.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"GREATEST((SELECT max(id) FROM {table}), 1))"
                )
            log(f"  rows copied ({time.monotonic() - started:.0f} s); rebuilding indexes")
            await load.rebuild_indexes(dropped, load.workers())
            await conn.execute("ANALYZE")
            rows_seconds = time.monotonic() - started
            seed_cpu = await meter.stop()
            log(f"  indexes rebuilt ({rows_seconds:.0f} s); sweep --all evaluates every subject")
            # The evaluations: the product's own full sweep, timed as `sweep_seconds`.
            override_settings(settings)
            swept_at = time.monotonic()
            await meter.start()
            await sweep_all()
            sweep_seconds = time.monotonic() - swept_at
            sweep_cpu = await meter.stop()
            await conn.execute("ANALYZE evaluation, list_entry, listing_decision")
            log(f"  rows and indexes: CPU {seed_cpu}")
            log(f"  swept in {sweep_seconds:.0f} s, CPU {sweep_cpu}")
            await conn.execute(
                """
                CREATE TABLE bench_meta (key text PRIMARY KEY, value text NOT NULL);
                """
            )
            await conn.executemany(
                "INSERT INTO bench_meta (key, value) VALUES ($1, $2)",
                [
                    ("subjects", str(n)),
                    ("records", str(records)),
                    ("seed_version", str(config.SEED_VERSION)),
                    ("seeded_at", datetime.now(UTC).isoformat()),
                    ("seed_seconds", f"{rows_seconds:.1f}"),
                    ("sweep_seconds", f"{sweep_seconds:.1f}"),
                    ("seed_cpu", json.dumps(seed_cpu)),
                    ("sweep_cpu", json.dumps(sweep_cpu)),
                ],
            )
        finally:
            await conn.close()
        checked = await check_sample(n)
    finally:
        override_settings(None)
        await close_db()
    return SeedInfo(
        n,
        records,
        False,
        time.monotonic() - started,
        checked=checked,
        seed_seconds=rows_seconds,
        sweep_seconds=sweep_seconds,
        seed_cpu=seed_cpu,
        sweep_cpu=sweep_cpu,
    )


async def refresh_stale() -> int:
    """Recompute the evaluations time has made stale (the product's own sweep), so that
    reads during the run do not recompute them."""
    from credit.grades.services import sweep

    return await sweep()


async def check_sample(n: int, size: int = 40) -> int:
    """Compare stored evaluations with the product's own evaluation from the database."""
    from credit.core import clock
    from credit.grades.models import Evaluation
    from credit.grades.services import payload_at
    from credit.subjects.models import Subject

    rng = random.Random(n)
    ids = sorted(rng.sample(range(1, n + 1), min(size, n)))
    at = clock.now()
    for sid in ids:
        subject = await Subject.get(id=sid)
        stored = await Evaluation.get(subject_id=sid)
        # with the numbers of the listing decisions the sweep issued filled in
        ev, payload = (await payload_at([subject], at))[sid]
        expected = json.loads(_json(payload))
        grade = ev.grade.value if ev.grade else None
        if stored.payload != expected or (stored.grade or None) != grade:
            raise RuntimeError(
                f"seed drift: subject {sid}'s stored evaluation differs from the product's "
                f"evaluate_at (bump bench.config.SEED_VERSION after fixing bench/seed.py)"
            )
    return len(ids)


async def ensure_seed(n: int, *, reseed: bool = False, log: Any = print) -> SeedInfo:
    from credit.core.dbreset import create_database_if_missing

    await create_database_if_missing(config.DATABASE_URL)
    conn = await asyncpg.connect(config.dsn())
    try:
        meta = await _meta(conn)
    finally:
        await conn.close()
    same = meta.get("subjects") == str(n) and meta.get("seed_version") == str(config.SEED_VERSION)
    if reseed or not same:
        info = await _fresh(n, log)
    else:
        started = time.monotonic()
        from credit.core.db import close_db, migrate_db
        from credit.core.settings import Settings
        from credit.policies.seed import ensure_policies

        log(f"reusing the seed of {n:,} subjects (seeded {meta.get('seeded_at', '?')})")
        settings = Settings.from_env(
            {"DATABASE_URL": config.DATABASE_URL, "TIME_ZONE": config.TIME_ZONE}
        )
        await migrate_db(settings)  # new migrations, if any; Tortoise stays initialised
        await ensure_policies()
        try:
            refreshed = await refresh_stale()
            if refreshed:
                log(f"  re-evaluated {refreshed:,} subject(s) that time had made stale")
            checked = await check_sample(n, size=10)
        finally:
            await close_db()
        info = SeedInfo(
            n,
            int(meta.get("records", "0")),
            True,
            time.monotonic() - started,
            refreshed=refreshed,
            checked=checked,
        )
    conn = await asyncpg.connect(config.dsn())
    try:
        await write_catalogues(conn)
    finally:
        await conn.close()
    return info


async def codes(limit: int | None = None) -> list[str]:
    conn = await asyncpg.connect(config.dsn())
    try:
        rows = await conn.fetch(
            "SELECT uscc FROM subject WHERE uscc IS NOT NULL ORDER BY id"
            + (f" LIMIT {int(limit)}" if limit else "")
        )
    finally:
        await conn.close()
    return [r["uscc"] for r in rows]


if __name__ == "__main__":  # python -m bench.seed [N]
    import sys

    asyncio.run(ensure_seed(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
