"""The README's figures, written from `bench/results/*.json`: every figure between `<!-- figures: NAME -->` and
`<!-- /figures -->` is what `FIGURES[NAME]` makes of the results, so a benchmark's rerun and the README agree.

    .venv/bin/python -m bench.readme           # rewrite the marked figures from the results (`make bench` runs it)
    .venv/bin/python -m bench.readme --check   # exit 1, naming them, if any marked figure differs

`tests/test_readme.py` runs the check; figures written by hand elsewhere in the README are checked there too.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from bench.install_size import readme_table
from bench.suite_time import readme_figure
from eval.runner import format_documents, format_table
from qa.decision import MAX_FALSE_ABSTENTION

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
HEALTHZ_TARGET_MS = 100
"""The worst /healthz latency the reliability issue allows while a bomb upload and an admin add run."""
HTML_F1_TARGET = 0.93
"""The F1 on trafilatura's suite that the real-documents issue asks of the HTML parser."""
ABSTENTION_TARGET = 0.85
"""The share of unanswerable held-out questions the issue asks the assistant to abstain on."""
RESULTS = ROOT / "bench" / "results"
BLOCK_RE = re.compile(r"(<!-- figures: ([\w-]+) -->)(.*?)(<!-- /figures -->)", re.DOTALL)


MADE_BY = {
    "install": "bench.install_size",
    "eval": "eval",
    "eval-formats": "eval",
    "eval-real": "eval",
    "eval-wild": "eval",
}
"""What writes a results file other than the benchmark of its name: a module, or the `make` target `eval`."""
RECORDS = {
    "admin_load-before": "bench.admin_load run on the code before build switches stopped collecting",
    "answer_paths": "bench.answer_paths --short-path run on a checkout that still had the ASGI short path",
}
"""Results measured on an older checkout and quoted as such: `make bench` runs this tree and cannot remake them."""


def made_by(name: str) -> str:
    """What `make bench` runs to remake results file `name`: `bench.NAME`, or what `MADE_BY` says."""
    return MADE_BY.get(name, f"bench.{name}")


def results(name: str) -> dict[str, Any]:
    return json.loads((RESULTS / f"{name}.json").read_text(encoding="utf-8"))


def gc_pause() -> str:
    measured = results("gc_pause")
    pause = measured["full_collection_s"]
    return (
        f"{measured['objects_tracked'] / 1000:.0f}k objects for the bundled corpus) out of the garbage collector's "
        f"full collections, which walked them all in {pause['unfrozen']:.2f} s ({pause['frozen'] * 1000:.1f} ms "
        "once frozen, `bench/gc_pause.py`)"
    )


def html_extraction() -> str:
    measured = results("html_extraction")
    ours, theirs, by_split = measured["ours"], measured["trafilatura"], measured["by_split"]
    kept = "met" if ours["f1"] >= HTML_F1_TARGET else "not met"
    return (
        f"this parser reaches F1 {ours['f1']:.3f} over all {measured['pages']['all']} pages (precision "
        f"{ours['precision']:.3f}, recall {ours['recall']:.3f}; {ours['empty_pages']} pages empty, "
        f"{ours['undecodable_pages']} undecoded): {by_split['dev']['ours']['f1']:.3f} on the "
        f"{measured['pages']['dev']} dev pages its rules were tuned on and {by_split['test']['ours']['f1']:.3f} "
        f"on the {measured['pages']['test']} held-out ones, against {theirs['f1']:.3f} for trafilatura's "
        f"`extract()` with defaults; the {HTML_F1_TARGET} target is {kept}"
    )


def evaluation(name: str) -> str:
    """What `qa eval` printed for one collection, made again from the JSON it wrote: the splits' table, the
    gold notes resolved, the documents' metadata and the table by format, each where the run measured it."""
    measured = results(name)
    summary = measured["summary"]
    blocks = [format_table({column: v for column, v in summary.items() if not column.startswith("format ")})]
    blocks += [
        f"gold notes resolved where their evidence stands ({split}): {resolved}/{total}"
        for split in ("dev", "test")
        if (notes := measured.get(f"notes_resolved_{split}"))
        for resolved, total in [notes]
    ]
    if documents := measured.get("documents"):
        blocks.append(f"documents of the collection's manifest\n{format_documents(documents)}")
    by_format = {column.removeprefix("format "): v for column, v in summary.items() if column.startswith("format ")}
    if by_format:
        blocks.append(f"by format of the evidence's document\n{format_table(by_format)}")
    return "\n```\n" + "\n".join(blocks) + "\n```\n"


def comparison() -> str:
    """`qa eval --compare`'s side-by-side table on the bundled collection, from its JSON."""
    return "\n```\n" + format_table(results("eval")["compare"]["columns"]) + "\n```\n"


def healthz() -> str:
    measured = results("healthz")
    during, outside = measured["healthz_ms"]["during_bomb_and_add"], measured["healthz_ms"]["outside"]
    load = measured["setup"]["load_average_1m"]
    grown = max(
        window["server_rss_mb"]["after"] - window["server_rss_mb"]["before"] for window in measured["windows"].values()
    )
    kept = "met" if during["max"] <= HEALTHZ_TARGET_MS else "not met"
    return (
        f"measured {measured['measured_at'][:10]} at load average {load['start']:.1f}-{load['end']:.1f}: the worst "
        f"/healthz while a bomb upload and an add ran was {during['max']:.0f} ms (p99 {during['p99']:.0f} ms, "
        f"{during['n']:,} requests), {outside['max']:.0f} ms outside them; the {HEALTHZ_TARGET_MS} ms target is "
        f"{kept}. After each rejected bomb the server's RSS was at most {grown:.1f} MB above what it was before "
        "(the target: within 50 MB)"
    )


def install() -> str:
    return f"\n{readme_table(results('install'))}\n"


def targets() -> str:
    """The held-out test splits against the targets: the real documents' quoting and notes, and the decision."""
    bundled, real, wild = results("eval"), results("eval-real"), results("eval-wild")
    test, old = real["summary"]["test"], real["summary"]["test, old"]
    resolved, notes = real["notes_resolved_test"]
    verdicts = [row[field] for row in real["documents"].values() for field in ("title", "author", "date")]
    decided = (bundled, real, wild)
    abstention = " / ".join(f"{run['summary']['test']['abstention']:.3f}" for run in decided)
    false_abstention = " / ".join(f"{run['summary']['test']['false_abstention']:.3f}" for run in decided)
    met = all(
        run["summary"]["test"]["abstention"] >= ABSTENTION_TARGET
        and run["summary"]["test"]["false_abstention"] <= MAX_FALSE_ABSTENTION
        for run in decided
    )
    return (
        f"On the real documents quote fidelity is {test['quote_fidelity']:.3f} (the target: 1.0), footnote precision "
        f"{test['footnote_precision']:.3f}, chrome quotes {test['chrome_quotes']}, and of {len(verdicts)} metadata "
        f"fields {verdicts.count('wrong')} are wrong or invented and {verdicts.count('missing')} missing; gold notes "
        f"resolve where their evidence stands for {resolved} of {notes}, and the answers cite "
        f"{test['footnote_recall']:.3f} of them, after retrieval (recall@3 {test['recall@3']:.3f}) and the decision. "
        f"The answer decision {'meets' if met else 'does not meet'} its targets: abstention {abstention} on bundled / "
        f"real / wild test against a target of {ABSTENTION_TARGET}, false abstention {false_abstention} against "
        f"{MAX_FALSE_ABSTENTION} (the old threshold on the real test split: {old['false_abstention']:.3f})"
    )


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A Markdown table: the one shape every tabled figure takes, so each renderer says only what goes in it."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def when(measured: dict[str, Any]) -> str:
    """The date and UTC time a benchmark ran, from its `measured_at` (ISO or `YYYY-MM-DD HH:MM`)."""
    stamp = measured["measured_at"].replace("T", " ")
    return f"{stamp[:10]} {stamp[11:16]} UTC"


def ms(value: float) -> str:
    return f"{value:.2f} ms"


def suite_time() -> str:
    return readme_figure(results("suite_time"))


def cli_latency() -> str:
    measured = results("cli_latency")
    onnx, torch = measured["onnx"], measured["torch_reference"]
    return (
        f"measured {when(measured)} on the 2-core machine (load average {measured['machine']['load_average_1m']:.1f}), "
        f"the median of {measured['rounds']} launches was {onnx['median_wall_s']:.2f} s from launch to exit "
        f"({onnx['median_cpu_s']:.2f} CPU seconds), against {torch['median_wall_s']:.2f} s for the same command "
        "with PyTorch loaded"
    )


def encoder_int8() -> str:
    scores = results("encoder")["eval"]
    full, int8 = scores["onnx"], scores["onnx-int8"]
    return (
        f"recall@1 from {full['recall@1']:.3f} to {int8['recall@1']:.3f} and answer support from "
        f"{full['answer_support']:.3f} to {int8['answer_support']:.3f}"
    )


def sentence_split() -> str:
    measured = results("sentences")
    return f"splitting takes {measured['split_sentences_ms']['mean']:.1f} ms per paragraph on average"


def answer_paths() -> str:
    saved = results("answer_paths")["comparisons"]
    return (
        f"in its last run saved {saved['stdlib_short_path_saves_share_of_route_p50']:+.0%} through `http.client` and "
        f"{saved['httpx_short_path_saves_share_of_route_p50']:+.0%} through httpx (`bench/answer_paths.py`), so it "
        "was removed. One thread of the pool the app's lifespan opens and closes, submitted to directly, answers and "
        "writes the JSON while the answer is still in its core's cache. The access line is uvicorn's own: a "
        "middleware that wrote it after the response had gone out instead, a second way to write it, saved less "
        "than the spread between runs and was removed too"
    )


def performance() -> str:
    """The Performance table: each row one benchmark's figures beside the reference it measured in the same run."""
    latency, encoder = results("latency"), results("encoder")
    throughput, indexing, cold = results("throughput"), results("indexing"), results("cold_start")
    floor, http, peer, ratio = (
        latency["floor_ms"],
        latency["http_uncached"],
        latency["peer_retrieval_ms"],
        latency["ratios"],
    )
    embed, over_torch = encoder["encode_query_ms"], encoder["p50_over_torch"]
    int8, full = encoder["eval"]["onnx-int8"], encoder["eval"]["torch"]
    same = "identical to torch" if encoder["eval_equals_torch"]["onnx"] else "differs from torch"
    backend = latency["encoder_backend"]
    c8, cached = http["concurrency_8"], latency["http_cached"]
    one, two = throughput["runs"]["workers_1"], throughput["runs"]["workers_2"]
    reindex = indexing["unchanged_corpus_reindex"]
    rows = [
        (
            "embed a question (`bench.encoder`, p50)",
            f"onnx {ms(embed['onnx']['p50'])}, onnx-int8 {ms(embed['onnx-int8']['p50'])}",
            f"torch {ms(embed['torch']['p50'])}",
            f"{over_torch['onnx']:.2f}×, {over_torch['onnx-int8']:.2f}×",
        ),
        (
            "`qa eval` figures (`bench.encoder`)",
            f"onnx: {same}",
            f"onnx-int8: recall@1 {int8['recall@1']:.3f} vs {full['recall@1']:.3f}",
            "",
        ),
        (
            "answer over HTTP, concurrency 1, p50 (`bench.latency`)",
            f"{ms(http['concurrency_1']['p50'])} (`http.client`: {ms(http['concurrency_1_stdlib_client']['p50'])}; "
            f"httpx: {ms(http['concurrency_1_httpx_client']['p50'])}; the server's own Server-Timing: "
            f"{ms(http['concurrency_1_server_timing']['p50'])})",
            f"floor (embed + search, interleaved) {backend} {ms(floor[backend]['p50'])}; torch floor "
            f"{ms(floor['torch']['p50'])} (own pass); Haystack peer retrieval only: dense {ms(peer['dense']['p50'])}, "
            f"BM25 {ms(peer['bm25']['p50'])}, RRF {ms(peer['hybrid']['p50'])}",
            f"**{ratio['p50_c1_over_floor_same_backend']:.2f}× {backend} floor** (target "
            f"{latency['targets']['p50_c1_over_floor'].lstrip('<= ')}×; `http.client` "
            f"{ratio['p50_c1_stdlib_client_over_floor_same_backend']:.2f}×, httpx "
            f"{ratio['p50_c1_httpx_client_over_floor_same_backend']:.2f}×); {ratio['p50_c1_over_floor_torch']:.2f}× "
            f"torch floor; **{ratio['p50_c1_over_peer_dense_p50']:.2f}× peer dense**",
        ),
        (
            "answer over HTTP, concurrency 8, p50 (`bench.latency`)",
            f"{ms(c8['p50'])} ({c8['per_second']:.1f} answers/s, {c8['errors']} errors)",
            "",
            "",
        ),
        (
            "cached answer over HTTP, p50 (`bench.latency`)",
            f"{ms(cached['p50'])}, {cached['hits']} of {cached['n']} hits",
            "",
            "",
        ),
        (
            f"throughput, concurrency {throughput['concurrency']}, {one['errors'] + two['errors']} errors "
            "(`bench.throughput`)",
            f"1 worker {one['per_second']:.1f}/s, 2 workers {two['per_second']:.1f}/s",
            "",
            f"{two['per_second'] / one['per_second']:.2f}×",
        ),
        (
            "memory per worker (PSS, `bench.throughput`)",
            f"1 worker {one['memory_mb_per_worker'][0]['pss']:.0f} MB; 2 workers "
            + " + ".join(f"{worker['pss']:.0f}" for worker in two["memory_mb_per_worker"])
            + " MB",
            "",
            "",
        ),
        (
            "indexing (`bench.indexing`)",
            f"`build_index` {indexing['build_index_passages_per_s']:.1f} passages/s",
            f"raw `SentenceTransformer.encode` {indexing['raw_encode_passages_per_s']:.1f} passages/s, "
            f"{indexing['passages']} passages",
            f"{indexing['build_over_raw']:.3f}×",
        ),
        (
            "re-index of an unchanged corpus (`bench.indexing`)",
            f"{reindex['seconds']:.2f} s, {reindex['texts_encoded']} texts embedded",
            "",
            "",
        ),
        (
            "cold start to first answer (`bench.cold_start`)",
            f"{cold['serve_median_s']:.2f} s",
            f"import + load model alone {cold['model_alone_median_s']:.2f} s",
            f"{cold['serve_over_model_alone']:.2f}×",
        ),
    ]
    runs = "; ".join(
        f"`bench.{measured['benchmark']}` {when(measured)}, load average {measured['machine']['load_average_1m']:.1f}"
        for measured in (latency, throughput, cold, encoder, indexing)
    )
    return f"\n{table(('benchmark', 'measured', 'reference, same run', 'ratio'), rows)}\n\n(Runs: {runs}.)\n"


def latency_breakdown() -> str:
    """Where the answer's time goes beyond the floor, from the same `bench.latency` run as the table."""
    latency = results("latency")
    backend = latency["encoder_backend"]
    floor = latency["floor_ms"][backend]["p50"]
    http = latency["http_uncached"]
    server, whole = http["concurrency_1_server_timing"]["p50"], http["concurrency_1"]["p50"]
    ratio = latency["ratios"]["p50_c1_over_floor_same_backend"]
    target = float(latency["targets"]["p50_c1_over_floor"].lstrip("<= "))
    kept = "met" if ratio <= target else "not met"
    return (
        f"The {target}× target over the floor is {kept} in this run: {ratio:.2f}×. The server's own time is "
        f"{server / floor:.2f}× the floor ({server:.2f} against {floor:.2f} ms): {server - floor:.1f} ms for ranking, "
        "quoting, writing the JSON and the hand-offs to and from the worker thread, most of it spent refilling the "
        f"CPU caches the model's run has emptied. The other {whole - server:.1f} ms is loopback TCP, uvicorn and the "
        f"client; a cached answer, which skips the model, costs {latency['http_cached']['p50']:.2f} ms whole"
    )


def option_label(index_type: str, options: dict[str, int], defaults: dict[str, int]) -> str:
    """How the scale table names one index type searched with one set of options, the default set in bold."""
    name = {"flat": "flat", "hnsw": "HNSW", "ivf": "IVF-PQ"}[index_type]
    words = {"hnsw_ef_search": "efSearch", "ivf_nprobe": "nprobe", "ivf_rescore": "rescore"}
    label = ", ".join([name] + [f"{words[key]} {value}" for key, value in options.items()])
    default = bool(options) and all(defaults[key] == value for key, value in options.items())
    return f"**{label}** (default)" if default else label


def passages_label(passages: int) -> str:
    return f"{passages // 1_000_000}M" if passages >= 1_000_000 else f"{passages // 1000}k"


def scale() -> str:
    """`bench.scale`'s sweep, one row per index type and search setting, and what the defaults meet at the top."""
    measured = results("scale")
    defaults, targets = measured["defaults"], measured["targets"]
    rows = [
        (
            passages_label(size["passages"]),
            option_label(kind["index_type"], run["options"], defaults),
            f"{kind['build_s']:.2f} s" if kind["build_s"] < 10 else f"{kind['build_s']:.0f} s",
            f"{kind['bytes_per_passage']:,.0f}",
            f"{kind['memory_bytes'] / 1e9:.2f} GB",
            *(
                f"{run[search][stat]:.2f} ms"
                for search in ("search_k10", "search_k120")
                for stat in ("p50_ms", "p99_ms")
            ),
            f"{run['recall_at_10']:.4f}",
        )
        for size in measured["sizes"]
        for kind in size["types"]
        for run in kind["runs"]
    ]
    header = ("passages", "index", "build", "bytes/passage", "memory")
    header += ("k=10 p50", "k=10 p99", f"k={targets['retriever_ask']} p50", f"k={targets['retriever_ask']} p99")
    largest = measured["sizes"][-1]
    met = []
    for kind in largest["types"]:
        run = next(
            run for run in kind["runs"] if run["options"] == {k: v for k, v in defaults.items() if k in run["options"]}
        )
        if kind["index_type"] != "flat":
            failed = [name for name, ok in run["targets_met"].items() if name != "all" and not ok]
            verdict = "meets every target" if not failed else f"misses {', '.join(failed)}"
            met.append(
                f"{option_label(kind['index_type'], {}, defaults)} {verdict} at {kind['memory_bytes'] / 1e9:.2f} GB"
            )
    start, end = measured["machine"]["load_average_at_start"][0], measured["machine"]["load_average_at_end"][0]
    anonymous = max(
        kind["anon_rss_added_by_load_and_search_kb"] for size in measured["sizes"] for kind in size["types"]
    )
    entries = largest["types"][0]["entry_table_bytes"]
    return (
        f"\n{table(header + ('recall@10',), rows)}\n\n"
        f"At {passages_label(largest['passages'])} passages, with their defaults (targets: search p99 <= "
        f"{targets['p99_ms']:g} ms at 10 and at {targets['retriever_ask']} results, recall@10 >= "
        f"{targets['recall_at_10']}, memory <= {targets['memory_bytes'] / 1e9:g} GB): {'; '.join(met)}. The entry "
        f"table is {entries / 1e6:.1f} MB of that ({entries / largest['passages']:.1f} B/passage); loading and "
        f"searching added at most {anonymous / 1000:.1f} MB of anonymous memory. Load average "
        f"{start:.1f} at the start, {end:.1f} at the end.\n"
    )


def scale_bm25() -> str:
    """`bench.scale_bm25`'s table: building BM25 and finding the best 120 at each size, and the full sort beside."""
    measured = results("scale_bm25")
    rows = [
        (
            passages_label(size["passages"]),
            f"{size['vocabulary']:,}",
            f"{size['build_s']:.1f} s" if size["build_s"] < 100 else f"{size['build_s']:.0f} s",
            f"{size['score_matrix_bytes'] / 1e6:.1f} MB ({size['score_matrix_bytes_per_passage']:.1f} B/passage)",
            f"{size['anon_rss_added_by_build_mb']:,.0f} MB",
            f"{size['top120_ms']['p50']:.2f} / {size['top120_ms']['p99']:.2f} ms",
            f"{size['scores_only_ms']['p50']:.2f} ms",
            f"{size['full_stable_sort_then_first120_ms']['p50']:.2f} / "
            f"{size['full_stable_sort_then_first120_ms']['p99']:.2f} ms",
        )
        for size in measured["sizes"]
    ]
    header = (
        "passages",
        "vocabulary",
        "build",
        "score matrix",
        "anonymous memory added by the build",
        "best 120 p50 / p99",
        "scores alone p50",
        "full stable sort instead, p50 / p99",
    )
    words = ", ".join(f"{size['words_per_passage_mean']:.0f}" for size in measured["sizes"])
    data = measured["data"]
    return (
        f"\nMeasured {when(measured)} (load average {measured['machine']['load_average_1m']:.1f}); words per passage "
        f"on average: {words}; {data['topical_share']:.0%} of a passage's words drawn from a real passage; "
        f"{data['queries']} questions timed.\n\n{table(header, rows)}\n"
    )


def mmap_share() -> str:
    measured = results("mmap_share")
    layouts = {
        "mmap": "format 3",
        "format2": "the entry table as Python objects, as format 2 held it",
        "copy": "the index copied as well, as format 1 did",
    }
    each = "; ".join(
        f"{label}: total PSS {measured[key]['total_pss_mb']:,.0f} MB, private memory "
        f"{measured[key]['total_private_anonymous_mb']:,.0f} MB"
        for key, label in layouts.items()
    )
    first = measured["mmap"]["per_process_kb"][0]["entries.npy"]
    return (
        f"{measured['mmap']['processes']} processes, {measured['passages']:,} passages "
        f"({measured['index.faiss_mb']:.0f} MB index, {measured['entries.npy_mb']:.1f} MB entry table): {each}. "
        "With format 3, entries.npy is resident "
        f"{first['Rss'] / 1000:.1f} MB in every process and {first['Pss'] / 1000:.1f} MB PSS each"
    )


def admin_load() -> str:
    """`bench.admin_load` on the code before the change and after, one row each."""
    rows = []
    loads = []
    for label, name in (("before", "admin_load-before"), ("after", "admin_load")):
        measured = results(name)
        load, health = measured["under_load"], measured["healthz_one_worker"]
        seen = round(load["seen_after_bound"] * load["document_requests_after_bound"])
        average = measured["setup"]["load_average_1min"]
        loads.append(
            f"{label} {measured['measured_at']} UTC at load average {average['start']:.1f}-{average['end']:.1f}"
        )
        rows.append(
            (
                label,
                f"{load['document_requests'] + load['answers']:,}",
                f"{load['errors']}",
                f"{seen} of {load['document_requests_after_bound']} ({load['seen_after_bound']:.1%})",
                f"{load['lag_after_add_s']['p50']:.2f} / {load['lag_after_add_s']['max']:.2f} s",
                f"{health['during_adds_ms']['max']:.0f} ms ({health['without_adds_ms']['max']:.0f} ms)",
            )
        )
    header = (
        "",
        "requests",
        "errors",
        "requests after the bound that see the new document",
        "lag of the slower worker (p50 / max)",
        "worst /healthz during adds (without adds)",
    )
    return f"\n{table(header, rows)}\n\n(Measured {'; '.join(loads)}.)\n"


FIGURES: dict[str, Callable[[], str]] = {
    "comparison": comparison,
    "eval": partial(evaluation, "eval"),
    "eval-formats": partial(evaluation, "eval-formats"),
    "eval-real": partial(evaluation, "eval-real"),
    "eval-wild": partial(evaluation, "eval-wild"),
    "gc_pause": gc_pause,
    "healthz": healthz,
    "html_extraction": html_extraction,
    "install": install,
    "admin_load": admin_load,
    "answer_paths": answer_paths,
    "cli_latency": cli_latency,
    "encoder_int8": encoder_int8,
    "latency_breakdown": latency_breakdown,
    "mmap_share": mmap_share,
    "performance": performance,
    "scale": scale,
    "scale_bm25": scale_bm25,
    "sentence_split": sentence_split,
    "suite_time": suite_time,
    "targets": targets,
}
"""Each marked figure's maker, by the name its marker gives."""


def rewritten(readme: str) -> str:
    """`readme` with every marked figure made again from the results; an unknown name is a KeyError."""
    return BLOCK_RE.sub(lambda block: block[1] + FIGURES[block[2]]() + block[4], readme)


def stale(readme: str) -> list[str]:
    """The names of the marked figures that differ from what the results give."""
    return [block[2] for block in BLOCK_RE.finditer(readme) if block[3] != FIGURES[block[2]]()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say which marked figures differ")
    args = parser.parse_args(argv)
    readme = README.read_text(encoding="utf-8")
    if args.check:
        if names := stale(readme):
            print(f"README figures differ from bench/results: {', '.join(names)}", file=sys.stderr)
            return 1
        return 0
    README.write_text(rewritten(readme), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
