"""Changes to the corpus folder: atomic under races, committed only with their build, and safe on full or
read-only disks. Real files, real builds, real processes; disks are made full or read-only by mounting."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from bench.servers import running_server
from cli.main import main
from embeddings import Encoder
from qa import Assistant, Settings
from qa.changes import Change, add_documents
from qa.errors import DocumentConflict
from qa.indexing import build_index, indexed_articles, parse_corpus, parsed_files, stale_reason
from qa.journal import begin, recover
from qa.settings import PROJECT_ROOT
from qa.user_cache import writable_cache_dir
from web.app import create_app

FIXTURES = PROJECT_ROOT / "eval" / "formats"
TOKEN = "changes-test-admin-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}
NOTE = b"Water in the camps\n\nThe committee found that detainees had no clean water for three weeks.\n"
ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small or read-only file system needs root")


@pytest.fixture
def folders(tmp_path: Path, encoder: Encoder) -> tuple[Path, Path]:
    """A corpus of one document and its built index."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    shutil.copy(FIXTURES / "prison-food-rations.md", corpus)
    build_index(corpus, index, encoder, progress=False)
    return corpus, index


@contextmanager
def mounted_tmpfs(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


@contextmanager
def read_only_view(folder: Path, view: Path) -> Iterator[Path]:
    """`folder` seen read-only at `view` (a read-only bind mount: root ignores file modes)."""
    view.mkdir()
    subprocess.run(["mount", "--bind", str(folder), str(view)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(view)], check=True)
        yield view
    finally:
        subprocess.run(["umount", "-l", str(view)], check=True)


def fill(folder: Path) -> None:
    """Take every free byte of `folder`'s file system, with a hidden file a corpus listing ignores."""
    with open(folder / ".filler", "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError:
            pass


def race(*calls: Callable[[], Change]) -> list[Change | Exception]:
    """Run the calls at once, from a barrier; each one's result or error, in order."""
    start = threading.Barrier(len(calls))
    results: list[Change | Exception] = [RuntimeError("did not finish")] * len(calls)

    def run(i: int) -> None:
        start.wait()
        try:
            results[i] = calls[i]()
        except Exception as error:
            results[i] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return results


def test_adds_of_one_name_at_once_give_one_success_and_conflicts_for_the_others(
    folders: tuple[Path, Path], encoder: Encoder
) -> None:
    corpus, index = folders
    versions = [f"Version {n}\n\nThis version of the note says {n}.\n".encode() for n in range(4)]
    results = race(*(partial(add_documents, corpus, index, encoder, [("water.txt", data)]) for data in versions))
    assert sorted(type(result).__name__ for result in results) == ["Change"] + ["DocumentConflict"] * 3
    kept = next(data for data, result in zip(versions, results, strict=True) if isinstance(result, Change))
    assert (corpus / "water.txt").read_bytes() == kept


def test_a_txt_and_an_md_of_one_stem_added_at_once_give_one_conflict(
    folders: tuple[Path, Path], encoder: Encoder
) -> None:
    corpus, index = folders
    results = race(
        lambda: add_documents(corpus, index, encoder, [("clash.txt", NOTE)]),
        lambda: add_documents(corpus, index, encoder, [("clash.md", NOTE)]),
    )
    conflicts = [result for result in results if isinstance(result, DocumentConflict)]
    assert len(conflicts) == 1
    assert "would have document id clash-1" in str(conflicts[0])
    assert len(list(corpus.glob("clash.*"))) == 1
    assert stale_reason(index, corpus, encoder.model_id) is None


def test_a_build_reuses_the_parse_of_files_whose_bytes_are_unchanged(folders: tuple[Path, Path]) -> None:
    corpus, index = folders
    (corpus / "water.txt").write_bytes(NOTE)
    previous = parsed_files(index)
    parsed = parse_corpus(corpus, previous=previous)
    assert parsed.files["prison-food-rations.md"] is previous["prison-food-rations.md"]
    assert "water.txt" not in previous
    assert [a.id for a in parsed.files["water.txt"].articles] == ["water-1"]


def test_an_add_killed_during_its_build_is_rolled_back_at_the_next_start(
    folders: tuple[Path, Path], encoder: Encoder, tmp_path: Path
) -> None:
    corpus, index = folders
    (tmp_path / "water.txt").write_bytes(NOTE)
    env = {**os.environ, "QA_CORPUS_DIR": str(corpus), "QA_INDEX_DIR": str(index)}
    adding = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "add", str(tmp_path / "water.txt")], cwd=PROJECT_ROOT, env=env
    )
    deadline = time.monotonic() + 180
    while not (corpus / "water.txt").exists() and adding.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    adding.send_signal(signal.SIGKILL)
    adding.wait()
    assert adding.returncode == -signal.SIGKILL, "the add finished before it could be killed"
    Assistant.open(Settings(corpus_dir=corpus, index_dir=index), encoder=encoder)  # what a start does
    assert sorted(p.name for p in corpus.iterdir()) == ["prison-food-rations.md"]
    assert [a.id for a in indexed_articles(index)] == ["prison-food-rations-1"]
    assert add_documents(corpus, index, encoder, [("water.txt", NOTE)]).documents[0].id == "water-1"


def test_an_undone_change_is_said_with_its_files(folders: tuple[Path, Path], caplog: pytest.LogCaptureFixture) -> None:
    corpus, index = folders
    begin(corpus, index, added=["water.txt"], removed=["prison-food-rations.md"])
    (corpus / "water.txt").write_bytes(NOTE)
    (corpus / "prison-food-rations.md").unlink()
    recover(corpus, index)
    assert sorted(p.name for p in corpus.iterdir()) == ["prison-food-rations.md"]
    assert [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "qa.journal"] == [
        (
            "WARNING",
            f"a change to {corpus} (adding water.txt; removing prison-food-rations.md) was stopped before its index "
            "was built, so it was undone; make it again",
        )
    ]


def test_half_written_files_are_removed_at_start(folders: tuple[Path, Path]) -> None:
    corpus, index = folders
    (corpus / ".water.txt.partial").write_bytes(NOTE[:10])
    recover(corpus, index)
    assert sorted(p.name for p in corpus.iterdir()) == ["prison-food-rations.md"]


@pytest.fixture
def admin_on_full_corpus_disk(tmp_path: Path, encoder: Encoder) -> Iterator[TestClient]:
    with mounted_tmpfs(tmp_path / "corpus", "256k") as corpus:
        shutil.copy(FIXTURES / "prison-food-rations.md", corpus)
        settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index", admin_token=TOKEN)
        build_index(corpus, settings.index_dir, encoder, progress=False)
        fill(corpus)
        with TestClient(create_app(settings, Assistant.open(settings, encoder=encoder))) as client:
            yield client


@ROOT_ONLY
def test_an_add_on_a_full_disk_is_507_naming_it_and_leaves_no_partial_file(
    admin_on_full_corpus_disk: TestClient,
) -> None:
    response = admin_on_full_corpus_disk.post("/api/documents", files=[("files", ("water.txt", NOTE))], headers=AUTH)
    assert response.status_code == 507
    assert response.json()["detail"].startswith("no space left on the disk of the corpus or index folder (disk full)")
    corpus = Path(admin_on_full_corpus_disk.app.state.settings.corpus_dir)
    assert sorted(p.name for p in corpus.iterdir()) == [".filler", "prison-food-rations.md"]


@ROOT_ONLY
def test_reads_go_on_after_an_add_failed_on_a_full_disk(admin_on_full_corpus_disk: TestClient) -> None:
    admin_on_full_corpus_disk.post("/api/documents", files=[("files", ("water.txt", NOTE))], headers=AUTH)
    answer = admin_on_full_corpus_disk.post("/api/answer", json={"question": "What did prisoners eat?", "k": 1})
    assert answer.status_code == 200
    assert answer.json()["sources"][0]["document"]["id"] == "prison-food-rations-1"


@ROOT_ONLY
def test_qa_index_on_a_full_disk_says_so_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(FIXTURES / "prison-food-rations.md", corpus)
    with mounted_tmpfs(tmp_path / "index", "8k") as index:
        code = main(["index", "--corpus", str(corpus), "--index", str(index)])
        assert list(index.glob("build-*")) == []
    err = capsys.readouterr().err
    assert code == 2
    assert err.splitlines()[-1].startswith(f"error: no space left on the disk of the index folder {index} (disk full)")
    assert "Traceback" not in err


@ROOT_ONLY
def test_qa_serve_answers_from_a_read_only_index_folder_even_when_the_corpus_changed(
    folders: tuple[Path, Path], tmp_path: Path
) -> None:
    corpus, index = folders
    (corpus / "water.txt").write_bytes(NOTE)
    with read_only_view(index, tmp_path / "read-only-index") as view:
        with running_server({"QA_CORPUS_DIR": str(corpus), "QA_INDEX_DIR": str(view)}) as server:
            answer = httpx.post(f"{server.url}/api/answer", json={"question": "What did prisoners eat?", "k": 1})
    assert answer.json()["sources"][0]["document"]["id"] == "prison-food-rations-1"


@ROOT_ONLY
def test_the_encoder_cache_falls_back_to_a_temporary_folder_when_its_folder_is_read_only(tmp_path: Path) -> None:
    (tmp_path / "cache").mkdir()
    with read_only_view(tmp_path / "cache", tmp_path / "read-only-cache") as view:
        folder = writable_cache_dir(view)
    assert folder != view
    assert os.access(folder, os.W_OK)
    folder.rmdir()


def test_removing_a_document_whose_file_is_gone_does_not_show_the_corpus_folder(
    folders: tuple[Path, Path], encoder: Encoder
) -> None:
    corpus, index = folders
    settings = Settings(corpus_dir=corpus, index_dir=index, admin_token=TOKEN)
    with TestClient(create_app(settings, Assistant.open(settings, encoder=encoder))) as client:
        (corpus / "prison-food-rations.md").unlink()
        response = client.delete("/api/documents/prison-food-rations-1", headers=AUTH)
    assert response.status_code == 404
    assert response.json()["detail"] == (
        "document 'prison-food-rations-1' came from prison-food-rations.md, which is no longer in the corpus"
    )
