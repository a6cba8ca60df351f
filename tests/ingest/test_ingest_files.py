"""Tests for load_file's dispatch and file-level errors, iter_files, content_hash, and fuzzing."""

from __future__ import annotations

import hashlib
import os
import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from kefu.errors import IngestError
from kefu.ingest import SUPPORTED_SUFFIXES, content_hash, iter_files, load_file, scan_files
from kefu.ingest.loaders import INGEST_VERSION


def test_supported_suffixes() -> None:
    expected = {".csv", ".tsv", ".json", ".jsonl", ".md", ".markdown", ".txt", ".html", ".htm"}
    assert expected | {".pdf"} == SUPPORTED_SUFFIXES


def test_unknown_suffix_lists_supported_types(tmp_path: Path) -> None:
    path = tmp_path / "faq.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(IngestError) as info:
        load_file(path)
    message = str(info.value)
    assert "faq.xlsx" in message and ".xlsx" in message
    assert ".csv" in message and ".pdf" in message


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    path = tmp_path / "FAQ.CSV"
    path.write_text("question,answer\nOpen on Sundays?,No; we are closed on Sundays.\n")
    (entry,) = load_file(path)
    assert entry.id == "FAQ:2"


@pytest.mark.parametrize("suffix", sorted(SUPPORTED_SUFFIXES))
def test_empty_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"blank{suffix}"
    path.write_bytes(b"")
    with pytest.raises(IngestError, match=rf"blank\{suffix}: empty file"):
        load_file(path)


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "spaces.md"
    path.write_text("  \n\n\t\n")
    with pytest.raises(IngestError, match=r"spaces\.md.*empty file"):
        load_file(path)


def test_binary_file_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "faq.csv"
    path.write_bytes(b"question,answer\n\x00\x01\x02\x89PNG\r\n")
    with pytest.raises(IngestError, match=r"faq\.csv: not a text file"):
        load_file(path)


def test_undecodable_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"caf\xe9 \xff\xfe\xfd")  # neither UTF-8 nor GB18030
    with pytest.raises(IngestError, match=r"notes\.txt, line 1: not UTF-8 or GB18030 text"):
        load_file(path)


def test_latin1_is_called_text_in_another_encoding(tmp_path: Path) -> None:
    path = tmp_path / "faq.csv"
    path.write_bytes("question,answer\nCafé ouvert?,Oui, à 9 h.\n".encode("latin-1"))
    with pytest.raises(IngestError) as caught:
        load_file(path)
    message = str(caught.value)
    assert "faq.csv, row 2: not UTF-8 or GB18030 text" in message
    assert "re-save it as UTF-8" in message and "not a text file" not in message


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("null.json", "null", "expected a JSON list of objects, found null"),
        ("nulls.json", "[null]", "item 1: expected a JSON object, found null"),
        ("lines.jsonl", "null\n", "row 1: expected a JSON object, found null"),
        ("types.jsonl", '{"question": "Q?", "answer": ["a"]}', "'answer' must be text, not a list"),
        ("flag.json", '[{"question": true, "answer": "A"}]', "'question' must be text, not true"),
    ],
)
def test_json_kinds_are_named_as_json_names_them(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(IngestError, match=re.escape(message)):
        load_file(path)


def test_utf16_excel_export(tmp_path: Path) -> None:
    path = tmp_path / "unicode.tsv"
    path.write_bytes("question\tanswer\n营业时间？\t每天9点到21点。\n".encode("utf-16"))
    (entry,) = load_file(path)
    assert entry.answer == "每天9点到21点。"


def test_file_over_50_mb_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: no 50 MB actually written
        handle.truncate(50 * 1024 * 1024 + 1)
    with pytest.raises(IngestError, match=r"huge\.txt: file too large"):
        load_file(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="not found"):
        load_file(tmp_path / "missing.csv")
    folder = tmp_path / "folder.md"
    folder.mkdir()
    with pytest.raises(IngestError, match="not a regular file"):
        load_file(folder)


def test_invalid_chunk_settings(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Hello.")
    with pytest.raises(ValueError):
        load_file(path, chunk_size=100, overlap=100)


def test_generated_and_explicit_ids_cannot_collide(tmp_path: Path) -> None:
    path = tmp_path / "faq.csv"
    path.write_text("id,question,answer\nfaq:3,a?,b\nfaq:9,c?,d\n")
    assert [e.id for e in load_file(path)] == ["faq:3", "faq:9"]
    json_path = tmp_path / "mix.json"
    json_path.write_text(
        '[{"id": "mix:2", "question": "a?", "answer": "b"}, {"question": "c?", "answer": "d"}]'
    )
    with pytest.raises(IngestError, match=r"mix\.json.*'mix:2'"):
        load_file(json_path)


def test_content_hash(tmp_path: Path) -> None:
    path = tmp_path / "faq.csv"
    path.write_bytes(b"question,answer\nq?,a\n")
    # The loaders' version goes in with the bytes: a file read by another version is changed.
    versioned = f"kefu-ingest:{INGEST_VERSION}\n".encode() + b"question,answer\nq?,a\n"
    assert content_hash(path) == hashlib.sha256(versioned).hexdigest()
    assert content_hash(path) != hashlib.sha256(b"question,answer\nq?,a\n").hexdigest()
    before = content_hash(path)
    path.write_bytes(b"question,answer\nq?,b\n")
    assert content_hash(path) != before


# Reading any of these would wait for a writer or never end: each must fail at once.
@pytest.mark.timeout(20)
@pytest.mark.parametrize("kind", ["fifo", "link-to-dev-zero", "link-to-dev-urandom"])
@pytest.mark.parametrize("read", [content_hash, load_file], ids=["content_hash", "load_file"])
def test_special_files_are_refused_unread(
    tmp_path: Path, kind: str, read: Callable[[Path], object]
) -> None:
    path = tmp_path / "faq.csv"
    if kind == "fifo":
        os.mkfifo(path)
        what = r"not a regular file: it is a named pipe \(FIFO\)"
    else:
        path.symlink_to("/dev/" + kind.rsplit("-", 1)[1])
        what = r"not a regular file: it is a character device \(a link to /dev/"
    with pytest.raises(IngestError, match=rf"faq\.csv: {what}"):
        read(path)


def test_content_hash_refuses_an_oversized_file_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:  # sparse: no 50 MB actually written
        handle.truncate(50 * 1024 * 1024 + 1)
    with pytest.raises(IngestError, match=r"huge\.csv: file too large \(50\.0 MB; the limit"):
        content_hash(path)


def test_broken_link_is_named_as_one(tmp_path: Path) -> None:
    path = tmp_path / "faq.csv"
    path.symlink_to(tmp_path / "gone.csv")
    with pytest.raises(IngestError, match=r"faq\.csv: broken link to .*gone\.csv"):
        load_file(path)


def test_iter_files(tmp_path: Path) -> None:
    (tmp_path / "kb" / "sub").mkdir(parents=True)
    (tmp_path / "kb" / ".git").mkdir()
    for name in ["kb/b.md", "kb/a.CSV", "kb/sub/c.pdf", "kb/notes.docx", "kb/.hidden.md",
                 "kb/~$a.csv", "kb/.git/config.txt", "single.xlsx"]:  # fmt: skip
        (tmp_path / name).write_text("x")
    found = iter_files([tmp_path / "single.xlsx", tmp_path / "kb", tmp_path / "kb" / "b.md"])
    relative = [p.relative_to(tmp_path).as_posix() for p in found]
    # Explicit files are kept (load_file reports an unsupported one); folders are expanded,
    # sorted, without hidden or lock files; duplicates are listed once.
    assert relative == ["single.xlsx", "kb/a.CSV", "kb/b.md", "kb/sub/c.pdf"]
    with pytest.raises(IngestError, match="nowhere"):
        iter_files([tmp_path / "nowhere"])


def test_scan_reports_what_it_leaves_out_of_folders(tmp_path: Path) -> None:
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "faq.csv").write_text("x")
    (kb / "photo.PNG").write_text("x")
    (kb / "README").write_text("x")
    (kb / ".hidden.png").write_text("x")  # hidden: passed over quietly
    (kb / "dangling.csv").symlink_to(tmp_path / "nowhere.csv")
    os.mkfifo(kb / "pipe.txt")
    (tmp_path / "empty").mkdir()
    scan = scan_files([kb, tmp_path / "empty"])
    assert scan.files == [kb / "faq.csv"]
    assert scan.skipped == [
        (kb / "README", "kefu does not read files without an extension"),
        (kb / "dangling.csv", f"broken link to {tmp_path / 'nowhere.csv'}"),
        (kb / "photo.PNG", "kefu does not read '.png' files"),
        (kb / "pipe.txt", "not a regular file"),
    ]
    assert scan.empty_folders == [tmp_path / "empty"]
    with pytest.raises(IngestError, match=r"dangling\.csv: broken link to"):
        scan_files([kb / "dangling.csv"])


@pytest.mark.parametrize("suffix", sorted(SUPPORTED_SUFFIXES))
def test_random_bytes_load_or_raise_ingest_error(tmp_path: Path, suffix: str) -> None:
    rng = random.Random(20240501)
    prefixes = {
        ".pdf": b"%PDF-1.4\n",
        ".json": b"[",
        ".html": b"<html>",
        ".csv": b"question,answer\n",
    }
    for trial in range(25):
        size = rng.choice([1, 7, 64, 512, 4096])
        data = bytes(rng.randrange(256) for _ in range(size))
        if trial % 2:
            # Half the files look plausible at the start, to get past the first checks.
            data = prefixes.get(suffix, b"") + data
        if trial % 5 == 0:
            # Printable noise: valid UTF-8, so the parsers themselves get exercised.
            alphabet = "ab,\t\n\"'{}[]:<>/#*`-=|退款。 \\"
            data += "".join(rng.choice(alphabet) for _ in range(size)).encode()
        path = tmp_path / f"fuzz{trial}{suffix}"
        path.write_bytes(data)
        try:
            entries = load_file(path, chunk_size=100, overlap=20)
        except IngestError as exc:
            assert path.name in str(exc)
        else:
            assert entries and all(e.text.strip() for e in entries)


def _valid_samples(tmp_path: Path) -> dict[str, bytes]:
    pdf_bytes = b""
    try:
        from reportlab.pdfgen import canvas
    except ImportError:
        pass
    else:
        pdf_path = tmp_path / "sample_source.pdf"
        pdf = canvas.Canvas(str(pdf_path))
        pdf.drawString(72, 720, "Returns are accepted within 30 days of delivery.")
        pdf.save()
        pdf_bytes = pdf_path.read_bytes()
    faq_rows = "id,question,answer\nr1,Refund time?,5-10 days.\nr2,退货地址？,深圳市南山区。\n"
    return {
        ".csv": faq_rows.encode(),
        ".tsv": faq_rows.replace(",", "\t").encode(),
        ".json": b'{"faqs": [{"question": "Hours?", "answer": "9-17"}, {"text": "Docs here."}]}',
        ".jsonl": b'{"question": "Hours?", "answer": "9-17"}\n{"content": "Long doc."}\n',
        ".md": b"# Returns\n\n## Timing\n\nWithin **30** days. [Form](x.html)\n\n```\ncode\n```\n",
        ".txt": "Our hotline: 400-000-0000.\n\n客服热线：400-000-0000。\n".encode(),
        ".html": b"<html><title>T</title><h1>A</h1><p>Body <b>text</b></p><h2>B</h2><pre>x</pre>",
        ".pdf": pdf_bytes,
    }


def test_mutated_valid_files_load_or_raise_ingest_error(tmp_path: Path) -> None:
    rng = random.Random(99)
    for suffix, original in _valid_samples(tmp_path).items():
        if not original:
            continue
        loaded = 0
        for trial in range(40):
            data = bytearray(original)
            for _ in range(rng.randint(1, 6)):
                if not data:
                    break
                position = rng.randrange(len(data))
                if rng.random() < 0.5:
                    data[position] = rng.choice(b",\t\n\"'{}[]<>#*`=\\:")
                else:
                    del data[position : position + rng.randint(1, 40)]
            path = tmp_path / f"mutant{trial}{suffix}"
            path.write_bytes(bytes(data))
            try:
                entries = load_file(path, chunk_size=50, overlap=10)
            except IngestError as exc:
                assert path.name in str(exc)
            else:
                loaded += 1
                assert all(e.text.strip() and e.id for e in entries)
                assert len({e.id for e in entries}) == len(entries)
        # The mutations are small, so the text formats must survive some of them; a loader
        # that rejects everything would pass the loop above vacuously.
        if suffix in (".md", ".txt", ".html"):
            assert loaded > 0, suffix


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        (
            "question,answer\nWhat’s the return window?,It’s 30 days, see “Rückgabe”policy.\n",
            "cp1252",
        ),
        ("question,answer\n營業時間？,週一至週五，上午九點到下午六點。\n", "big5"),
    ],
    ids=["cp1252", "big5"],
)
def test_other_encodings_are_refused_not_garbled(
    tmp_path: Path, content: str, encoding: str
) -> None:
    path = tmp_path / "legacy.csv"
    data = content.encode(encoding)
    path.write_bytes(data)
    data.decode("gb18030")  # the trap: these bytes do decode as GB18030, into nonsense
    with pytest.raises(
        IngestError, match=r"legacy\.csv, row 2: not UTF-8 or GB18030 text .*re-save"
    ):
        load_file(path)


def test_damaged_utf8_is_reported_with_its_line(tmp_path: Path) -> None:
    good = "question,answer\n退货要多久？,一般三到五天。\n换货流程？,联系客服即可。\n"
    data = good.encode()
    broken = data[: data.index("联".encode()) + 1] + data[data.index("联".encode()) + 3 :]
    path = tmp_path / "damaged.csv"
    path.write_bytes(broken)
    with pytest.raises(IngestError, match=r"damaged\.csv, row 3: not valid UTF-8 text"):
        load_file(path)


@pytest.mark.parametrize(("suffix", "body"), [(".json", "[" * 5000), (".jsonl", "[" * 5000)])
def test_json_nested_too_deeply_is_refused_in_words(tmp_path: Path, suffix: str, body: str) -> None:
    """Thousands of nested lists are valid JSON that Python's reader gives up on: the error
    says so, with no exception name ("RecursionError: maximum recursion depth...")."""
    path = tmp_path / f"deep{suffix}"
    path.write_text(body + "]" * 5000, encoding="utf-8")
    with pytest.raises(IngestError) as caught:
        load_file(path)
    message = str(caught.value)
    assert "nested too deeply" in message
    assert "Error" not in message and "recursion" not in message


@pytest.mark.parametrize(
    ("name", "unit", "excel"),
    [("notes.md", "line", False), ("notes.txt", "line", False), ("faq.csv", "row", True)],
)
def test_a_file_in_another_encoding_names_the_line_or_row(
    tmp_path: Path, name: str, unit: str, excel: bool
) -> None:
    """Excel advice and "row" only for a table; a Markdown or text file has lines."""
    path = tmp_path / name
    head = "question,answer\n" if name.endswith(".csv") else "# Title\n"
    path.write_bytes((head + "ok,fine\nCaf\xe9 cr\xe8me,d\xe9j\xe0 vu\n").encode("latin-1"))
    with pytest.raises(IngestError) as caught:
        load_file(path)
    message = str(caught.value)
    assert f"{name}, {unit} 3: not UTF-8" in message
    assert ("Excel" in message) is excel


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("ctrl.md", "# Cont\u202erol\n\nTyre \u200bpressure is \x1b[31m50 psi\x1b[0m.\x85\n"),
        ("ctrl.csv", "question,answer\nTyre \u2066pressure?,\u202dIt is\u2060 50\x9b1m psi.\n"),
        # A JSON escape is decoded after the file's bytes: cleaned all the same.
        ("ctrl.json", '[{"question": "Tyre\\u202e pressure?", "answer": "\\u001b[1m50 psi"}]'),
    ],
)
def test_knowledge_text_loses_control_and_bidi_override_characters(
    tmp_path: Path, name: str, body: str
) -> None:
    """Customers were quoted 'From “Cont\u202erol”: ... [31m ANSI escape': a heading shown
    reversed and a terminal colour code. Both go at ingest, as from customer messages."""
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    for entry in load_file(path):
        for value in (entry.title, entry.text, entry.answer or ""):
            assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2060]", value)
            assert "[31m" not in value and "[1m" not in value and "[0m" not in value
        assert "50" in entry.display_text


def test_emoji_joiners_and_persian_non_joiners_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "ok.md"
    path.write_text("# Family\n\n\U0001f468\u200d\U0001f469\u200d\U0001f467 می\u200cخواهم\n")
    (entry,) = load_file(path)
    assert "\U0001f468\u200d\U0001f469" in entry.text and "می\u200cخواهم" in entry.text
