"""Reading sources: files, folders, stdin, encodings, and failures that name the file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from quotetrack.ingest import readers
from quotetrack.ingest.readers import SourceFailure, iter_documents
from quotetrack.types import RawDocument


def read(*paths: str, stdin: bytes | None = None) -> list[RawDocument | SourceFailure]:
    return list(iter_documents(paths, stdin=io.BytesIO(stdin) if stdin is not None else None))


def test_a_folder_is_read_recursively_in_name_order_keeping_only_txt(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("둘", "utf-8")
    (tmp_path / "1.TXT").write_text("하나", "utf-8")
    (tmp_path / "notes.md").write_text("무시", "utf-8")
    (tmp_path / ".hidden.txt").write_text("무시", "utf-8")
    docs = read(str(tmp_path))
    assert [(Path(d.source).name, d.text) for d in docs if isinstance(d, RawDocument)] == [
        ("1.TXT", "하나"),
        ("2.txt", "둘"),
    ]
    assert len(docs) == 2


def test_a_file_named_explicitly_is_read_whatever_its_extension(tmp_path: Path) -> None:
    path = tmp_path / "article.html"
    path.write_text("기사", "utf-8")
    assert read(str(path)) == [RawDocument(source=str(path), text="기사")]


def test_encodings_utf8_bom_and_cp949_are_decoded(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeff푸틴 대통령".encode())
    (tmp_path / "cp949.txt").write_bytes("푸틴 대통령".encode("cp949"))
    assert [d.text for d in read(str(tmp_path)) if isinstance(d, RawDocument)] == [
        "푸틴 대통령",
        "푸틴 대통령",
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"\xfa\xfb\xfc broken", "cannot decode as UTF-8, UTF-16 or CP949/EUC-KR"),
    ],
)
def test_unreadable_files_become_failures_naming_the_file(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (failure,) = read(str(path))
    assert isinstance(failure, SourceFailure)
    assert failure.source == str(path) and reason in failure.reason


def test_missing_paths_and_empty_folders_are_failures(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    missing, empty = read(str(tmp_path / "nope.txt"), str(tmp_path / "empty"))
    assert missing == SourceFailure(str(tmp_path / "nope.txt"), "no such file or folder")
    assert isinstance(empty, SourceFailure) and "no article files" in empty.reason


def test_oversized_files_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_ARTICLE_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("가" * 20, "utf-8")
    (failure,) = read(str(path))
    assert isinstance(failure, SourceFailure)
    assert (
        failure.reason == "file is 60 bytes, more than the 10 bytes an article can be "
        "(split it into one file per article, or save many articles as JSON Lines)"
    )


def test_dash_reads_standard_input() -> None:
    assert read("-", stdin="표준 입력 기사".encode()) == [
        RawDocument(source="<stdin>", text="표준 입력 기사")
    ]


def test_sources_are_read_lazily_one_at_a_time(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("가", "utf-8")
    docs = iter_documents([str(tmp_path), str(tmp_path / "later-missing.txt")])
    first = next(docs)
    assert isinstance(first, RawDocument)
    (tmp_path / "later-missing.txt").write_text("나중", "utf-8")  # created after the first was read
    assert isinstance(next(docs), RawDocument)
