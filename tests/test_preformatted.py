"""Preformatted paragraphs (program code, a transcript): set line by line, and shown and served as written."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient

from qa.formats import parse_bytes
from qa.settings import PROJECT_ROOT
from tests.conftest import G8, TRANSCRIPT, TRANSCRIPT_LINES
from tests.parsed import articles

WILD = PROJECT_ROOT / "tests" / "data" / "wild"
TRANSCRIPT_ID = "transcript-archive-check-1"
TRANSCRIPT_QUESTION = "sha256sum"
"""A look-up of a command the transcript alone holds: answered by quoting it."""


def test_a_pages_transcript_is_a_preformatted_paragraph_between_paragraphs_of_text() -> None:
    (article,) = parse_bytes(TRANSCRIPT.encode(), "transcript.html").articles
    assert [p.kind for p in article.paragraphs] == ["text", "preformatted", "text"]


def test_the_code_of_a_real_blog_is_preformatted_and_its_prose_is_not() -> None:
    (article,) = articles(WILD / "v8-blog-standalone-wasm.html")
    preformatted = [p for p in article.paragraphs if p.kind == "preformatted"]
    assert [p.index for p in preformatted] == [4, 6, 9, 11, 15, 19, 21, 36, 38, 43]
    assert preformatted[0].text.startswith("// add.c\n#include <emscripten.h>\n")
    assert article.paragraphs[2].kind == "text"


def test_the_answer_json_says_a_quoted_transcript_is_preformatted(web_client: TestClient) -> None:
    (source,) = web_client.post("/api/answer", json={"question": TRANSCRIPT_QUESTION}).json()["sources"]
    assert source["kind"] == "preformatted"
    assert source["quotes"][0]["text"].startswith("\n".join(TRANSCRIPT_LINES))


def test_the_answer_json_says_a_quoted_paragraph_of_prose_is_text(web_client: TestClient) -> None:
    assert web_client.post("/api/answer", json={"question": G8}).json()["sources"][0]["kind"] == "text"


def test_the_answer_page_marks_a_quoted_transcript_to_be_shown_as_written(web_client: TestClient) -> None:
    page = web_client.get("/ask", params={"q": TRANSCRIPT_QUESTION}).text
    match = re.search(r'<li class="source preformatted" id="s1">.*?<blockquote>(.*?)</blockquote>', page, re.DOTALL)
    assert match is not None
    assert "\n".join(TRANSCRIPT_LINES) in html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))


def test_the_document_page_marks_the_transcripts_paragraph_to_be_shown_as_written(web_client: TestClient) -> None:
    page = web_client.get(f"/documents/{TRANSCRIPT_ID}").text
    assert '<li id="p2" value="2" class="preformatted">' in page
    assert '<li id="p1" value="1" class="text">' in page
