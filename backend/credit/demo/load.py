"""The demo data set of `make run`: two jurisdictions under the two policies, their units
and accounts, and subjects whose records put them on every list and at every grade, for
real reasons. Names are fictional; USCCs are generated (organisation code part starting
with "DM", valid check digit) so that no real enterprise is ever shown with invented
penalties. Loaded only into an empty database: re-running `make run` never adds a copy.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from credit.accounts.models import Role, Unit, User
from credit.accounts.passwords import hash_password
from credit.associations import demo as associations_demo
from credit.bootstrap.apply import apply, existing_state, known_policies
from credit.bootstrap.config import parse
from credit.commitments import demo as commitments_demo
from credit.core import clock, dataversion
from credit.core.clock import TZ
from credit.demo.reports import load_reports
from credit.grades.services import reevaluate
from credit.policies.catalogues import WATCH_SITUATIONS_BY_CODE
from credit.policies.facts import SubjectKind
from credit.records.lifecycle import Action
from credit.records.services import (
    RecordInput,
    SanctionInput,
    ViolationInput,
    create_published,
    create_record,
    transition,
)
from credit.subjects.identifiers import USCC_ALPHABET, uscc_check_digit
from credit.subjects.models import District, Jurisdiction, Subject, SubjectNameChange
from credit.watches.delivery.demo import load_watch_demo
from credit.watches.events import record_pending

DEMO_PASSWORD = "Demo#2026"
# The bureau file shipped as docs/deploy/bureau.example.toml (a test keeps both equal).
EXAMPLE_FILE = Path(__file__).resolve().parents[1] / "bootstrap" / "bureau.example.toml"

SHENYANG_DISTRICTS = [
    ("210102", "和平区"),
    ("210103", "沈河区"),
    ("210104", "大东区"),
    ("210105", "皇姑区"),
    ("210106", "铁西区"),
    ("210112", "浑南区"),
]
WUGANG_DISTRICTS = [("410481-01", "垭口街道"), ("410481-02", "寺坡街道"), ("410481-03", "院岭街道")]


def demo_uscc(rng: random.Random, division: str, org_type: str = "1") -> str:
    body = (
        "9" + org_type + division[:6] + "DM" + "".join(rng.choice(USCC_ALPHABET) for _ in range(7))
    )
    return body + uscc_check_digit(body)


@dataclass
class Loaded:
    created: bool
    subjects: int = 0
    records: int = 0
    accounts: list[tuple[str, str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    reports: list[tuple[str, str, str]] = field(default_factory=list)

    def describe(self) -> str:
        if not self.created:
            return "演示数据已存在，未重复加载 (demo data already present; nothing added)"
        lines = [f"演示数据已加载：{self.subjects} 个主体，{self.records} 条信用信息"]
        lines.append(f"演示账号（密码均为 {DEMO_PASSWORD}）：")
        lines += [f"  {u:<20} {role:<18} {desc}" for u, role, desc in self.accounts]
        lines += self.notes
        lines.append("举报进度查询（/report/progress）演示：")
        lines += [f"  受理编号 {n}  查询码 {c}  {st}" for n, c, st in self.reports]
        return "\n".join(lines)


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=TZ)


class _Builder:
    def __init__(self, conn: BaseDBAsyncClient, today: date) -> None:
        self.conn = conn
        self.today = today
        self.records = 0

    async def published(
        self, subject: Subject, data: RecordInput, published_on: date, **kw: Any
    ) -> None:
        """A record entered, reviewed and published on its historical dates."""
        rec = await create_published(
            subject, data, published_on, self.conn, reevaluate_subject=False
        )
        if kw.get("revoked_on"):
            await transition(
                rec,
                Action.REVOKE,
                self.conn,
                at=_at(kw["revoked_on"], 15),
                reason="异议成立，撤销",
                reevaluate_subject=False,
            )
        self.records += 1

    async def pending(self, subject: Subject, data: RecordInput, upto: Action | None) -> None:
        rec = await create_record(
            subject,
            data,
            self.conn,
            at=_at(self.today - timedelta(days=2), 9),
            reevaluate_subject=False,
        )
        steps = {
            None: [],
            Action.SUBMIT: [Action.SUBMIT],
            Action.VERIFY: [Action.SUBMIT, Action.VERIFY],
        }[upto]
        for action in steps:
            await transition(rec, action, self.conn, reevaluate_subject=False)
        self.records += 1


async def load_demo() -> Loaded:
    if await Subject.exists():
        return Loaded(created=False)
    rng = random.Random(20261122)
    today = clock.today()
    loaded = Loaded(created=True)
    async with in_transaction() as conn:
        # The structure is the shipped example's, applied by `credit init`'s own code
        # (after an earlier `init` with the same file it adds nothing).
        config = parse(
            EXAMPLE_FILE.read_text(encoding="utf-8"),
            known_policies=await known_policies(conn),
            existing=await existing_state(conn),
            source=str(EXAMPLE_FILE),
        )
        report = await apply(config, conn, DEMO_PASSWORD)
        sy = await Jurisdiction.get(code="shenyang", using_db=conn)
        wg = await Jurisdiction.get(code="wugang", using_db=conn)
        sy_districts = [await District.get(code=c, using_db=conn) for c, _ in SHENYANG_DISTRICTS]
        wg_districts = [await District.get(code=c, using_db=conn) for c, _ in WUGANG_DISTRICTS]
        units = await _units(conn, sy_districts, wg_districts)
        b = _Builder(conn, today)
        subjects = await _shenyang(b, rng, sy, sy_districts, units)
        subjects += await _wugang(b, rng, wg, wg_districts, units)
        loaded.accounts = await _accounts(conn, units, subjects)
        b.records += await commitments_demo.load(
            conn,
            today,
            subjects[: len(SY_NAMES)],
            subjects[len(SY_NAMES) :],
            units["wg_410481-01"].id,
        )
        b.records += await associations_demo.load(conn, today, subjects[:6], units["sy_assoc"])
        loaded.reports = await load_reports(conn, subjects[0], today)
        await _returned(b, subjects[0], units["sy_210102"])
        if not report.administrator_created:
            loaded.accounts[0] = (
                *loaded.accounts[0][:2],
                "系统管理员（密码为 init 时所设，非演示密码）",
            )
        for s in subjects:
            await reevaluate(s, conn)
        loaded.subjects = len(subjects)
        loaded.records = b.records
        await record_pending(conn)  # partners' change events (none before any watch)
        # A partner token watching three bidders (credit.watches.delivery.demo).
        watching = await load_watch_demo(
            conn, units["partner"], [s for s in subjects if s.uscc][:3]
        )
        loaded.notes.append(f"关注演示 API 令牌（WATCH_SUBJECTS，只显示一次）：{watching.secret}")
        await dataversion.bump(conn)  # public data changed: cached answers are old
    return loaded


async def _returned(b: _Builder, subject: Subject, unit: Unit) -> None:
    """A record of 和平区's officer that the city reviewer returned with a reason: the
    officer's dashboard shows it, to be reopened, corrected and resubmitted."""
    officer = await User.get(username="officer.heping", using_db=b.conn)
    reviewer = await User.get(username="reviewer", using_db=b.conn)
    day = b.today - timedelta(days=75)
    record = await create_record(
        subject,
        RecordInput(
            type="watch_list_case",
            occurred_on=day,
            summary="因服务受到用户投诉，经核实属实",
            situation_code="s08",
            decision_no=f"沈公技防警〔{day.year}〕O92号",
            decision_date=day,
            issuing_unit="沈阳市公安局和平分局",
            provider_unit_id=unit.id,
            provider_person=officer.display_name,
        ),
        b.conn,
        by_user_id=officer.id,
        at=_at(day, 9),
        reevaluate_subject=False,
    )
    await transition(
        record,
        Action.SUBMIT,
        b.conn,
        by_user_id=officer.id,
        at=_at(day, 10),
        reevaluate_subject=False,
    )
    await transition(
        record,
        Action.REJECT,
        b.conn,
        by_user_id=reviewer.id,
        reason="决定文书号与决定书原件不符（应为阿拉伯数字“092”），请核对后重新提交",
        at=_at(b.today - timedelta(days=1), 15),
        reevaluate_subject=False,
    )
    b.records += 1


async def _units(
    conn: BaseDBAsyncClient, sy_districts: list[District], wg_districts: list[District]
) -> dict[str, Unit]:
    """The example file's units under the names the demo's builders use."""
    codes = {"sy_city": "SY-CITY", "sy_station": "SY-210102-PS1", "sy_assoc": "SY-ASSOC"}
    codes |= {"partner": "SY-PROCURE", "wg_city": "WG-CITY"}
    codes |= {f"sy_{d.code}": f"SY-{d.code}" for d in sy_districts}
    codes |= {f"wg_{d.code}": f"WG-{d.code}" for d in wg_districts}
    return {key: await Unit.get(code=code, using_db=conn) for key, code in codes.items()}


async def _accounts(
    conn: BaseDBAsyncClient, units: dict[str, Unit], subjects: list[Subject]
) -> list[tuple[str, str, str]]:
    pw = hash_password(DEMO_PASSWORD)
    rows = [
        ("reviewer", Role.CITY_REVIEWER, units["sy_city"], None, "市局审核员（沈阳）"),
        ("officer.heping", Role.DISTRICT_OFFICER, units["sy_210102"], None, "和平区分局民警"),
        ("officer.tiexi", Role.DISTRICT_OFFICER, units["sy_210106"], None, "铁西区分局民警"),
        ("officer.hunnan", Role.DISTRICT_OFFICER, units["sy_210112"], None, "浑南区分局民警"),
        (
            "enterprise",
            Role.ENTERPRISE,
            units["sy_210102"],
            subjects[1],
            "企业账号：" + subjects[1].name,
        ),
        ("association", Role.ASSOCIATION, units["sy_assoc"], None, "技防行业协会"),
        ("wg.reviewer", Role.CITY_REVIEWER, units["wg_city"], None, "市局审核员（舞钢）"),
        ("wg.officer", Role.DISTRICT_OFFICER, units["wg_410481-01"], None, "垭口街道派出所民警"),
    ]
    for username, role, unit, subject, name in rows:
        await User.create(
            username=username,
            password_hash=pw,
            display_name=name,
            role=role,
            unit_id=unit.id,
            subject_id=subject.id if subject else None,
            using_db=conn,
        )
    # The administrator is the example file's, created by `apply` (or by an earlier init,
    # in which case its password is the operator's, not the demo's).
    return [("admin", Role.ADMIN.value, "系统管理员（平台级，管理全部管辖区）")] + [
        (u, r.value, n) for u, r, _, _, n in rows
    ]


SY_NAMES = [
    "沈阳盛安智能安防工程有限公司",
    "沈阳北辰技防系统有限公司",
    "沈阳恒卫电子科技有限公司",
    "沈阳安泰报警运营服务有限公司",
    "沈阳鼎盾安全技术有限公司",
    "沈阳天衡视讯工程有限公司",
    "沈阳宏景安防科技有限公司",
    "沈阳卫联智慧技防有限公司",
    "沈阳瑞鹰监控工程有限公司",
    "沈阳金钥安防设备安装有限公司",
    "沈阳中衡安全防范技术有限公司",
    "沈阳东岳技防维护有限公司",
]


SY_REPRESENTATIVES = ["张伟", "李娜", "王强", "刘洋", "陈静", "杨帆"]
# The former name of SY_NAMES[6] (沈阳宏景安防科技有限公司), kept in its name history.
SY_FORMER_NAME = "沈阳宏景电子工程有限公司"


async def _shenyang(
    b: _Builder,
    rng: random.Random,
    sy: Jurisdiction,
    districts: list[District],
    units: dict[str, Unit],
) -> list[Subject]:
    t = b.today
    out: list[Subject] = []
    for i, name in enumerate(SY_NAMES):
        d = districts[i % len(districts)]
        out.append(
            await Subject.create(
                kind=SubjectKind.ENTERPRISE,
                uscc=demo_uscc(rng, d.code),
                name=name,
                jurisdiction_id=sy.id,
                district_id=d.id,
                address=f"沈阳市{d.name}示范路{i + 1}号",
                legal_representative=SY_REPRESENTATIVES[i % len(SY_REPRESENTATIVES)],
                licence_no=f"沈技防备字第{2018000 + i + 1}号",
                using_db=b.conn,
            )
        )
    # A change of name (曾用名), as an officer records it in the console.
    renamed = out[6]
    await SubjectNameChange.create(
        subject_id=renamed.id,
        old_name=SY_FORMER_NAME,
        new_name=renamed.name,
        changed_at=_at(t - timedelta(days=200)),
        source="import",
        using_db=b.conn,
    )
    unit = units["sy_210102"]

    def rec(type_: str, occurred: date, summary: str, **kw: Any) -> RecordInput:
        return RecordInput(
            type=type_,
            occurred_on=occurred,
            summary=summary,
            issuing_unit="沈阳市公安局",
            provider_unit_id=unit.id,
            provider_person="王警官",
            **kw,
        )

    async def filing(s: Subject, days: int) -> None:
        await b.published(
            s, rec("filing", t - timedelta(days=days), "技防企业备案"), t - timedelta(days=days)
        )

    inspections = iter(range(1, 999))

    async def inspection(s: Subject, days: int, passed: bool = True) -> None:
        day = t - timedelta(days=days)
        await b.published(
            s,
            rec(
                "inspection",
                day,
                "公安机关年度检查：" + ("合格" if passed else "不合格"),
                inspection_passed=passed,
                decision_no=f"沈公技防检〔{day.year}〕{next(inspections):03d}号",
                decision_date=day,
            ),
            day,
        )

    async def watch(s: Subject, days: int, situation: str, n: int, **kw: object) -> None:
        day = t - timedelta(days=days)
        await b.published(
            s,
            rec(
                "watch_list_case",
                day,
                f"经核实存在第九条所列情形：{WATCH_SITUATIONS_BY_CODE[situation].name_zh}",
                situation_code=situation,
                decision_no=f"沈公技防警〔{day.year}〕{n:03d}号",
                decision_date=day,
            ),
            day,
            **kw,
        )

    # 0: red list (passed inspection), 1: red list + honour (enterprise demo account)
    await filing(out[0], 400)
    await inspection(out[0], 60)
    await filing(out[1], 700)
    await inspection(out[1], 30)
    await b.published(
        out[1],
        rec("honour", t - timedelta(days=90), "获评市技防行业优秀企业"),
        t - timedelta(days=89),
    )
    # 2: one watch-list case → watch list; red list suppressed although inspected
    await inspection(out[2], 100)
    await watch(out[2], 40, "s08", 11)
    # 3: two watch-list cases
    await watch(out[3], 200, "s04", 21)
    await watch(out[3], 20, "s07", 22)
    # 4: five counted watch-list cases → blacklist
    for k, (days, sit) in enumerate(
        [(1500, "s01"), (1000, "s06"), (600, "s11"), (300, "s13"), (10, "s21")]
    ):
        await watch(out[4], days, sit, 40 + k)
    # 5: five cases, one revoked on objection → four count: watch only, no blacklist
    for k, (days, sit) in enumerate(
        [(900, "s02"), (700, "s03"), (500, "s05"), (200, "s09"), (50, "s12")]
    ):
        await watch(
            out[5], days, sit, 50 + k, revoked_on=(t - timedelta(days=150)) if k == 3 else None
        )
    # 6: two penalties for the same violation type → automatic warning record (第六条（四）1)
    for k, days in enumerate((300, 45)):
        day = t - timedelta(days=days)
        await b.published(
            out[6],
            rec(
                "administrative_decision",
                day,
                "未按规定安装技防系统，罚款",
                decision_no=f"沈公（技）行罚决字〔{day.year}〕{70 + k}号",
                decision_date=day,
                legal_basis="《辽宁省公共安全技术防范条例》",
                violations=[
                    ViolationInput(
                        "tech_unlawful_installation",
                        "tech_prevention",
                        "未依法安装技防系统",
                        [SanctionInput("warning"), SanctionInput("fine", Decimal(20000))],
                    )
                ],
            ),
            day,
        )
    # 7: an old case past its 5-year retention: archived, never public
    await watch(out[7], 365 * 6, "s10", 80)
    await filing(out[7], 365 * 6)
    # 8: interview/warning (hint), 9–11: a clean enterprise, review queue items
    await b.published(
        out[8],
        rec(
            "interview_or_warning",
            t - timedelta(days=15),
            "因未落实值班制度被约谈",
            decision_no=f"沈公技防约〔{t.year}〕008号",
            decision_date=t - timedelta(days=15),
        ),
        t - timedelta(days=14),
    )
    await filing(out[9], 100)
    await b.pending(
        out[10],
        rec(
            "watch_list_case",
            t - timedelta(days=3),
            "涉嫌擅自在社会公共区域安装技防系统",
            situation_code="s09",
            decision_no=f"沈公技防警〔{t.year}〕090号",
            decision_date=t - timedelta(days=2),
        ),
        Action.SUBMIT,
    )
    # the reviewer's card warns: the same decision number on a second record
    await b.pending(
        out[10],
        rec(
            "interview_or_warning",
            t - timedelta(days=3),
            "就擅自安装技防系统约谈企业负责人",
            decision_no=f"沈公技防警〔{t.year}〕090号",
            decision_date=t - timedelta(days=2),
        ),
        Action.SUBMIT,
    )
    await b.pending(
        out[11],
        rec(
            "watch_list_case",
            t - timedelta(days=5),
            "工程质量检测不合格",
            situation_code="s06",
            decision_no=f"沈公技防警〔{t.year}〕091号",
            decision_date=t - timedelta(days=4),
        ),
        Action.VERIFY,
    )
    await b.pending(
        out[11], rec("association_rating", t - timedelta(days=5), "行业协会信用等级 AA"), None
    )
    return out


WG_ORGS = [
    ("舞钢市恒达物流有限公司", SubjectKind.ENTERPRISE),
    ("舞钢市鑫源网吧", SubjectKind.INDIVIDUAL_BUSINESS),
    ("舞钢市华泰宾馆有限公司", SubjectKind.ENTERPRISE),
    ("舞钢市平安开锁服务部", SubjectKind.INDIVIDUAL_BUSINESS),
    ("舞钢市龙腾娱乐有限公司", SubjectKind.ENTERPRISE),
    ("舞钢市志愿服务协会", SubjectKind.SOCIAL_ORGANISATION),
    ("舞钢市钢城旧货回收有限公司", SubjectKind.ENTERPRISE),
]


async def _wugang(
    b: _Builder,
    rng: random.Random,
    wg: Jurisdiction,
    districts: list[District],
    units: dict[str, Unit],
) -> list[Subject]:
    t = b.today
    out: list[Subject] = []
    for i, (name, kind) in enumerate(WG_ORGS):
        d = districts[i % len(districts)]
        org_type = {"SOCIAL_ORGANISATION": "3", "INDIVIDUAL_BUSINESS": "2"}.get(kind.value, "1")
        prefix = "5" if kind == SubjectKind.SOCIAL_ORGANISATION else "9"
        code = demo_uscc(rng, "410481", org_type)
        code = prefix + code[1:17]
        code += uscc_check_digit(code)
        out.append(
            await Subject.create(
                kind=kind,
                uscc=code,
                name=name,
                jurisdiction_id=wg.id,
                district_id=d.id,
                using_db=b.conn,
            )
        )
    person = await _person(b, wg, districts[0])
    out.append(person)
    unit = units["wg_410481-01"]
    n = iter(range(100, 999))

    def decision(
        days: int, summary: str, violations: list[ViolationInput]
    ) -> tuple[RecordInput, date]:
        day = t - timedelta(days=days)
        return RecordInput(
            type="administrative_decision",
            occurred_on=day,
            summary=summary,
            decision_no=f"舞公（治）行罚决字〔{day.year}〕{next(n)}号",
            decision_date=day,
            issuing_unit="舞钢市公安局",
            legal_basis="《中华人民共和国治安管理处罚法》",
            violations=violations,
            provider_unit_id=unit.id,
            provider_person="李警官",
        ), day + timedelta(days=2)

    def v(type_code: str, domain: str, *sanctions: SanctionInput) -> ViolationInput:
        return ViolationInput(type_code, domain, "", list(sanctions))

    # 0: A (red-list conditions: passed inspection in the last 12 months, no bad info)
    await b.published(
        out[0],
        RecordInput(
            type="inspection",
            occurred_on=t - timedelta(days=60),
            summary="治安检查合格",
            inspection_passed=True,
            decision_no=f"舞公（治）检字〔{(t - timedelta(days=60)).year}〕12号",
            decision_date=t - timedelta(days=60),
            issuing_unit="舞钢市公安局",
            provider_unit_id=unit.id,
        ),
        t - timedelta(days=60),
    )
    # 1: B, one warning + one fine in one decision (counts once, as a penalty)
    await b.published(
        out[1],
        *decision(
            80,
            "接纳未成年人进入网吧：警告并处罚款",
            [
                v(
                    "internet_cafe_minors",
                    "cyber_security",
                    SanctionInput("warning"),
                    SanctionInput("fine", Decimal(15000)),
                )
            ],
        ),
    )
    # 2: B, two orders to correct
    for days in (200, 40):
        await b.published(
            out[2],
            *decision(
                days,
                "未按规定登记住宿旅客信息，责令改正",
                [v("hotel_registration", "public_order", SanctionInput("order_to_correct"))],
            ),
        )
    # 3: C, three warnings within 12 months
    for days in (300, 150, 20):
        await b.published(
            out[3],
            *decision(
                days,
                "未登记开锁信息，警告",
                [v("locksmith_registration", "public_order", SanctionInput("warning"))],
            ),
        )
    # 4: C, fines over 500,000 yuan
    await b.published(
        out[4],
        *decision(
            90,
            "违规经营，罚款并没收违法所得",
            [
                v(
                    "entertainment_venue",
                    "public_order",
                    SanctionInput("fine", Decimal(300000)),
                    SanctionInput("confiscation", Decimal(250000)),
                )
            ],
        ),
    )
    # 5: UNGRADED (clean); 6: an old penalty outside the 12 months: UNGRADED again
    await b.published(
        out[6],
        *decision(
            500,
            "收购废旧金属未登记，罚款",
            [v("scrap_registration", "public_order", SanctionInput("fine", Decimal(3000)))],
        ),
    )
    # person: B, detention (an administrative penalty case)
    await b.published(
        person,
        *decision(
            30, "殴打他人，行政拘留五日", [v("assault", "public_order", SanctionInput("detention"))]
        ),
    )
    return out


async def _person(b: _Builder, wg: Jurisdiction, district: District) -> Subject:
    from credit.accounts.crypto import protect_id_number

    number = "410481199001011236"
    protected = protect_id_number(number)
    return await Subject.create(
        kind=SubjectKind.NATURAL_PERSON,
        uscc=None,
        name="赵小明",
        jurisdiction_id=wg.id,
        district_id=district.id,
        using_db=b.conn,
        **protected,
    )
