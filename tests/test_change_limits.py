"""Changes to the corpus honour the settings: the lock timeout, and a build summary that counts what it reused."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli.main import main
from embeddings import Encoder
from qa.indexing import build_index
from qa.lock import index_build_lock
from tests.conftest import CORPUS, HRNK

REPORT = "A Report on Detention\n\nFormer prisoners describe sixteen-hour shifts in the mines, with no pay.\n"


@pytest.mark.slow
def test_qa_add_gives_up_after_qa_index_lock_timeout_and_leaves_the_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, index, new = tmp_path / "corpus", tmp_path / "index", tmp_path / "new.txt"
    corpus.mkdir()
    (corpus / "report.txt").write_text(REPORT, encoding="utf-8")
    new.write_text(REPORT.replace("Detention", "Labour"), encoding="utf-8")
    monkeypatch.setenv("QA_INDEX_LOCK_TIMEOUT", "0.5")
    with index_build_lock(index, timeout=0):
        status = main(["add", str(new), "--corpus", str(corpus), "--index", str(index)])
    assert status != 0
    assert "after 0 s of waiting; run again when it has finished, or raise QA_INDEX_LOCK_TIMEOUT" in (
        capsys.readouterr().err
    )
    assert sorted(p.name for p in corpus.iterdir()) == ["report.txt"]


@pytest.mark.slow
def test_a_fresh_build_reports_nothing_reused(tmp_path: Path, encoder: Encoder) -> None:
    """The HRNK listing's "Milken Review" entry has no text to embed: it is neither new nor reused."""
    (tmp_path / HRNK).write_bytes((CORPUS / HRNK).read_bytes())
    report = build_index(tmp_path, tmp_path / ".index", encoder, progress=False)
    assert (report.documents, report.new_documents, report.reused_documents) == (27, 26, 0)
    assert "reused: 0 documents, 0 footnotes, 0 passages" in report.summary()
