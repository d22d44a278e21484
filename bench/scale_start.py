"""Start time and memory of a serving process at 100k and 1M passages (`bench.scale --start`).

A synthetic collection with text is saved as `qa index` saves one: documents of 40 paragraphs, one
entry each, their text from `bench.scale_bm25.synthetic_texts` (real passages' words plus a growing
tail of rare words), random unit vectors in the index type `qa index` picks for that many (`auto`: HNSW at
100k and 1M; what a user gets, and what decides the first question's search: a flat index scans every vector,
0.33 s at 1M), and the word statistics and document store `qa index` now saves beside them
(an older tree reads the documents from the `articles.json` saved too). With `--keep`, the collections are
kept and later runs reuse them: made from the same seed, they are the same collections. A kept collection
saved in another format or index type than this tree's `qa index` would save is made again; so an older tree
given as `--before` must read this tree's format (else run each tree's own bench with its own `--keep`).

Each tree of code (this one and, if given, an older checkout) is launched in fresh processes:
- "model": the ONNX query encoder loaded alone, from launch to its first encoded question;
- "start": the same, then `Assistant.load` of the collection and the first question's retrieval, to ready.
  A second worker is launched while the first waits, and both PSS (`/proc/PID/smaps_rollup`) are
  read with both alive, so pages they share are split between them as `--workers 2` splits them. The CPU
  seconds each used to ready are read too: on a shared machine they vary far less than the seconds;
- "lexical": two workers load the index and documents, then make (older code) or map (this code)
  BM25, term rarity and term sets and ask the eval questions of them; the PSS each added between
  those two points is the per-worker cost of the word statistics.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from bench.harness import questions
from bench.scale_bm25 import synthetic_texts
from embeddings import Encoder, IndexLoadError, Manifest, PassageIndex
from embeddings.entries import Entry
from embeddings.index import choose_index_type, current_build, read_manifest
from embeddings.onnx_model import is_exported, onnx_path
from qa.assistant import ENCODER_CACHE, current_model_id
from qa.corpus import Article, Paragraph, articles_to_json
from qa.documents import ARTICLES_FILE, DOCUMENT_FILES, documents_files
from qa.indexing import load_corpus
from qa.lexical_index import LEXICON_FILES, Lexicon, unsaved_statistics
from qa.passages import index_entries
from qa.settings import PROJECT_ROOT, Settings
from qa.user_cache import writable_cache_dir

PARAGRAPHS_PER_DOCUMENT = 40
ASKED = 1
"""Questions a "start" worker retrieves for before it says it is ready: the first, so that whatever a start leaves
to the first request (pages to map, a first search) is counted: the issue's "start <= model load + 1 s" is a server
ready to answer. Later ones are request latency (`bench/latency.py`); asking 20 (as runs before 2026-11-26 did) over
a flat index that scans every vector (p50 111 ms at 1M in `bench.scale`) added seconds at 1M that were not start-up."""
WORKER = r"""
import json, sys, time
from pathlib import Path

role, folder, onnx, model, asked = sys.argv[1:6]
questions = json.loads(Path(asked).read_text())


def wait(line):
    print(line, flush=True)
    sys.stdin.readline()


if role != "lexical":
    from embeddings.onnx_model import OnnxQueryEncoder

    encoder = OnnxQueryEncoder(Path(onnx), model)
    encoder.encode_query("warm up")
    if role == "start":
        from qa.assistant import Assistant
        from qa.settings import Settings

        assistant = Assistant.load(Settings(index_dir=Path(folder)), encoder)
        for question in questions[:ASKED]:
            assistant.retriever.search(question, 3, "hybrid")
    wait("ready")
else:
    from embeddings import PassageIndex

    index, build = PassageIndex.load(Path(folder))
    try:
        from qa.documents import Documents
    except ImportError:  # the code before the document store: every document read into Python objects
        from qa.corpus import articles_from_json

        articles = articles_from_json((build / "articles.json").read_bytes())
        paragraph_of = lambda position: (index.entries[position].doc_id, index.entries[position].paragraph)
    else:
        articles = Documents.load(build)
        numbers = articles.paragraph_numbers(index.entries)
        paragraph_of = lambda position: int(numbers[position])
    wait("loaded")
    started = time.perf_counter()
    try:
        from qa.lexical_index import Lexicon
        from qa.terms import terms
    except ImportError:  # the code before word statistics were saved: what its Retriever made at every start
        from qa.bm25 import LexicalIndex
        from qa.lexical import TermWeights, terms

        by_id = {a.id: a for a in articles}
        texts = [by_id[e.doc_id].paragraphs[e.paragraph - 1].text[e.start : e.end] for e in index.entries]
        weights = TermWeights.from_texts(p.text for a in articles for p in a.paragraphs)
        entry_terms = [terms(text) for text in texts]
        paragraph_terms = {(a.id, p.index): terms(p.text) for a in articles for p in a.paragraphs}
        bm25 = LexicalIndex(texts)
    else:
        lexicon = Lexicon.of(build, articles, index.entries)
        weights, entry_terms, paragraph_terms, bm25 = (
            lexicon.weights, lexicon.entry_terms, lexicon.paragraph_terms, lexicon.bm25
        )
    made = time.perf_counter() - started
    for question in questions:
        wanted = weights.of(terms(question))
        for position, _ in bm25.top(question, 120):
            wanted.overlap(entry_terms[position]) + wanted.overlap(paragraph_terms[paragraph_of(position)])
    wait(json.dumps({"made_s": round(made, 3), "with_questions_s": round(time.perf_counter() - started, 3)}))
""".replace("ASKED", str(ASKED))


def synthetic_collection(folder: Path, n: int, model: str) -> Path:
    """A saved build of `n` one-entry paragraphs with their word statistics, as `qa index` would save it."""
    articles_read, _ = load_corpus(PROJECT_ROOT / "corpus")
    texts = synthetic_texts([text for _, text in index_entries(articles_read)], n, seed=0)
    articles = [
        Article(
            f"doc-{first // PARAGRAPHS_PER_DOCUMENT}",
            None,
            None,
            None,
            f"doc-{first // PARAGRAPHS_PER_DOCUMENT}.txt",
            tuple(Paragraph(i, text, 0) for i, text in enumerate(texts[first : first + PARAGRAPHS_PER_DOCUMENT], 1)),
        )
        for first in range(0, n, PARAGRAPHS_PER_DOCUMENT)
    ]
    entries = [Entry(a.id, p.index, 0, len(p.text)) for a in articles for p in a.paragraphs]
    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((n, 384), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    manifest = Manifest(model, 384, "synthetic", n, "now", index_type=choose_index_type("auto", n))
    index = PassageIndex(vectors, entries, manifest)
    del vectors
    payload = {
        ARTICLES_FILE: articles_to_json(articles),
        **Lexicon.build(articles, texts).files(),
        **documents_files(articles),
    }
    index.save(folder, payload)
    return folder


def reusable(folder: Path, n: int) -> bool:
    """Whether `folder` keeps a synthetic collection of `n` passages as this tree's `qa index` would save it."""
    if not (folder / "CURRENT").is_file():
        return False
    try:
        build = current_build(folder)
        manifest = read_manifest(folder)
    except IndexLoadError:
        return False
    wanted = (n, choose_index_type("auto", n))
    return unsaved_statistics(build) is None and (manifest.passages, manifest.index_type) == wanted


def pss_kb(pid: int) -> int:
    with open(f"/proc/{pid}/smaps_rollup", encoding="utf-8") as rollup:
        return next(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))


class Worker:
    """One launched process of a tree's code, read line by line; it waits on stdin at each point it reports."""

    def __init__(self, tree: Path, role: str, folder: Path, onnx: Path, model: str, asked: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(tree), "QA_LOG_LEVEL": "WARNING"}
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-c", WORKER, role, str(folder), str(onnx), model, str(asked)],
            cwd=tree,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def line(self) -> str:
        line = self.process.stdout.readline().strip()
        if not line:
            raise RuntimeError(f"worker {self.process.pid} ended with status {self.process.wait()}")
        return line

    def go(self) -> None:
        self.process.stdin.write("\n")
        self.process.stdin.flush()

    def pss_mb(self) -> float:
        return round(pss_kb(self.process.pid) / 1024, 1)

    def cpu_s(self) -> float:
        """User and system CPU time the process has used, all threads: on a shared machine this does not grow
        with other jobs' load as the seconds to ready do."""
        with open(f"/proc/{self.process.pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return round((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), 2)

    def end(self) -> None:
        self.go()
        self.process.wait(timeout=60)


def ready_after(worker: Worker) -> float:
    if worker.line() != "ready":
        raise RuntimeError("the worker did not get ready")
    return round(time.perf_counter() - worker.started, 2)


def measure_tree(tree: Path, folder: Path, onnx: Path, model: str, asked: Path, starts: bool = True) -> dict:
    """The tree's figures; without `starts`, only the word statistics' (a slow tree's start at 1M takes long)."""
    launch = lambda role: Worker(tree, role, folder, onnx, model, asked)  # noqa: E731
    result = measure_starts(launch) if starts else {}
    workers = [launch("lexical"), launch("lexical")]
    for worker in workers:
        assert worker.line() == "loaded"
    before = [worker.pss_mb() for worker in workers]
    for worker in workers:
        worker.go()
    made = [json.loads(worker.line()) for worker in workers]
    after = [worker.pss_mb() for worker in workers]
    for worker in workers:
        worker.end()
    return result | {
        "lexical_made_or_mapped": made,
        "lexical_pss_added_mb_per_worker_of_2": [round(b - a, 1) for a, b in zip(before, after, strict=True)],
    }


def measure_starts(launch: Callable[[str], Worker]) -> dict:
    alone = launch("model")
    model_s = ready_after(alone)
    model_cpu_s = alone.cpu_s()
    alone.end()
    first = launch("start")
    start_s = ready_after(first)
    second = launch("start")
    second_s = ready_after(second)
    start_pss = [first.pss_mb(), second.pss_mb()]
    start_cpu_s = [first.cpu_s(), second.cpu_s()]
    first.end()
    second.end()
    return {
        "model_alone_s": model_s,
        "start_s": [start_s, second_s],
        "start_over_model_s": round(start_s - model_s, 2),
        "model_alone_cpu_s": model_cpu_s,
        "start_cpu_s": start_cpu_s,
        "start_pss_mb_per_worker_of_2": start_pss,
    }


def query_model() -> tuple[Path, str]:
    """The exported ONNX query graph in the user's cache (exported once if missing), and the model's id."""
    settings = Settings()
    model = current_model_id(settings)
    path = onnx_path(writable_cache_dir(settings.cache_dir) / ENCODER_CACHE, model, "onnx")
    if not is_exported(path):
        Encoder(settings.model_dir).export_query_graph(path.parent.parent, "onnx")
    return path, model


def measure_start(
    n: int,
    before: Path | None,
    before_starts: bool = True,
    kept: Path | None = None,
    measured: Callable[[dict], None] = lambda result: None,
) -> dict:
    """Figures at `n` passages, given to `measured` as each tree's are added (a tree's start at 1M takes long).

    The synthetic collection is made in a temporary folder, or kept in `kept / n` and reused from there when a
    previous run left it (it is the same collection: made from the same seed)."""
    onnx, model = query_model()
    trees = {"after": PROJECT_ROOT} | ({"before": before} if before else {})
    with tempfile.TemporaryDirectory(prefix="qa-start-") as tmp:
        folder = (kept or Path(tmp)) / str(n) / "index"
        result: dict = {"passages": n}
        if reusable(folder, n):
            result["synthetic_build_s"] = "reused"
        else:
            shutil.rmtree(folder, ignore_errors=True)
            started = time.perf_counter()
            synthetic_collection(folder, n, model)
            result["synthetic_build_s"] = round(time.perf_counter() - started, 1)
        asked = Path(tmp) / "questions.json"
        asked.write_text(json.dumps(questions() * 2), encoding="utf-8")
        build = current_build(folder)
        result["index_type"] = read_manifest(folder).index_type
        sizes = {path.name: path.stat().st_size for path in build.iterdir()}
        result["lexicon_file_bytes"] = sum(size for name, size in sizes.items() if name in LEXICON_FILES)
        result["document_store_bytes"] = sum(size for name, size in sizes.items() if name in DOCUMENT_FILES)
        for label, tree in trees.items():
            result[label] = measure_tree(tree, folder, onnx, model, asked, label == "after" or before_starts)
            print(n, label, result[label], flush=True)
            measured(result)
    return result
