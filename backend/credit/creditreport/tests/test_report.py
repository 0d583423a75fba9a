"""The credit report: the PDF a person reads (Chinese text that renders, A4, several
pages), what it may show (DOMAIN.md "Disclosure"), and its verification code.

The PDF is checked as a person would: poppler's pdftoppm renders page 1 to PNG (it must
not be blank: the embedded font draws the Chinese) and pdftotext reads the text back.
Both come from Debian's poppler-utils; without it those checks are skipped locally and
fail in CI (CI=true), where it is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

from credit.conftest import gql
from credit.core import clock
from credit.creditreport import routes as report_routes
from credit.creditreport.content import build_content
from credit.creditreport.render import Extras, render_pdf
from credit.creditreport.verify import code_for, normalise_code
from credit.grades.services import reevaluate
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
from credit.subjects.models import Subject
from credit.testing import make_partner_token, make_place, make_subject

VERIFY = """
query Verify($uscc: String!, $asOf: Date!, $code: String!) {
  verifyCreditReport(uscc: $uscc, asOf: $asOf, code: $code) {
    valid subjectName asOf reason
  }
}
"""


def _poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} (Debian's poppler-utils) is needed to check the rendered report"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def pdf_text(pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "report.pdf"
        src.write_bytes(pdf)
        out = subprocess.run(
            [_poppler("pdftotext"), "-enc", "UTF-8", str(src), "-"],
            check=True,
            capture_output=True,
            timeout=60,
        )
    return out.stdout.decode("utf-8")


def flat(text: str) -> str:
    """Text without line breaks or spaces: a wrapped cell reads as one string."""
    return re.sub(r"\s+", "", text)


def page_one_png(pdf: bytes, dpi: int = 60) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "report.pdf"
        src.write_bytes(pdf)
        subprocess.run(
            [_poppler("pdftoppm"), "-png", "-r", str(dpi), "-f", "1", "-l", "1", str(src),
             str(Path(tmp) / "page")],
            check=True,
            capture_output=True,
            timeout=60,
        )  # fmt: skip
        (png,) = Path(tmp).glob("page*.png")
        return png.read_bytes()


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b", pdf))


def watch_case(day: date, n: int = 1, summary: str | None = None) -> RecordInput:
    return RecordInput(
        type="watch_list_case",
        occurred_on=day,
        summary=summary or f"未按规定检测验收即交付使用（情形{n}）",
        situation_code="s08",
        decision_no=f"沈公技防警〔2026〕{n:03d}号",
        decision_date=day,
        issuing_unit="沈阳市公安局和平分局",
        provider_person="录入民警王五",
        internal_note="内部备注：不得公开",
    )


async def listed_subject(name: str = "沈阳甲乙技防工程有限公司") -> Subject:
    s = await make_subject(name)
    today = clock.today()
    await create_published(
        s, watch_case(today - timedelta(days=5)), today - timedelta(days=4), None
    )
    return s


async def natural_person() -> Subject:
    from credit.accounts.crypto import protect_id_number

    j, d = await make_place("wugang-2021")
    person = await Subject.create(
        kind=SubjectKind.NATURAL_PERSON,
        uscc=None,
        name="赵小明",
        jurisdiction_id=j.id,
        district_id=d.id,
        address="舞钢市某街道1号",
        **protect_id_number("410481199001011236"),
    )
    day = clock.today() - timedelta(days=30)
    await create_published(
        person,
        RecordInput(
            type="administrative_decision",
            occurred_on=day,
            summary="殴打他人，行政拘留五日",
            decision_no="舞公（治）行罚决字〔2026〕7号",
            decision_date=day,
            issuing_unit="舞钢市公安局",
            violations=[
                ViolationInput("assault", "public_order", "", [SanctionInput("detention")])
            ],
        ),
        day + timedelta(days=2),
        None,
    )
    return person


async def report(client: httpx.AsyncClient, uscc: str, **params: str) -> httpx.Response:
    return await client.get(f"/reports/{uscc}.pdf", params=params)


# --- the PDF ---------------------------------------------------------------------------


async def test_report_of_a_listed_subject_shows_its_name_and_the_watch_list(
    app_client: httpx.AsyncClient,
) -> None:
    # given
    s = await listed_subject("沈阳甲乙技防工程有限公司")
    assert s.uscc
    # when
    response = await report(app_client, s.uscc)
    # then: an A4 PDF whose only font is embedded
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    pdf = response.content
    assert pdf.startswith(b"%PDF-")
    assert b"/MediaBox [ 0 0 595.2756 841.8898 ]" in pdf
    assert b"/FontFile2" in pdf and b"/Helvetica" not in pdf
    # and it reads back, in Chinese
    text = flat(pdf_text(pdf))
    for expected in (
        "信用报告",
        "沈阳甲乙技防工程有限公司",
        s.uscc,
        "警示目录",
        "沈公技防警〔2026〕001号",
        "未按规定检测验收即交付使用（情形1）",
        "沈阳市公安局和平分局",
        "限制参加政府采购项目",
        "本政策不评级",
        f"信息截至{clock.today().isoformat()}",
        response.headers["x-verification-code"],
        "/verify?",
    ):
        assert expected in text, expected


async def test_page_one_renders_as_a_non_blank_image(app_client: httpx.AsyncClient) -> None:
    from io import BytesIO

    from PIL import Image

    s = await listed_subject()
    assert s.uscc
    pdf = (await report(app_client, s.uscc)).content
    image = Image.open(BytesIO(page_one_png(pdf))).convert("L")
    # A4 at 60 dpi
    assert abs(image.width - 496) <= 2 and abs(image.height - 702) <= 2
    histogram = image.histogram()
    dark = sum(histogram[:128])
    assert dark > 0.01 * image.width * image.height, "page 1 is (almost) blank"
    # the title (信用报告, 24 pt, centred near the top) is drawn, not left as empty boxes
    title = image.crop((image.width // 3, 40, 2 * image.width // 3, 80))
    assert sum(title.histogram()[:128]) > 200


async def test_many_records_make_several_pages_with_the_header_repeated(
    app_client: httpx.AsyncClient,
) -> None:
    s = await make_subject("沈阳多记录技防有限公司")
    assert s.uscc
    today = clock.today()
    for n in range(1, 41):
        day = today - timedelta(days=100 - n)
        await create_published(
            s,
            watch_case(day, n, summary=f"第{n}起：" + "未按规定对安装的技防系统进行检测验收。" * 3),
            day + timedelta(days=1),
            None,
            reevaluate_subject=False,
        )
    await reevaluate(s)
    pdf = (await report(app_client, s.uscc)).content
    assert page_count(pdf) >= 3
    text = pdf_text(pdf)
    pages = text.split("\f")
    assert sum("决定文书号" in p for p in pages) >= 2  # the table's header on each page
    assert "第1页共" in flat(text)
    assert "第1起" in flat(text) and "第40起" in flat(text)


# --- disclosure ------------------------------------------------------------------------


async def test_unpublished_revoked_records_notes_and_providers_never_appear(
    app_client: httpx.AsyncClient,
) -> None:
    # given: one published case; a draft, a submitted, a rejected and a revoked one
    s = await make_subject()
    assert s.uscc
    today = clock.today()
    await create_published(
        s, watch_case(today - timedelta(days=3), 1, "已公布的情形"), today - timedelta(days=2), None
    )
    await create_record(s, watch_case(today, 2, "草稿情形"), None)
    submitted = await create_record(s, watch_case(today, 3, "待审核情形"), None)
    await transition(submitted, Action.SUBMIT, None)
    rejected = await create_record(s, watch_case(today, 4, "被驳回情形"), None)
    await transition(rejected, Action.SUBMIT, None)
    await transition(rejected, Action.REJECT, None, reason="证据不足")
    revoked = await create_published(
        s, watch_case(today - timedelta(days=9), 5, "已撤销情形"), today - timedelta(days=8), None
    )
    await transition(revoked, Action.REVOKE, None, reason="异议成立")
    # when
    content = await build_content(s, today)
    pdf = (await report(app_client, s.uscc)).content
    # then
    canonical = content.canonical().decode()
    assert [r.summary for r in content.records] == ["已公布的情形"]
    for hidden in (
        "草稿情形",
        "待审核情形",
        "被驳回情形",
        "已撤销情形",
        "内部备注",
        "录入民警王五",
    ):
        assert hidden not in canonical, hidden
    text = flat(pdf_text(pdf))
    assert "已公布的情形" in text
    for hidden in (
        "草稿情形",
        "待审核情形",
        "被驳回情形",
        "已撤销情形",
        "内部备注",
        "录入民警王五",
    ):
        assert hidden not in text, hidden


async def test_a_natural_person_is_masked_and_a_permitted_caller_sees_the_id_number(
    db: str,
) -> None:
    # given
    person = await natural_person()
    content = await build_content(person, clock.today())
    # then: the content (what is digested and printed) is masked
    assert content.identity.name == "赵*明"
    assert content.identity.id_number_masked == "410481********1236"
    assert content.grade == "B" and content.grade_reasons
    canonical = content.canonical().decode()
    for secret in ("赵小明", "410481199001011236", "舞钢市某街道"):
        assert secret not in canonical
    extras = Extras(
        code=code_for(person, content), verify_url="http://x/verify", generated_at=clock.now()
    )
    public = flat(pdf_text(render_pdf(content, extras)))
    assert "赵*明" in public and "410481********1236" in public
    assert "赵小明" not in public and "410481199001011236" not in public
    assert "舞钢市某街道" not in public
    assert "B一般失信" in public and "殴打他人，行政拘留五日" in public
    # a caller with VIEW_UNMASKED_ID gets the full number; the name stays masked
    unmasked = Extras(
        code=extras.code,
        verify_url=extras.verify_url,
        generated_at=extras.generated_at,
        id_number="410481199001011236",
    )
    partner = flat(pdf_text(render_pdf(content, unmasked)))
    assert "410481199001011236" in partner and "赵*明" in partner and "赵小明" not in partner


async def test_a_wugang_grade_prints_its_reasons(db: str) -> None:
    s = await make_subject("舞钢市乙网吧", policy_code="wugang-2021")
    day = clock.today() - timedelta(days=20)
    await create_published(
        s,
        RecordInput(
            type="administrative_decision",
            occurred_on=day,
            summary="接纳未成年人进入网吧，警告并处罚款",
            decision_no="舞公（治）行罚决字〔2026〕9号",
            decision_date=day,
            issuing_unit="舞钢市公安局",
            violations=[
                ViolationInput(
                    "minors_in_internet_cafe",
                    "public_order",
                    "",
                    [SanctionInput("warning"), SanctionInput("fine", Decimal(5000))],
                )
            ],
        ),
        day + timedelta(days=1),
        None,
    )
    content = await build_content(s, clock.today())
    assert content.grade_zh == "B 一般失信"
    assert content.grade_reasons and all(r.article for r in content.grade_reasons)
    text = flat(
        pdf_text(render_pdf(content, Extras("0000-0000-0000-0000", "http://x/verify", clock.now())))
    )
    assert flat(content.grade_reasons[0].summary) in text


# --- the route -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "fault", "text"),
    [
        ("91310115MA1K3BTP2", "length", "18位"),
        ("9131I115MA1K3BTP2B", "character", "第5位"),
        ("91310115MA1K3BTP2C", "check_digit", "校验码"),
    ],
)
async def test_bad_uscc_is_400_invalid_uscc_naming_the_fault(
    app_client: httpx.AsyncClient, code: str, fault: str, text: str
) -> None:
    response = await report(app_client, code)
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "INVALID_USCC"
    assert error["extensions"]["fault"] == fault
    assert text in error["message"]


async def test_unknown_uscc_is_404_and_a_future_or_malformed_date_is_400(
    app_client: httpx.AsyncClient,
) -> None:
    response = await report(app_client, "91310115MA1K3BTP2B")
    assert response.status_code == 404
    assert response.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    s = await make_subject()
    assert s.uscc
    tomorrow = (clock.today() + timedelta(days=1)).isoformat()
    for bad in (tomorrow, "2026-13-01"):
        response = await report(app_client, s.uscc, asOf=bad)
        assert response.status_code == 400
        assert response.json()["errors"][0]["extensions"]["field"] == "asOf"


async def test_the_uscc_is_normalised(app_client: httpx.AsyncClient) -> None:
    s = await make_subject()
    assert s.uscc
    response = await report(app_client, s.uscc.lower())
    assert response.status_code == 200
    assert s.uscc in response.headers["content-disposition"]


async def test_anonymous_callers_are_rate_limited(
    app_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report_routes, "REPORTS_PER_MINUTE", 2)
    s = await make_subject()
    assert s.uscc
    statuses = [(await report(app_client, s.uscc)).status_code for _ in range(3)]
    assert statuses[:2] == [200, 200]
    assert statuses[2] == 429


async def test_an_invalid_bearer_token_is_401(app_client: httpx.AsyncClient) -> None:
    s = await make_subject()
    response = await app_client.get(
        f"/reports/{s.uscc}.pdf", headers={"authorization": "Bearer cst_nonsense"}
    )
    assert response.status_code == 401


async def test_a_partner_token_gets_the_report(app_client: httpx.AsyncClient) -> None:
    s = await listed_subject()
    token = await make_partner_token(["VIEW_UNMASKED_ID"])
    response = await app_client.get(
        f"/reports/{s.uscc}.pdf", headers={"authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")


# --- verification ----------------------------------------------------------------------


async def test_the_code_verifies_for_its_subject_and_date_only(
    app_client: httpx.AsyncClient,
) -> None:
    # given
    s = await listed_subject("沈阳核验技防有限公司")
    other = await make_subject("沈阳另一技防有限公司")
    today = clock.today()
    response = await report(app_client, s.uscc or "")
    code = response.headers["x-verification-code"]
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}", code)

    async def verify(uscc: str | None, as_of: date, code: str) -> dict:
        body = await gql(
            app_client, VERIFY, {"uscc": uscc, "asOf": as_of.isoformat(), "code": code}
        )
        assert "errors" not in body, body
        return body["data"]["verifyCreditReport"]

    # then: valid, also typed loosely
    ok = await verify(s.uscc, today, code)
    assert ok == {
        "valid": True,
        "subjectName": "沈阳核验技防有限公司",
        "asOf": today.isoformat(),
        "reason": None,
    }
    assert (await verify(s.uscc, today, code.lower().replace("-", " ")))["valid"] is True
    # a tampered code, another date, another subject: invalid, with a reason
    tampered = ("1" if code[0] != "1" else "2") + code[1:]
    for args in (
        (s.uscc, today, tampered),
        (s.uscc, today - timedelta(days=1), code),
        (other.uscc, today, code),
    ):
        got = await verify(*args)
        assert got["valid"] is False and got["reason"], args
    assert (await verify(s.uscc, today, "ABC"))["reason"].startswith("核验码格式不正确")
    assert "统一社会信用代码" in (await verify("91310115MA1K3BTP2C", today, code))["reason"]
    assert (await verify("91310115MA1K3BTP2B", today, code))["subjectName"] is None


async def test_a_past_report_still_verifies_after_later_changes(
    app_client: httpx.AsyncClient,
) -> None:
    # given: a report as of 3 days ago
    s = await listed_subject()
    assert s.uscc
    today = clock.today()
    past = today - timedelta(days=3)
    response = await report(app_client, s.uscc, asOf=past.isoformat())
    assert response.status_code == 200
    code = response.headers["x-verification-code"]
    # when: a new case is published today, and the report is asked for again later
    await create_published(s, watch_case(today, 9), today, None)
    again = await report(app_client, s.uscc, asOf=past.isoformat())
    # then: the same code (no timestamp in it), still valid; today's report differs
    assert again.headers["x-verification-code"] == code
    body = await gql(app_client, VERIFY, {"uscc": s.uscc, "asOf": past.isoformat(), "code": code})
    assert body["data"]["verifyCreditReport"]["valid"] is True
    now_code = (await report(app_client, s.uscc)).headers["x-verification-code"]
    assert now_code != code


async def test_the_code_does_not_depend_on_the_audience_or_the_time(db: str) -> None:
    s = await listed_subject()
    content = await build_content(s, clock.today())
    first = code_for(s, content)
    clock.freeze(datetime.now(UTC) + timedelta(seconds=1))
    assert code_for(s, await build_content(s, clock.today())) == first
    assert normalise_code(first.lower().replace("-", "")) == first
    assert normalise_code("O0Il-" + first[5:]) == "0011-" + first[5:]
