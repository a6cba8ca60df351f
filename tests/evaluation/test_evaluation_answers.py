"""ROUGE-L, groundedness and `kefu eval answers` on given and on generated answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kefu.cli.app import app
from kefu.errors import IngestError
from kefu.evaluation.answers import groundedness, load_cases, rouge_l, rouge_tokens
from kefu.text.tokenize import MixedTokenizer


def test_rouge_l_english_is_word_level() -> None:
    # LCS "the cat sat" = 3; P = 3/3, R = 3/4 -> F = 6/7.
    assert rouge_l("The cat sat.", "the cat sat down") == pytest.approx(6 / 7)
    assert rouge_l("dog", "the cat") == 0.0
    assert rouge_l("", "x") == 0.0


def test_rouge_l_chinese_is_character_level() -> None:
    assert rouge_tokens("退款3天到账。") == ["退", "款", "3", "天", "到", "账"]
    # 6 of 9 reference characters in order, all candidate characters used: F = 2*1*(2/3)/(5/3).
    assert rouge_l("退款三天到账", "退款会在三天内到账") == pytest.approx(0.8)


def test_groundedness_counts_supported_substantive_sentences() -> None:
    tok = MixedTokenizer()
    source = ["Refunds reach your card within 5-10 business days after we receive the return."]
    answer = (
        "Sure! Refunds reach your card within 5-10 business days. "
        "We also send a free gift voucher to every customer."
    )
    assert groundedness(answer, source, tok) == pytest.approx(0.5)
    assert groundedness("Happy to help!", source, tok) is None


@pytest.mark.parametrize(
    ("answer", "title"),
    [
        (
            "From “Fee Schedule 2026 > Card replacement fees”: Replacement of a damaged metal "
            "card costs HK$500.",
            "Fee Schedule 2026 > Card replacement fees",
        ),
        ("根据《收费表 2026 > 换卡费用》：金属卡损坏换卡收费500港元。", "收费表 2026 > 换卡费用"),
    ],
)
def test_a_word_for_word_extract_is_grounded(answer: str, title: str) -> None:
    # The extract's lead-in names the section (with its heading's year): it attributes and
    # claims nothing. A verbatim quote scored 0.0 (black-box tester L).
    source = [
        f"{title}\nA standard replacement card is free. Replacement of a damaged metal card "
        "costs HK$500.\n金属卡损坏换卡收费500港元。"
    ]
    assert groundedness(answer, source, MixedTokenizer()) == 1.0
    # A claim the source does not make is still caught after the lead-in.
    invented = answer.replace("500", "900")
    assert groundedness(invented, source, MixedTokenizer()) == 0.0


def test_load_cases_checks_each_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"question": "q", "reference": "r"}\n{"question": "q"}\n', "utf-8")
    with pytest.raises(IngestError, match="row 2"):
        load_cases(path)
    path.write_text('{"question": "退款多久？", "reference": "三天", "answer": "3天"}\n', "utf-8")
    case = load_cases(path)[0]
    assert case.language == "zh" and case.answer == "3天"


@pytest.fixture
def env(kefu_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KEFU_EMBEDDER", "hashing")
    monkeypatch.setenv("KEFU_LLM_BACKEND", "fake")
    return kefu_home


FAQ = """id,question,answer
rf,How long does a refund take?,Refunds reach your card within 5-10 business days.
zh,退款多久到账？,退款会在3个工作日内原路退回。
"""


def _jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    return path


def test_given_answers_are_scored_without_a_model(tmp_path: Path, env: Path) -> None:
    ref = "Refunds reach your card within 5-10 business days."
    data = _jsonl(
        tmp_path / "a.jsonl",
        [
            {"question": "refund time?", "reference": ref, "answer": ref, "contexts": [ref]},
            {"question": "refund?", "reference": ref, "answer": "We ship worldwide from Mars."},
        ],
    )
    report = tmp_path / "r"
    result = CliRunner().invoke(
        app, ["eval", "answers", "--data", str(data), "--json", "--report", str(report)]
    )
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    rows = [json.loads(x) for x in (report / "answers.jsonl").read_text("utf-8").splitlines()]
    assert rows[0]["rouge_l"] == 1.0 and rows[0]["similarity"] == pytest.approx(1.0, abs=1e-4)
    assert rows[0]["groundedness"] == 1.0 and rows[1]["groundedness"] == 0.0
    assert rows[1]["rouge_l"] < 0.3
    assert metrics["overall"]["answers"] == 2 and metrics["overall"]["groundedness"] == 0.5
    record = json.loads((report / "answers.json").read_text("utf-8"))
    assert record["kind"] == "answers" and len(record["data"][0]["sha256"]) == 64


@pytest.mark.parametrize("as_folder", [False, True])
def test_the_assistant_answers_rows_without_an_answer(
    tmp_path: Path, env: Path, as_folder: bool
) -> None:
    """--kb takes a file or a folder, as `kb add` does; the record hashes what was read."""
    (tmp_path / "kb").mkdir()
    kb = tmp_path / "kb" / "faq.csv"
    kb.write_text(FAQ, encoding="utf-8")
    if as_folder:
        kb = kb.parent
    data = _jsonl(
        tmp_path / "a.jsonl",
        [
            {
                "question": "How long does a refund take?",
                "reference": "Refunds reach your card within 5-10 business days.",
            },
            {"question": "退款多久到账？", "reference": "退款会在3个工作日内原路退回。"},
        ],
    )
    result = CliRunner().invoke(
        app, ["eval", "answers", "--kb", str(kb), "--data", str(data), "--json"]
    )
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    assert metrics["overall"]["answers"] == 2
    assert metrics["en"]["answers"] == 1 and metrics["zh"]["answers"] == 1
    assert sum(metrics["overall"]["modes"].values()) == 2
    assert "given" not in metrics["overall"]["modes"]
    assert 0.0 <= metrics["overall"]["rouge_l"] <= 1.0
    [saved] = list((env / "evals").glob("answers-*.json"))
    record = json.loads(saved.read_text("utf-8"))
    assert record["data"][1]["ref"] == str(kb) and len(record["data"][1]["sha256"]) == 64


def test_rows_to_generate_need_knowledge(tmp_path: Path, env: Path) -> None:
    data = _jsonl(tmp_path / "a.jsonl", [{"question": "q", "reference": "r"}])
    result = CliRunner().invoke(app, ["eval", "answers", "--data", str(data)])
    assert result.exit_code == 1 and "--kb" in result.output
