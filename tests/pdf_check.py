"""Quotes checked against an independent extraction: poppler's `pdftotext`.

Every paragraph the PDF parser produces, with its `[n]` markers removed (or read as the digits
pdftotext prints for a superscript) and white space collapsed, must be found in `pdftotext FILE -`
(white space collapsed too). Only where a word was hyphenated at a line end may the two differ,
either way: the parser joins "compre-/hensive" when the document attests "comprehensive", and
keeps "EU-based" otherwise. `python -m tests.pdf_check FILE.pdf ...`
prints, per file, how many paragraphs pass, how many markers resolve, and the metadata found.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

from eval.reference import _citation_list
from qa.formats import parse_bytes
from qa.sentences import MARKER_RE, NOTE_NUMBER
from tests.parsed import articles

LINE_END_HYPHEN = "\x00"
"""Stands for a hyphen that `pdftotext` printed at a line end."""


def reference_text(path: Path) -> str:
    """`pdftotext` output, white space collapsed, with each line-end hyphen marked."""
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    raw = re.sub(r"(?<=\w)-\n\s*", LINE_END_HYPHEN, unicodedata.normalize("NFKC", raw))
    return re.sub(r"\s+", " ", raw)


def _pattern(paragraph: str) -> re.Pattern[str]:
    """The paragraph as a regex: a line-end hyphen may be kept or dropped, a marker printed as its digits, and a run
    of markers (`[3][7][8][9]`) also as the one list or range the page prints for it, as the judge reads it."""
    text = re.sub(r"\s+", " ", paragraph).strip()
    parts: list[str] = []
    for piece in re.split(rf"((?:\[{NOTE_NUMBER}\])+)", text):
        if MARKER_RE.match(piece):
            parts.append(_markers([int(number) for number in MARKER_RE.findall(piece)]))
        else:
            parts += _literal(piece)
    return re.compile("".join(parts))


def _markers(numbers: list[int]) -> str:
    """A run of markers as pdftotext prints it: each marker as its digits (a superscript), bracketed or
    parenthesised, or the run as one list or range citing exactly its numbers ("[3, 7–9]", a raised "1–3"), which
    the parser writes as one marker per number (`qa.formats.pdf._cited_lists`)."""
    each = "".join(rf"(?: ?[\[(]?{number}[\])]?)?" for number in numbers)
    if len(numbers) < 2:
        return each
    return rf"(?:{each}| ?[\[(]?{_citation_list(numbers, str)}[\])]?)"


def _literal(text: str) -> list[str]:
    parts: list[str] = []
    for char in text:
        if char == "-":
            parts.append(f"[-{LINE_END_HYPHEN}]?")  # pdftotext itself joins some words hyphenated at a line end
        elif char.isalpha():
            parts.append(re.escape(char) + f"{LINE_END_HYPHEN}?")
        elif char in "/_?&=#%~":
            parts.append(re.escape(char) + " ?")  # pdftotext breaks a URL at a line end with a space
        else:
            parts.append(re.escape(char))
    return parts


def pieces(paragraph: str, reference: str) -> int | None:
    """In how many stretches, in order, the paragraph is found in the reference; None if some word is not.

    A paragraph that runs across a page or column break is found in two: `pdftotext` prints the
    page's footnotes, running footer and header between its halves.
    """
    words, count, position = paragraph.split(), 0, 0
    while words:
        found, size = None, 0
        low, high = 1, len(words)
        while low <= high:
            middle = (low + high) // 2
            match = _pattern(" ".join(words[:middle])).search(reference, position)
            if match is None:
                high = middle - 1
            else:
                found, size, low = match, middle, middle + 1
        if found is None:
            return None
        words, count, position = words[size:], count + 1, found.end()
    return count


def unmatched(path: Path, breaks: int = 0) -> tuple[int, list[str]]:
    """How many paragraphs the parser made from the file, and those `pdftotext` does not have.

    `breaks` is how many page or column breaks a paragraph may run across.
    """
    reference = reference_text(path)
    paragraphs = [p for article in articles(path) for p in article.paragraphs]
    missing = []
    for paragraph in paragraphs:
        if _pattern(paragraph.text).search(reference):
            continue
        found = pieces(paragraph.text, reference) if breaks else None
        if found is None or found > breaks + 1:
            missing.append(paragraph.text)
    return len(paragraphs), missing


def report(path: Path) -> str:
    started = time.perf_counter()
    parsed = parse_bytes(path.read_bytes(), path.name)
    seconds = time.perf_counter() - started
    article = parsed.articles[0]
    pages = max((p.page or 0) for a in parsed.articles for p in a.paragraphs)
    markers = [(a, m.number) for a in parsed.articles for p in a.paragraphs for m in p.markers]
    resolved = sum(number in a.footnotes for a, number in markers)
    notes = sum(len(a.footnotes) for a in parsed.articles)
    total, missing = unmatched(path)
    _, broken = unmatched(path, breaks=1)
    lines = [
        f"{path.name}: {total - len(missing)}/{total} paragraphs in pdftotext, "
        f"{total - len(broken)} allowing one page or column break; "
        f"markers {resolved}/{len(markers)} resolved; {notes} notes in {len(parsed.articles)} articles; "
        f"{seconds / max(pages, 1):.3f} s/page over {pages} pages",
        f"  title={article.title!r} author={article.author!r} date={article.date!r}",
    ]
    lines += [f"  MISSING: {text[:160]!r}" for text in broken[:8]]
    return "\n".join(lines)


if __name__ == "__main__":
    if shutil.which("pdftotext") is None:
        sys.exit("pdftotext (poppler) is not installed")
    for name in sys.argv[1:]:
        print(report(Path(name)))
