"""Shenyang 第九条: the 26 situations of the watch list (警示目录)."""

from __future__ import annotations

from dataclasses import dataclass

from credit.policies.catalogues.base import NUMERALS, by_code


@dataclass(frozen=True)
class WatchSituation:
    code: str
    name_zh: str
    name_en: str
    article: str


_SITUATIONS: tuple[tuple[str, str], ...] = (
    ("未对从业人员进行业务和保密教育培训", "Staff not trained in business and confidentiality"),
    (
        "未依法施工，并将相关建设资料存档备查",
        "Construction not lawful, or construction documents not archived for inspection",
    ),
    (
        "未对在业务中涉及的客户信息保守秘密",
        "Customer information met in business not kept confidential",
    ),
    (
        "设计、安装、维护未符合相关标准、未保证质量",
        "Design, installation or maintenance below standard or of unassured quality",
    ),
    ("在企业经营中发生伪造工程业绩", "Forged project record in business operation"),
    ("工程质量检测不合格", "Project failed quality testing"),
    ("未履行服务承诺", "Service commitment not honoured"),
    ("因服务受到用户投诉", "Customer complaint about the service"),
    (
        "擅自在社会公共区域安装技防系统",
        "Security system installed in a public area without authorisation",
    ),
    (
        "妨碍社会公共区域技防系统正常运行",
        "Obstructing the normal operation of a public-area security system",
    ),
    (
        "社会公共区域和技术防范重点单位技防系统设计方案未经论证或者论证未通过或者未按照论证方案进行施工",
        "Design for a public area or key unit not reviewed, rejected, or not followed",
    ),
    (
        "在涉及他人隐私的场所或部位安装、使用具有视(音)频采集功能的技防系统",
        "Video/audio capture installed or used where it intrudes on others' privacy",
    ),
    ("损坏或者擅自拆除技防系统", "Damaging or removing a security system without authorisation"),
    (
        "妨碍或者擅自中断技防系统的正常使用",
        "Obstructing or interrupting the normal use of a security system",
    ),
    (
        "擅自改变技防系统的用途和使用范围",
        "Changing a security system's purpose or scope without authorisation",
    ),
    (
        "删改或者破坏技防系统的运行程序和运行记录",
        "Altering or destroying a security system's programs or operating logs",
    ),
    (
        "破坏或者妨碍技防系统正常使用的其他行为",
        "Other acts damaging or obstructing the normal use of a security system",
    ),
    (
        "买卖或者违法使用、传播获取信息",
        "Trading in, or unlawfully using or spreading, captured information",
    ),
    (
        "擅自提供、复制、翻拍或者删改、隐匿、毁灭获取信息",
        "Providing, copying, re-recording, altering, hiding or destroying captured information",
    ),
    ("违法使用获取信息的其他行为", "Other unlawful uses of captured information"),
    ("未依法安装技防系统", "Security system not installed as required by law"),
    (
        "未制定技防系统使用、保养、维护和更新制度",
        "No rules for use, upkeep, maintenance and renewal of the security system",
    ),
    (
        "未指定专人负责技防系统的运行、维护、管理, 并对其进行业务培训, 保障正常运行",
        "No trained person designated to run, maintain and manage the security system",
    ),
    (
        "未建立技防系统使用中所采集的信息资料的查询、调取、登记和保密制度",
        "No rules for querying, retrieving, logging and protecting captured information",
    ),
    ("未建立相应的值班制度和应急处置预案", "No duty roster or emergency response plan"),
    (
        "其他严重违反技防法律法规的行为",
        "Other serious violations of technical-prevention laws and regulations",
    ),
)

WATCH_SITUATIONS: tuple[WatchSituation, ...] = tuple(
    WatchSituation(f"s{i:02d}", zh, en, f"第九条（{NUMERALS[i - 1]}）")
    for i, (zh, en) in enumerate(_SITUATIONS, start=1)
)
WATCH_SITUATIONS_BY_CODE = by_code(WATCH_SITUATIONS)
