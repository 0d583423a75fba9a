"""Writing a checked bureau file: in one transaction, creating only what is missing.

Idempotent by design: an entry whose code already exists is left as it is (an
administrator may have renamed it in the console since; the console is where existing
units change), and reported when the file says otherwise. Running the same file twice
therefore changes nothing, and a file with an added unit adds exactly that unit.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from credit.accounts.actor import Actor, ActorKind
from credit.accounts.administration import password_problem
from credit.accounts.models import Role, Unit, User
from credit.accounts.passwords import hash_password
from credit.audit.services import record_event
from credit.bootstrap.config import BureauConfig, ConfigError, Existing, parse
from credit.policies.models import Policy
from credit.policies.params import POLICY_DEFAULTS
from credit.policies.seed import ensure_policies
from credit.subjects.models import District, Jurisdiction

PASSWORD_ENV = "CREDIT_ADMIN_PASSWORD"
INIT_ACTOR = Actor(kind=ActorKind.ANONYMOUS, username="credit init", role="SYSTEM")


@dataclass
class InitReport:
    created: list[str] = field(default_factory=list)
    differing: list[str] = field(default_factory=list)  # existing rows the file describes otherwise
    administrator_created: bool = False

    def describe(self) -> str:
        if not self.created:
            lines = ["无需更改：文件中的一切均已存在 (nothing to do)"]
        else:
            lines = [f"已新建 {len(self.created)} 项："] + [f"  {c}" for c in self.created]
        if self.differing:
            lines.append("以下已存在，与文件不同，保持原样（请在控制台修改）：")
            lines += [f"  {d}" for d in self.differing]
        return "\n".join(lines)


async def existing_state(conn: BaseDBAsyncClient | None) -> Existing:
    j_codes = {j.id: j.code for j in await Jurisdiction.all().using_db(conn)}
    d_codes = {
        d.id: (d.code, j_codes[d.jurisdiction_id]) for d in await District.all().using_db(conn)
    }
    units = {
        u.code: (
            j_codes.get(u.jurisdiction_id) if u.jurisdiction_id else None,
            d_codes[u.district_id][0] if u.district_id else None,
        )
        for u in await Unit.all().using_db(conn)
    }
    return Existing(
        jurisdictions=set(j_codes.values()),
        districts=dict(d_codes.values()),
        units=units,
    )


async def known_policies(conn: BaseDBAsyncClient | None) -> set[str]:
    stored = await Policy.all().using_db(conn).values_list("code", flat=True)
    return set(POLICY_DEFAULTS) | {str(c) for c in stored}


async def apply(
    config: BureauConfig, conn: BaseDBAsyncClient, admin_password: str | None
) -> InitReport:
    report = InitReport()
    await ensure_policies(conn)
    # What the audit trail keeps: the names a person reads (the report also has the codes).
    named: list[str] = []
    j_ids: dict[str, int] = {}
    for js in config.jurisdictions:
        row = await Jurisdiction.get_or_none(code=js.code, using_db=conn)
        if row is None:
            row = await Jurisdiction.create(
                code=js.code, name=js.name, policy_code=js.policy, using_db=conn
            )
            report.created.append(f"管辖区 {js.code} {js.name}（{js.policy}）")
            named.append(f"管辖区 {js.name}")
        elif (row.name, row.policy_code) != (js.name, js.policy):
            report.differing.append(f"管辖区 {js.code}：现为 {row.name}（{row.policy_code}）")
    for j in await Jurisdiction.all().using_db(conn):
        j_ids[j.code] = j.id
    d_ids: dict[str, int] = {}
    for ds in config.districts:
        district = await District.get_or_none(code=ds.code, using_db=conn)
        if district is None:
            await District.create(
                code=ds.code, name=ds.name, jurisdiction_id=j_ids[ds.jurisdiction], using_db=conn
            )
            report.created.append(f"辖区 {ds.code} {ds.name}")
            named.append(f"辖区 {ds.name}")
        elif (district.name, district.jurisdiction_id) != (ds.name, j_ids[ds.jurisdiction]):
            report.differing.append(f"辖区 {ds.code}：现为 {district.name}")
    for d in await District.all().using_db(conn):
        d_ids[d.code] = d.id
    for us in config.units:  # parents first
        parent = await Unit.get(code=us.parent, using_db=conn) if us.parent else None
        unit_row = await Unit.get_or_none(code=us.code, using_db=conn)
        wanted = {
            "name": us.name,
            "kind": us.kind,
            "parent_id": parent.id if parent else None,
            "jurisdiction_id": j_ids[us.jurisdiction] if us.jurisdiction else None,
            "district_id": d_ids[us.district] if us.district else None,
        }
        if unit_row is None:
            await Unit.create(code=us.code, **wanted, using_db=conn)
            report.created.append(f"单位 {us.code} {us.name}")
            named.append(f"单位 {us.name}")
        elif any(getattr(unit_row, k) != v for k, v in wanted.items()):
            report.differing.append(f"单位 {us.code}：现为 {unit_row.name}")
    admin = config.administrator
    if admin is not None and not await User.filter(username=admin.username).using_db(conn).exists():
        if admin_password is None:
            raise ConfigError("", [(admin.line, "需要首位管理员的密码")])
        unit = await Unit.get(code=admin.unit, using_db=conn)
        await User.create(
            username=admin.username,
            password_hash=hash_password(admin_password),
            display_name=admin.display_name,
            role=Role.ADMIN,
            unit_id=unit.id,
            using_db=conn,
        )
        report.created.append(f"管理员 {admin.username}（{unit.name}）")
        named.append(f"管理员 {admin.display_name}（{unit.name}）")
        report.administrator_created = True
    if report.created:
        await record_event(
            conn, INIT_ACTOR, "bureau.init", object_type="bureau", after={"created": named}
        )
    return report


async def needs_administrator(config: BureauConfig) -> bool:
    admin = config.administrator
    return admin is not None and not await User.filter(username=admin.username).exists()


async def _checked(text: str, source: str, conn: BaseDBAsyncClient | None) -> BureauConfig:
    return parse(
        text,
        known_policies=await known_policies(conn),
        existing=await existing_state(conn),
        source=source,
    )


async def init_from_text(
    text: str,
    source: str,
    password: str | None = None,
    *,
    prompt: Callable[[], str | None] | None = None,
) -> InitReport:
    """Check the whole file, then write it in one transaction (nothing on error). The
    first administrator's password comes from `password`, else CREDIT_ADMIN_PASSWORD, else
    `prompt` (asked before the transaction opens); never from the file."""
    config = await _checked(text, source, None)
    admin = config.administrator
    if admin is not None and await needs_administrator(config):
        password = password or os.environ.get(PASSWORD_ENV) or (prompt() if prompt else None)
        if not password:
            raise ConfigError(
                source, [(admin.line, f"请用环境变量 {PASSWORD_ENV} 提供首位管理员的密码")]
            )
        problem = password_problem(password)
        if problem is not None:
            raise ConfigError(source, [(admin.line, f"管理员密码：{problem}")])
    async with in_transaction() as conn:
        # Checked again inside the transaction: another run may have written meanwhile.
        return await apply(await _checked(text, source, conn), conn, password)


def ask_password() -> str | None:
    """The interactive prompt (a terminal only; twice, to catch a typo)."""
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass("首位管理员的密码 (first administrator's password): ")
    again = getpass.getpass("再输入一次 (again): ")
    return first if first == again else None


async def init_text_cli(text: str, source: str) -> int:
    """`python -m credit init --config FILE`: 0 when applied, 1 with the problems otherwise."""
    try:
        report = await init_from_text(text, source, prompt=ask_password)
    except ConfigError as exc:
        print("未写入任何内容 (nothing written):", file=sys.stderr)
        print(str(exc), file=sys.stderr)
        return 1
    print(report.describe())
    return 0
