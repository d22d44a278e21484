"""The HTML pages: ask, answer, document and library, rendered on the server with autoescaped Jinja2."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import StrictUndefined

from qa.assistant import Assistant
from qa.filters import Filters
from qa.schema import SourceOut, answer_out
from web.citation import NO_NOTE, NOT_CITED, STYLES, citation, citations
from web.markup import answer_marks, first_markers, highlight_param, linkify, parse_highlights, pieces, quoted_runs

HERE = Path(__file__).parent

templates = Jinja2Templates(directory=HERE / "templates")
templates.env.undefined = StrictUndefined
templates.env.globals.update(
    pieces=pieces,
    answer_marks=answer_marks,
    linkify=linkify,
    citation=citation,
    citations=citations,
    CITATION_STYLES=STYLES,
    NO_NOTE=NO_NOTE,
    NOT_CITED=NOT_CITED,
)

router = APIRouter()
READ = ["GET", "HEAD"]
"""HEAD as well as GET, as HTTP asks of every page: link checkers and monitors send it."""


def document_link(source: SourceOut) -> str:
    """The document view at the cited paragraph, with exactly the quoted sentences highlighted."""
    spans = highlight_param(source.paragraph, ((q.start, q.end) for q in source.quotes))
    return f"/documents/{quote(source.document.id, safe='')}?hl={spans}#p{source.paragraph}"


templates.env.globals["document_link"] = document_link


def current(request: Request) -> Assistant:
    return request.app.state.assistant


def page_filters(document: str, date_from: str, date_to: str) -> Filters:
    """The ask form's filters; an empty field is no filter, a malformed date a 422 naming its field."""
    days: dict[str, date | None] = {}
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        try:
            days[name] = date.fromisoformat(value) if value else None
        except ValueError:
            raise HTTPException(422, f"{name}: must be a date written YYYY-MM-DD, got {value[:40]!r}") from None
    return Filters(document=document or None, **days)


def form(request: Request, question: str, filters: Filters) -> dict[str, object]:
    """What the ask form shows: the question, the documents to pick from, and the filters chosen."""
    return {"question": question, "articles": current(request).articles, "filters": filters}


@router.api_route("/", methods=READ, response_class=HTMLResponse, include_in_schema=False)
def home(request: Request) -> HTMLResponse:
    return templates.TemplateResponse(request, "ask.html", {**form(request, "", Filters()), "answer": None})


@router.api_route("/ask", methods=READ, response_class=HTMLResponse, include_in_schema=False)
def ask_page(
    request: Request,
    q: str = Query("", description="The question."),
    document: str = Query("", description="Answer only from this document (its id)."),
    date_from: str = Query("", description="Answer only from documents dated on or after this day, YYYY-MM-DD."),
    date_to: str = Query("", description="Answer only from documents dated on or before this day, YYYY-MM-DD."),
) -> HTMLResponse:
    filters = page_filters(document, date_from, date_to)
    result = answer_out(current(request).ask(q, filters=filters))
    return templates.TemplateResponse(request, "ask.html", {**form(request, q, filters), "answer": result})


@router.api_route("/documents", methods=READ, response_class=HTMLResponse, include_in_schema=False)
def library(request: Request) -> HTMLResponse:
    assistant = current(request)
    return templates.TemplateResponse(
        request, "library.html", {"articles": assistant.articles, "manifest": assistant.index.manifest}
    )


@router.api_route("/documents/{doc_id}", methods=READ, response_class=HTMLResponse, include_in_schema=False)
def document_page(
    request: Request,
    doc_id: str,
    hl: str = Query("", description="Quoted spans to highlight, PARAGRAPH:START-END[,...], as answers link them."),
) -> HTMLResponse:
    # The id is only ever a key into the loaded documents; it never becomes a path.
    article = current(request).document(doc_id)
    try:
        highlights = parse_highlights(hl, {p.index: len(p.text) for p in article.paragraphs})
    except ValueError as error:
        raise HTTPException(422, str(error)) from None
    runs, referenced = first_markers([quoted_runs(p.text, highlights.get(p.index, ())) for p in article.paragraphs])
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
