"""Saved web pages -> one article: the main content, its footnote links and the page's own metadata.

selectolax (the Lexbor HTML5 engine) parses the page; the content rules are ours and small. A
general-purpose extractor such as trafilatura rewrites the text it keeps and drops `<sup>`
markers and the endnote list, which are exactly what this project must keep and link.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from qa.corpus import ParagraphKind
from qa.formats.document import Block, Extracted, Parsed, assemble, iso_date, squash
from qa.formats.errors import decode_utf8
from qa.sentences import NOTE_NUMBER

_MARKER_TEXT_RE = re.compile(rf"\[?({NOTE_NUMBER})\]?")
_NOTE_NUMBER_RE = re.compile(rf"\[?{NOTE_NUMBER}\]?[.)]?\s+")
_CHROME_TAGS = (
    "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, select, "
    "input, textarea, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [hidden]"
)
_CHROME_NAME_RE = re.compile(
    r"sidebar|newsletter|sign-?up|subscri|share|social|related|comment|cookie|breadcrumb|menu|advert|promo|popup|modal",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    "p div section article main li ul ol dl dd dt h1 h2 h3 h4 h5 h6 blockquote pre figure figcaption "
    "table tr td th address hr".split()
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_BACK_LINK_MAX = 4
"""An in-page link this short inside a note (`↩`, `^`, `3.`) leads back to the text; it is not the note."""


def _json_ld(tree: LexborHTMLParser) -> dict[str, object]:
    """The first JSON-LD object that describes an article (headline, author or date)."""
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text() or "null")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if any(key in item for key in ("headline", "datePublished", "author")):
                    return item
                stack.extend(v for k, v in item.items() if k == "@graph")
    return {}


def _person(value: object) -> str | None:
    """An author named by JSON-LD: a string, a Person object, or a list of them."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return _person(value.get("name"))
    if isinstance(value, list):
        names = [name for name in (_person(v) for v in value) if name]
        return ", ".join(names) or None
    return None


def _meta(tree: LexborHTMLParser, selector: str) -> str | None:
    node = tree.css_first(selector)
    content = node.attributes.get("content") if node else None
    return squash(content) or None if content else None


def _metadata(tree: LexborHTMLParser) -> tuple[str | None, str | None, str | None]:
    """Title, author and date from the page's own metadata, best source first."""
    ld = _json_ld(tree)
    headline = ld.get("headline")
    title_node = tree.css_first("title")
    title = (
        (headline if isinstance(headline, str) else None)
        or _meta(tree, 'meta[property="og:title"]')
        or (squash(title_node.text()) if title_node else None)
    )
    author = _meta(tree, 'meta[name="author"]') or _person(ld.get("author"))
    article_author = _meta(tree, 'meta[property="article:author"]')
    if author is None and article_author and not article_author.startswith("http"):
        author = article_author
    published = ld.get("datePublished")
    time_node = tree.css_first("time[datetime]")
    date = (
        _meta(tree, 'meta[property="article:published_time"]')
        or (published if isinstance(published, str) else None)
        or _meta(tree, 'meta[name="date"]')
        or (time_node.attributes.get("datetime") if time_node else None)
    )
    return title or None, author, iso_date(date)


def _children(node: LexborNode) -> Iterator[LexborNode]:
    yield from node.iter(include_text=True)


def _number(node: LexborNode) -> int | None:
    match = _MARKER_TEXT_RE.fullmatch(squash(node.text()))
    return int(match.group(1)) if match else None


def _in_page_target(anchor: LexborNode) -> str | None:
    href = anchor.attributes.get("href") or ""
    return href[1:] if href.startswith("#") and len(href) > 1 else None


def _note_text(node: LexborNode) -> str:
    return _NOTE_NUMBER_RE.sub("", squash(_inline_text(node, {})), count=1)


def _find_notes(body: LexborNode) -> tuple[dict[int, str], list[LexborNode]]:
    """Notes reached by numbered in-page links, {number: text}, and the regions that hold them.

    A list item of an endnote list that no link reaches still counts, by its place in the list,
    so a bare `<sup>3</sup>` finds the third note.
    """
    ids = {node.attributes.get("id"): node for node in body.css("[id]")}
    notes: dict[int, str] = {}
    containers: list[LexborNode] = []
    for anchor in body.css("a[href]"):
        target = _in_page_target(anchor)
        number = _number(anchor)
        if target is None or number is None or target not in ids or number in notes:
            continue
        node = ids[target]
        while node.tag not in _BLOCK_TAGS and node.parent is not None:
            node = node.parent  # an empty <a id="fn3"> names the note that holds it
        if text := _note_text(node):
            notes[number] = text
            containers.append(node)
    regions = list({r.mem_id: r for r in (_note_region(c) for c in containers)}.values())
    for region in regions:
        for ordered in [region] if region.tag == "ol" else region.css("ol"):
            start = (
                int(ordered.attributes.get("start") or "1") if (ordered.attributes.get("start") or "1").isdigit() else 1
            )
            items = [child for child in ordered.iter() if child.tag == "li"]
            for number, item in enumerate(items, start=start):
                if number not in notes and (text := _note_text(item)):
                    notes[number] = text
    return notes, regions


def _note_region(node: LexborNode) -> LexborNode:
    """The whole notes section around one note: its list, and a wrapper that names itself notes."""
    region = node
    current = node
    while current.parent is not None and current.parent.tag not in ("body", "html"):
        current = current.parent
        if current.tag in ("ol", "ul", "dl") and region is node:
            region = current
        if re.search(r"foot ?notes?|end ?notes?|\bnotes\b", _names(current), re.IGNORECASE):
            region = current
    return region


def _inline_text(node: LexborNode, notes: dict[int, str]) -> str:
    """A node's visible words in order, markers written `[n]`, short back links left out."""
    parts: list[str] = []
    for child in _children(node):
        if child.tag == "-text":
            parts.append(child.text(deep=False) or "")
        elif (number := _marker(child, notes)) is not None:
            parts.append(f"[{number}]")
        elif child.tag == "a" and _in_page_target(child) and len(squash(child.text())) <= _BACK_LINK_MAX:
            continue
        elif child.tag in _BLOCK_TAGS or child.tag == "br":
            parts.append(" " + _inline_text(child, notes) + " ")
        else:
            parts.append(_inline_text(child, notes))
    return "".join(parts)


def _marker(node: LexborNode, notes: dict[int, str]) -> int | None:
    """A note marker: a numbered `<sup>` or in-page link whose note exists."""
    if node.tag not in ("sup", "a") or not notes:
        return None
    number = _number(node)
    return number if number in notes else None


def _blocks(root: LexborNode, notes: dict[int, str]) -> list[Block]:
    blocks: list[Block] = []
    buffer: list[str] = []
    kinds: list[ParagraphKind] = ["text"]

    def flush() -> None:
        text = "".join(buffer)
        buffer.clear()
        if text.strip():
            blocks.append(Block(text, kinds[-1]))

    def visit(node: LexborNode) -> None:
        for child in _children(node):
            tag = child.tag
            if tag == "-text":
                buffer.append(child.text(deep=False) or "")
            elif (number := _marker(child, notes)) is not None:
                buffer.append(f"[{number}]")
            elif tag == "br":
                buffer.append(" ")
            elif tag in _BLOCK_TAGS:
                flush()
                parent = kinds[-1]
                kinds.append(
                    "heading" if tag in _HEADINGS else "bullet" if tag == "li" or parent == "bullet" else "text"
                )
                visit(child)
                flush()
                kinds.pop()
            else:
                visit(child)

    visit(root)
    flush()
    return blocks


def _names(node: LexborNode) -> str:
    return f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"


def _remove(nodes: Iterable[LexborNode]) -> None:
    """Take nodes out of the tree, outermost first; a node inside a removed one goes with it."""
    chosen = {node.mem_id: node for node in nodes}
    for node in chosen.values():
        ancestor = node.parent
        while ancestor is not None and ancestor.mem_id not in chosen:
            ancestor = ancestor.parent
        if ancestor is None:
            node.decompose()


def _main(body: LexborNode) -> LexborNode:
    """The page's main content: its longest `<article>`, else `<main>`, else the body."""
    articles = body.css("article")
    if articles:
        return max(articles, key=lambda node: len(node.text()))
    return body.css_first("main") or body.css_first("[role=main]") or body


def parse(data: bytes, source: str) -> Parsed:
    tree = LexborHTMLParser(decode_utf8(data))
    title, author, date = _metadata(tree)
    body = tree.body
    if body is None:
        return assemble(Extracted((), {}, title, author, date), source)
    first_h1 = body.css_first("h1")
    heading = squash(first_h1.text()) if first_h1 else None
    notes, regions = _find_notes(body)
    _remove(regions)
    main = _main(body)
    _remove(main.css(_CHROME_TAGS))
    _remove(node for node in main.css("[class], [id]") if _CHROME_NAME_RE.search(_names(node)))
    blocks = _blocks(main, notes)
    title = title or heading
    if blocks and blocks[0].kind == "heading" and squash(blocks[0].text) in (title, heading):
        blocks = blocks[1:]
    return assemble(Extracted(blocks, notes, title, author, date), source)
