"""The HTML pages through the real app: what a reader sees, checks and cites."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from tests.conftest import G8, G8_CITATION, HOSTILE_FILE, HOSTILE_ID, HRNK

DIALOGUE_ID = "hrnk-articles-by-board-members-fellows-and-staff-1"
LEDGER_QUESTION = "What did the guards keep a ledger of?"
HOW_MANY = "How many people are held in the political prison camps?"


def text_of(fragment: str) -> str:
    """What a reader sees of an HTML fragment: tags dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def first(pattern: str, page: str) -> str:
    match = re.search(pattern, page, re.DOTALL)
    assert match is not None, f"{pattern!r} not on the page"
    return match.group(1)


@pytest.fixture(scope="module")
def g8_page(web_client: TestClient) -> str:
    return web_client.get("/ask", params={"q": G8}).text


@pytest.fixture(scope="module")
def g8_source(web_client: TestClient) -> dict:
    return web_client.post("/api/answer", json={"question": G8}).json()["sources"][0]


def test_the_question_box_stays_filled_with_the_question(g8_page: str) -> None:
    assert f'<input id="q" name="q" type="search" value="{G8}"' in g8_page


def test_quotation_marks_the_answering_sentence_without_changing_the_quoted_text(g8_page: str, g8_source: dict) -> None:
    blockquote = first(r"<blockquote>(.*?)</blockquote>", g8_page)
    assert text_of(blockquote) == g8_source["quotes"][0]["text"]
    marked = "".join(text_of(m) for m in re.findall(r'<mark class="answer">(.*?)</mark>', blockquote))
    assert marked == re.sub(r"\[\d+\]", "", g8_source["quotes"][0]["text"])


def test_a_how_many_question_marks_the_number_not_the_sentence(web_client: TestClient) -> None:
    page = web_client.get("/ask", params={"q": HOW_MANY}).text
    blockquote = first(r"<blockquote>(.*?)</blockquote>", page)
    assert re.findall(r'<mark class="answer">(.*?)</mark>', blockquote) == ["120,000"]


def test_context_sentences_stand_outside_the_quotation_and_their_notes_are_not_cited(
    g8_page: str, g8_source: dict
) -> None:
    source = first(r'<li class="source" id="s1">(.*?)</li>\s*</ol>', g8_page)
    before = first(r'<p class="context context-before">(.*?)</p>', source)
    assert text_of(before).endswith(g8_source["context_before"]["text"])
    assert source.index("context-before") < source.index("<blockquote>")
    assert '<span class="marker" title="a note of the context, not cited: only the quotation&#39;s notes are">[10]' in (
        before
    )
    assert [note["number"] for note in g8_source["footnotes"]] == [11, 12]


def test_every_source_shows_its_score(g8_page: str, g8_source: dict) -> None:
    attribution = first(r'<p class="attribution">(.*?)</p>', g8_page)
    assert f"score {g8_source['score']:.2f}</span>" in attribution


def test_a_source_far_below_the_best_is_listed_as_nearest_not_as_an_answer(web_client: TestClient) -> None:
    answer = web_client.post("/api/answer", json={"question": G8, "k": 3}).json()
    page = web_client.get("/ask", params={"q": G8}).text
    assert [s["rank"] for s in answer["sources"]] == [1]
    assert all(s["score"] < answer["sources"][0]["score"] - 0.05 for s in answer["nearest"])
    assert page.count('<li class="source"') == 1
    weak = first(r'<section class="weak"[^>]*>(.*?)</section>', page)
    assert "<h3>Nearest passages — not an answer</h3>" in weak
    assert weak.count("<li>") == len(answer["nearest"]) == 2


def test_footnote_marker_in_the_quotation_links_to_its_note(g8_page: str) -> None:
    assert '<a class="marker" href="#s1-n11">[11]</a>' in g8_page
    assert '<li value="11" id="s1-n11">G8 Final Communique, Lough Erne, 2013, para. 93.</li>' in g8_page


def test_attribution_names_title_author_date_and_links_the_quoted_paragraph(g8_page: str, g8_source: dict) -> None:
    quote = g8_source["quotes"][0]
    attribution = first(r'<p class="attribution">(.*?)</p>', g8_page)
    assert "<cite>A Human Rights Dialogue with North Korea: Real or Illusory?</cite>" in attribution
    assert "Roberta Cohen, HRNK Co-Chair, 2014-10-16" in attribution
    assert f'<a href="/documents/{DIALOGUE_ID}?hl=6:{quote["start"]}-{quote["end"]}#p6">paragraph 6</a>' in attribution


def test_a_source_without_a_date_says_date_unknown(web_client: TestClient) -> None:
    page = web_client.get("/ask", params={"q": LEDGER_QUESTION}).text
    assert text_of(first(r'<p class="attribution">(.*?)</p>', page)).split(",")[2].strip() == "date unknown"


def test_copy_button_carries_the_formatted_citation(g8_page: str) -> None:
    button = first(r'<button type="button" class="copy" data-citation="([^"]*)" hidden>', g8_page)
    assert html.unescape(button) == G8_CITATION


def test_answer_page_loads_only_the_copy_script_from_a_file(g8_page: str) -> None:
    assert re.findall(r"<script[^>]*>", g8_page) == ['<script src="/static/copy.js" defer>']


def test_abstention_says_so_and_heads_nearest_passages_as_not_an_answer(web_client: TestClient) -> None:
    page = web_client.get("/ask", params={"q": "What is the capital of France?"}).text
    assert '<h2 id="abstained">The documents do not answer this question.</h2>' in page
    assert "<h3>Nearest passages — not an answer</h3>" in page
    assert "<blockquote>" not in page
    assert 'class="copy"' not in page


def test_note_urls_are_links_that_do_not_pass_on_the_page(web_client: TestClient) -> None:
    page = web_client.get("/ask", params={"q": LEDGER_QUESTION}).text
    assert (
        '<a href="https://example.org/ledger?a=1&amp;b=2" rel="noopener noreferrer">'
        "https://example.org/ledger?a=1&amp;b=2</a>"
    ) in page


@pytest.mark.parametrize("path", ["/ask?q=What+did+the+guards+keep+a+ledger+of%3F", f"/documents/{HOSTILE_ID}"])
def test_a_hostile_document_is_shown_as_text_never_as_markup(web_client: TestClient, path: str) -> None:
    page = web_client.get(path).text
    assert "&lt;script&gt;alert(&#34;body&#34;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "<img" not in page
    assert "<script>" not in page


def test_hostile_title_author_and_notes_are_escaped_in_the_document_view(web_client: TestClient) -> None:
    page = web_client.get(f"/documents/{HOSTILE_ID}").text
    assert "<h1>Ledger of &lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; the Camps</h1>" in page
    assert "Mallory &lt;img src=x onerror=alert(1)&gt;, date unknown" in page
    assert "Weather notes, &lt;a href=&#34;javascript:alert(3)&#34;&gt;click&lt;/a&gt;." in page


def test_document_view_numbers_paragraphs_with_anchors(web_client: TestClient) -> None:
    page = web_client.get(f"/documents/{DIALOGUE_ID}").text
    assert re.findall(r'<li id="p(\d+)"', page) == [str(n) for n in range(1, 11)]
    assert '<a class="pilcrow" href="#p6" aria-label="paragraph 6">¶6</a>' in page


def test_document_view_highlights_exactly_the_quoted_sentences(web_client: TestClient, g8_source: dict) -> None:
    quote = g8_source["quotes"][0]
    page = web_client.get(f"/documents/{DIALOGUE_ID}", params={"hl": f"6:{quote['start']}-{quote['end']}"}).text
    assert [text_of(m) for m in re.findall(r'<mark class="quoted">(.*?)</mark>', page, re.DOTALL)] == [quote["text"]]
    assert '<li id="p6" value="6" class="text cited">' in page


def test_document_view_links_markers_and_notes_both_ways(web_client: TestClient) -> None:
    page = web_client.get(f"/documents/{DIALOGUE_ID}").text
    assert '<a class="marker" href="#n11" id="r11">[11]</a>' in page
    note = first(r'(<li value="11" id="n11">.*?</li>)', page)
    assert note.startswith('<li value="11" id="n11">G8 Final Communique, Lough Erne, 2013, para. 93.')
    assert '<a class="backref" href="#r11"' in note


def test_a_bad_highlight_is_a_422_page_naming_it(web_client: TestClient) -> None:
    response = web_client.get(f"/documents/{DIALOGUE_ID}", params={"hl": "6:0-99999"})
    assert response.status_code == 422
    assert "hl span &#39;6:0-99999&#39; is outside paragraph 6, which is" in response.text


@pytest.mark.parametrize("doc_id", [HRNK, HOSTILE_FILE, "..%2F..%2Fpyproject.toml", "%2Fetc%2Fpasswd"])
def test_a_document_id_is_never_a_file_path(web_client: TestClient, doc_id: str) -> None:
    response = web_client.get(f"/documents/{doc_id}")
    assert response.status_code in (404, 422)  # not a document, or not even a well-formed id
    assert "footnote-qa" in response.text
    assert "[project]" not in response.text
    assert "root:" not in response.text


def test_library_lists_every_document_with_its_counts(web_client: TestClient) -> None:
    page = web_client.get("/documents").text
    row = first(rf'(<tr>\s*<td><a href="/documents/{DIALOGUE_ID}">.*?</tr>)', page)
    cells = [text_of(cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)]
    assert cells == [
        "A Human Rights Dialogue with North Korea: Real or Illusory?",
        "Roberta Cohen, HRNK Co-Chair",
        "2014-10-16",
        HRNK,
        "10",
        "17",
    ]
    assert len(re.findall(r'<td><a href="/documents/', page)) == 29


def test_library_shows_when_and_with_which_model_the_index_was_built(web_client: TestClient, web_assistant) -> None:
    manifest = web_assistant.index.manifest
    page = web_client.get("/documents").text
    assert f"indexed {manifest.built_at} with the model\n  <code>{manifest.model}</code>" in page


def test_footer_links_the_json_api_docs(web_client: TestClient) -> None:
    assert '<footer><a href="/docs">JSON API documentation</a></footer>' in web_client.get("/").text
    assert web_client.get("/docs").status_code == 200


@pytest.mark.parametrize("path", ["/", "/documents", f"/documents/{DIALOGUE_ID}", "/ask?q=camps", "/api/documents/x"])
def test_every_response_carries_the_security_headers(web_client: TestClient, path: str) -> None:
    headers = web_client.get(path).headers
    assert headers["content-security-policy"].startswith("default-src 'self'; script-src 'self';")
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_only_the_api_docs_page_may_run_its_inline_start_up_script(web_client: TestClient) -> None:
    assert "script-src 'self' 'unsafe-inline';" in web_client.get("/docs").headers["content-security-policy"]
    assert "unsafe-inline" not in web_client.get("/").headers["content-security-policy"]
