"""The HTML pages: ask, answer, document and library, rendered on the server with autoescaped Jinja2."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import StrictUndefined

from qa.corpus import Article
from qa.filters import Filters
from qa.formats import PARSERS
from qa.schema import AnswerOut, SourceOut, answer_out
from qa.sentences import note_label
from web.citation import NO_NOTE, NOT_CITED, STYLES, citation, citations
from web.collections import assistant_for, is_created, names
from web.markup import (
    answer_marks,
    first_markers,
    highlight_param,
    linkify,
    parse_highlights,
    quote_pieces,
    quoted_runs,
)

HERE = Path(__file__).parent

templates = Jinja2Templates(directory=HERE / "templates")
templates.env.undefined = StrictUndefined
templates.env.globals.update(
    quote_pieces=quote_pieces,
    answer_marks=answer_marks,
    linkify=linkify,
    citation=citation,
    citations=citations,
    CITATION_STYLES=STYLES,
    NO_NOTE=NO_NOTE,
    NOT_CITED=NOT_CITED,
    note_label=note_label,
)

router = APIRouter()
READ = ["GET", "HEAD"]
"""HEAD as well as GET, as HTTP asks of every page: link checkers and monitors send it."""


def document_link(source: SourceOut, collection: str = "") -> str:
    """The document view at the cited paragraph, with exactly the quoted sentences highlighted; in
    `collection` when it is not the main one (ids are only unique within a collection)."""
    spans = highlight_param(source.paragraph, ((q.start, q.end) for q in source.quotes))
    within = f"&collection={quote(collection, safe='')}" if collection else ""
    return f"/documents/{quote(source.document.id, safe='')}?hl={spans}{within}#p{source.paragraph}"


templates.env.globals["document_link"] = document_link


def ask_form(
    request: Request, question: str, collection: str | None, filters: Filters, answer: AnswerOut | None
) -> HTMLResponse:
    """The question form: a collection picker when the server serves more than one, the documents of the
    chosen collection to filter by, and the filters chosen."""
    served = names(request.app.state)
    context = {
        "question": question,
        "answer": answer,
        "collections": served,
        "collection": collection or served[0],
        "link_collection": picked(request, collection or ""),
        "articles": assistant_for(request.app.state, collection or "").articles,
        "filters": filters,
    }
    return templates.TemplateResponse(request, "ask.html", context)


def page_filters(document: str, date_from: str, date_to: str) -> Filters:
    """The ask form's filters; an empty field is no filter, a malformed date a 422 naming its field."""
    days: dict[str, date | None] = {}
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        try:
            days[name] = date.fromisoformat(value) if value else None
        except ValueError:
            raise HTTPException(422, f"{name}: must be a date written YYYY-MM-DD, got {value[:40]!r}") from None
    return Filters(document=document or None, **days)


@router.api_route("/", methods=READ, response_class=HTMLResponse, include_in_schema=False)
def home(request: Request) -> HTMLResponse:
    return ask_form(request, "", None, Filters(), None)


@router.api_route("/ask", methods=READ, response_class=HTMLResponse, include_in_schema=False)
def ask_page(
    request: Request,
    q: str = Query("", description="The question."),
    collection: str = Query("", description="Which collection answers (default: the first)."),
    document: str = Query("", description="Answer only from this document (its id)."),
    date_from: str = Query("", description="Answer only from documents dated on or after this day, YYYY-MM-DD."),
    date_to: str = Query("", description="Answer only from documents dated on or before this day, YYYY-MM-DD."),
) -> HTMLResponse:
    assistant = assistant_for(request.app.state, collection)
    filters = page_filters(document, date_from, date_to)
    if not q.strip():  # the form sent empty, or /ask typed by hand: the form again, not an error
        return ask_form(request, q, collection, filters, None)
    return ask_form(request, q, collection, filters, answer_out(assistant.ask(q, filters=filters)))


def picked(request: Request, collection: str) -> str:
    """The collection to name in links: empty for the main one, so its links stay as they always were."""
    return "" if collection in ("", names(request.app.state)[0]) else collection


@router.api_route("/documents", methods=READ, response_class=HTMLResponse, include_in_schema=False)
def library(
    request: Request, collection: str = Query("", description="Which collection to list (default: the first).")
) -> HTMLResponse:
    return library_page(request, collection)


@dataclass(frozen=True)
class LibraryRow:
    """One document as the library lists it: a file's run of articles that share its title, author and date.

    A report whose note numbers start again (a chapter's or an appendix's own notes) is parsed into one article a
    part, so that each part's markers cite its own notes; to a reader it is still one document, listed once, with a
    link to each part.
    """

    parts: tuple[Article, ...]

    @property
    def first(self) -> Article:
        return self.parts[0]

    @property
    def paragraphs(self) -> int:
        return sum(len(part.paragraphs) for part in self.parts)

    @property
    def footnotes(self) -> int:
        return sum(len(part.footnotes) for part in self.parts)


def part_label(article: Article, number: int) -> str:
    """A part named by the pages it covers, where the source has pages, else by its place."""
    pages = [p.page for p in article.paragraphs if p.page is not None]
    if not pages:
        return f"part {number}"
    low, high = min(pages), max(pages)
    return f"page {low}" if low == high else f"pages {low}–{high}"


templates.env.globals["part_label"] = part_label


def library_rows(articles: Sequence[Article]) -> list[LibraryRow]:
    """The articles in their order, each run of one file's parts with the same title, author and date as one row.

    Untitled entries stay rows of their own: a listing's entries that print no title are not known to be one work.
    """
    rows: list[list[Article]] = []
    for article in articles:
        key = (article.source, article.title, article.author, article.date)
        if (
            rows
            and article.title
            and (rows[-1][0].source, rows[-1][0].title, rows[-1][0].author, rows[-1][0].date) == key
        ):
            rows[-1].append(article)
        else:
            rows.append([article])
    return [LibraryRow(tuple(parts)) for parts in rows]


def library_page(
    request: Request,
    collection: str = "",
    outcomes: Sequence[object] = (),
    upload_error: str | None = None,
    status_code: int = 200,
    collection_error: str | None = None,
) -> HTMLResponse:
    """The library of a collection, with the upload form into it where an admin token is configured, and what an
    upload did."""
    assistant = assistant_for(request.app.state, collection)
    link_collection = picked(request, collection)
    context = {
        "rows": library_rows(assistant.articles),
        "manifest": assistant.index.manifest,
        "link_collection": link_collection,
        "upload": request.app.state.settings.admin_token is not None,
        "suffixes": ",".join(PARSERS),
        "outcomes": outcomes,
        "upload_error": upload_error,
        "collection_error": collection_error,
        "deletable": is_created(request.app.state, link_collection),
    }
    return templates.TemplateResponse(request, "library.html", context, status_code=status_code)


@router.api_route("/documents/{doc_id}", methods=READ, response_class=HTMLResponse, include_in_schema=False)
def document_page(
    request: Request,
    doc_id: str,
    hl: str = Query("", description="Quoted spans to highlight, PARAGRAPH:START-END[,...], as answers link them."),
    collection: str = Query("", description="The collection the document is in (default: the first)."),
) -> HTMLResponse:
    # The id is only ever a key into the loaded documents; it never becomes a path.
    article = assistant_for(request.app.state, collection).document(doc_id)
    try:
        highlights = parse_highlights(hl, {p.index: len(p.text) for p in article.paragraphs})
    except ValueError as error:
        raise HTTPException(422, str(error)) from None
    runs, referenced = first_markers(
        [quoted_runs(p.text, highlights.get(p.index, ()), p.literal, p.noteless, p.keys) for p in article.paragraphs]
    )
    return templates.TemplateResponse(
        request,
        "document.html",
        {
            "article": article,
            "paragraphs": list(zip(article.paragraphs, runs, strict=True)),
            "referenced": referenced,
            "highlighted": sorted(highlights),
        },
    )
