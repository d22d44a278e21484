"""The HTML pages: ask, answer, document and library, rendered on the server with autoescaped Jinja2."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import StrictUndefined

from qa.assistant import Assistant
from qa.formats import PARSERS
from qa.schema import SourceOut, answer_out
from web.citation import NO_NOTE, NOT_CITED, citation
from web.markup import answer_marks, first_markers, highlight_param, linkify, parse_highlights, pieces, quoted_runs

HERE = Path(__file__).parent

templates = Jinja2Templates(directory=HERE / "templates")
templates.env.undefined = StrictUndefined
templates.env.globals.update(
    pieces=pieces, answer_marks=answer_marks, linkify=linkify, citation=citation, NO_NOTE=NO_NOTE, NOT_CITED=NOT_CITED
)

router = APIRouter()


def document_link(source: SourceOut) -> str:
    """The document view at the cited paragraph, with exactly the quoted sentences highlighted."""
    spans = highlight_param(source.paragraph, ((q.start, q.end) for q in source.quotes))
    return f"/documents/{quote(source.document.id, safe='')}?hl={spans}#p{source.paragraph}"


templates.env.globals["document_link"] = document_link


def current(request: Request) -> Assistant:
    return request.app.state.assistant


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(request: Request) -> HTMLResponse:
    return templates.TemplateResponse(request, "ask.html", {"question": "", "answer": None})


@router.get("/ask", response_class=HTMLResponse, include_in_schema=False)
def ask_page(request: Request, q: str = Query("", description="The question.")) -> HTMLResponse:
    result = answer_out(current(request).ask(q))
    return templates.TemplateResponse(request, "ask.html", {"question": q, "answer": result})


@router.get("/documents", response_class=HTMLResponse, include_in_schema=False)
def library(request: Request) -> HTMLResponse:
    return library_page(request)


def library_page(
    request: Request, outcomes: Sequence[object] = (), upload_error: str | None = None, status_code: int = 200
) -> HTMLResponse:
    """The library; with the upload form where an admin token is configured, and what an upload did."""
    assistant = current(request)
    context = {
        "articles": assistant.articles,
        "manifest": assistant.index.manifest,
        "upload": request.app.state.settings.admin_token is not None,
        "suffixes": ",".join(PARSERS),
        "outcomes": outcomes,
        "upload_error": upload_error,
    }
    return templates.TemplateResponse(request, "library.html", context, status_code=status_code)


@router.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
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
