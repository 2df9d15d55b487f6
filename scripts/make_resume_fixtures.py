"""Write the binary résumé fixtures (PDF and DOCX) under tests/engine/fixtures/resumes/.

Dev-only: needs fpdf2 (pip install fpdf2==2.8.9) and python-docx. The files it writes are
committed, so the tests never need fpdf2. Run from the repository root:

    .venv/bin/python scripts/make_resume_fixtures.py

The .txt, .md and .json fixtures and every .expected.json are written by hand.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Cm, Pt
from fpdf import FPDF

OUT = Path(__file__).resolve().parent.parent / "tests" / "engine" / "fixtures" / "resumes"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
# Fixed dates keep the files byte-stable between runs.
CREATION_DATE = "2025-01-01T00:00:00+00:00"


def _pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(__import__("datetime").datetime.fromisoformat(CREATION_DATE))
    pdf.set_auto_page_break(auto=True, margin=15)
    if (FONT_DIR / "DejaVuSans.ttf").exists():
        pdf.add_font("Body", "", str(FONT_DIR / "DejaVuSans.ttf"))
        pdf.add_font("Body", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    else:  # pragma: no cover - only where DejaVu is missing
        raise SystemExit("DejaVu fonts are needed: apt-get install fonts-dejavu-core")
    pdf.add_page()
    return pdf


def _heading(pdf: FPDF, text: str, x: float | None = None, width: float = 0) -> None:
    if x is not None:
        pdf.set_x(x)
    pdf.set_font("Body", "B", 12)
    pdf.cell(width, 8, text, new_x="LMARGIN" if x is None else "LEFT", new_y="NEXT")
    pdf.set_font("Body", "", 10)


def _line(
    pdf: FPDF, text: str, x: float | None = None, width: float = 0, bold: bool = False
) -> None:
    if x is not None:
        pdf.set_x(x)
    pdf.set_font("Body", "B" if bold else "", 10)
    pdf.cell(width, 5.5, text, new_x="LMARGIN" if x is None else "LEFT", new_y="NEXT")
    pdf.set_font("Body", "", 10)


def _job_line(pdf: FPDF, left: str, right: str) -> None:
    """Role and employer on the left, dates right-aligned on the same line."""
    pdf.set_font("Body", "B", 10)
    pdf.cell(130, 6, left)
    pdf.set_font("Body", "", 10)
    pdf.cell(0, 6, right, align="R", new_x="LMARGIN", new_y="NEXT")


def _bullet(pdf: FPDF, text: str, x: float, width: float, mark: str = "•") -> None:
    pdf.set_x(x)
    pdf.cell(5, 5.5, mark)
    pdf.multi_cell(width - 5, 5.5, text, new_x="LMARGIN", new_y="NEXT")


def finance_manager_pdf() -> bytes:
    pdf = _pdf()
    pdf.set_font("Body", "B", 16)
    pdf.cell(0, 9, "MARTA KOWALSKA ACCA", new_x="LMARGIN", new_y="NEXT")
    _line(pdf, "Leeds | marta.k@example.com | 07700 900456")
    pdf.ln(4)
    _heading(pdf, "Professional Experience")
    _job_line(pdf, "Finance Manager, Ridgeway Foods Ltd", "Apr 2020 – Present")
    for text in (
        "Led the move from Sage 50 to Xero for 3 entities, finishing 2 weeks early and under "
        "budget.",
        "Reduced aged debt over 90 days from £410k to £95k by introducing weekly credit-control "
        "calls.",
        "Built a rolling 13-week cash-flow forecast that the board now uses for every investment "
        "decision.",
    ):
        _bullet(pdf, text, 14, 150)
    pdf.ln(2)
    _job_line(pdf, "Assistant Accountant, Ridgeway Foods Ltd", "Aug 2017 – Mar 2020")
    for text in (
        "Cut the month-end close from 8 days to 4.",
        "Prepared VAT returns for £12M annual turnover with no HMRC penalties.",
    ):
        _bullet(pdf, text, 14, 150)
    pdf.ln(4)
    _heading(pdf, "Education")
    _line(pdf, "BSc Accounting and Finance, University of Leeds, 2014 – 2017")
    pdf.ln(2)
    _heading(pdf, "Skills")
    _line(pdf, "Xero, Sage, Excel (Power Query), IFRS 15")
    return bytes(pdf.output())


def sales_two_column_pdf() -> bytes:
    """A sidebar (contact, skills, languages) on the left, experience on the right.

    Lines are drawn in page order, top to bottom across both columns, as word processors
    export them, so plain text extraction interleaves the sidebar with the experience.
    """
    pdf = _pdf()
    pdf.set_fill_color(235, 240, 245)
    pdf.rect(0, 0, 70, 297, style="F")
    items: list[tuple[float, float, str, str, int]] = []  # y, x, text, style, size

    def column(x: float, width: float, y: float, blocks: list[tuple[str, str]]) -> None:
        for kind, text in blocks:
            if kind == "gap":
                y += 4
                continue
            style, size = ("B", 12) if kind == "h" else ("B", 10) if kind == "b" else ("", 10)
            if kind == "name":
                style, size = "B", 18
            pdf.set_font("Body", style, size)
            indent = 5.0 if kind == "bullet" else 0.0
            lines = pdf.multi_cell(width - indent, 5.5, text, dry_run=True, output="LINES")
            for number, line in enumerate(lines):
                if kind == "bullet" and number == 0:
                    items.append((y, x, "•", "", 10))
                items.append((y, x + indent, line, style, size))
                y += 8 if kind in ("h", "name") else 5.5

    column(
        10,
        55,
        40,
        [
            ("h", "CONTACT"),
            ("t", "leo.hart@example.com"),
            ("t", "07700 900789"),
            ("t", "Birmingham"),
            ("gap", ""),
            ("h", "SKILLS"),
            ("t", "Consultative selling"),
            ("t", "Salesforce CRM"),
            ("t", "Negotiation"),
            ("t", "Key account planning"),
            ("t", "Pipeline forecasting"),
            ("t", "Trade counter sales"),
            ("t", "Coaching"),
            ("gap", ""),
            ("h", "LANGUAGES"),
            ("t", "English, Spanish"),
        ],
    )
    column(
        75,
        125,
        20,
        [
            ("name", "LEO HART"),
            ("t", "Field Sales Manager"),
            ("gap", ""),
            ("h", "PROFILE"),
            ("t", "Field sales manager who builds teams that keep their customers."),
            ("gap", ""),
            ("h", "EXPERIENCE"),
            ("b", "Regional Sales Manager | Corby Building Supplies"),
            ("t", "Feb 2021 – Present"),
            ("bullet", "Grew Midlands revenue by 27% in 2023 while cutting discounting."),
            ("bullet", "Hired and coached 7 account managers; 5 hit quota in their first year."),
            (
                "bullet",
                "Won the £2.4M Hallam Homes framework, the largest contract in company history.",
            ),
            ("gap", ""),
            ("b", "Sales Executive | Corby Building Supplies"),
            ("t", "2018 – 2021"),
            ("bullet", "Opened 48 new trade accounts in 18 months."),
            ("bullet", "Lifted average order value from £640 to £910 through bundle pricing."),
            ("gap", ""),
            ("h", "EDUCATION"),
            ("t", "BA Business Management, Aston University"),
        ],
    )
    for y, x, text, style, size in sorted(items):
        pdf.set_font("Body", style, size)
        pdf.text(x, y + 4, text)
    return bytes(pdf.output())


def care_assistant_pdf(owner_password: str | None, user_password: str = "") -> bytes:
    """Role, employer and dates on three lines; '-' bullets."""
    pdf = _pdf()
    if owner_password is not None:
        pdf.set_encryption(owner_password=owner_password, user_password=user_password)
    pdf.set_font("Body", "B", 16)
    pdf.cell(0, 9, "Grace Obi", new_x="LMARGIN", new_y="NEXT")
    _line(pdf, "Senior Care Assistant")
    pdf.ln(4)
    _heading(pdf, "Employment History")
    _line(pdf, "Senior Care Assistant", bold=True)
    _line(pdf, "Willow Court Care Home, Norwich")
    _line(pdf, "March 2019 - Present")
    for text in (
        "Cut resident falls from 14 to 5 a quarter by introducing hourly comfort rounds.",
        "Coordinated medication rounds for 32 residents using the eMAR system.",
        "Trained 10 new carers in moving and handling, saving £6,000 a year in agency "
        "training fees.",
    ):
        _bullet(pdf, text, 12, 160, mark="-")
    pdf.ln(3)
    _line(pdf, "Care Assistant", bold=True)
    _line(pdf, "Helping Hands Homecare, Norwich")
    _line(pdf, "2016 - 2019")
    _bullet(
        pdf,
        "Supported 15 clients a week in their own homes with personal care and meals.",
        12,
        160,
        mark="-",
    )
    pdf.ln(4)
    _heading(pdf, "References")
    _line(pdf, "Available on request.")
    return bytes(pdf.output())


def _docx_bytes(document: object) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def _tab_right(paragraph: object) -> None:
    paragraph.paragraph_format.tab_stops.add_tab_stop(  # type: ignore[attr-defined]
        Cm(16), WD_TAB_ALIGNMENT.RIGHT
    )


def teacher_docx() -> bytes:
    """Word headings, List Bullet / List Number styles, dates after a right tab."""
    document = Document()
    document.add_heading("Hannah Clarke", level=0)
    document.add_paragraph("Primary School Teacher · Sheffield · hannah.clarke@example.com")
    document.add_heading("Experience", level=1)
    header = document.add_paragraph()
    header.add_run("Year 4 Teacher, Oakfield Primary School").bold = True
    header.add_run("\tSep 2018 – Present")
    _tab_right(header)
    for text in (
        "Raised the proportion of pupils meeting the expected standard in reading from 64% to 81%.",
        "Led the school's phonics catch-up programme for 28 pupils, which closed the gap with "
        "peers within two terms.",
        "Introduced a weekly reading café for parents; attendance grew to 40 families.",
    ):
        document.add_paragraph(text, style="List Bullet")
    header = document.add_paragraph()
    header.add_run("Teaching Assistant, Greenway Infant School").bold = True
    header.add_run("\t2015 – 2018")
    _tab_right(header)
    document.add_paragraph(
        "Supported 6 pupils with SEND plans in a mixed Year 1/2 class.", style="List Bullet"
    )
    document.add_paragraph(
        "Ran daily small-group maths interventions that improved test scores by 20%.",
        style="List Number",
    )
    document.add_heading("Education", level=1)
    document.add_paragraph("PGCE Primary, Sheffield Hallam University, 2017 – 2018")
    document.add_heading("Skills", level=1)
    for text in ("Phonics (Little Wandle)", "Behaviour management", "Google Classroom"):
        document.add_paragraph(text, style="List Bullet")
    return _docx_bytes(document)


def nurse_table_docx() -> bytes:
    """A two-column layout built from a borderless table: sidebar left, experience right."""
    document = Document()
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.width, right.width = Cm(5), Cm(12)
    left.paragraphs[0].add_run("Chloe Bennett").bold = True
    for text in ("Contact", "07700 900321", "chloe.b@example.com"):
        left.add_paragraph(text)
    left.add_paragraph("Skills")
    for text in ("Tracheostomy care", "Wound care", "Paediatric early warning scores"):
        left.add_paragraph(text, style="List Bullet")
    right.paragraphs[0].add_run("Experience").bold = True
    right.add_paragraph().add_run(
        "Paediatric Staff Nurse | Birmingham Children's Hospital | 2020 – Present"
    ).bold = True
    for text in (
        "Cared for up to 5 children per shift on a high-dependency surgical ward.",
        "Set up a parent-led medicines check that cut dosing errors by 50%.",
        "Became the ward's tissue viability link nurse, training 22 colleagues in "
        "pressure-ulcer prevention.",
    ):
        right.add_paragraph(text, style="List Bullet")
    right.add_paragraph().add_run(
        "Healthcare Assistant | Queen Elizabeth Hospital | 06/2017 - 08/2020"
    ).bold = True
    right.add_paragraph(
        "Recorded observations for 20 patients per shift and escalated NEWS2 scores above 5.",
        style="List Bullet",
    )
    right.add_paragraph("Education")
    right.add_paragraph("BSc Children's Nursing, Birmingham City University, 2017 – 2020")
    return _docx_bytes(document)


def retail_manager_docx() -> bytes:
    """Bullets typed by hand ('•', '▪') in Normal paragraphs; a header with a line break."""
    document = Document()
    style = document.styles["Normal"]
    style.font.size = Pt(10)  # type: ignore[union-attr]
    document.add_paragraph("Oliver Grant — Retail Store Manager")
    document.add_paragraph("WORK EXPERIENCE")
    document.add_paragraph("Store Manager at Greenleaf Grocers — Jan 2019 to Dec 2023")
    for text in (
        "• Turned around an under-performing store, growing weekly sales from £38k to £52k.",
        "• Cut stock shrinkage to 0.9% of sales, saving £45,000 a year.",
        "• Trained 4 department supervisors to run their own rotas.",
    ):
        document.add_paragraph(text)
    header = document.add_paragraph()
    header.add_run("Assistant Manager, Greenleaf Grocers")
    header.add_run().add_break()
    header.add_run("2016 – 2018")
    document.add_paragraph(
        "▪ Opened the store's first click-and-collect point, now 12% of weekly orders."
    )
    document.add_paragraph("REFERENCES")
    document.add_paragraph("On request.")
    return _docx_bytes(document)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    files = {
        "finance_manager.pdf": finance_manager_pdf(),
        "sales_two_column.pdf": sales_two_column_pdf(),
        # Owner password only: opens with the empty user password, as viewers do.
        "care_assistant_owner_password.pdf": care_assistant_pdf("owner-secret"),
        "teacher.docx": teacher_docx(),
        "nurse_table.docx": nurse_table_docx(),
        "retail_manager.docx": retail_manager_docx(),
    }
    # Error cases: no .expected.json, the tests name the message.
    files["encrypted.pdf"] = care_assistant_pdf("owner-secret", user_password="open-sesame")
    files["corrupt.pdf"] = files["finance_manager.pdf"][:700] + b"\x00garbage\xff" * 20
    files["corrupt.docx"] = files["teacher.docx"][:900]
    for name, data in files.items():
        (OUT / name).write_bytes(data)
        print(f"wrote {name} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
