"""Tests for FAQ ingestion: CSV, TSV, JSON and JSON Lines, their id rules and their errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kefu.errors import IngestError
from kefu.ingest import load_file

FAQ_CSV = """\
id,question,answer,category,owner
ret-1,How long do refunds take?,"Card refunds take 5-10 days, PayPal 24 hours.",returns,anna
ret-2,Can I return a sale item?,"Yes, within 14 days, unless it is marked ""final sale"".",returns,
ship-1,退货运费谁承担？,商品质量问题由我们承担运费；无理由退货由买家承担。,物流,李雷
"""


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def _error(path: Path) -> IngestError:
    with pytest.raises(IngestError) as info:
        load_file(path)
    assert path.name in str(info.value)
    return info.value


def test_csv_with_ids_categories_and_extra_columns(tmp_path: Path) -> None:
    path = _write(tmp_path, "faq.csv", FAQ_CSV)
    entries = load_file(path)
    assert [e.id for e in entries] == ["ret-1", "ret-2", "ship-1"]
    first, second, chinese = entries
    assert first.kind == "faq"
    assert first.text == first.title == "How long do refunds take?"
    assert first.answer == "Card refunds take 5-10 days, PayPal 24 hours."
    assert first.category == "returns"
    assert first.language == "en"
    assert first.source == str(path)
    assert first.metadata == {"owner": "anna", "row": 2}
    assert second.answer == 'Yes, within 14 days, unless it is marked "final sale".'
    assert "owner" not in second.metadata  # empty extra values are not kept
    assert chinese.language == "zh"
    assert chinese.category == "物流"
    assert chinese.answer == "商品质量问题由我们承担运费；无理由退货由买家承担。"


def test_csv_without_id_uses_stem_and_line_number(tmp_path: Path) -> None:
    content = (
        "\ufeff Question , ANSWER \n"  # BOM, odd case and spaces in the header
        "How do I reset my password?,Click 'Forgot password' on the sign-in page.\n"
        "\n"  # blank line: skipped, but still counts for line numbers
        '"What payment methods do you accept?","Visa, Mastercard, Alipay\nand WeChat Pay."\n'
        "如何修改收货地址？,在订单发货前，可以在“我的订单”中修改地址。\n"
    )
    path = _write(tmp_path, "help.csv", content)
    entries = load_file(path)
    assert [e.id for e in entries] == ["help:2", "help:4", "help:6"]
    assert entries[1].answer == "Visa, Mastercard, Alipay\nand WeChat Pay."
    assert entries[2].text == "如何修改收货地址？"


def test_tsv(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "faq.tsv",
        "question\tanswer\tcategory\n"
        "Do you ship to Hong Kong?\tYes, in 3-5 days, with tracking.\tshipping\n"
        "发票怎么开？\t下单时勾选“需要发票”，电子发票会发到您的邮箱。\t发票\n",
    )
    entries = load_file(path)
    assert [e.id for e in entries] == ["faq:2", "faq:3"]
    assert entries[0].answer == "Yes, in 3-5 days, with tracking."
    assert entries[1].category == "发票"


def test_gb18030_csv_loads(tmp_path: Path) -> None:
    content = "问题,答案,分类\n怎么申请退款？,在订单详情页点击“申请退款”即可。,售后\n"
    path = _write(tmp_path, "excel_export.csv", content.encode("gb18030"))
    (entry,) = load_file(path)
    assert entry.text == "怎么申请退款？"
    assert entry.answer == "在订单详情页点击“申请退款”即可。"
    assert entry.category == "售后"
    assert entry.metadata["encoding"] == "gb18030"


def test_missing_column_names_file_and_header_row(tmp_path: Path) -> None:
    path = _write(tmp_path, "no_answer.csv", "question,reply\nHi?,Hello.\n")
    error = _error(path)
    assert "row 1" in str(error) and "'answer'" in str(error)
    assert error.row == 1


def test_empty_answer_names_row_and_column(tmp_path: Path) -> None:
    content = (
        "question,answer\n"
        "Where is my order?,Check the Orders page.\n"
        "Can I change my order?,Within one hour of ordering.\n"
        "Do you offer gift wrap?,   \n"  # row 4: the answer is only spaces
    )
    path = _write(tmp_path, "faq_gap.csv", content)
    error = _error(path)
    assert error.row == 4
    assert "row 4" in str(error) and "'answer'" in str(error)


def test_duplicate_id_names_both_rows(tmp_path: Path) -> None:
    content = (
        "id,question,answer\nq1,Hours?,9 to 5.\nq2,Phone?,400-123-4567\nq1,Address?,Shenzhen.\n"
    )
    path = _write(tmp_path, "dupes.csv", content)
    message = str(_error(path))
    assert "'q1'" in message and "row 4" in message and "row 2" in message


def test_empty_id_when_id_column_present(tmp_path: Path) -> None:
    path = _write(tmp_path, "ids.csv", "id,question,answer\n1,Hours?,9 to 5.\n,Phone?,400\n")
    error = _error(path)
    assert error.row == 3 and "'id'" in str(error)


def test_header_only_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "header_only.csv", "question,answer\n\n,\n")
    assert "no FAQ rows" in str(_error(path))


def test_extra_values_from_unquoted_comma(tmp_path: Path) -> None:
    content = "question,answer\nHours?,Monday to Friday, 9 to 5.\n"
    error = _error(_write(tmp_path, "commas.csv", content))
    assert error.row == 2 and "quote" in str(error)


def test_overlong_question_and_answer(tmp_path: Path) -> None:
    long_question = _write(tmp_path, "longq.csv", f"question,answer\nok?,fine\n{'x' * 2001},a\n")
    assert _error(long_question).row == 3
    long_answer = _write(tmp_path, "longa.csv", f"question,answer\nq?,{'y' * 20_001}\n")
    assert "20000" in str(_error(long_answer))


def test_huge_field_is_a_clear_error(tmp_path: Path) -> None:
    # Over the 10 MB csv field limit: must be an IngestError, not csv.Error.
    content = 'question,answer\nq?,"' + "z" * (11 * 1024 * 1024) + '"\n'
    error = _error(_write(tmp_path, "huge_field.csv", content))
    assert error.row == 2


def test_unterminated_quote(tmp_path: Path) -> None:
    error = _error(_write(tmp_path, "quote.csv", 'question,answer\nq?,"never closed\n'))
    assert error.row == 2


def test_json_faq_list_and_container(tmp_path: Path) -> None:
    items = [
        {"id": 101, "question": "How do I cancel?", "answer": "Orders → Cancel.", "tags": ["x"]},
        {"question": "会员积分怎么用？", "answer": "结算时可用积分抵扣现金。", "category": "会员"},
    ]
    for name, document in (
        ("a.json", items),
        ("b.json", {"faqs": items}),
        ("c.json", {"items": items}),
    ):
        entries = load_file(
            _write(tmp_path, name, json.dumps(items if name == "a.json" else document))
        )
        stem = name.split(".")[0]
        assert [e.id for e in entries] == ["101", f"{stem}:2"]
        assert entries[0].metadata["tags"] == ["x"]
        assert entries[1].category == "会员" and entries[1].language == "zh"


def test_json_documents_become_chunks(tmp_path: Path) -> None:
    body = " ".join(f"Step {n}: open the app and follow the prompt number {n}." for n in range(60))
    items = [
        {"title": "Warranty", "content": "All devices carry a two-year warranty."},
        {"id": "setup", "title": "Setup guide", "text": body},
    ]
    entries = load_file(
        _write(tmp_path, "docs.json", json.dumps(items)), chunk_size=300, overlap=50
    )
    assert entries[0].id == "docs#1" and entries[0].kind == "chunk"
    assert entries[0].title == "Warranty" and entries[0].answer is None
    setup = [e for e in entries if e.title == "Setup guide"]
    assert len(setup) > 2
    assert [e.id for e in setup] == [f"setup#{n}" for n in range(1, len(setup) + 1)]


def test_malformed_json_reports_line_and_column(tmp_path: Path) -> None:
    text = '[\n  {"question": "a?", "answer": "b"},\n  {"question": "c?" "answer": "d"}\n]\n'
    message = str(_error(_write(tmp_path, "broken.json", text)))
    assert "line 3" in message and "column" in message


def test_json_item_errors_name_the_item(tmp_path: Path) -> None:
    items = [{"question": "a?", "answer": "b"}, {"question": "c?", "answer": ""}]
    message = str(_error(_write(tmp_path, "gap.json", json.dumps(items))))
    assert "item 2" in message and "'answer'" in message
    wrong = _write(tmp_path, "wrong.json", json.dumps({"data": []}))
    assert "faqs" in str(_error(wrong))
    assert "no entries" in str(_error(_write(tmp_path, "none.json", "[]")))


def test_jsonl(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {"question": "Is there a student discount?", "answer": "Yes, 10% with a valid ID."}
        ),
        "",
        json.dumps(
            {"id": "zh-1", "question": "支持货到付款吗？", "answer": "目前仅支持在线支付。"}
        ),
    ]
    entries = load_file(_write(tmp_path, "faq.jsonl", "\n".join(lines) + "\n"))
    assert [e.id for e in entries] == ["faq:1", "zh-1"]
    assert entries[1].metadata["line"] == 3


def test_malformed_jsonl_reports_line_3(tmp_path: Path) -> None:
    lines = [
        '{"question": "a?", "answer": "b"}',
        '{"question": "c?", "answer": "d"}',
        '{"question": ',
    ]
    error = _error(_write(tmp_path, "broken.jsonl", "\n".join(lines)))
    assert error.row == 3 and "row 3" in str(error)


def test_jsonl_duplicate_ids_name_both_lines(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "x", "question": f"q{n}?", "answer": "a"}) for n in range(2)]
    message = str(_error(_write(tmp_path, "dup.jsonl", "\n".join(lines))))
    assert "line 1" in message and "line 2" in message
