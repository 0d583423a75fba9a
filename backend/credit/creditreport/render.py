"""The credit report as an A4 PDF in Chinese (reportlab, with an embedded CJK font).

The font is WenQuanYi Micro Hei, shipped in `fonts/` (Apache-2.0; see fonts/README.md):
embedded (subset) in every report, so the text shows in any viewer without a Chinese font
of its own. Every piece of user text goes through a Paragraph with CJK word wrap, so long
names, summaries and document numbers wrap inside their cells; the records table repeats
its header on each page.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from credit.core import clock
from credit.creditreport.content import ReportContent

FONT = "WQYMicroHei"
FONT_PATH = Path(__file__).resolve().parent / "fonts" / "wqy-microhei.ttc"
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

_font_lock = threading.Lock()
# reportlab keeps per-document font state on shared objects: render one report at a time.
_render_lock = threading.Lock()

INK = colors.HexColor("#1f2937")
MUTED = colors.HexColor("#6b7280")
RULE = colors.HexColor("#9ca3af")
HEAD_BG = colors.HexColor("#eef2f7")
ACCENT = colors.HexColor("#8b1a1a")


def register_font() -> str:
    """Register the CJK font once per process (face 0 of the collection)."""
    with _font_lock:
        if FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FONT, str(FONT_PATH), subfontIndex=0))
            pdfmetrics.registerFontFamily(
                FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT
            )
    return FONT


@dataclass(frozen=True)
class Extras:
    """What is printed but not part of the verified content."""

    code: str
    verify_url: str
    generated_at: datetime
    id_number: str | None = None  # the full ID number, for a caller allowed to see it


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "base", fontName=FONT, fontSize=9.5, leading=14, textColor=INK, wordWrap="CJK"
    )
    return {
        "base": base,
        "title": ParagraphStyle(
            "title", parent=base, fontSize=24, leading=32, alignment=TA_CENTER, textColor=ACCENT
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=10.5, leading=16, alignment=TA_CENTER
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontSize=13, leading=20, spaceBefore=10, spaceAfter=5
        ),
        "grade": ParagraphStyle("grade", parent=base, fontSize=16, leading=24, textColor=ACCENT),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=12),
        "head": ParagraphStyle("head", parent=base, fontSize=8.5, leading=12, textColor=MUTED),
        "note": ParagraphStyle(
            "note", parent=base, fontSize=8.5, leading=13, textColor=MUTED, spaceBefore=2
        ),
        "code": ParagraphStyle("code", parent=base, fontSize=15, leading=22, textColor=INK),
    }


def _p(text: str | None, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text or "—").replace("\n", "<br/>"), style)


def _table(
    head: list[str], rows: list[list[str | None]], widths: list[float], st: dict[str, Any]
) -> Table:
    data = [[_p(h, st["head"]) for h in head]]
    data += [[_p(c, st["cell"]) for c in row] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _fields(pairs: list[tuple[str, str | None]], st: dict[str, Any]) -> Table:
    data = [[_p(k, st["head"]), _p(v, st["base"])] for k, v in pairs]
    table = Table(data, colWidths=[32 * mm, CONTENT_WIDTH - 32 * mm])
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _qr(url: str, size: float) -> Drawing:
    widget = QrCodeWidget(url, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.initialFontName = FONT  # else the renderer names Helvetica (never embedded)
    drawing.add(widget)
    return drawing


def _story(content: ReportContent, extras: Extras, st: dict[str, Any]) -> list[Any]:
    ident = content.identity
    person = ident.kind == "NATURAL_PERSON"
    out: list[Any] = [
        Paragraph("信用报告", st["title"]),
        _p(f"信息截至 {content.as_of}", st["subtitle"]),
        Spacer(1, 6 * mm),
        Paragraph("一、主体信息", st["h2"]),
    ]
    pairs: list[tuple[str, str | None]] = [("名称" if not person else "姓名", ident.name)]
    if person:
        pairs.append(("身份证号码", extras.id_number or ident.id_number_masked))
    else:
        pairs.append(("统一社会信用代码", ident.uscc))
    pairs += [
        ("主体类型", ident.kind_zh),
        ("辖区", f"{ident.jurisdiction} {ident.district}"),
        ("适用规定", content.policy),
    ]
    out.append(_fields(pairs, st))

    out.append(Paragraph("二、信用等级", st["h2"]))
    out.append(_p(content.grade_zh, st["grade"]))
    if content.grade is None:
        out.append(_p("所适用的监管规定不评定信用等级。", st["note"]))
    elif content.grade_reasons:
        out.append(Spacer(1, 2 * mm))
        out.append(
            _table(
                ["依据条款", "评价理由"],
                [[r.article, r.summary] for r in content.grade_reasons],
                [44 * mm, CONTENT_WIDTH - 44 * mm],
                st,
            )
        )

    out.append(Paragraph("三、名单", st["h2"]))
    if content.lists:
        out.append(
            _table(
                ["名单", "列入日期", "截止日期", "决定文书号", "依据"],
                [
                    [e.list_zh, e.since, e.until or "长期", e.decision_no, e.article]
                    for e in content.lists
                ],
                [22 * mm, 22 * mm, 22 * mm, 48 * mm, CONTENT_WIDTH - 114 * mm],
                st,
            )
        )
    else:
        out.append(_p("截至信息日期，不在红名单、警示目录或黑名单中。", st["base"]))

    out.append(Paragraph("四、公开信用信息", st["h2"]))
    if content.records:
        out.append(
            _table(
                ["序号", "类别与类型", "决定文书号", "日期", "作出单位", "摘要"],
                [
                    [
                        str(i),
                        f"{r.category_zh}\n{r.type_name}",
                        r.decision_no,
                        r.date,
                        r.issuing_unit,
                        r.summary,
                    ]
                    for i, r in enumerate(content.records, start=1)
                ],
                [9 * mm, 30 * mm, 32 * mm, 19 * mm, 26 * mm, CONTENT_WIDTH - 116 * mm],
                st,
            )
        )
        out.append(_p(f"共 {len(content.records)} 条，按日期由近及远排列。", st["note"]))
    else:
        out.append(_p("公示期内无信用信息。", st["base"]))

    out.append(Paragraph("五、适用措施", st["h2"]))
    if content.measures:
        out.append(
            _table(
                ["类别", "措施", "依据"],
                [[m.kind_zh, m.name, m.article] for m in content.measures],
                [22 * mm, CONTENT_WIDTH - 66 * mm, 44 * mm],
                st,
            )
        )
    else:
        out.append(_p("无适用措施。", st["base"]))

    generated = extras.generated_at.astimezone(clock.TZ).strftime("%Y-%m-%d %H:%M")
    notes = [
        f"出具平台：{content.issuer}",
        f"生成时间：{generated}（北京时间）",
        "本报告载明截至信息日期依法公示的信用信息：已公布且在公示期内的信用信息、有效的名单、"
        "信用等级及其理由、适用的措施。",
    ]
    if person:
        notes.append(
            "自然人姓名已脱敏。"
            + (
                "本报告载有完整身份证号码，仅限依职责使用，不得公开或转交他人。"
                if extras.id_number
                else "身份证号码已脱敏。"
            )
        )
    notes.append(
        "如对公示信息有异议，可向作出决定的公安机关提出。本报告的真实性以平台核验结果为准。"
    )
    verify_block = Table(
        [
            [
                [
                    Paragraph("六、报告核验", st["h2"]),
                    _p("核验码", st["head"]),
                    _p(extras.code, st["code"]),
                    Spacer(1, 1 * mm),
                    _p(
                        # A natural person has no USCC: the public page cannot look it up.
                        "如需核验本报告，请持本报告与核验码向出具机构查询："
                        if person
                        else "请在公共信用查询网站的“报告核验”页面输入统一社会信用代码、"
                        "信息截至日期与核验码，或扫描右侧二维码，核验本报告：",
                        st["base"],
                    ),
                    _p(extras.verify_url, st["note"]),
                    Spacer(1, 2 * mm),
                    *[_p(n, st["note"]) for n in notes],
                ],
                _qr(extras.verify_url, 30 * mm),
            ]
        ],
        colWidths=[CONTENT_WIDTH - 34 * mm, 34 * mm],
    )
    verify_block.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (1, 0), (1, 0), 12 * mm),
            ]
        )
    )
    out += [Spacer(1, 2 * mm), KeepTogether([verify_block])]
    return out


def _numbered_canvas(content: ReportContent, extras: Extras) -> type[canvas.Canvas]:
    """A canvas that prints the running header and footer once the page count is known."""

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.4)
            top = PAGE_HEIGHT - 12 * mm
            self.setFont(FONT, 8)
            self.setFillColor(MUTED)
            self.drawString(MARGIN_X, top, f"信用报告 · {content.identity.name}")
            self.drawRightString(PAGE_WIDTH - MARGIN_X, top, f"核验码 {extras.code}")
            self.line(MARGIN_X, top - 2 * mm, PAGE_WIDTH - MARGIN_X, top - 2 * mm)
            bottom = 10 * mm
            self.line(MARGIN_X, bottom + 4 * mm, PAGE_WIDTH - MARGIN_X, bottom + 4 * mm)
            self.drawString(MARGIN_X, bottom, f"{content.issuer} · 信息截至 {content.as_of}")
            self.drawRightString(
                PAGE_WIDTH - MARGIN_X, bottom, f"第 {self._pageNumber} 页 共 {total} 页"
            )
            self.restoreState()

    return NumberedCanvas


def render_pdf(content: ReportContent, extras: Extras) -> bytes:
    """The report as PDF bytes (CPU-bound: call it in a worker thread from async code)."""
    register_font()
    buffer = io.BytesIO()
    ident = content.identity
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=f"信用报告 · {ident.name} · {content.as_of}",
        author=content.issuer,
        subject=f"信用报告（核验码 {extras.code}）",
        creator=content.issuer,
        lang="zh-CN",
        # Start in the embedded font, so the PDF names no font it does not embed.
        initialFontName=FONT,
    )
    with _render_lock:
        doc.build(_story(content, extras, _styles()), canvasmaker=_numbered_canvas(content, extras))
    return buffer.getvalue()
