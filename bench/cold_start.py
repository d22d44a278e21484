"""Cold start: seconds from launching `qa serve` (index already built) to its first answer, vs the
time a fresh Python takes to import sentence-transformers and load the model alone.

    .venv/bin/python -m bench.cold_start [--rounds 3]

Both are timed from process launch, taking turns, in fresh processes; medians are reported.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence

import httpx

from bench.harness import ROOT, ensure_index, write_results
from bench.servers import running_server
from qa.settings import Settings

QUESTION = "What did the G8 urge North Korea to do?"
LOAD_MODEL = (
    "import os; os.environ['HF_HUB_OFFLINE'] = '1'\n"
    "from sentence_transformers import SentenceTransformer\n"
    "from embeddings import default_model_dir\n"
    "SentenceTransformer(str(default_model_dir()), device='cpu')\n"
    "print('ready', flush=True)\n"
)


def answered(client: httpx.Client) -> bool:
    return client.post("/api/answer", json={"question": QUESTION}).status_code == 200


def model_alone() -> float:
    """Launch to the line printed once the model is loaded (interpreter exit not counted)."""
    started = time.perf_counter()
    with subprocess.Popen([sys.executable, "-c", LOAD_MODEL], cwd=ROOT, stdout=subprocess.PIPE, text=True) as child:
        if child.stdout.readline().strip() != "ready":
            raise RuntimeError("the model-loading subprocess failed")
        seconds = time.perf_counter() - started
    return seconds


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="launches of each (default 3)")
    args = parser.parse_args(argv)

    settings = Settings()
    ensure_index(settings.index_dir)
    env = {"QA_INDEX_DIR": str(settings.index_dir)}
    with running_server(env, ready=answered):
        pass  # a first launch exports the ONNX query encoder if needed; the timed launches find it cached
    serve_s, model_s = [], []
    for _ in range(args.rounds):
        model_s.append(model_alone())
        with running_server(env, ready=answered) as server:
            serve_s.append(server.ready_after)
    serve_median, model_median = statistics.median(serve_s), statistics.median(model_s)
    results = {
        "rounds": args.rounds,
        "encoder_backend": settings.encoder_backend,
        "serve_to_first_answer_seconds": [round(s, 2) for s in serve_s],
        "import_and_load_model_seconds": [round(s, 2) for s in model_s],
        "serve_median_s": round(serve_median, 2),
        "model_alone_median_s": round(model_median, 2),
        "serve_over_model_alone": round(serve_median / model_median, 3),
    }
    write_results("cold_start", results)
    print(results["serve_median_s"], results["model_alone_median_s"], results["serve_over_model_alone"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
