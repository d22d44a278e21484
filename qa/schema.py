"""The JSON shape of answers and documents, shared by the HTTP API and `qa ask --json`."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, Field

from qa.compose import Answer, Quote, Source
from qa.corpus import Article
from qa.sentences import note_label

PAGE_DESCRIPTION = "PDF page the paragraph starts on; null for formats without pages."
KIND_DESCRIPTION = (
    "What the paragraph is: text, heading, bullet, preformatted (program code, a transcript), whose line "
    "breaks and indentation are part of its words, to be shown as written, or note: one of the document's notes "
    "that no paragraph cites, set after its paragraphs so that its words can be found and quoted."
)
NOTE_DESCRIPTION = "The note's label as printed (a number, or symbols such as *), when the passage is a note."

LITERAL_DESCRIPTION = (
    "Where (offsets in the paragraph's text) a bracketed number starts that the source prints as words, such as a "
    "web page's own “[6]”: no note marker."
)
NOTELESS_DESCRIPTION = (
    "Where (offsets in the paragraph's text) a note marker starts that cites no note: its note is null, as for a "
    "number the document defines no note for, because its number's note is out of its reach."
)
KEYS_DESCRIPTION = (
    "[offset, number] pairs: a note marker starting at that offset in the paragraph's text cites the note keyed "
    "`number`, not its label's first note. A source that marks notes with symbols starts them again on each page, "
    "so a later page's “*” is a note of its own."
)


class DocumentRef(BaseModel):
    id: str
    title: str | None
    author: str | None
    date: str | None = Field(description="ISO YYYY-MM-DD, or null where the source gives no date.")
    source: str
    url: str | None = Field(None, description="The address the document gives for itself; null if it gives none.")


class QuoteOut(BaseModel):
    text: str
    start: int = Field(description="passage[start:end] == text")
    end: int


class FootnoteOut(BaseModel):
    number: int = Field(
        description="The note's key: its number, or for a note the source marks with a symbol a negative key "
        "that no numbered note has (see `label`)."
    )
    label: str = Field(description="The note's mark as the source prints it, and as its marker is quoted: “12”, “*”.")
    text: str | None = Field(
        description="The note as the source defines it; null if it defines none, or if the marker cites none "
        "(`noteless`)."
    )


SCORE_DESCRIPTION = (
    "How closely the passage matches the question: the cosine similarity of their embeddings plus a small "
    "bonus for shared rare words. Comparable between sources of one answer and against the settings' "
    "thresholds, not a probability; see README, 'Scores and weak sources'."
)


class SourceOut(BaseModel):
    rank: int
    score: float = Field(description=SCORE_DESCRIPTION)
    document: DocumentRef
    paragraph: int
    page: int | None = Field(None, description=PAGE_DESCRIPTION)
    kind: str = Field("text", description=KIND_DESCRIPTION)
    note: str | None = Field(None, description=NOTE_DESCRIPTION)
    passage: str = Field(description="The whole paragraph, verbatim.")
    literal: list[int] = Field(default_factory=list, description=LITERAL_DESCRIPTION)
    noteless: list[int] = Field(default_factory=list, description=NOTELESS_DESCRIPTION)
    keys: list[tuple[int, int]] = Field(default_factory=list, description=KEYS_DESCRIPTION)
    quotes: list[QuoteOut]
    footnotes: list[FootnoteOut] = Field(description="Notes whose markers stand inside the quotes.")
    context_before: QuoteOut | None = Field(
        None, description="The passage's sentence just before the quotes: context, not quoted, its notes not cited."
    )
    context_after: QuoteOut | None = Field(None, description="The passage's sentence just after the quotes.")


class AnswerOut(BaseModel):
    question: str
    abstained: bool
    answer: str = Field(description="The answer as rendered text.")
    sources: list[SourceOut] = Field(description="Empty when the assistant abstains.")
    nearest: list[SourceOut] = Field(
        default_factory=list,
        description="Passages that are not an answer: on abstention the closest ones; otherwise those retrieved "
        "but scoring more than QA_SOURCE_MARGIN under the best source.",
    )


class ParagraphOut(BaseModel):
    index: int
    text: str
    kind: str = Field(description=KIND_DESCRIPTION)
    note: str | None = Field(None, description=NOTE_DESCRIPTION)
    section: str | None
    page: int | None = Field(None, description=PAGE_DESCRIPTION)
    literal: list[int] = Field(default_factory=list, description=LITERAL_DESCRIPTION)
    noteless: list[int] = Field(default_factory=list, description=NOTELESS_DESCRIPTION)
    keys: list[tuple[int, int]] = Field(default_factory=list, description=KEYS_DESCRIPTION)


MAX_PAGE = 200
"""The most documents one GET /api/documents lists."""


class DocumentList(BaseModel):
    total: int = Field(description="Documents in the collection.")
    offset: int
    limit: int
    documents: list[DocumentRef] = Field(description="The documents from `offset` on, at most `limit`, in index order.")


class DocumentOut(DocumentRef):
    paragraphs: list[ParagraphOut]
    footnotes: list[FootnoteOut]


def document_ref(article: Article) -> DocumentRef:
    return DocumentRef(
        id=article.id,
        title=article.title,
        author=article.author,
        date=article.date,
        source=article.source,
        url=article.url,
    )


def document_list(articles: Sequence[Article], offset: int, limit: int) -> DocumentList:
    page = articles[offset : offset + limit]
    return DocumentList(total=len(articles), offset=offset, limit=limit, documents=[document_ref(a) for a in page])


def source_out(source: Source) -> SourceOut:
    return SourceOut(
        rank=source.rank,
        score=round(source.score, 4),
        document=document_ref(source.article),
        paragraph=source.paragraph.index,
        page=source.paragraph.page,
        kind=source.paragraph.kind,
        note=source.paragraph.note_label,
        passage=source.paragraph.text,
        literal=list(source.paragraph.literal),
        noteless=list(source.paragraph.noteless),
        keys=list(source.paragraph.keys),
        quotes=[quote_out(q) for q in source.quotes],
        footnotes=[FootnoteOut(number=c.number, label=c.label, text=c.text) for c in source.footnotes],
        context_before=quote_out(source.context_before) if source.context_before else None,
        context_after=quote_out(source.context_after) if source.context_after else None,
    )


def quote_out(quote: Quote) -> QuoteOut:
    return QuoteOut(text=quote.text, start=quote.start, end=quote.end)


def answer_out(answer: Answer) -> AnswerOut:
    return AnswerOut(
        question=answer.question,
        abstained=answer.abstained,
        answer=answer.text,
        sources=[source_out(s) for s in answer.sources],
        nearest=[source_out(s) for s in answer.nearest],
    )


def document_out(article: Article) -> DocumentOut:
    return DocumentOut(
        **document_ref(article).model_dump(),
        paragraphs=[
            ParagraphOut(
                index=p.index,
                text=p.text,
                kind=p.kind,
                note=p.note_label,
                section=p.section,
                page=p.page,
                literal=list(p.literal),
                noteless=list(p.noteless),
                keys=list(p.keys),
            )
            for p in article.paragraphs
        ],
        footnotes=[FootnoteOut(number=n, label=note_label(n), text=t) for n, t in article.footnote_list()],
    )
