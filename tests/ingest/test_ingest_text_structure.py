"""Plain-text files are split at the headings a reader sees in them (kefu.ingest._text)."""

from __future__ import annotations

from pathlib import Path

from kefu.ingest import load_file
from kefu.ingest._text import split_text

# The shape of a black-box tester's pharmacy policy: a title line, then one-line headings
# directly over their paragraphs.
POLICY = """\
GreenCross Pharmacy - Dispensing and Services Policy (version 2026)

Prescription validity
Most prescriptions are valid for 6 months from the date they are signed. Prescriptions for \
controlled drugs are valid for 28 days only.

Emergency supply without a prescription
A pharmacist may be able to make an emergency supply of up to 30 days. Emergency supplies \
cost £12 per item. Controlled drugs can never be supplied this way.

Blood pressure checks
Free blood pressure checks are offered to adults aged 40 and over. A check takes about 10 \
minutes in our private consultation room.
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_one_line_headings_become_sections_under_the_title(tmp_path: Path) -> None:
    entries = load_file(_write(tmp_path, "policy.txt", POLICY))
    doc = "GreenCross Pharmacy - Dispensing and Services Policy (version 2026)"
    assert [e.title for e in entries] == [
        f"{doc} > Prescription validity",
        f"{doc} > Emergency supply without a prescription",
        f"{doc} > Blood pressure checks",
    ]
    assert entries[1].text.startswith("A pharmacist may be able")
    assert entries[1].text.endswith("Controlled drugs can never be supplied this way.")


def test_a_long_section_is_cut_between_sentences(tmp_path: Path) -> None:
    body = " ".join(f"Rule {n} of the returns policy applies to every order." for n in range(40))
    entries = load_file(
        _write(tmp_path, "returns.txt", f"Returns\n{body}\n"), chunk_size=300, overlap=60
    )
    assert len(entries) > 3
    assert {e.title for e in entries} == {"Returns"}
    for entry in entries:
        assert entry.text.startswith("Rule ") and entry.text.endswith("order."), entry.text


def test_numbered_capitals_underlined_and_colon_headings() -> None:
    text = (
        "RETURNS POLICY\n\nItems can be returned within 30 days of delivery.\n\n"
        "1. Refunds\nRefunds reach your card in 5-10 business days.\n\n"
        "1.1 PayPal\nPayPal refunds arrive within 24 hours.\n\n"
        "Shipping\n========\nOrders ship within 48 hours.\n\n"
        "Opening hours:\nWe are open from 9:00 to 18:00, Monday to Friday.\n"
    )
    title, sections = split_text(text)
    assert title is None
    assert [s.headings for s in sections] == [
        ["RETURNS POLICY"],
        ["1. Refunds"],
        ["1. Refunds", "1.1 PayPal"],
        ["Shipping"],
        ["Shipping", "Opening hours"],
    ]
    assert sections[3].body == "Orders ship within 48 hours."


def test_chinese_headings() -> None:
    text = (
        "退款政策\n\n"
        "一、适用范围\n本政策适用于官网购买的套餐。\n"
        "二、退款时效\n退款一般在3到5个工作日内到账。\n\n"
        "第三条\n用户可以随时申请退款。\n"
    )
    title, sections = split_text(text)
    assert title == "退款政策"
    assert [s.headings[-1] for s in sections] == ["一、适用范围", "二、退款时效", "第三条"]
    assert all(s.headings[0] == "退款政策" for s in sections)


def test_lists_addresses_and_wrapped_lines_stay_text() -> None:
    text = (
        "Follow these steps to restart the router:\n"
        "1. Unplug the router\n2. Wait 30 seconds\n3. Plug it back in\n\n"
        "GreenCross Pharmacy\n12 High Street\nLondon\n\n"
        "Our shop on the corner of the market square is open\n"
        "Monday to Saturday, and closed on bank holidays.\n"
    )
    title, sections = split_text(text)
    assert title is None
    assert len(sections) == 1 and sections[0].headings == []
