"""Answer latency: POST /api/answer on a real uvicorn vs the floor (embed + search) and the peer.

    .venv/bin/python -m bench.latency [--requests 160] [--backend onnx]

Two floors are measured in this process on the same questions, each sample right beside an HTTP
request for the same question, so drift in the machine's load affects both sides alike: the
project's own (its query encoder, then its index's search), and the raw floor, which uses none of
the project's code: the same exported MiniLM graph run directly (`tokenizers` encode, then
onnxruntime's `session.run` with its default options), then a flat FAISS search of the same vectors.
`Assistant.ask` in this process is a step of the same rotation, so that it compares with the server's
own time (`server`) for the same work under the same conditions; it used to be timed in a loop of
its own before the server started, one question right after another, which no request ever is.
This process freezes what it loaded out of the garbage collector's sight, as `qa serve` does. The
answer cache is off for the main figures (every request does the full work) and on for the `cached`
figures. Requests go through a minimal HTTP/1.1 client (bench.harness.AnswerClient), so that the
client's own work, on the same two cores, counts against the server as little as it can; each is
repeated through the standard library's `http.client` and through httpx beside it, to show what a
heavier client adds on its own side.

The ratios mean something only on a quiet machine: at a load average of 12-15 (other jobs on the two
cores) the floors measured in this process came out slower than a whole answer over HTTP from the
server's. So the load average around the interleaved steps is recorded with the figures.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import faiss
import httpx
import numpy as np
import onnxruntime
from tokenizers import Tokenizer

from bench.harness import (
    AnswerClient,
    StdlibAnswerClient,
    ensure_index,
    post_answers,
    questions,
    stats_ms,
    timed,
    write_results,
)
from bench.servers import running_server
from embeddings import Encoder, PassageIndex
from embeddings.onnx_model import TOKENIZER_FILE, onnx_path
from eval.peer import HaystackPeer, PeerUnavailable
from qa.assistant import Assistant, current_model_id, encoder_cache
from qa.corpus import Article
from qa.settings import RETRIEVERS, Settings
from web.answer_endpoint import CACHE_HEADER, TIMING_HEADER

IDLE_WINDOW = 0.005
"""Seconds over which this process must burn next to no CPU to count as idle (`settle`)."""
FLOOR_DEPTH = 10
"""Passages the floor's search returns: enough to answer with, as any retriever must fetch."""
WARMUP = 16


class RawFloor:
    """Embed and search with no code of the project's: the reference the answer path is held to."""

    def __init__(self, graph: Path, vectors: np.ndarray) -> None:
        self.tokenizer = Tokenizer.from_file(str(graph.parent / TOKENIZER_FILE))
        self.session = onnxruntime.InferenceSession(str(graph), providers=["CPUExecutionProvider"])
        self.index = faiss.IndexFlatIP(vectors.shape[1])
        self.index.add(np.ascontiguousarray(vectors, dtype=np.float32))

    def __call__(self, question: str) -> None:
        encoding = self.tokenizer.encode(question)
        feed = {
            "input_ids": np.array([encoding.ids], dtype=np.int64),
            "attention_mask": np.array([encoding.attention_mask], dtype=np.int64),
            "token_type_ids": np.array([encoding.type_ids], dtype=np.int64),
        }
        (vector,) = self.session.run(None, feed)
        self.index.search(vector, FLOOR_DEPTH)


def settle(limit: float = 1.0) -> None:
    """Wait, up to `limit` seconds, until this process's own threads are idle.

    The raw floor's onnxruntime session, with its default options, keeps one of its threads spinning
    for about 50 ms after every run: on two cores, a core the server would lose in whichever step came
    next, which the floor's own timing never sees.
    """
    deadline = time.perf_counter() + limit
    while time.perf_counter() < deadline:
        used = time.process_time()
        time.sleep(IDLE_WINDOW)
        if time.process_time() - used < IDLE_WINDOW / 5:
            return


def floor_seconds(encoder: Encoder, index: PassageIndex, texts: Sequence[str]) -> list[float]:
    """The least any answer costs: embed the question, search the index; nothing else."""
    return [timed(lambda q=q: index.search(encoder.encode_query(q), FLOOR_DEPTH)) for q in texts]


def interleaved(url: str, texts: Sequence[str], assistant: Assistant, raw: RawFloor) -> dict[str, list]:
    """For each question: the floors, the answer in process and the request through each client, all under
    the same load.

    Their order is shuffled afresh for each question (seeded, so runs are alike), so that none always
    runs right after the same other one: a model run leaves the CPU caches cold for what follows, and
    rotating one order would keep the same neighbours. Each step starts once this process is idle
    (`settle`).
    `server` is the server's own time for the request (its Server-Timing header: answering and JSON).
    """
    names = ["floor", "raw_floor", "ask", "http", "stdlib", "httpx", "server"]
    samples: dict[str, list[float]] = {name: [] for name in names}
    encoder, index = assistant.encoder, assistant.index
    client, stdlib = AnswerClient(url), StdlibAnswerClient(url)
    with client, stdlib, httpx.Client(base_url=url, timeout=60) as heavy:

        def post(each: AnswerClient | StdlibAnswerClient, question: str) -> None:
            status, headers = each.post({"question": question})
            if status != 200:
                raise RuntimeError(f"POST /api/answer answered {status} for {question!r}")
            if each is client:
                samples["server"].append(server_seconds(headers[TIMING_HEADER.lower()]))

        steps: list[tuple[str, Callable[[str], object]]] = [
            ("floor", lambda q: index.search(encoder.encode_query(q), FLOOR_DEPTH)),
            ("raw_floor", raw),
            ("ask", assistant.ask),
            ("http", lambda q: post(client, q)),
            ("stdlib", lambda q: post(stdlib, q)),
            ("httpx", lambda q: heavy.post("/api/answer", json={"question": q}).raise_for_status()),
        ]
        turns = random.Random(0)
        for question in texts:
            for name, step in turns.sample(steps, len(steps)):
                samples[name].append(timed(lambda s=step, q=question: s(q)))
                settle()
    return samples


def server_seconds(timing: str) -> float:
    """The durations of a Server-Timing header (`name;dur=ms, ...`) added up, in seconds."""
    return sum(float(part.split(";dur=")[1]) for part in timing.split(",")) / 1000


def peer_seconds(articles: Sequence[Article], texts: Sequence[str]) -> dict[str, object] | None:
    """The Haystack peer's retrieval-only time per question and mode, if the optional `bench` extra is installed."""
    try:
        peer = HaystackPeer(articles)
    except PeerUnavailable:
        return None
    times = {}
    for mode in RETRIEVERS:
        for question in texts[:WARMUP]:
            peer.retrieve(question, mode)
        times[mode] = stats_ms([timed(lambda q=q, m=mode: peer.retrieve(q, m)) for q in texts])
    return times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=160, help="requests per configuration (default 160)")
    parser.add_argument("--backend", default=None, help="query encoder backend (default: QA_ENCODER_BACKEND)")
    args = parser.parse_args(argv)

    settings = Settings(answer_cache_size=0, **({"encoder_backend": args.backend} if args.backend else {}))
    backend = settings.encoder_backend
    ensure_index(settings.index_dir)
    pool = questions()
    texts = [pool[i % len(pool)] for i in range(args.requests)]

    assistant = Assistant.open(settings)
    floor_seconds(assistant.encoder, assistant.index, texts[:WARMUP])
    graph = onnx_path(encoder_cache(settings), current_model_id(settings), "onnx")
    raw = RawFloor(graph, assistant.index.vectors)
    for question in texts[:WARMUP]:
        raw(question)
    for question in texts[:WARMUP]:
        assistant.ask(question)
    gc.freeze()
    peer = peer_seconds(assistant.articles, texts)

    env = {"QA_ENCODER_BACKEND": backend, "QA_INDEX_DIR": str(settings.index_dir)}
    bodies = [{"question": q} for q in texts]
    with running_server({**env, "QA_ANSWER_CACHE_SIZE": "0"}) as server:
        post_answers(server.url, bodies[:WARMUP], 1)
        load = [os.getloadavg()[0]]
        samples = interleaved(server.url, texts, assistant, raw)
        load.append(os.getloadavg()[0])
        concurrent = post_answers(server.url, bodies, 8)
    # PyTorch's OpenMP threads keep spinning for a while after each call and would slow whatever
    # runs next, so its floor (the reference) is measured on its own, after the requests.
    torch_encoder = assistant.encoder if backend == "torch" else Encoder(settings.model_dir)
    floor_seconds(torch_encoder, assistant.index, texts[:WARMUP])
    torch_floor = stats_ms(floor_seconds(torch_encoder, assistant.index, texts))
    with running_server(env) as server:
        post_answers(server.url, bodies[: len(pool)], 1)  # every question once: the cache now holds them all
        cached = post_answers(server.url, bodies, 1, header=CACHE_HEADER)

    floor = {"torch": torch_floor, backend: stats_ms(samples["floor"]), "raw_onnx": stats_ms(samples["raw_floor"])}
    c1 = stats_ms(samples["http"])
    c1_httpx = stats_ms(samples["httpx"])
    c1_stdlib = stats_ms(samples["stdlib"])
    results: dict[str, object] = {
        "questions": len(pool),
        "requests_per_configuration": args.requests,
        "encoder_backend": backend,
        "load_average_1m_before_and_after_the_interleaved_steps": [round(value, 2) for value in load],
        "floor_ms": floor,
        "assistant_ask_in_process_ms": stats_ms(samples["ask"]),
        "client": "a minimal HTTP/1.1 client, one kept-alive connection per thread (bench.harness.AnswerClient)",
        "http_uncached": {
            "concurrency_1": c1,
            "concurrency_1_stdlib_client": c1_stdlib,
            "concurrency_1_httpx_client": c1_httpx,
            "concurrency_1_server_timing": stats_ms(samples["server"]),
            "concurrency_8": concurrent.summary(),
        },
        "http_cached": {**cached.summary(), "hits": cached.headers.count("hit")},
        "peer_retrieval_ms": peer,
        "ratios": {
            "p50_c1_over_floor_same_backend": round(c1["p50"] / floor[backend]["p50"], 3),
            "p50_c1_over_floor_torch": round(c1["p50"] / floor["torch"]["p50"], 3),
            "p50_c1_stdlib_client_over_floor_same_backend": round(c1_stdlib["p50"] / floor[backend]["p50"], 3),
            "p50_c1_httpx_client_over_floor_same_backend": round(c1_httpx["p50"] / floor[backend]["p50"], 3),
            "p50_c1_over_peer_dense_p50": round(c1["p50"] / peer["dense"]["p50"], 3) if peer else None,
            "p50_floor_same_backend_over_raw_floor": round(floor[backend]["p50"] / floor["raw_onnx"]["p50"], 3),
            "p50_c1_stdlib_client_over_raw_floor": round(c1_stdlib["p50"] / floor["raw_onnx"]["p50"], 3),
            "p50_c1_httpx_client_over_raw_floor": round(c1_httpx["p50"] / floor["raw_onnx"]["p50"], 3),
        },
        "targets": {
            "p50_c1_over_floor": "<= 1.3",
            "p50_c1_over_peer": "< 1.0",
            "p50_stdlib_and_httpx_over_raw_floor": "<= 1.3",
        },
    }
    write_results("latency", results)
    print(json.dumps(results["ratios"], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
