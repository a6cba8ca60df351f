"""`kefu eval faq` loads the knowledge into a temporary home and reports the metrics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kefu.cli.app import app

FAQ = """id,question,answer
a,How long does a refund take?,Refunds take 5 days.
b,How much does shipping cost?,Shipping costs $4.99.
z,退款多久到账？,退款3个工作日内到账。
"""


def test_eval_faq_reports_recall_and_declines(tmp_path: Path, kefu_env: dict[str, str]) -> None:
    kb = tmp_path / "faq.csv"
    kb.write_text(FAQ, encoding="utf-8")
    queries = tmp_path / "q.jsonl"
    rows = [
        {"query": "How long does a refund take?", "expected": "a"},
        {"query": "How much does shipping cost?", "expected": "b"},
        {"query": "退款多久到账？", "expected": "z"},
        {"query": "Who won the football match?", "expected": None},
    ]
    queries.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    result = CliRunner().invoke(
        app, ["eval", "faq", "--kb", str(kb), "--queries", str(queries), "--json"]
    )
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    # Exact questions rank their own entry first, even with the surface-form fake embedder.
    assert metrics["overall"]["recall@1"] == 1.0
    assert metrics["overall"]["answerable"] == 3 and metrics["overall"]["unanswerable"] == 1
    assert metrics["zh"]["queries"] == 1 and metrics["en"]["queries"] == 3
    assert 0.0 < metrics["threshold"] < 1.0
    # The user's own knowledge base was not touched.
    assert not (Path(kefu_env["KEFU_HOME"]) / "kefu.db").exists()


def test_eval_faq_writes_one_row_per_query(tmp_path: Path, kefu_env: dict[str, str]) -> None:
    # An operator could not tell which questions failed without asking each again (tester L).
    kb = tmp_path / "faq.csv"
    kb.write_text(FAQ, encoding="utf-8")
    queries = tmp_path / "q.jsonl"
    asked = [
        {"query": "How long does a refund take?", "expected": "a"},
        {"query": "Who won the football match?", "expected": None},
    ]
    queries.write_text("\n".join(json.dumps(r) for r in asked), "utf-8")
    out = tmp_path / "rows.jsonl"
    args = ["eval", "faq", "--kb", str(kb), "--queries", str(queries), "--rows", str(out)]
    result = CliRunner().invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    threshold = json.loads(result.stdout)["threshold"]
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["query"] for r in rows] == [q["query"] for q in asked]
    assert [r["line"] for r in rows] == [1, 2]
    first, second = rows
    assert first["top5"][0] == "a" and first["expected"] == "a"
    assert first["verdict"] == ("right" if first["confidence"] >= threshold else "declined")
    assert second["verdict"] == ("wrong" if second["confidence"] >= threshold else "declined_ok")
    # A path it cannot write is a one-line error, not a traceback.
    bad = CliRunner().invoke(app, [*args[:-1], str(tmp_path / "no" / "such" / "dir.jsonl")])
    assert bad.exit_code == 1 and "cannot write" in bad.output and "Traceback" not in bad.output


def test_eval_faq_bad_query_file_names_the_line(tmp_path: Path, kefu_env: dict[str, str]) -> None:
    kb = tmp_path / "faq.csv"
    kb.write_text(FAQ, encoding="utf-8")
    queries = tmp_path / "q.jsonl"
    queries.write_text('{"query": "ok", "expected": "a"}\n{not json}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "faq", "--kb", str(kb), "--queries", str(queries)])
    assert result.exit_code == 1
    assert "q.jsonl, row 2" in result.output
    assert "Traceback" not in result.output


def test_eval_faq_honours_a_configured_threshold_of_zero(
    tmp_path: Path, kefu_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEFU_CURATED_THRESHOLD", "0")
    kb = tmp_path / "faq.csv"
    kb.write_text(FAQ, encoding="utf-8")
    queries = tmp_path / "q.jsonl"
    queries.write_text('{"query": "Who won the football match?", "expected": null}\n', "utf-8")
    result = CliRunner().invoke(
        app, ["eval", "faq", "--kb", str(kb), "--queries", str(queries), "--json"]
    )
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    assert metrics["threshold"] == 0.0
    assert metrics["overall"]["decline_recall"] == 0.0  # at 0 nothing is declined


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            [
                '{"query": "How long does a refund take?", "expected": "a"}',
                '{"query": "refund?", "expected": "no-such-id"}',
            ],
            "q.jsonl, row 2: expected id 'no-such-id' is not an entry of the knowledge base",
        ),
        (['{"query": "  ", "expected": null}'], "q.jsonl, row 1: empty query"),
    ],
    ids=["unknown-expected-id", "empty-query"],
)
def test_eval_faq_refuses_queries_it_cannot_score(
    tmp_path: Path, kefu_env: dict[str, str], lines: list[str], message: str
) -> None:
    kb = tmp_path / "faq.csv"
    kb.write_text(FAQ, encoding="utf-8")
    queries = tmp_path / "q.jsonl"
    queries.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "faq", "--kb", str(kb), "--queries", str(queries)])
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_eval_faq_loads_every_kb_given(tmp_path: Path, kefu_env: dict[str, str]) -> None:
    # Once only the last --kb was loaded, and the ids of the others were "not entries".
    faq = tmp_path / "faq.csv"
    faq.write_text(FAQ, encoding="utf-8")
    more = tmp_path / "more.csv"
    more.write_text("id,question,answer\nm,Do you sell gift cards?,From 10 euros.\n", "utf-8")
    queries = tmp_path / "q.jsonl"
    rows = [
        {"query": "How long does a refund take?", "expected": "a"},
        {"query": "Do you sell gift cards?", "expected": "m"},
    ]
    queries.write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    args = ["eval", "faq", "--kb", str(faq), "--kb", str(more), "--queries", str(queries)]
    result = CliRunner().invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["overall"]["recall@1"] == 1.0


def test_eval_faq_help_says_kb_repeats() -> None:
    result = CliRunner().invoke(app, ["eval", "faq", "--help"], terminal_width=200)
    assert "repeat --kb" in result.output
