"""Which passages of each paragraph get a vector: the paragraph whole, each sentence, each pair of sentences.

all-MiniLM-L6-v2 reads only the first 256 word pieces of a text, so a long paragraph embedded
whole would hide its later sentences. Each paragraph is therefore embedded whole, sentence by
sentence, and as pairs of adjacent sentences; every vector points back to its paragraph, which
stays the unit that is quoted and cited. Headings are not embedded: a heading alone is no answer. A heading
that reads as a statement is the exception (`is_statement`): briefing slides and executive summaries set their
findings as headings ("64 percent of infants were ..."), and such a heading is the only place the finding is said.

A note says things its paragraph does not: a source, a date, an aside ("Counterpoint is first mentioned by Muris
(1300)."). So each note of at least `NOTE_WORDS` words gets a vector of its own text, pointing at the sentence that
cites it (`note_entries`): a question the note answers finds that paragraph, the citing sentence is quoted, and the
note is cited beneath it, as every quote cites the notes its markers name. The note's words are that entry's words
for BM25 and the rare-term bonus too, since the index's word statistics are read from the same texts.

A note no paragraph cites has no sentence to find it through: a declaration's "*" note whose marker the page sets
where the text layer carries none ("While Quebec did not endorse the Declaration, ..."), a reference the text never
cites, an endnote whose marker the parse missed. So each such note of at least `NOTE_WORDS` words becomes a paragraph
of its own, of kind "note", after the article's paragraphs (`with_uncited_notes`): embedded, read by BM25 and quoted
as any paragraph is, attributed to its document, and shown as the note it is, by its label. A cited note gets no such
paragraph: its words find the sentence citing it already, and an answer from that sentence shows the note beneath
the words it annotates, as the document does; quoted alone, the same note loses them, and a question's gold note
(the `footnotes` of an eval row) counts only cited beneath a quote holding its marker. Measured with every note of
at least `NOTE_WORDS` words a paragraph, cited or not, on the real dev split: recall@1 0.833 -> 0.792, recall@3
0.938 -> 0.917, answer support 0.792 -> 0.750, footnote recall 0.774 -> 0.710, weak sources 0.188 -> 0.229: notes'
paragraphs took the places of the paragraphs citing them (docs/past-measurements.md, round 31). The uncited notes
alone moved no real or bundled dev figure.

A paragraph leaves unsaid what its title and heading already say: under "Minor releases" in a post on Julia's
releases, "Minor releases are branched every four months" never names Julia. So each paragraph also gets one entry
more, the whole paragraph read where it stands (`context_entry`): its text after its document's title and its section
heading, "Title. Heading. Paragraph". Its own entries keep their plain texts: with the title before every entry, all
of a short essay's sentences scored alike and the one that answers no longer stood out (bundled dev recall@1 0.871 ->
0.742), and with the context in place of the whole paragraph's plain entry a one-sentence paragraph lost its only
plain vector (real dev support 0.792 -> 0.750). Added beside them, it moved no dev figure of the bundled, formats
and real collections, and on the wild dev split, where a question often names a subject only its heading or title
gives, it raised recall@1 0.708 -> 0.729 and support 0.654 -> 0.671 (docs/past-measurements.md, round 28). Only
the embedding reads its context: BM25 and the rare-term bonus read the paragraph's own words of it (`lexical_texts`).

Splitting into sentences is the costly part of a build that is not the model's (pysbd is pure Python:
about a second for the bundled corpus), and a paragraph's spans depend on its text alone. So a build
takes the spans of every paragraph the previous build already split from that build's entries, and
splits only new text: an added document costs its own sentences, not the corpus's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from embeddings import Entry
from qa.corpus import Article, Paragraph
from qa.formats.document import note_offsets
from qa.sentences import NOTE_MARKER_RE, Span, split_sentences

PASSAGES_VERSION = "9"
"""Raised whenever the passages cut from the same paragraphs change (2: statement headings are embedded; 3: no
sentence ends at an abbreviation the words after it continue, `qa.sentences`; 4: nor at a one-letter abbreviation
before a number, and a short sentence of plain words after a company's legal form is its own; 5: one ends after a
capital letter between a word in lower case and a sentence's opening word, `vitamin D. Then`; 6: each cited
note's text is a passage of the sentence citing it, `note_entries`; 7: each paragraph read after its title and
heading is a passage of the whole paragraph, `context_entry`; 8: BM25 and the rare-term bonus read only the
paragraph's words of that passage, `lexical_texts`; 9: each note no paragraph cites of at least `NOTE_WORDS` words
is a paragraph of its own, `with_uncited_notes`), so
that a build made before is rebuilt (`qa.indexing.text_versions`)."""
STATEMENT_WORDS = 6
"""A sentence of at least this many words that ends with a full stop is a statement, not a label."""
NOTE_WORDS = STATEMENT_WORDS
"""A note of fewer words ("Ibid.", "See p. 12.", a bare page number) says nothing a question could ask about: it gets
no passage of its own."""
_STATEMENT_END_RE = re.compile(r"[.!…][\"'”’)\]]*$")
_CONTEXT_END_RE = re.compile(r"[.!?:…][\"'”’)\]]*$")
"""A title or heading that already ends as a sentence or a label does, which gets no full stop of its own."""
"""A statement's end: a question mark is left out, since a heading that asks ("What is X?") answers nothing."""


def is_statement(text: str) -> bool:
    """Whether a heading holds a sentence that says something, footnote markers aside.

    Any of its sentences will do: a slide's title and the label of the list under it can come out of a
    layout as one heading ("Two of the 11 studies found lower rates.[17] Mothers receiving packs:").
    """
    return any(_says_something(text[span.start : span.end]) for span in split_sentences(text))


def _says_something(sentence: str) -> bool:
    plain = NOTE_MARKER_RE.sub("", sentence).rstrip()
    return len(plain.split()) >= STATEMENT_WORDS and _STATEMENT_END_RE.search(plain) is not None


def is_embedded(paragraph: Paragraph) -> bool:
    """Whether a paragraph gets passages: every one but a heading that is only a label."""
    return paragraph.kind != "heading" or is_statement(paragraph.text)


def with_uncited_notes(article: Article) -> Article:
    """The article with a paragraph of kind "note" after its own for each note of at least `NOTE_WORDS` words that no
    marker of its paragraphs cites, in the order of its notes: the note's text verbatim at its place in the notes
    block of the parse's text (`qa.formats.document.note_offsets`), the note's key, and the page whose notes hold it
    where each page numbers its own (else none: a note numbered through the text is not kept by page).

    An article that has them already (a build's stored article, which the next build reuses as the file's parse:
    `qa.indexing.parsed_files`) is given no second one."""
    listed = article.footnote_list()
    if not listed or not article.paragraphs:  # a document with no text has nothing its notes could be laid out after
        return article
    paged = bool(article.page_footnotes)
    cited = {
        (paragraph.page if paged else None, marker.number)
        for paragraph in article.paragraphs
        for marker in paragraph.markers
        if paragraph.cites(marker)
    } | {(paragraph.page, paragraph.note) for paragraph in article.paragraphs if paragraph.note is not None}
    pages = [page for page in sorted(article.page_footnotes) for _ in article.page_footnotes[page]] if paged else None
    notes = [
        (page, key, text, offset)
        for page, (key, text), offset in zip(pages or [None] * len(listed), listed, note_offsets(article), strict=True)
        if (page, key) not in cited and len(text.split()) >= NOTE_WORDS
    ]
    if not notes:
        return article
    first = len(article.paragraphs) + 1
    added = tuple(
        Paragraph(first + i, text, offset, "note", page=page, note=key)
        for i, (page, key, text, offset) in enumerate(notes)
    )
    return replace(article, paragraphs=article.paragraphs + added)


def passage_spans(paragraph: Paragraph) -> list[Span]:
    """The whole paragraph, each sentence, and each pair of neighbouring sentences, deduplicated."""
    sentences = split_sentences(paragraph.text)
    if not sentences:
        return []
    spans = [Span(sentences[0].start, sentences[-1].end)]
    spans += sentences
    spans += [Span(a.start, b.end) for a, b in zip(sentences, sentences[1:], strict=False)]
    return list(dict.fromkeys(spans))


def index_entries(
    articles: Iterable[Article], known: Mapping[str, Sequence[Span]] | None = None
) -> list[tuple[Entry, str]]:
    """Every entry to embed with the text it stands for, in corpus order; `known` gives the spans of paragraph
    texts split before (`known_spans`), which are not split again."""
    known = known or {}
    entries: list[tuple[Entry, str]] = []
    for article in articles:
        for paragraph in article.paragraphs:
            if not is_embedded(paragraph):
                continue
            spans = known.get(paragraph.text)
            if spans is None:
                spans = passage_spans(paragraph)
            for span in spans:
                entry = Entry(article.id, paragraph.index, span.start, span.end)
                entries.append((entry, paragraph.text[span.start : span.end]))
            if spans and (context := context_of(article, paragraph)):
                entries.append(context_entry(article, paragraph, spans[0], context))
            entries += note_entries(article, paragraph, spans)
    return entries


def context_of(article: Article, paragraph: Paragraph) -> str:
    """What the document says around a paragraph: its title and its section heading (once, where the two are the
    same), each ended as a sentence; empty for a paragraph under neither. The retriever asks the same of a paragraph
    to tell its entries apart (`qa.retrieve.note_offsets`), so this reads nothing but the parse."""
    parts = [article.title, paragraph.section if paragraph.section != article.title else None]
    named = [part.strip() for part in parts if part and part.strip()]
    return " ".join(part if _CONTEXT_END_RE.search(part) else f"{part}." for part in named)


def context_entry(article: Article, paragraph: Paragraph, whole: Span, context: str) -> tuple[Entry, str]:
    """The paragraph's entry read in `context` (`context_of`): its `whole` span, the first of its spans, after the
    context. It comes after the paragraph's own entries and before its notes', and a hit on it quotes as a hit on the
    paragraph's own whole entry does; BM25 and the rare-term bonus read only the paragraph's words of it
    (`lexical_texts`)."""
    entry = Entry(article.id, paragraph.index, whole.start, whole.end)
    return entry, in_context(context, paragraph.text[whole.start : whole.end])


def in_context(context: str, text: str) -> str:
    """A paragraph's `text` read after its `context` (`context_of`), as its entry in context embeds it."""
    return f"{context} {text}"


def lexical_texts(articles: Iterable[Article], entries: Iterable[tuple[Entry, str]]) -> list[str]:
    """What BM25 and the rare-term bonus read of each of `entries` (`index_entries`, in its order): the text embedded,
    but the paragraph's own words for its entry read in context (`context_entry`), whose context only the embedding
    reads. The ranking's bonus reads the title and heading once already, for the paragraph (`qa.retrieve.
    Retriever.context_terms`); BM25 reading them in the entry's words too ranked two real dev questions' evidence
    below third (docs/past-measurements.md, round 30)."""
    paragraphs = {
        (article.id, paragraph.index): (article, paragraph) for article in articles for paragraph in article.paragraphs
    }
    texts = []
    for entry, text in entries:
        article, paragraph = paragraphs[(entry.doc_id, entry.paragraph)]
        own = paragraph.text[entry.start : entry.end]
        texts.append(own if text == in_context(context_of(article, paragraph), own) else text)
    return texts


def note_entries(article: Article, paragraph: Paragraph, spans: Sequence[Span]) -> list[tuple[Entry, str]]:
    """An entry for each note of at least `NOTE_WORDS` words the paragraph cites, with the note's text: its span is
    the sentence holding the marker, among the paragraph's `spans`, so a hit on the note quotes that sentence and
    cites the note (`qa.compose.cite`). A note cited twice in one sentence is embedded once there.

    The entry's span is one the paragraph's own sentence already has, and comes after the paragraph's own entries:
    two vectors then score that sentence, the sentence's words and the note's (less `qa.retrieve.NOTE_PENALTY`), and
    ranking and quoting take the better (`qa.retrieve.note_offsets` tells the note's apart)."""
    sentences = sentence_spans(spans)
    entries: dict[tuple[Span, int], tuple[Entry, str]] = {}
    for marker in paragraph.markers:
        note = article.footnote(marker.number, paragraph.page) if paragraph.cites(marker) else None
        holding = next((s for s in sentences if s.start <= marker.start and marker.end <= s.end), None)
        if note is None or holding is None or len(note.split()) < NOTE_WORDS:
            continue
        entry = Entry(article.id, paragraph.index, holding.start, holding.end)
        entries.setdefault((holding, marker.number), (entry, note.strip()))
    return list(entries.values())


def sentence_spans(spans: Iterable[Span]) -> list[Span]:
    """A paragraph's sentences, in order, from its passage spans: the shortest span starting at each position
    (`passage_spans` gives each sentence alone, and every longer span starts where a sentence does)."""
    shortest: dict[int, Span] = {}
    for span in spans:
        known = shortest.get(span.start)
        if known is None or span.end < known.end:
            shortest[span.start] = span
    return sorted(shortest.values(), key=lambda span: span.start)


def known_spans(articles: Iterable[Article], entries: Iterable[Entry]) -> dict[str, tuple[Span, ...]]:
    """The spans a build gave each paragraph text it embedded, from its `entries` (in build order) and the
    `articles` they point into; entries of other articles are passed over.

    Only for a build made with this installation's sentence splitter (the caller checks the versions).
    """
    texts = {(article.id, paragraph.index): paragraph.text for article in articles for paragraph in article.paragraphs}
    by_paragraph: dict[tuple[str, int], list[Span]] = {}
    for entry in entries:
        by_paragraph.setdefault((entry.doc_id, entry.paragraph), []).append(Span(entry.start, entry.end))
    known: dict[str, tuple[Span, ...]] = {}
    for paragraph, spans in by_paragraph.items():
        if (text := texts.get(paragraph)) is not None:  # a text repeated in another paragraph has the same spans
            known.setdefault(text, tuple(dict.fromkeys(spans)))  # a note's entry repeats its sentence's span
    return known
