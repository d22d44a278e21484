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
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from bench.install_size import readme_table
from eval.runner import format_documents, format_table

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
HEALTHZ_TARGET_MS = 100
"""The worst /healthz latency the reliability issue allows while a bomb upload and an admin add run."""
HTML_F1_TARGET = 0.93
"""The F1 on trafilatura's suite that the real-documents issue asks of the HTML parser."""
RESULTS = ROOT / "bench" / "results"
BLOCK_RE = re.compile(r"(<!-- figures: ([\w-]+) -->)(.*?)(<!-- /figures -->)", re.DOTALL)


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


FIGURES: dict[str, Callable[[], str]] = {
    "comparison": comparison,
    "eval": partial(evaluation, "eval"),
    "eval-formats": partial(evaluation, "eval-formats"),
    "eval-real": partial(evaluation, "eval-real"),
    "gc_pause": gc_pause,
    "healthz": healthz,
    "html_extraction": html_extraction,
    "install": install,
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
