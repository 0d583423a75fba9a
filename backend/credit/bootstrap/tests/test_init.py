"""`credit init --config FILE`: the example bureau file set up on an empty database, used
by its administrator through the API up to a first published record; idempotent; a bad
file names the line and writes nothing."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from credit.accounts.models import Role, Unit, User
from credit.audit.models import AuditEvent
from credit.bootstrap.apply import init_from_text
from credit.bootstrap.config import ConfigError
from credit.conftest import gql, sign_in
from credit.core import clock
from credit.core.settings import REPO_DIR
from credit.demo.load import EXAMPLE_FILE, SHENYANG_DISTRICTS, WUGANG_DISTRICTS
from credit.records.tests.test_lifecycle_mutations import CREATE, PUBLISH, STEP, VERIFY
from credit.subjects.models import District, Jurisdiction, Subject

DOCS_EXAMPLE = REPO_DIR / "docs" / "deploy" / "bureau.example.toml"
PASSWORD = "Bureau-Admin-2026"
USER_CREATE = """mutation($in: UserCreateInput!) {
  userCreate(input: $in) { user { id } errors { code field message } } }"""
IMPORT = """mutation($c: String!) {
  decisionsImport(content: $c) { summary { subjectsCreated } errors { line message } } }"""


def example() -> str:
    return DOCS_EXAMPLE.read_text(encoding="utf-8")


async def _counts() -> tuple[int, int, int, int]:
    return (
        await Jurisdiction.all().count(),
        await District.all().count(),
        await Unit.all().count(),
        await User.all().count(),
    )


def test_the_docs_example_is_the_file_the_demo_loads() -> None:
    assert DOCS_EXAMPLE.read_bytes() == Path(EXAMPLE_FILE).read_bytes()
    text = example()
    for code, name in SHENYANG_DISTRICTS + WUGANG_DISTRICTS:
        assert f'code = "{code}"\nname = "{name}"' in text
    assert "password" not in tomllib.loads(text)["administrator"]


async def test_init_sets_up_a_bureau_whose_administrator_publishes_a_first_record(
    make_client,
) -> None:
    # given: an empty, migrated database
    assert await _counts() == (0, 0, 0, 0)
    # when
    report = await init_from_text(example(), "bureau.example.toml", PASSWORD)
    # then: the structure and one administrator, no demo subject or account
    assert report.administrator_created
    assert await _counts() == (2, 9, 15, 1)
    admin = await User.get(username="admin")
    assert admin.role == Role.ADMIN and admin.password_hash != PASSWORD
    assert not await Subject.exists()
    assert await AuditEvent.filter(action="bureau.init").count() == 1

    # the administrator signs in and creates the bureau's first accounts
    client = make_client()
    await sign_in(client, "admin", PASSWORD)
    for username, role, unit in (
        ("li.officer", "DISTRICT_OFFICER", "SY-210102"),
        ("zhao.reviewer", "CITY_REVIEWER", "SY-CITY"),
    ):
        body = await gql(
            client,
            USER_CREATE,
            {
                "in": {
                    "username": username,
                    "password": "First-Login-2026",
                    "displayName": username,
                    "role": role,
                    "unitCode": unit,
                }
            },
        )
        assert body["data"]["userCreate"]["errors"] == []
    officer, reviewer, public = make_client(), make_client(), make_client()
    await sign_in(officer, "li.officer", "First-Login-2026")
    await sign_in(reviewer, "zhao.reviewer", "First-Login-2026")
    # the reviewer brings the subject in (the import is the API's way to create subjects)
    uscc = "91210102EX00000015"
    line = json.dumps(
        {
            "kind": "subject",
            "subject_kind": "ENTERPRISE",
            "uscc": uscc,
            "name": "沈阳首例技防有限公司",
            "jurisdiction_code": "shenyang",
            "district_code": "210102",
        },
        ensure_ascii=False,
    )
    imported = await gql(reviewer, IMPORT, {"c": line + "\n"})
    assert imported["data"]["decisionsImport"]["errors"] == []
    subject = await Subject.get(uscc=uscc)
    # the officer enters a record, the reviewer verifies and publishes it
    today = clock.today().isoformat()
    created = await gql(
        officer,
        CREATE,
        {
            "input": {
                "subjectId": str(subject.id),
                "type": "filing",
                "occurredOn": today,
                "summary": "技防企业备案",
                "issuingUnit": "沈阳市公安局和平区分局",
            }
        },
    )
    assert created["data"]["creditRecordCreate"]["errors"] == []
    record_id = created["data"]["creditRecordCreate"]["creditRecord"]["id"]
    assert (await gql(officer, STEP, {"id": record_id}))["data"]["submit"]["errors"] == []
    verified = await gql(reviewer, VERIFY, {"id": record_id})
    assert verified["data"]["creditRecordVerify"]["errors"] == []
    published = await gql(reviewer, PUBLISH, {"id": record_id})
    assert published["data"]["creditRecordPublish"]["creditRecord"]["status"] == "PUBLISHED"
    seen = await gql(
        public,
        "query($u: String!) { subject(uscc: $u) { name records { totalCount } } }",
        {"u": uscc},
    )
    assert seen["data"]["subject"] == {"name": "沈阳首例技防有限公司", "records": {"totalCount": 1}}
    assert await User.all().count() == 3 and await Subject.all().count() == 1


async def test_init_twice_changes_nothing_and_an_added_unit_adds_that_unit(db: str) -> None:
    await init_from_text(example(), "bureau.toml", PASSWORD)
    before = await _counts()
    events = await AuditEvent.all().count()
    again = await init_from_text(example(), "bureau.toml")  # no password needed now
    assert again.created == [] and await _counts() == before
    assert await AuditEvent.all().count() == events
    added = example() + (
        '\n[[unit]]\ncode = "SY-210106-PS1"\nname = "铁西区兴华派出所"\n'
        'kind = "POLICE_STATION"\nparent = "SY-210106"\n'
    )
    third = await init_from_text(added, "bureau.toml")
    assert third.created == ["单位 SY-210106-PS1 铁西区兴华派出所"]
    station = await Unit.get(code="SY-210106-PS1")
    parent = await Unit.get(code="SY-210106")
    assert (station.parent_id, station.district_id, station.jurisdiction_id) == (
        parent.id,
        parent.district_id,
        parent.jurisdiction_id,
    )


def _line_of(text: str, needle: str, occurrence: int = 1) -> int:
    lines = [i for i, line in enumerate(text.splitlines(), start=1) if needle in line]
    return lines[occurrence - 1]


@pytest.mark.parametrize(
    ("change", "needle", "occurrence", "says"),
    [
        (('policy = "wugang-2021"', 'policy = "wugang-2099"'), "wugang-2099", 1, "未知的政策"),
        (('code = "SY-ASSOC"', 'code = "SY-CITY"'), 'code = "SY-CITY"', 2, "重复的代码 SY-CITY"),
        (
            ('parent = "SY-210102"\n', 'parent = "SY-NOPE"\n'),
            "SY-NOPE",
            1,
            "上级单位 SY-NOPE 不存在",
        ),
        (('code = "210103"', 'code = "210102"'), 'code = "210102"', 2, "重复的代码 210102"),
    ],
)
async def test_a_bad_file_names_the_line_and_writes_nothing(
    db: str, change: tuple[str, str], needle: str, occurrence: int, says: str
) -> None:
    text = example().replace(*change, 1)
    with pytest.raises(ConfigError) as refused:
        await init_from_text(text, "bureau.toml", PASSWORD)
    message = str(refused.value)
    assert f"bureau.toml:{_line_of(text, needle, occurrence)}: " in message and says in message
    assert await _counts() == (0, 0, 0, 0)


async def test_the_password_never_comes_from_the_file(db: str, monkeypatch) -> None:
    monkeypatch.delenv("CREDIT_ADMIN_PASSWORD", raising=False)
    with pytest.raises(ConfigError) as missing:
        await init_from_text(example(), "bureau.toml")
    assert "CREDIT_ADMIN_PASSWORD" in str(missing.value)
    assert await _counts() == (0, 0, 0, 0)
    with_key = example().replace('unit = "PLATFORM"', 'unit = "PLATFORM"\npassword = "x"')
    with pytest.raises(ConfigError) as refused:
        await init_from_text(with_key, "bureau.toml", PASSWORD)
    assert "未知字段 password" in str(refused.value)
    monkeypatch.setenv("CREDIT_ADMIN_PASSWORD", "short")
    with pytest.raises(ConfigError) as weak:
        await init_from_text(example(), "bureau.toml")
    assert "密码至少10位" in str(weak.value)
    monkeypatch.setenv("CREDIT_ADMIN_PASSWORD", PASSWORD)
    assert (await init_from_text(example(), "bureau.toml")).administrator_created
