"""Sentence splitting per paragraph: `qa.sentences.split_sentences` against pysbd alone, on real paragraphs.

The paragraphs are the bundled corpus's and the format samples' (eval/formats). The reference is pysbd
with its own character offsets (`char_span=True`), what the splitter would cost without the project's
rules on top; the ratio is the cost of those rules. Every split is also checked to be exact: spans in
order, each a stripped slice, together covering every non-space character.

    .venv/bin/python -m bench.sentences [--rounds 3]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence

import pysbd

from bench.harness import ROOT, stats_ms, timed, write_results
from qa.formats import parse_file
from qa.indexing import load_corpus, text_versions
from qa.sentences import SEGMENTER_LANGUAGE, Span, split_sentences


def paragraphs() -> list[str]:
    articles, _ = load_corpus(ROOT / "corpus")
    for path in sorted((ROOT / "eval" / "formats").iterdir()):
        articles += parse_file(path, path.name).articles
    return [paragraph.text for article in articles for paragraph in article.paragraphs]


def pysbd_alone(text: str) -> object:
    return pysbd.Segmenter(language=SEGMENTER_LANGUAGE, clean=False, char_span=True).segment(text)


def per_paragraph(split: Callable[[str], object], texts: Sequence[str], rounds: int) -> list[float]:
    """Each paragraph's fastest time over `rounds` passes through all of them, the least disturbed by other
    jobs. Passes, not repeats of one paragraph: pysbd builds more regular expressions than Python's `re`
    cache keeps, so a paragraph split twice in a row would find its patterns compiled, as no answer does."""
    passes = [[timed(lambda text=text: split(text)) for text in texts] for _ in range(rounds)]
    return [min(times) for times in zip(*passes, strict=True)]


def is_exact(text: str, spans: Sequence[Span]) -> bool:
    ordered = all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    stripped = all(text[s.start : s.end] and text[s.start : s.end] == text[s.start : s.end].strip() for s in spans)
    covered = {i for s in spans for i in range(s.start, s.end)}
    return ordered and stripped and all(i in covered for i, c in enumerate(text) if not c.isspace())


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    texts = paragraphs()
    ours = per_paragraph(split_sentences, texts, args.rounds)
    alone = per_paragraph(pysbd_alone, texts, args.rounds)
    splits = [split_sentences(text) for text in texts]
    results = {
        "paragraphs": len(texts),
        "characters": sum(map(len, texts)),
        "sentences": sum(map(len, splits)),
        "exact_splits": sum(is_exact(text, spans) for text, spans in zip(texts, splits, strict=True)),
        "versions": {name: text_versions()[name] for name in ("pysbd", "parser")},
        "split_sentences_ms": stats_ms(ours),
        "pysbd_alone_ms": stats_ms(alone),
        "ratio_mean": round(sum(ours) / sum(alone), 2),
    }
    for key, value in results.items():
        print(f"{key}: {value}")
    write_results("sentences", results)


if __name__ == "__main__":
    main()
