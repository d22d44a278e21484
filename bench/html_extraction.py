"""HTML main-text extraction on trafilatura's public evaluation suite: our parser vs trafilatura's `extract()`.

    QA_HTML_SUITE=/path/to/trafilatura/tests python -m bench.html_extraction [--suite DIR] [--split dev|test|all]

The suite (about 990 saved real pages, `evaldata.json` beside `cache/` and `eval/`) lists for each page
strings that must appear in the extracted text (`with`) and strings that must not (`without`). The scoring
follows the suite's own `tests/eval_common.py`: white space collapsed on both sides, a `with` string found
is a true positive and one missed a false negative, a `without` string found is a false positive and one
absent a true negative; a page the extractor fails on counts as finding nothing. The suite is data from
another project and is not kept in this repository.

The text scored for our parser is its paragraphs joined by blank lines, the part of `Parsed.text` above
the notes separator: that is what can be quoted. Notes are left out, so a note region mistaken for the
text, or the text mistaken for notes, costs what it would cost a reader. Both extractors run on the same
bytes in the same process, taking turns page by page, so load on the machine touches both alike.

The pages are split once, half and half, into a dev set that rules may be tuned on and a test set that
only measures them (`split_of`: by a hash of the file name, so the split never depends on the suite's
order or on which pages a run scores). Every run reports each split it scored and their union.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench.harness import stats_ms, write_results
from qa.formats.errors import UnreadableDocument
from qa.formats.html import parse

_SPACE_RE = re.compile(r"\s+")

Extractor = Callable[[bytes], str | None]
SPLITS = ("dev", "test")


def split_of(name: str) -> str:
    """The split a page belongs to, fixed by its file name: the low bit of the name's SHA-256 digest."""
    return SPLITS[hashlib.sha256(name.encode("utf-8")).digest()[0] & 1]


def norm(text: str) -> str:
    """White space collapsed, as the suite does, so a line break never costs a match."""
    return _SPACE_RE.sub(" ", text).strip()


def count(page: Mapping[str, list[str]], text: str | None) -> tuple[int, int, int, int]:
    """(tp, fp, fn, tn) of one page by white-space-normalised substring matching; no text finds nothing."""
    found = norm(text) if text is not None else ""
    tp = sum(1 for chunk in page["with"] if text is not None and norm(chunk) in found)
    fp = sum(1 for chunk in page["without"] if text is not None and norm(chunk) in found)
    return tp, fp, len(page["with"]) - tp, len(page["without"]) - fp


@dataclass
class Tally:
    """One extractor's counts over the suite, with its failures and per-page times."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    empty: list[str] = field(default_factory=list)
    undecodable: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)

    def record(self, name: str, counts: tuple[int, int, int, int], seconds: float, failure: str) -> None:
        """One page's counts and time; `failure` names the list it joins ("empty", "undecodable", "errors")."""
        self.tp += counts[0]
        self.fp += counts[1]
        self.fn += counts[2]
        self.tn += counts[3]
        self.seconds.append(seconds)
        if failure:
            getattr(self, failure).append(name)

    def summary(self) -> dict[str, object]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        total = self.tp + self.fp + self.fn + self.tn
        f1 = 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fp + self.fn else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "accuracy": round((self.tp + self.tn) / total if total else 0.0, 4),
            "counts": {"tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn},
            "empty_pages": len(self.empty),
            "undecodable_pages": len(self.undecodable),
            "errors": len(self.errors),
            "parse_ms": {**stats_ms(self.seconds), "max": round(max(self.seconds, default=0.0) * 1000, 2)},
            "empty_files": sorted(self.empty),
            "undecodable_files": sorted(self.undecodable),
            "error_files": sorted(self.errors),
        }


def ours(data: bytes) -> str | None:
    """Our parser's quotable text: the paragraphs, without the notes below the separator."""
    parsed = parse(data, "page.html")
    return "\n\n".join(p.text for article in parsed.articles for p in article.paragraphs)


def trafilatura_defaults(data: bytes) -> str | None:
    """The reference: trafilatura's `extract()` with every option at its default."""
    from trafilatura import extract

    return extract(data)


EXTRACTORS: dict[str, Extractor] = {"ours": ours, "trafilatura": trafilatura_defaults}


def run(suite: Path, limit: int | None, split: str = "all") -> dict[str, dict[str, Tally]]:
    """{split: {extractor: tally}} for every page of `split` (or both splits), with the union under "all"."""
    pages = json.loads((suite / "evaldata.json").read_text(encoding="utf-8"))
    chosen = [page for page in pages.values() if split in ("all", split_of(page["file"]))][:limit]
    splits = SPLITS if split == "all" else (split,)
    tallies = {name: {extractor: Tally() for extractor in EXTRACTORS} for name in (*splits, "all")}
    for extractor in EXTRACTORS.values():
        extractor(b"<html><body><p>warm up</p></body></html>")  # lazy imports are not a page's cost
    for number, page in enumerate(chosen, 1):
        name = page["file"]
        path = next((p for p in (suite / "cache" / name, suite / "eval" / name) if p.is_file()), None)
        if path is None:
            raise FileNotFoundError(f"{name}: listed in evaldata.json but in neither cache/ nor eval/")
        data = path.read_bytes()
        for extractor_name, extractor in EXTRACTORS.items():
            started = time.perf_counter()
            failure = None
            try:
                text = extractor(data)
            except UnreadableDocument:
                text, failure = None, "undecodable"
            except Exception:  # noqa: BLE001 - a crash is scored as a miss and listed, as the suite does
                text, failure = None, "errors"
            elapsed = time.perf_counter() - started
            for tally in (tallies[split_of(name)][extractor_name], tallies["all"][extractor_name]):
                tally.record(name, count(page, text), elapsed, failure or ("" if (text or "").strip() else "empty"))
        if number % 100 == 0:
            print(f"{number} pages", flush=True)
    return tallies


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--suite",
        type=Path,
        default=os.environ.get("QA_HTML_SUITE"),
        help="folder with evaldata.json, cache/ and eval/ (default: $QA_HTML_SUITE)",
    )
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages of the split")
    parser.add_argument(
        "--split", choices=(*SPLITS, "all"), default="all", help="the pages to score (default: all, reported by split)"
    )
    args = parser.parse_args(argv)
    if args.suite is None or not (args.suite / "evaldata.json").is_file():
        parser.error("--suite (or QA_HTML_SUITE) must name a folder holding evaldata.json")
    tallies = run(args.suite, args.limit, args.split)
    results = {split: {name: tally.summary() for name, tally in by_name.items()} for split, by_name in tallies.items()}
    for split, by_name in results.items():
        for name, summary in by_name.items():
            print(
                f"{split:5} {name:12} P {summary['precision']:.4f} R {summary['recall']:.4f} F1 {summary['f1']:.4f} "
                f"empty {summary['empty_pages']} undecodable {summary['undecodable_pages']} errors {summary['errors']} "
                f"parse ms p50 {summary['parse_ms']['p50']} p95 {summary['parse_ms']['p95']}"
            )
    write_results(
        "html_extraction",
        {
            "suite": str(args.suite),
            "split": args.split,
            "split_rule": split_of.__doc__,
            "pages": {split: len(by_name["ours"].seconds) for split, by_name in tallies.items()},
            "scored_text": ours.__doc__,
            **results["all"],
            "by_split": {split: results[split] for split in tallies if split != "all"},
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
