"""Session fixtures: the real model is loaded once, the real index built once, the real app served."""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Coroutine, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from embeddings import Encoder
from eval import reference as judge
from eval.reference import Reference
from qa import Assistant, Settings
from qa.corpus import Article
from qa.formats.text import parse_text
from qa.indexing import IndexReport, build_index
from qa.settings import PROJECT_ROOT
from tests.once import RUN_ENV, key_of, once
from web.app import create_app

T = TypeVar("T")


def run_apart(coroutine: Coroutine[Any, Any, T]) -> T:
    """`asyncio.run` in a thread of its own: a session's browser (Playwright's sync API) holds the main
    thread's event loop for the rest of the run, and `asyncio.run` refuses to start beside a running loop."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


CORPUS = PROJECT_ROOT / "corpus"
HRNK = "hrnk-articles-by-board-members-fellows-and-staff.txt"
NORTH38 = "38north-a-serious-human-rights-negotiation-with-north-korea.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--screenshots", metavar="DIR", help="browser tests save page screenshots into DIR")


def pytest_configure(config: pytest.Config) -> None:
    """The run's controller names the folder its processes share results in (`tests/once.py`); the xdist workers,
    which it starts later, inherit the name with its environment."""
    if not hasattr(config, "workerinput"):
        os.environ[RUN_ENV] = tempfile.mkdtemp(prefix="qa-test-run-")


def pytest_unconfigure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput"):
        shutil.rmtree(os.environ.pop(RUN_ENV), ignore_errors=True)


RAY_TESTS = Path(__file__).with_name("test_ray.py")
"""The one file of `ray` tests: `make test` collects only it for its Ray run (collecting every file to keep 8 tests
took over a minute of a loaded machine's time)."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Files holding a `slow` test first, then files of more tests before files of fewer; each file's tests keep
    their order. `make test` runs a file whole on one of two workers (`--dist loadfile --no-loadscope-reorder`),
    taking files in this order: a long file taken last would leave the other worker idle until it ends, while
    short files taken last even the two out. A `ray` test elsewhere than `RAY_TESTS` is refused: neither of
    `make test`'s runs would run it."""
    strays = [item.nodeid for item in items if item.get_closest_marker("ray") and item.path != RAY_TESTS]
    if strays:
        raise pytest.UsageError(f"`ray` tests outside {RAY_TESTS.name}, which make test would never run: {strays}")
    slow_files = {item.path for item in items if item.get_closest_marker("slow")}
    tests_in = Counter(item.path for item in items)
    items.sort(key=lambda item: (item.path not in slow_files, -tests_in[item.path]))


def read_once(read: Callable[[Path, float, tuple[str, ...]], Reference]) -> Callable[..., Reference]:
    """The judge's reading of a file (`eval.reference`) made once per run, not once per process: pdftotext, mammoth
    and docutils take seconds on the published documents, and test files on both of `make test`'s workers read the
    same ones (the wild collection whole, in `tests/test_wild_eval.py`). Keyed as `tests/parsed.py` keys a parse, by
    the file's name and bytes, and by the strings it is told are not text: all a reading depends on."""

    @lru_cache(maxsize=256)
    def shared(path: Path, mtime: float, not_text: tuple[str, ...]) -> Reference:
        key = key_of(b"reference", path.name.encode(), path.read_bytes(), *(item.encode() for item in not_text))
        return once(key, lambda: read(path, mtime, not_text))

    return shared


@pytest.fixture(scope="session", autouse=True)
def judge_reads_once() -> Iterator[None]:
    """Every test reads documents through `read_once` (`eval.reference.reference` calls `_reference`)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(judge, "_reference", read_once(judge._reference.__wrapped__))
        yield


@pytest.fixture(scope="session")
def corpus_texts() -> dict[str, str]:
    return {name: (CORPUS / name).read_text(encoding="utf-8") for name in (HRNK, NORTH38)}


@pytest.fixture(scope="session")
def north38_opening(corpus_texts: dict[str, str]) -> str:
    """The 38 North article's title and first three paragraphs: a corpus that indexes in a moment."""
    return "\n".join(corpus_texts[NORTH38].splitlines()[:8])


@pytest.fixture(scope="session")
def hrnk(corpus_texts: dict[str, str]) -> list[Article]:
    return parse_text(corpus_texts[HRNK], HRNK)


@pytest.fixture(scope="session")
def north38(corpus_texts: dict[str, str]) -> Article:
    (article,) = parse_text(corpus_texts[NORTH38], NORTH38)
    return article


def by_title(articles: list[Article], title: str) -> Article:
    return next(a for a in articles if a.title == title)


def build_small(root: Path, opening: str, encoder: Encoder) -> Path:
    """`root/corpus/` holding the 38 North article's opening and its built `root/index/`."""
    (root / "corpus").mkdir()
    (root / "corpus" / NORTH38).write_text(opening, encoding="utf-8")
    build_index(root / "corpus", root / "index", encoder, progress=False)
    return root


def open_built(settings: Settings, encoder: Encoder) -> Assistant:
    """`qa index` then open: opening alone reports a missing index rather than building it."""
    build_index(settings.corpus_dir, settings.index_dir, encoder, progress=False)
    return Assistant.open(settings, encoder=encoder)


class RecallingEncoder(Encoder):
    """The real model, which gives a call made before in the run (in this process or the other xdist worker) that
    call's vectors again instead of embedding its texts anew: each worker builds the same session fixtures' indexes
    (the bundled corpus, the web test corpus, the 38 North article), and embedding is most of a build's time.
    Only a whole call is recalled, keyed by its texts in order: one text embedded in another batch may differ in
    its last bits (its padding differs), so a recalled call gives exactly what embedding it again would. A
    recalled call shows no progress bar; each caller gets its own copy."""

    def __init__(self) -> None:
        super().__init__()
        self._answered: dict[tuple[str, ...], np.ndarray] = {}

    def encode(self, texts: Sequence[str], *, progress: bool = True) -> np.ndarray:
        key = tuple(texts)
        if key not in self._answered:
            stored = key_of(b"embed", self.model_id.encode(), *(text.encode() for text in key))
            self._answered[key] = once(stored, lambda: super(RecallingEncoder, self).encode(key, progress=progress))
        return self._answered[key].copy()


@pytest.fixture(scope="session")
def encoder() -> Encoder:
    return RecallingEncoder()


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(corpus_dir=CORPUS, index_dir=tmp_path_factory.mktemp("index"))


@pytest.fixture(scope="session")
def assistant(settings: Settings, encoder: Encoder) -> Assistant:
    return open_built(settings, encoder)


def serve(settings: Settings, assistant: Assistant) -> Iterator[TestClient]:
    """The real app around an already opened assistant, with its lifespan run."""
    with TestClient(create_app(settings, assistant)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def client(settings: Settings, assistant: Assistant) -> Iterator[TestClient]:
    yield from serve(settings, assistant)


@pytest.fixture
def small_corpus(tmp_path: Path, corpus_texts: dict[str, str]) -> Path:
    """A private copy of the 38 North file, for tests that change a corpus."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / NORTH38).write_text(corpus_texts[NORTH38], encoding="utf-8")
    return folder


@dataclass(frozen=True)
class Built:
    """A folder holding `corpus/` and the `index/` built from it, with the report of that build."""

    root: Path
    report: IndexReport

    @property
    def corpus(self) -> Path:
        return self.root / "corpus"

    @property
    def index(self) -> Path:
        return self.root / "index"


@pytest.fixture(scope="session")
def north38_built(tmp_path_factory: pytest.TempPathFactory, corpus_texts: dict[str, str], encoder: Encoder) -> Built:
    """The whole 38 North file and its index, built once: embedding its 175 passages is the cost of a build,
    so tests that need a built folder to change take a copy (`north38_copy`) rather than build one each."""
    root = tmp_path_factory.mktemp("north38-built")
    (root / "corpus").mkdir()
    (root / "corpus" / NORTH38).write_text(corpus_texts[NORTH38], encoding="utf-8")
    return Built(root, build_index(root / "corpus", root / "index", encoder, progress=False))


@pytest.fixture
def north38_copy(north38_built: Built, tmp_path: Path) -> Built:
    """A private copy of the built 38 North folder; the index records its corpus relative to itself, so the
    copy's index is a build of the copy's corpus."""
    return Built(Path(shutil.copytree(north38_built.root, tmp_path / "north38")), north38_built.report)


HOSTILE = """Ledger of <script>alert("title")</script> the Camps

By Mallory <img src=x onerror=alert(1)>

The guards kept a ledger of escapes, written <script>alert("body")</script> in its margins and signed
<img src=x onerror=alert(2)> by the camp commandant.[1] Each entry named the prisoner's home village.

Snow closed the mountain roads near the border for most of that winter.[2]

———

[1] Ledger scan at https://example.org/ledger?a=1&b=2 (accessed <b>2020</b>).

[2] Weather notes, <a href="javascript:alert(3)">click</a>.
"""
"""A document whose own text is HTML and script: every page must show it as text, never run it."""
HOSTILE_FILE = "hostile-ledger.txt"
G8 = "What did the G8 urge North Korea to do?"
G8_CITATION = (
    "“A Human Rights Dialogue with North Korea: Real or Illusory?”, Roberta Cohen, HRNK Co-Chair, 2014-10-16, "
    "paragraph 6.\n"
    "[11] G8 Final Communique, Lough Erne, 2013, para. 93.\n"
    "[12] John Kerry, Remarks at Event on Human Rights in the D.P.R.K., Waldorf-Astoria, New York, "
    "September 23, 2014."
)
"""What "copy citation" gives for the top source answering G8 over the web test corpus: only the quote's notes."""
HOSTILE_ID = "hostile-ledger-1"
TRANSCRIPT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Checking the archive of testimony</title></head><body><article>
<h1>Checking the archive of testimony</h1>
<p>Before the archive of testimony is shared, its checksum is compared with the one the commission published, as
the transcript below shows.</p>
<pre>
$ sha256sum testimony-2014.tar
9f2c41d07be2  testimony-2014.tar
$ tar --list --file testimony-2014.tar
testimony/
    witness-01.txt
</pre>
<p>A checksum that differs means the archive was changed after the commission published it, and it is not shared.</p>
</article></body></html>
"""
"""A page whose transcript is preformatted: its lines and their indentation are its words, shown as written."""
TRANSCRIPT_FILE = "transcript-archive-check.html"
TRANSCRIPT_LINES = ("$ sha256sum testimony-2014.tar", "9f2c41d07be2  testimony-2014.tar")


@pytest.fixture(scope="session")
def web_settings(tmp_path_factory: pytest.TempPathFactory, corpus_texts: dict[str, str]) -> Settings:
    """The HRNK listing (for real answers with footnotes) beside the hostile document and a page with a transcript."""
    folder = tmp_path_factory.mktemp("web-corpus")
    (folder / HRNK).write_text(corpus_texts[HRNK], encoding="utf-8")
    (folder / HOSTILE_FILE).write_text(HOSTILE, encoding="utf-8")
    (folder / TRANSCRIPT_FILE).write_text(TRANSCRIPT, encoding="utf-8")
    return Settings(corpus_dir=folder, index_dir=tmp_path_factory.mktemp("web-index"))


@pytest.fixture(scope="session")
def web_assistant(web_settings: Settings, encoder: Encoder) -> Assistant:
    return open_built(web_settings, encoder)


@pytest.fixture(scope="session")
def web_client(web_settings: Settings, web_assistant: Assistant) -> Iterator[TestClient]:
    yield from serve(web_settings, web_assistant)


REPORTS = "reports.idx"
"""A second collection's index folder: the 38 North article's opening, served beside the web test corpus."""
COLD_WAR = "What did the United States discuss with the USSR during the Cold War?"
COLD_WAR_QUOTE = "During the Cold War, the United States did not limit its discussions"
NORTH38_ID = "38north-a-serious-human-rights-negotiation-with-north-korea-1"


@pytest.fixture(scope="session")
def reports_assistant(tmp_path_factory: pytest.TempPathFactory, north38_opening: str, encoder: Encoder) -> Assistant:
    root = tmp_path_factory.mktemp("reports")
    (root / "reports").mkdir()
    (root / "reports" / NORTH38).write_text(north38_opening, encoding="utf-8")
    build_index(root / "reports", root / REPORTS, encoder, progress=False)
    return Assistant.open(Settings(index_dir=root / REPORTS), encoder=encoder)


@pytest.fixture(scope="session")
def two_collections(web_settings: Settings, web_assistant: Assistant, reports_assistant: Assistant) -> FastAPI:
    """The web test corpus, and the reports collection served beside it."""
    return create_app(web_settings, web_assistant, others=[reports_assistant])
