"""The bureau file: parsed with `tomllib`, then checked whole before anything is written.

Every problem names the line it is on, so the operator can fix the file; `tomllib` gives
no positions for values, so the lines of the file's tables and keys are indexed here.
The file is flat: `[[jurisdiction]]`, `[[district]]`, `[[unit]]` tables and one
`[administrator]` table; order does not matter (a unit may come before its parent).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field

from credit.accounts.models import UnitKind

TABLES = {
    "jurisdiction": {"code", "name", "policy"},
    "district": {"code", "name", "jurisdiction"},
    "unit": {"code", "name", "kind", "parent", "jurisdiction", "district"},
}
ADMINISTRATOR_KEYS = {"username", "display_name", "unit"}
_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-]+)\s*\]\]?")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")


@dataclass(frozen=True)
class JurisdictionSpec:
    code: str
    name: str
    policy: str
    line: int


@dataclass(frozen=True)
class DistrictSpec:
    code: str
    name: str
    jurisdiction: str
    line: int


@dataclass(frozen=True)
class UnitSpec:
    code: str
    name: str
    kind: UnitKind
    parent: str | None
    jurisdiction: str | None  # resolved: declared, or the parent's, or the district's
    district: str | None
    line: int


@dataclass(frozen=True)
class AdministratorSpec:
    username: str
    display_name: str
    unit: str
    line: int


@dataclass
class BureauConfig:
    jurisdictions: list[JurisdictionSpec] = field(default_factory=list)
    districts: list[DistrictSpec] = field(default_factory=list)
    units: list[UnitSpec] = field(default_factory=list)  # parents before children
    administrator: AdministratorSpec | None = None


@dataclass
class Existing:
    """What the database already holds, so that an added unit may hang under a unit
    created by an earlier run: unit code → (jurisdiction code, district code)."""

    jurisdictions: set[str] = field(default_factory=set)
    districts: dict[str, str] = field(default_factory=dict)
    units: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)


class ConfigError(Exception):
    def __init__(self, source: str, problems: list[tuple[int | None, str]]) -> None:
        self.problems = sorted(problems, key=lambda p: (p[0] or 0, p[1]))
        super().__init__(
            "\n".join(f"{source}:{line or '?'}: {message}" for line, message in self.problems)
        )


@dataclass
class _Where:
    """The line of each table entry and of each key inside it."""

    header: int
    keys: dict[str, int] = field(default_factory=dict)

    def of(self, key: str) -> int:
        return self.keys.get(key, self.header)


def _index_lines(text: str) -> dict[tuple[str, int], _Where]:
    where: dict[tuple[str, int], _Where] = {}
    counts: dict[str, int] = {}
    current: _Where | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.split("#", 1)[0] if '"' not in line else line
        header = _HEADER.match(stripped)
        if header:
            name = header.group(2)
            index = counts.get(name, 0)
            counts[name] = index + 1
            current = where[(name, index)] = _Where(number)
            continue
        key = _KEY.match(stripped)
        if key and current is not None:
            current.keys.setdefault(key.group(1), number)
    return where


def parse(text: str, *, known_policies: set[str], existing: Existing, source: str) -> BureauConfig:
    """The checked configuration, or ConfigError listing every problem with its line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        raise ConfigError(source, [(line, f"TOML 语法错误：{exc}")]) from None
    lines = _index_lines(text)
    problems: list[tuple[int | None, str]] = []

    def at(table: str, i: int, key: str | None = None) -> int | None:
        w = lines.get((table, i))
        if w is None:
            return None
        return w.of(key) if key else w.header

    for table_name in data:
        if table_name not in TABLES and table_name != "administrator":
            problems.append(
                (
                    None,
                    f"未知的表 [{table_name}]（可用：jurisdiction、district、unit、administrator）",
                )
            )

    def entries(table: str) -> list[dict[str, object]]:
        raw = data.get(table, [])
        if not isinstance(raw, list) or not all(isinstance(e, dict) for e in raw):
            problems.append((None, f"[[{table}]] 须为表数组"))
            return []
        for i, entry in enumerate(raw):
            for key in sorted(set(entry) - TABLES[table]):
                problems.append((at(table, i, key), f"[[{table}]] 中的未知字段 {key}"))
        return raw

    def text_of(
        table: str, i: int, entry: dict[str, object], key: str, required: bool = True
    ) -> str | None:
        value = entry.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            problems.append(
                (at(table, i, key), f"[[{table}]] 缺少或无效的字段 {key}（须为非空字符串）")
            )
            return None
        return value.strip()

    def unique(table: str, i: int, code: str | None, seen: dict[str, int]) -> None:
        if code is None:
            return
        if code in seen:
            problems.append((at(table, i, "code"), f"重复的代码 {code}（第{seen[code]}行已声明）"))
        else:
            seen[code] = at(table, i, "code") or 0

    config = BureauConfig()
    seen_j: dict[str, int] = {}
    for i, e in enumerate(entries("jurisdiction")):
        code, name = text_of("jurisdiction", i, e, "code"), text_of("jurisdiction", i, e, "name")
        policy = text_of("jurisdiction", i, e, "policy")
        unique("jurisdiction", i, code, seen_j)
        if policy is not None and policy not in known_policies:
            problems.append(
                (
                    at("jurisdiction", i, "policy"),
                    f"未知的政策 {policy}（已有：{'、'.join(sorted(known_policies))}）",
                )
            )
        if code and name and policy:
            config.jurisdictions.append(
                JurisdictionSpec(code, name, policy, at("jurisdiction", i) or 0)
            )
    jurisdictions = set(seen_j) | existing.jurisdictions

    seen_d: dict[str, int] = {}
    district_jurisdiction = dict(existing.districts)
    for i, e in enumerate(entries("district")):
        code, name = text_of("district", i, e, "code"), text_of("district", i, e, "name")
        j = text_of("district", i, e, "jurisdiction")
        unique("district", i, code, seen_d)
        if j is not None and j not in jurisdictions:
            problems.append((at("district", i, "jurisdiction"), f"辖区 {code} 的管辖区 {j} 未声明"))
        if code and name and j:
            config.districts.append(DistrictSpec(code, name, j, at("district", i) or 0))
            district_jurisdiction[code] = j

    seen_u: dict[str, int] = {}
    raw_units: list[tuple[int, dict[str, object]]] = []
    for i, e in enumerate(entries("unit")):
        code = text_of("unit", i, e, "code")
        unique("unit", i, code, seen_u)
        raw_units.append((i, e))
    declared = {str(e.get("code", "")).strip(): (i, e) for i, e in raw_units}
    resolved: dict[str, tuple[str | None, str | None]] = dict(existing.units)

    def resolve(code: str, trail: tuple[str, ...] = ()) -> tuple[str | None, str | None] | None:
        """The unit's (jurisdiction, district): declared, else inherited from its parent."""
        if code in resolved and code not in declared:
            return resolved[code]
        if code not in declared or code in trail:
            return None
        _, e = declared[code]
        parent = e.get("parent")
        inherited: tuple[str | None, str | None] = (None, None)
        if isinstance(parent, str) and parent.strip():
            got = resolve(parent.strip(), (*trail, code))
            if got is None:
                return None
            inherited = got
        named_j, named_d = e.get("jurisdiction"), e.get("district")
        j = named_j if isinstance(named_j, str) else None
        d = named_d if isinstance(named_d, str) else None
        if d is not None and j is None:
            j = district_jurisdiction.get(d)
        return (j or inherited[0], d or inherited[1])

    for i, e in raw_units:
        code, name = text_of("unit", i, e, "code"), text_of("unit", i, e, "name")
        kind_text = text_of("unit", i, e, "kind")
        parent = text_of("unit", i, e, "parent", required=False)
        if kind_text is not None and kind_text not in UnitKind.__members__:
            problems.append(
                (
                    at("unit", i, "kind"),
                    f"单位 {code} 的类型 {kind_text} 无效（可用：{'、'.join(UnitKind)}）",
                )
            )
            kind_text = None
        if parent is not None and parent not in declared and parent not in existing.units:
            problems.append((at("unit", i, "parent"), f"单位 {code} 的上级单位 {parent} 不存在"))
            continue
        if parent is not None and code is not None and resolve(code) is None:
            problems.append((at("unit", i, "parent"), f"单位 {code} 的上级关系成环"))
            continue
        if code is None or name is None or kind_text is None:
            continue
        j, d = resolve(code) or (None, None)
        own_j = text_of("unit", i, e, "jurisdiction", required=False)
        own_d = text_of("unit", i, e, "district", required=False)
        if own_j is not None and own_j not in jurisdictions:
            problems.append((at("unit", i, "jurisdiction"), f"单位 {code} 的管辖区 {own_j} 未声明"))
            continue
        if own_d is not None and own_d not in district_jurisdiction:
            problems.append((at("unit", i, "district"), f"单位 {code} 的辖区 {own_d} 未声明"))
            continue
        if d is not None and district_jurisdiction.get(d) != j:
            problems.append(
                (at("unit", i, "district"), f"单位 {code} 的辖区 {d} 不属于其管辖区 {j}")
            )
            continue
        if parent is not None:
            pj, pd = resolve(parent) or (None, None)
            if pj != j:
                problems.append(
                    (
                        at("unit", i, "jurisdiction"),
                        f"单位 {code} 与上级单位 {parent} 不属于同一管辖区",
                    )
                )
                continue
            if pd is not None and d != pd:
                problems.append(
                    (at("unit", i, "district"), f"单位 {code} 须与上级单位 {parent} 同属辖区 {pd}")
                )
                continue
        config.units.append(
            UnitSpec(code, name, UnitKind(kind_text), parent, j, d, at("unit", i) or 0)
        )
    config.units = _parents_first(config.units)

    admin = data.get("administrator")
    if admin is not None:
        w = lines.get(("administrator", 0))

        def line(key: str) -> int | None:
            return w.of(key) if w else None

        if not isinstance(admin, dict):
            problems.append((None, "[administrator] 须为表"))
        else:
            for key in sorted(set(admin) - ADMINISTRATOR_KEYS):
                problems.append((line(key), f"[administrator] 中的未知字段 {key}"))
            username, unit = admin.get("username"), admin.get("unit")
            display = admin.get("display_name", "系统管理员")
            if not isinstance(username, str) or not re.fullmatch(
                r"[A-Za-z0-9._\-]{2,64}", username
            ):
                problems.append(
                    (line("username"), "[administrator] 的 username 须为 2–64 位字母、数字或 . _ -")
                )
            elif not isinstance(unit, str) or (unit not in declared and unit not in existing.units):
                problems.append((line("unit"), f"[administrator] 的单位 {unit} 不存在"))
            elif not isinstance(display, str) or not display.strip():
                problems.append(
                    (line("display_name"), "[administrator] 的 display_name 须为非空字符串")
                )
            else:
                config.administrator = AdministratorSpec(
                    username, display.strip(), unit, w.header if w else 0
                )
    if problems:
        raise ConfigError(source, problems)
    return config


def _parents_first(units: list[UnitSpec]) -> list[UnitSpec]:
    by_code = {u.code: u for u in units}
    out: list[UnitSpec] = []
    placed: set[str] = set()

    def place(u: UnitSpec) -> None:
        if u.code in placed:
            return
        if u.parent in by_code:
            place(by_code[u.parent])
        placed.add(u.code)
        out.append(u)

    for u in units:
        place(u)
    return out
