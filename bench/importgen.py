"""A valid import file of N rows in the documented shape (docs/import.md), written line by
line (the generator holds one block of rows at a time, whatever N).

Blocks of five rows: a subject, then four of its decisions and records. 70 % of the blocks
are Shenyang technical-prevention enterprises (watch-list cases, administrative decisions
with a warning and a fine, inspections, filings, honours), 30 % Wugang (individual
businesses, enterprises and a few natural persons: administrative decisions with one or two
violations, licence-commitment violations, inspections, upstream evaluations, red-list
entries). Dates spread over six years before today, so that some records are archived and
some are out of their public window; 3 % of the records are revoked. Deterministic for a
given N and seed (dates are relative to the day it runs)."""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from stdnum.cn import ric

from credit.records.importer.formats import COLUMNS
from credit.records.importer.formats.table import flatten
from credit.subjects.identifiers import uscc_check_digit

SY_DISTRICTS = ("210102", "210103", "210104", "210105", "210106", "210112")
WG_DISTRICTS = ("410481-01", "410481-02", "410481-03")
BLOCK = 5  # rows per subject


def _uscc(n: int, division: str, org_type: str) -> str:
    body = f"{org_type}{division[:6]}KB{n:07d}"
    return body + uscc_check_digit(body)


def _id_number(n: int, rng: random.Random) -> str:
    born = date(1992, 1, 1) + timedelta(days=rng.randint(0, 4000))  # 舞钢 codes since 1990
    body = f"410481{born:%Y%m%d}{n % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")  # it ignores the last digit


class _Block:
    """The rows of one subject."""

    def __init__(self, gen: Generator, n: int) -> None:
        self.gen, self.n = gen, n
        self.rng = random.Random(gen.seed * 1_000_003 + n)
        self.cases = 0
        self.key: dict[str, str] = {}

    def ago(self, lo: int, hi: int) -> date:
        return self.gen.today - timedelta(days=self.rng.randint(lo, hi))

    def doc(self, prefix: str) -> str:
        self.cases += 1
        return f"{prefix}〔IB〕{self.n}-{self.cases}号"

    def entry(self, kind: str, type_: str, occurred: date, summary: str, **kw: Any) -> dict:
        published = occurred + timedelta(days=self.rng.randint(0, 5))
        published = min(published, self.gen.today - timedelta(days=1))
        row: dict[str, Any] = {"kind": kind, **self.key, "type": type_}
        if kind == "decision":
            decided = min(occurred + timedelta(days=self.rng.randint(0, 3)), published)
            row |= {"decided_on": decided.isoformat()}
        row |= {"occurred_on": occurred.isoformat(), "summary": summary}
        row |= {"published_on": published.isoformat(), **kw}
        if self.rng.random() < 0.03:
            revoked = min(published + timedelta(days=30), self.gen.today - timedelta(days=1))
            row |= {"status": "revoked", "revoked_on": revoked.isoformat()}
            row["status_reason"] = "异议成立，撤销"
        return row

    def shenyang(self) -> list[dict[str, Any]]:
        district = self.rng.choice(SY_DISTRICTS)
        code = _uscc(self.n, district, "91")
        self.key = {"uscc": code}
        unit = {"provider_unit": f"SY-{district}", "provider_person": "王警官"}
        subject = {
            "kind": "subject",
            "subject_kind": "ENTERPRISE",
            "uscc": code,
            "name": f"沈阳导入测试{self.n}号技防工程有限公司",
            "jurisdiction_code": "shenyang",
            "district_code": district,
            "address": f"沈阳市导入路{self.n}号",
        }
        decision = {"issuing_unit": "沈阳市公安局"} | unit
        rows = [
            subject,
            self.entry(
                "record",
                "filing",
                self.ago(300, 2200),
                "技防企业备案",
                external_key=f"IB-SY-{self.n}",
                **unit,
            ),
        ]
        for _ in range(3):
            pick = self.rng.random()
            if pick < 0.4:
                rows.append(
                    self.entry(
                        "decision",
                        "watch_list_case",
                        self.ago(5, 2000),
                        "工程质量检测不合格，列入警示目录",
                        document_no=self.doc("沈公技防警"),
                        legal_basis="沈公发〔2018〕4号 第九条",
                        situation_code=f"s{self.rng.randint(1, 26):02d}",
                        **decision,
                    )
                )
            elif pick < 0.65:
                fine = self.rng.choice((5000, 10000, 20000, "12345.50"))
                rows.append(
                    self.entry(
                        "decision",
                        "administrative_decision",
                        self.ago(5, 1500),
                        "未依法安装技防系统，警告并处罚款",
                        document_no=self.doc("沈公（技）行罚决字"),
                        legal_basis="《辽宁省公共安全技术防范条例》",
                        violations=[
                            {
                                "type_code": "tech_unlawful_installation",
                                "domain": "tech_prevention",
                                "description": "未依法安装技防系统",
                                "sanctions": [
                                    {"kind": "warning"},
                                    {"kind": "fine", "amount_yuan": fine},
                                ],
                            }
                        ],
                        **decision,
                    )
                )
            elif pick < 0.85:
                passed = self.rng.random() < 0.8
                rows.append(
                    self.entry(
                        "decision",
                        "inspection",
                        self.ago(5, 1000),
                        "公安机关年度检查：" + ("合格" if passed else "不合格"),
                        document_no=self.doc("沈公技防检"),
                        legal_basis="沈公发〔2018〕4号 第十条",
                        inspection_passed=passed,
                        **decision,
                    )
                )
            else:
                rows.append(
                    self.entry(
                        "record",
                        "honour",
                        self.ago(10, 700),
                        "获评诚信经营示范单位",
                        external_key=f"IB-SY-{self.n}-{len(rows)}",
                        **unit,
                    )
                )
        return rows

    def wugang(self) -> list[dict[str, Any]]:
        district = self.rng.choice(WG_DISTRICTS)
        unit = {"provider_unit": f"WG-{district}"}
        pick = self.rng.random()
        if pick < 0.06:
            kind, name = "NATURAL_PERSON", f"导入测试{self.n}"
            self.key = {"id_number": _id_number(self.n, self.rng)}
        else:
            kind = "INDIVIDUAL_BUSINESS" if pick < 0.7 else "ENTERPRISE"
            org = "92" if kind == "INDIVIDUAL_BUSINESS" else "91"
            self.key = {"uscc": _uscc(self.n, "410481", org)}
            name = f"舞钢市导入测试{self.n}号网吧"
        subject = {"kind": "subject", "subject_kind": kind, **self.key, "name": name}
        subject |= {"jurisdiction_code": "wugang", "district_code": district}
        decision = {"issuing_unit": "舞钢市公安局"} | unit
        rows = [subject]
        for _ in range(4):
            pick = self.rng.random()
            if pick < 0.4:
                violations = [
                    {
                        "type_code": "internet_cafe_minors",
                        "domain": "cyber_security",
                        "description": "接纳未成年人进入营业场所",
                        "sanctions": [
                            {"kind": "warning"},
                            {"kind": "fine", "amount_yuan": "15000.00"},
                        ],
                    },
                    {
                        "type_code": "internet_cafe_id_check",
                        "domain": "cyber_security",
                        "sanctions": [{"kind": "order_to_correct"}],
                    },
                ]
                rows.append(
                    self.entry(
                        "decision",
                        "administrative_decision",
                        self.ago(5, 1500),
                        "接纳未成年人进入营业场所，警告并处罚款",
                        document_no=self.doc("舞公（网）行罚决字"),
                        legal_basis="《互联网上网服务营业场所管理条例》",
                        violations=violations[: self.rng.randint(1, 2)],
                        **decision,
                    )
                )
            elif pick < 0.55:
                rows.append(
                    self.entry(
                        "decision",
                        "licence_commitment_violation",
                        self.ago(5, 1200),
                        "违反许可承诺书",
                        document_no=self.doc("舞公（承）决字"),
                        legal_basis="舞公〔2021〕394号",
                        **decision,
                    )
                )
            elif pick < 0.75:
                passed = self.rng.random() < 0.8
                rows.append(
                    self.entry(
                        "decision",
                        "inspection",
                        self.ago(5, 1000),
                        "公安机关检查：" + ("合格" if passed else "不合格"),
                        document_no=self.doc("舞公检"),
                        legal_basis="舞公〔2021〕394号",
                        inspection_passed=passed,
                        **decision,
                    )
                )
            else:
                type_ = "red_list" if pick < 0.85 else "external_evaluation"
                rows.append(
                    self.entry(
                        "record",
                        type_,
                        self.ago(10, 700),
                        "上级推送的公共信用综合评价结果",
                        external_key=f"IB-WG-{self.n}-{len(rows)}",
                        **unit,
                    )
                )
        return rows


class Generator:
    def __init__(self, today: date, seed: int = 16) -> None:
        self.today, self.seed = today, seed

    def rows(self, n: int) -> Iterator[dict[str, Any]]:
        made = block = 0
        while made < n:
            block += 1
            b = _Block(self, block)
            rows = b.shenyang() if b.rng.random() < 0.7 else b.wugang()
            yield from rows[: n - made]
            made += len(rows)


def _json_default(value: Any) -> Any:
    raise TypeError(repr(value))


def write_file(path: Path, fmt: str, n: int, today: date, seed: int = 16) -> dict[str, int]:
    """Write N rows as .jsonl or .csv; returns the count of rows of each kind."""
    counts = {"subject": 0, "decision": 0, "record": 0}
    rows = Generator(today, seed).rows(n)
    with path.open("w", encoding="utf-8", newline="") as fh:
        if fmt == "jsonl":
            for row in rows:
                counts[row["kind"]] += 1
                fh.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")
        else:
            fh.write("\ufeff")
            writer = csv.writer(fh, lineterminator="\r\n")
            writer.writerow([h for _, h in COLUMNS])
            for row in rows:
                counts[row["kind"]] += 1
                flat = flatten(row)
                writer.writerow([flat.get(k, "") for k, _ in COLUMNS])
    return counts
