"""The pages as a person uses them, in Debian's chromium (headless) against a real uvicorn server.

`pytest tests/test_browser.py --screenshots docs/screenshots` also saves the README's screenshots.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from embeddings import Encoder
from qa import Assistant, Settings
from tests.conftest import (
    COLD_WAR,
    COLD_WAR_QUOTE,
    G8,
    G8_CITATION,
    HOSTILE_ID,
    REPORTS,
    TRANSCRIPT_LINES,
    Built,
    open_built,
)
from tests.pdf_fixture import LINKED_REPORT_FILE, LINKED_REPORT_URL, linked_report_pdf
from web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def server_url(web_settings: Settings, web_assistant: Assistant) -> Iterator[str]:
    yield from served(create_app(web_settings, web_assistant))


@pytest.fixture(scope="session")
def collections_url(two_collections: FastAPI) -> Iterator[str]:
    yield from served(two_collections)


@pytest.fixture(scope="session")
def report_url(tmp_path_factory: pytest.TempPathFactory, encoder: Encoder) -> Iterator[str]:
    """The app over a collection of one PDF report that links to its own address."""
    folder = tmp_path_factory.mktemp("report-corpus")
    (folder / LINKED_REPORT_FILE).write_bytes(linked_report_pdf())
    settings = Settings(corpus_dir=folder, index_dir=tmp_path_factory.mktemp("report-index"))
    yield from served(create_app(settings, open_built(settings, encoder)))


def served(app: FastAPI) -> Iterator[str]:
    """`app` under uvicorn on a free local port, in a thread so it shares the loaded model."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip(
            f"browser tests need Debian's chromium at {CHROMIUM}, which is not installed; "
            "install it with `apt-get install -y chromium` (.ci/run does)"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser: Browser, server_url: str) -> Iterator[BrowserContext]:
    context = browser.new_context(base_url=server_url, viewport={"width": 1000, "height": 800})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server_url)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture(scope="session")
def screenshots(request: pytest.FixtureRequest) -> Path | None:
    folder = request.config.getoption("--screenshots")
    return Path(folder) if folder else None


def snap(page: Page, folder: Path | None, name: str) -> None:
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=folder / f"{name}.png", full_page=False)


def in_viewport(page: Page, selector: str) -> bool:
    return page.eval_on_selector(
        selector, "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
    )


def ask(page: Page, question: str) -> None:
    page.goto("/")
    page.get_by_label("Your question").fill(question)
    page.get_by_label("Your question").press("Enter")
    page.wait_for_load_state()


def test_asking_shows_the_quote_and_its_marker_leads_to_the_note(page: Page, screenshots: Path | None) -> None:
    page.goto("/")
    page.get_by_label("Your question").fill(G8)
    snap(page, screenshots, "ask")
    page.get_by_role("button", name="Ask").click()
    page.wait_for_load_state()
    assert page.get_by_label("Your question").input_value() == G8
    first = page.locator("li.source").first
    assert (
        "for the first time urged North Korea to address international concerns"
        in first.locator("blockquote").inner_text()
    )
    snap(page, screenshots, "answer")
    first.get_by_role("link", name="[11]").click()
    assert page.url.endswith("#s1-n11")
    assert page.locator("#s1-n11").inner_text() == "G8 Final Communique, Lough Erne, 2013, para. 93."
    assert in_viewport(page, "#s1-n11")


def test_paragraph_link_opens_the_document_scrolled_to_the_highlighted_quote(
    page: Page, screenshots: Path | None
) -> None:
    ask(page, G8)
    quote = page.locator("li.source").first.locator("blockquote").inner_text()
    page.locator("li.source").first.get_by_role("link", name="paragraph 6").click()
    page.wait_for_load_state()
    assert page.url.endswith("#p6")
    assert page.locator("mark.quoted").all_inner_texts() == [quote]
    assert in_viewport(page, "#p6 mark.quoted")
    snap(page, screenshots, "document")
    page.locator("#p6").get_by_role("link", name="[11]").click()
    page.locator("#n11 a.backref").click()
    assert page.url.endswith("#r11")


def test_copy_citation_puts_the_formatted_reference_on_the_clipboard(page: Page) -> None:
    ask(page, G8)
    page.locator("li.source").first.get_by_role("button", name="Copy citation").click()
    page.get_by_text("Citation copied.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == G8_CITATION


def test_a_chicago_citation_carries_the_url_and_the_page(browser: Browser, report_url: str) -> None:
    context = browser.new_context(base_url=report_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=report_url)
    page = context.new_page()
    ask(page, "How far did families walk for water when the wells ran dry?")
    source = page.locator("li.source").first
    source.get_by_label("Citation style").select_option(label="Chicago")
    source.get_by_role("button", name="Copy citation").click()
    page.get_by_text("Citation copied.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == (
        f"Ana Ruiz, “Water in the Eastern District,” May 3, 2021, 2, {LINKED_REPORT_URL}."
    )
    context.close()


def test_the_document_page_links_to_the_documents_own_address(browser: Browser, report_url: str) -> None:
    context = browser.new_context(base_url=report_url)
    page = context.new_page()
    page.goto("/documents/water-report-1")
    assert page.locator("p.attribution a.url").get_attribute("href") == LINKED_REPORT_URL
    context.close()


def test_the_document_picker_answers_from_the_chosen_document_only(page: Page, web_assistant: Assistant) -> None:
    chosen = web_assistant.articles[1]
    page.goto("/")
    page.get_by_label("Your question").fill(G8)
    page.get_by_label("In document").select_option(chosen.id)
    page.get_by_role("button", name="Ask").click()
    page.wait_for_load_state()
    assert page.get_by_label("In document").input_value() == chosen.id
    titles = page.locator("p.attribution cite").all_inner_texts()
    assert titles and set(titles) == {chosen.title}


def test_the_date_range_answers_from_documents_dated_inside_it(page: Page) -> None:
    page.goto("/")
    page.get_by_label("Your question").fill(G8)
    page.get_by_label("Dated from").fill("2013-01-01")
    page.get_by_label("to", exact=True).fill("2013-12-31")
    page.get_by_role("button", name="Ask").click()
    page.wait_for_load_state()
    assert page.get_by_label("Dated from").input_value() == "2013-01-01"
    dates = re.findall(r"\d{4}-\d{2}-\d{2}", " ".join(page.locator("p.attribution").all_inner_texts()))
    assert dates and all(d.startswith("2013-") for d in dates)


def test_an_abstention_says_the_documents_do_not_answer(page: Page, screenshots: Path | None) -> None:
    ask(page, "How much rice does North Korea import each year?")
    assert page.get_by_role("heading", level=2).inner_text() == "The documents do not answer this question."
    assert page.get_by_role("heading", level=3).inner_text() == "Nearest passages — not an answer"
    assert page.locator("blockquote").count() == 0
    snap(page, screenshots, "abstention")


def test_a_hostile_document_shows_its_html_as_text_and_runs_nothing(page: Page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    ask(page, "What did the guards keep a ledger of?")
    assert '<script>alert("body")</script>' in page.locator("blockquote").first.inner_text()
    page.goto(f"/documents/{HOSTILE_ID}")
    assert page.locator("h1").inner_text() == 'Ledger of <script>alert("title")</script> the Camps'
    assert "<img src=x onerror=alert(2)>" in page.locator("#p1").inner_text()
    assert page.locator("main img, main script").count() == 0
    assert dialogs == []


def test_the_answer_page_fits_a_phone_screen(browser: Browser, server_url: str) -> None:
    phone = browser.new_context(base_url=server_url, viewport={"width": 360, "height": 740}, is_mobile=True)
    page = phone.new_page()
    page.goto(f"/ask?q={G8}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    phone.close()


def test_each_source_shows_its_score(page: Page) -> None:
    ask(page, G8)
    sources = page.locator("li.source")
    assert sources.count() >= 1
    for i in range(sources.count()):
        assert re.fullmatch(r"score \d\.\d\d", sources.nth(i).locator(".attribution .score").inner_text())


def test_the_number_a_how_many_question_asks_for_is_marked(page: Page) -> None:
    ask(page, "How many people are held in the political prison camps?")
    assert page.locator("li.source").first.locator("blockquote mark.answer").all_inner_texts() == ["120,000"]


def test_context_is_muted_and_stands_outside_the_quotation_marks(page: Page) -> None:
    ask(page, G8)
    first = page.locator("li.source").first
    context = first.locator("p.context-before")
    assert context.inner_text().endswith("over the COI’s findings.[10]")
    assert context.evaluate("e => e.closest('blockquote, q') === null")
    quotation = first.locator("blockquote q")
    assert quotation.evaluate("e => getComputedStyle(e, '::before').content") == "open-quote"
    assert quotation.evaluate("e => getComputedStyle(e).quotes") == '"“" "”"'
    colour = context.evaluate("e => getComputedStyle(e).color")
    quoted = first.locator("blockquote").evaluate("e => getComputedStyle(e).color")
    assert colour == "rgb(107, 107, 107)" and quoted == "rgb(26, 26, 26)"


LINE_BOXES = """(quote, lines) => lines.map((line) => {
  const walker = document.createTreeWalker(quote, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  while (node && !node.data.includes(line)) node = walker.nextNode();
  const range = document.createRange();
  range.setStart(node, node.data.indexOf(line));
  range.setEnd(node, node.data.indexOf(line) + line.length);
  const box = range.getClientRects()[0];
  return [box.left, box.top];
})"""
"""Where each of the given lines of a quotation starts on the screen: its first box's left and top."""


def test_a_quoted_transcript_shows_its_lines_one_under_another_with_their_indentation(page: Page) -> None:
    ask(page, "sha256sum")
    lines = [*TRANSCRIPT_LINES, "testimony/", "witness-01.txt"]
    boxes = page.locator("li.source").first.locator("blockquote q").evaluate(LINE_BOXES, lines)
    tops = [top for _, top in boxes]
    assert tops == sorted(set(tops))
    (_, (second, _), (unindented, _), (indented, _)) = boxes  # the first line opens after the quotation mark
    assert second == unindented < indented


def test_a_quoted_transcript_selected_on_the_page_is_copied_with_its_lines(page: Page) -> None:
    ask(page, "sha256sum")
    selected = (
        page.locator("li.source")
        .first.locator("blockquote q")
        .evaluate("q => { getSelection().selectAllChildren(q); return getSelection().toString(); }")
    )
    assert "\n".join(TRANSCRIPT_LINES) in selected


def test_a_weak_source_is_shown_only_as_a_nearest_passage(page: Page) -> None:
    ask(page, G8)
    assert page.locator("li.source").count() == 1
    weak = page.locator("section.weak")
    assert weak.get_by_role("heading", level=3).inner_text() == "Nearest passages — not an answer"
    assert weak.locator("li").count() == 2
    assert weak.locator("blockquote").count() == 0


def test_the_collection_picker_chooses_which_collection_answers(browser: Browser, collections_url: str) -> None:
    context = browser.new_context(base_url=collections_url)
    page = context.new_page()
    page.goto("/")
    picker = page.get_by_label("Collection")
    assert picker.locator("option").all_inner_texts()[1] == REPORTS
    assert picker.input_value() != REPORTS  # the first collection is the default
    page.get_by_label("Your question").fill(COLD_WAR)
    picker.select_option(REPORTS)
    page.get_by_role("button", name="Ask").click()
    page.wait_for_load_state()
    assert COLD_WAR_QUOTE in page.locator("li.source").first.locator("blockquote").inner_text()
    assert page.get_by_label("Collection").input_value() == REPORTS
    page.locator("li.source").first.get_by_role("link", name=re.compile(r"^paragraph \d+$")).click()
    page.wait_for_load_state()
    assert COLD_WAR_QUOTE in "".join(page.locator("mark.quoted").all_inner_texts())
    context.close()


# Adding documents from the library page: with and without JavaScript, and no form without a token.

TOKEN = "upload-test-token"
WINTER = {
    "name": "winter-roads.md",
    "mimeType": "text/markdown",
    "buffer": b"# Winter Roads Report\n\nSnow closed the mountain roads near the border for most of the winter.\n",
}
EMPTY = {"name": "empty.txt", "mimeType": "text/plain", "buffer": b""}
INDEXED_WITHIN_MS = 120_000
"""Each file added is indexed before its outcome shows: seconds on a busy 2-core machine."""


@pytest.fixture
def upload_url(north38_copy: Built, encoder: Encoder) -> Iterator[str]:
    """A server with an admin token over a private copy of a built corpus, so what a test adds stays in that test."""
    settings = Settings(corpus_dir=north38_copy.corpus, index_dir=north38_copy.index, admin_token=TOKEN)
    yield from served(create_app(settings, Assistant.open(settings, encoder=encoder)))


def choose_and_send(page: Page, files: list[dict[str, object]]) -> None:
    page.goto("/documents")
    page.get_by_label("Files").set_input_files(files)
    page.get_by_label("Admin token").fill(TOKEN)
    page.get_by_role("button", name="Add and index").click()


def test_uploading_shows_each_files_outcome_and_the_new_document_in_the_library(
    browser: Browser, upload_url: str
) -> None:
    page = browser.new_page(base_url=upload_url)
    choose_and_send(page, [WINTER, EMPTY])
    expect(page.locator(".upload-results li.ok")).to_have_text(
        "winter-roads.md: added winter-roads-1", timeout=INDEXED_WITHIN_MS
    )
    expect(page.locator(".upload-results li.error")).to_contain_text("empty.txt:", timeout=INDEXED_WITHIN_MS)
    expect(page.locator("progress")).to_have_attribute("value", "2")
    expect(page.locator("table.library")).to_contain_text("Winter Roads Report", timeout=INDEXED_WITHIN_MS)
    page.goto("/documents")
    expect(page.locator("table.library")).to_contain_text("Winter Roads Report")


def test_without_javascript_the_form_posts_and_the_page_says_what_was_added(browser: Browser, upload_url: str) -> None:
    context = browser.new_context(base_url=upload_url, java_script_enabled=False)
    page = context.new_page()
    choose_and_send(page, [WINTER])
    expect(page.locator(".upload-results li.ok")).to_have_text(
        "winter-roads.md: added winter-roads-1", timeout=INDEXED_WITHIN_MS
    )
    expect(page.locator("table.library")).to_contain_text("Winter Roads Report")
    context.close()


def test_a_wrong_token_adds_nothing_and_says_so(browser: Browser, upload_url: str) -> None:
    context = browser.new_context(base_url=upload_url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/documents")
    page.get_by_label("Files").set_input_files([WINTER])
    page.get_by_label("Admin token").fill("not-the-token")
    page.get_by_role("button", name="Add and index").click()
    expect(page.locator(".upload-results li.error")).to_have_text("That is not the server's admin token.")
    expect(page.locator("table.library")).not_to_contain_text("Winter Roads Report")
    context.close()


def test_files_dropped_on_the_form_are_the_ones_chosen(browser: Browser, upload_url: str) -> None:
    page = browser.new_page(base_url=upload_url)
    page.goto("/documents")
    page.locator(".drop-zone").evaluate(
        """zone => {
            const files = new DataTransfer();
            files.items.add(new File(["# Dropped\\n\\nText."], "dropped.md"));
            zone.dispatchEvent(new DragEvent("drop", {dataTransfer: files, bubbles: true, cancelable: true}));
        }"""
    )
    assert page.get_by_label("Files").evaluate("input => Array.from(input.files, f => f.name)") == ["dropped.md"]


def test_without_an_admin_token_the_library_has_no_upload_form(browser: Browser, server_url: str) -> None:
    page = browser.new_page(base_url=server_url)
    page.goto("/documents")
    expect(page.locator("table.library")).to_be_visible()
    expect(page.locator("form.upload-form")).to_have_count(0)
