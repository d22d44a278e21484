"""BM25 at 100k and 1M passages: build time, memory, and the retriever's query, on synthetic text.

The texts are shaped like the bundled corpus's passages: each one takes a real passage's length in
words, draws most of its words from that passage (its topic, as the synthetic vectors in
bench/scale.py scatter around a real embedding) and the rest from a Zipf-distributed tail of rare
made-up words, so the vocabulary keeps growing with the collection as a real one does. Queries are
the 80 eval questions, asked the way the retriever asks: the best 120 passages (k=3).

    .venv/bin/python -m bench.scale_bm25 [--sizes 100000 1000000]
"""

from __future__ import annotations

import argparse
import string
import time
from collections.abc import Sequence

import numpy as np

from bench.harness import questions, stats_ms, timed, write_results
from bench.scale import RETRIEVER_ASK, rss_anon_kb
from qa.indexing import load_corpus
from qa.lexical_index import LexicalIndex
from qa.passages import index_entries
from qa.settings import PROJECT_ROOT

TOPICAL_SHARE = 0.8
"""Share of a synthetic passage's words taken from its real passage; the rest are rare words."""
RARE_WORDS = 500_000
"""Size of the rare-word tail; its Zipf draw leaves most of it unused at 100k and more of it at 1M."""
ZIPF_EXPONENT = 1.3


def rare_word(rank: int) -> str:
    """A made-up word of letters only (digits would be split off as tokens of their own)."""
    letters = []
    while True:
        rank, digit = divmod(rank, 26)
        letters.append(string.ascii_lowercase[digit])
        if not rank:
            break
    return "zq" + "".join(letters)


def synthetic_texts(passages: Sequence[str], n: int, seed: int) -> list[str]:
    """`n` texts, each as long as a randomly chosen real passage and mostly made of its words."""
    rng = np.random.default_rng(seed)
    words = [passage.split() for passage in passages]
    texts = []
    for centre in rng.integers(0, len(words), n):
        own = words[centre]
        topical = rng.random(len(own)) < TOPICAL_SHARE
        ranks = np.minimum(rng.zipf(ZIPF_EXPONENT, len(own)), RARE_WORDS)
        picks = rng.integers(0, len(own), len(own))
        chosen = (own[p] if t else rare_word(int(r)) for p, t, r in zip(picks, topical, ranks, strict=True))
        texts.append(" ".join(chosen))
    return texts


def measure(texts: list[str], asked: Sequence[str]) -> dict[str, object]:
    before = rss_anon_kb()
    started = time.perf_counter()
    index = LexicalIndex.from_texts(texts)
    build_s = time.perf_counter() - started
    added_kb = rss_anon_kb() - before
    # bm25s keeps the index as one sparse matrix of precomputed scores
    matrix_bytes = sum(array.nbytes for array in (index._data, index._indices, index._indptr))
    for question in asked[:16]:
        index.top(question, RETRIEVER_ASK)
    top_s = [timed(lambda q=q: index.top(q, RETRIEVER_ASK)) for q in asked]
    scores_s = [timed(lambda q=q: index.scores(q)) for q in asked]
    # The full stable sort the retriever used before, on the same scores: what partial selection saves.
    all_scores = [index.scores(q) for q in asked]
    full_sort_s = [timed(lambda s=s: np.argsort(-s, kind="stable")[:RETRIEVER_ASK]) for s in all_scores]
    return {
        "passages": len(texts),
        "words_per_passage_mean": round(float(np.mean([len(t.split()) for t in texts])), 1),
        "vocabulary": len(index.vocabulary),
        "build_s": round(build_s, 2),
        "score_matrix_bytes": matrix_bytes,
        "score_matrix_bytes_per_passage": round(matrix_bytes / len(texts), 1),
        "anon_rss_added_by_build_mb": round(added_kb / 1024, 1),
        f"top{RETRIEVER_ASK}_ms": stats_ms(top_s),
        "scores_only_ms": stats_ms(scores_s),
        f"full_stable_sort_then_first{RETRIEVER_ASK}_ms": stats_ms(full_sort_s),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    args = parser.parse_args(argv)

    articles, _ = load_corpus(PROJECT_ROOT / "corpus")
    passages = [text for _, text in index_entries(articles)]
    asked = questions() * 2
    runs = []
    for n in args.sizes:
        runs.append(measure(synthetic_texts(passages, n, seed=0), asked))
        print(runs[-1], flush=True)
    write_results(
        "scale_bm25",
        {
            "data": {
                "real_passages": len(passages),
                "topical_share": TOPICAL_SHARE,
                "rare_words": RARE_WORDS,
                "zipf_exponent": ZIPF_EXPONENT,
                "queries": len(asked),
            },
            "sizes": runs,
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
