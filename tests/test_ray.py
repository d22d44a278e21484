"""`qa index --ray`: a real Ray cluster on loopback (a head that only coordinates and two worker nodes of one CPU
each) builds the same index as a local build, re-embeds only what changed, and survives or cleanly reports a worker
node's death."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pytest

from bench.ray_cluster import LoopbackCluster
from bench.servers import free_port
from embeddings import Encoder, PassageIndex, default_model_dir
from embeddings.cache import text_key
from embeddings.index import current_build
from eval.dataset import jsonl_rows
from qa import Assistant, Settings
from qa.assistant import open_encoder
from qa.collection import recorded_corpus
from qa.distributed import INSTALL_HINT, REACH_TIMEOUT_S, SHARDS_DIR, ClusterBuildFailed, ShardStore, build_index_on_ray
from qa.errors import QAError
from qa.indexing import ARTICLES_FILE, IndexReport, build_index, load_corpus
from qa.passages import index_entries
from qa.settings import PROJECT_ROOT

FORMATS = PROJECT_ROOT / "eval" / "formats"
QUESTIONS = [PROJECT_ROOT / "eval" / "questions.jsonl", PROJECT_ROOT / "eval" / "formats.jsonl"]
MD = "prison-food-rations.md"
ray_test = pytest.mark.ray
Built = tuple[Path, IndexReport]
"""A cluster build's index folder and its report."""


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoopbackCluster]:
    pytest.importorskip("ray", reason="the ray extra is not installed (pip install '.[ray]')")
    # A head with CPUs of its own would run a third parse task and embedding actor on this 2-core machine: every
    # build would load the model three times over for the same two cores.
    running = LoopbackCluster(tmp_path_factory.mktemp("ray")).start(workers=2, head_cpus=0)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def collection(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled corpus and the formats fixtures (text, Markdown, HTML, PDF) in one folder."""
    folder = tmp_path_factory.mktemp("collection")
    for source in (PROJECT_ROOT / "corpus", FORMATS):
        for path in source.iterdir():
            shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def local_index(collection: Path, encoder: Encoder, tmp_path_factory: pytest.TempPathFactory) -> Path:
    index_dir = tmp_path_factory.mktemp("local-index")
    build_index(collection, index_dir, encoder, progress=False)
    return index_dir


@pytest.fixture(scope="module")
def cluster_build(
    cluster: LoopbackCluster, collection: Path, encoder: Encoder, tmp_path_factory: pytest.TempPathFactory
) -> Built:
    """Built as `qa index --ray auto` builds: `auto` joins the cluster Ray finds from this machine, here the
    loopback one, named by `RAY_ADDRESS` (which Ray reads before looking for a cluster started here)."""
    index_dir = tmp_path_factory.mktemp("ray-index")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RAY_ADDRESS", cluster.address)
        return index_dir, build_index_on_ray("auto", collection, index_dir, encoder, progress=False)


def same_build(built: Path, reference: Path) -> None:
    """The builds hold the same documents, entries and manifest (but its time, and the corpus folder written
    relative to each index folder), and vectors within float noise."""
    ours, _ = PassageIndex.load(built)
    theirs, _ = PassageIndex.load(reference)
    assert list(ours.entries) == list(theirs.entries)
    np.testing.assert_allclose(ours.vectors, theirs.vectors, atol=1e-5)
    assert {**asdict(ours.manifest), "built_at": None, "corpus_dir": None} == {
        **asdict(theirs.manifest),
        "built_at": None,
        "corpus_dir": None,
    }
    assert recorded_corpus(ours.manifest, built) == recorded_corpus(theirs.manifest, reference)
    assert (current_build(built) / ARTICLES_FILE).read_bytes() == (
        current_build(reference) / ARTICLES_FILE
    ).read_bytes()


def test_cluster_build_without_ray_installed_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, encoder: Encoder
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # what `import ray` meets where the extra is not installed
    with pytest.raises(QAError, match=r"pip install '\.\[ray\]'"):
        build_index_on_ray("auto", FORMATS, tmp_path / "index", encoder)
    assert "pip install '.[ray]'" in INSTALL_HINT


def test_a_cluster_address_nothing_answers_at_fails_in_seconds_naming_it(tmp_path: Path, encoder: Encoder) -> None:
    pytest.importorskip("ray", reason="the ray extra is not installed (pip install '.[ray]')")
    address = f"127.0.0.1:{free_port()}"  # nothing listens there
    started = time.monotonic()
    with pytest.raises(ClusterBuildFailed) as error:
        build_index_on_ray(address, FORMATS, tmp_path / "index", encoder)
    assert time.monotonic() - started < REACH_TIMEOUT_S
    assert str(error.value).startswith(
        f"cannot join the Ray cluster at '{address}' (nothing answers at {address}: Connection refused); "
        "start one with `ray start --head` or give its address"
    )


# The two tests of clusters of their own come before the first test of the module's cluster, which would otherwise
# idle beside theirs. Their nodes have no CPUs: nothing runs on them, and Ray starts no idle worker process for them.
JOIN_AND_COUNT_NODES = "import ray, sys; ray.init(address=sys.argv[1]); print(len(ray.nodes()))"


@ray_test
def test_loopback_cluster_starts_where_a_ray_auth_token_exists(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Any `ray.init()` without an address leaves `~/.ray/auth_token`; a head `ray start` starts then turns token
    authentication on, and worker nodes and drivers given its address (which do not read that file) are
    refused. The loopback cluster must start all the same, and a driver that has the same file must join it."""
    home = tmp_path / "home"
    (home / ".ray").mkdir(parents=True)
    (home / ".ray" / "auth_token").write_text(secrets.token_hex(32))
    # A folder of a short name: Ray's socket paths under it must stay within the 107 bytes a socket name may have.
    running = LoopbackCluster(tmp_path_factory.mktemp("ray"), env={"HOME": str(home)}).start(
        workers=1, timeout=90, head_cpus=0, worker_cpus=0
    )
    try:
        counted = subprocess.run(
            [sys.executable, "-c", JOIN_AND_COUNT_NODES, running.address],
            env={**os.environ, "HOME": str(home)},
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        running.stop()
    assert counted.stdout.split()[-1:] == ["2"], counted.stderr[-2000:]


@ray_test
def test_cluster_build_refused_for_want_of_the_clusters_token_says_how_to_give_it(
    encoder: Encoder, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cluster with token authentication refuses a driver without its token; the build says how to give it,
    and writes nothing."""
    monkeypatch.delenv("RAY_AUTH_TOKEN", raising=False)
    monkeypatch.delenv("RAY_AUTH_TOKEN_PATH", raising=False)
    token = {"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(32)}
    running = LoopbackCluster(tmp_path_factory.mktemp("ray"), env=token).start(workers=0, timeout=90, head_cpus=0)
    try:
        with pytest.raises(ClusterBuildFailed, match="RAY_AUTH_TOKEN") as raised:
            build_index_on_ray(running.address, FORMATS, tmp_path / "index", encoder, progress=False)
    finally:
        running.stop()
    assert "ray get-auth-token" in str(raised.value)
    assert not (tmp_path / "index" / "CURRENT").exists()


@ray_test
def test_cluster_build_equals_local_build(cluster_build: Built, local_index: Path) -> None:
    index_dir, report = cluster_build
    assert report.embedded == report.passages > 400
    same_build(index_dir, local_index)


@ray_test
def test_cluster_build_answers_as_local_build(
    cluster_build: Built, local_index: Path, collection: Path, encoder: Encoder
) -> None:
    index_dir, _ = cluster_build
    rows = [row for path in QUESTIONS for _, row in jsonl_rows(path)]
    questions = [row["question"] for row in rows if row["answerable"]][:4] + [rows[0]["question"]]
    answers = {}
    for folder in (index_dir, local_index):
        assistant = Assistant.open(Settings(corpus_dir=collection, index_dir=folder), encoder=encoder)
        answers[folder] = [assistant.ask(question).text for question in questions]
    assert answers[index_dir] == answers[local_index]
    assert any("“" in text for text in answers[index_dir])  # some of them quote a source


@ray_test
def test_incremental_cluster_build_embeds_only_the_changed_file_through_the_shards(
    cluster: LoopbackCluster, cluster_build: Built, collection: Path, encoder: Encoder, tmp_path: Path
) -> None:
    """The index folder keeps only the earlier cluster build's shards (no build, so no cached vectors): every
    unchanged passage is found in them, and only the edited file's new passages are embedded."""
    index_dir = tmp_path / "index"
    shutil.copytree(cluster_build[0] / SHARDS_DIR, index_dir / SHARDS_DIR)
    corpus = tmp_path / "corpus"
    shutil.copytree(collection, corpus)
    before = {text for _, text in index_entries(load_corpus(corpus)[0])}
    edited = corpus / MD
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThe ration cards were withdrawn in the spring.\n")
    new = {text for _, text in index_entries(load_corpus(corpus)[0])} - before
    report = build_index_on_ray(cluster.address, corpus, index_dir, encoder, progress=False)
    assert (report.embedded, report.new_documents, len(new) > 0) == (len(new), 1, True)
    assert f"{len(new)} passages embedded" in report.summary()


@ray_test
def test_a_published_cluster_build_removes_the_shard_runs_it_uses_nothing_from(
    cluster: LoopbackCluster, cluster_build: Built, encoder: Encoder, tmp_path: Path
) -> None:
    """The folder holds the earlier build's run (the whole collection); a build of one new file takes nothing
    from it, so once that build is published only the run it wrote is left."""
    index_dir = tmp_path / "index"
    shutil.copytree(cluster_build[0] / SHARDS_DIR, index_dir / SHARDS_DIR)
    shards = ShardStore(index_dir / SHARDS_DIR, encoder.model_id, encoder.dimension)
    earlier = shards.runs()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "wells.md").write_text("# Wells\n\nThe wells of the northern villages ran dry in the spring.\n")
    report = build_index_on_ray(cluster.address, corpus, index_dir, encoder, progress=False)
    left = shards.runs()
    assert (len(earlier), report.embedded, len(left)) == (1, report.passages, 1)
    keys = {text_key(encoder.model_id, text) for _, text in index_entries(load_corpus(corpus)[0])}
    assert left[0] not in earlier and len(shards.read(left[0], keys)) == len(keys)


@ray_test
def test_cluster_build_embeds_with_the_model_folder_the_settings_name(
    cluster: LoopbackCluster, encoder: Encoder, tmp_path: Path
) -> None:
    """QA_MODEL_DIR names the bundled model's files under another folder: another model id, which the actors
    must load too (the default model would be refused as not the build's)."""
    model_dir = tmp_path / "models" / "minilm-copy"
    shutil.copytree(default_model_dir(), model_dir, copy_function=os.symlink)
    chosen = open_encoder(Settings(model_dir=model_dir), queries=False)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "wells.md").write_text("# Wells\n\nThe wells of the northern villages ran dry in the spring.\n")
    build_index_on_ray(cluster.address, corpus, tmp_path / "index", chosen, progress=False)
    built = PassageIndex.load(tmp_path / "index")[0]
    assert chosen.model_id != encoder.model_id
    assert built.manifest.model == chosen.model_id
    np.testing.assert_allclose(
        built.vectors, chosen.encode([text for _, text in index_entries(load_corpus(corpus)[0])]), atol=1e-5
    )


def kill_worker_once_embedding(process: subprocess.Popen, cluster: LoopbackCluster, lines: list[str]) -> None:
    """Read the build's log; a few seconds after the embedding starts, kill one worker node."""
    assert process.stderr is not None
    for line in process.stderr:
        lines.append(line)
        if "embedding" in line and "on the Ray cluster" in line:
            time.sleep(8)
            cluster.kill_worker(1)
            break
    lines.extend(process.stderr)


@ray_test
def test_worker_node_killed_mid_build_ends_in_a_correct_index_or_a_clean_failure(
    cluster: LoopbackCluster, collection: Path, local_index: Path, encoder: Encoder, tmp_path: Path
) -> None:
    """Runs last: the cluster has one worker node fewer afterwards. The folder serves a small build before."""
    index_dir = tmp_path / "index"
    build_index(FORMATS, index_dir, encoder, progress=False)
    previous = current_build(index_dir)
    reused = PassageIndex.load(index_dir)[0].manifest.passages
    # --force: the folder holds another collection's build, whose embeddings this build reuses.
    command = [
        sys.executable,
        "-m",
        "cli.main",
        "index",
        "--corpus",
        str(collection),
        "--index",
        str(index_dir),
        "--force",
    ]
    process = subprocess.Popen(
        [*command, "--verbose", "--ray", cluster.address], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    lines: list[str] = []
    reader = threading.Thread(target=kill_worker_once_embedding, args=(process, cluster, lines))
    reader.start()
    try:
        returncode = process.wait(timeout=600)  # generous: a loaded 2-core machine embeds slowly
    finally:
        process.kill()
        reader.join(timeout=30)
    output = process.stdout.read() if process.stdout else ""
    print("".join(lines[-40:]))  # shown when the test fails: what Ray did after the node died
    assert any("on the Ray cluster" in line for line in lines), "the build never reached its embedding step"
    if returncode == 0:
        assert f"{PassageIndex.load(local_index)[0].manifest.passages - reused} passages embedded" in output
        same_build(index_dir, local_index)
    else:
        log = "".join(lines)
        assert returncode == 2 and "the previous index" in log and "still serves" in log, log[-2000:]
        assert current_build(index_dir) == previous
        assert PassageIndex.load(index_dir)[0].manifest.passages == reused
