"""Query encoder backends: latency to embed a question, and `qa eval` figures, for each, in one run.

    .venv/bin/python -m bench.encoder [--rounds 2]

Passages stay embedded by PyTorch at full precision; only the question's encoder changes. The
figures are `qa eval`'s (k=3, all 80 questions); a backend qualifies as the default when they are
exactly PyTorch's.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from bench.harness import ensure_index, questions, stats_ms, timed, write_results
from embeddings.encoder import BACKENDS
from eval.dataset import DEFAULT_SET, load_questions
from eval.metrics import summarize
from eval.runner import evaluate, read_corpus
from qa.assistant import Assistant
from qa.settings import Settings

K = 3


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="passes over the questions per backend (default 2)")
    args = parser.parse_args(argv)

    base = Settings(answer_cache_size=0)
    ensure_index(base.index_dir)
    eval_set = load_questions(DEFAULT_SET, read_corpus(base.corpus_dir))
    assistants = {backend: Assistant.open(base.model_copy(update={"encoder_backend": backend})) for backend in BACKENDS}
    pool = questions()
    samples: dict[str, list[float]] = {backend: [] for backend in BACKENDS}
    for assistant in assistants.values():
        for question in pool[:16]:
            assistant.encoder.encode_query(question)
    # Backends take turns question by question, so a change in the machine's load hits all alike.
    for question in pool * args.rounds:
        for backend, assistant in assistants.items():
            samples[backend].append(timed(lambda a=assistant, q=question: a.encoder.encode_query(q)))

    figures = {backend: summarize(evaluate(a, eval_set, K)) for backend, a in assistants.items()}
    latency = {backend: stats_ms(seconds) for backend, seconds in samples.items()}
    results = {
        "k": K,
        "encode_query_ms": latency,
        "p50_over_torch": {b: round(latency[b]["p50"] / latency["torch"]["p50"], 3) for b in BACKENDS},
        "eval": figures,
        "eval_equals_torch": {b: figures[b] == figures["torch"] for b in BACKENDS},
    }
    write_results("encoder", results)
    print({b: (results["p50_over_torch"][b], results["eval_equals_torch"][b]) for b in BACKENDS})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
