"""Saved web pages -> one article: the main content, its footnote links and the page's own metadata.

The main text is chosen by trafilatura, a maintained extractor measured on a public suite of ~990 real
pages (`bench/html_extraction.py`). It knows nothing of footnotes, so before it sees the page the notes
region is taken out of the tree (its notes kept) and every note marker is rewritten into the literal text
`[n]`, which then travels through the extraction as ordinary words. Blocks are made from the structure
trafilatura keeps (paragraphs, headings, list items, table rows), so headings and bullets keep their kind.
A lead paragraph it dropped comes back when the page's own summary (its `description` meta) names it. A page
that holds nothing but its text, whose headings the extraction lost, is read whole from its own markup instead.
Title, author and date come from the tags sites publish for them, in an order of trust, and are None when
the page does not say.
"""

from __future__ import annotations

import calendar
import codecs
import json
import re
import resource
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from copy import deepcopy
from dataclasses import replace
from urllib.parse import parse_qsl, urlsplit

import lxml.html
from charset_normalizer import from_bytes
from lxml import etree
from trafilatura import bare_extraction

from qa.corpus import ParagraphKind
from qa.formats import microdata
from qa.formats.document import (
    LINE_BREAK,
    Block,
    Extracted,
    Parsed,
    assemble,
    cited_numbers,
    iso_date,
    lines_apart,
    literal_brackets,
    squash,
    symbol_marker_re,
)
from qa.formats.errors import OverLimit, UnreadableDocument
from qa.formats.metadata import file_name, personal_names, styled_name, web_address, without_contact
from qa.formats.text import TEXT_FENCE_RE, parse_text
from qa.sentences import NOTE_NUMBER, NOTE_SYMBOLS, note_key

# --- decoding --------------------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED_RE = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HEAD_BYTES = 16384
_WINDOWS_1252_LABELS = frozenset({"ascii", "us-ascii", "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1"})
"""Labels a browser reads as windows-1252 (WHATWG Encoding), whose extra characters Latin-1 lacks."""
_CONTROLS = frozenset(chr(c) for c in (*range(0, 9), 11, *range(14, 32), 127))
"""C0 controls a page cannot show (tab, line feed, form feed and carriage return are white space)."""
_DROP_CONTROLS: dict[int, str | None] = {**dict.fromkeys(map(ord, _CONTROLS)), ord("\f"): "\n"}
"""Controls dropped; a form feed is white space to a browser but a character lxml cannot hold (it raised a
ValueError), so it becomes a line break: a page break in a `<pre>` still ends a line for the text reader."""
_DROP_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))
"""Soft hyphen, zero-width space, word joiner, zero-width no-break space: break hints a reader never sees."""
_BINARY_SHARE = 0.1
_XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*>")


def _declared(data: bytes) -> str | None:
    """The charset the page names in a `<meta charset>` or HTTP-equiv tag, as a Python codec, if it is one."""
    match = _DECLARED_RE.search(data[:_HEAD_BYTES])
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    label = "cp1252" if label in _WINDOWS_1252_LABELS else label
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    return None if codec.startswith(("utf-16", "utf-32")) else codec  # bytes without a BOM are not UTF-16


def decode(data: bytes) -> str:
    """The page's text: by its byte-order mark, else as UTF-8, else by its declared charset, else as detected.

    UTF-8 is tried before the declaration because a saved page has lost the HTTP header that a browser
    trusts over the `<meta>` tag, and non-ASCII text in another charset is almost never valid UTF-8,
    while a page that declares Latin-1 and is served as UTF-8 is common. A page is never refused for its
    encoding; only bytes that decode to no text at all (binary data) are unreadable.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    declared = _declared(data)
    for codec in dict.fromkeys(c for c in ("utf-8", declared) if c):
        try:
            return _text_only(data.decode(codec))
        except (UnicodeDecodeError, UnreadableDocument):
            continue
    return _text_only(_detected(data) or data.decode(declared or "utf-8", errors="replace"))


def _detected(data: bytes) -> str | None:
    """The text in the charset charset-normalizer finds likeliest; on a tie, windows-1252, a browser's default."""
    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    choice = next((m for m in tied if "cp1252" in m.could_be_from_charset), best)
    return str(choice)


def _text_only(text: str) -> str:
    """The text without the control characters a browser does not show; binary data is no page."""
    head = text[:_HEAD_BYTES]
    if sum(1 for c in head if c in _CONTROLS) > len(head) * _BINARY_SHARE:
        raise UnreadableDocument("not an HTML page (binary data)")
    return text.translate(_DROP_CONTROLS)


def _as_seen(text: str) -> str:
    """Words as a reader sees them: invisible break hints gone, characters composed (NFC).

    Composing changes no glyph, but it makes `ü` one character whether the page wrote it as one or as
    `u` and a combining mark, so a quote typed or searched for matches either way.
    """
    return unicodedata.normalize("NFC", text.translate(_DROP_INVISIBLE))


def _normalise_text(tree: etree._Element) -> None:
    """Every text node as seen (entities such as `&shy;` are only decoded by the parser, so this is on the tree)."""
    for node in tree.iter():
        if node.text:
            node.text = _as_seen(node.text)
        if node.tail:
            node.tail = _as_seen(node.tail)


def _drop_comments(tree: etree._Element) -> None:
    """Every comment out of the tree, the words after it kept. trafilatura removes a comment with the words that
    follow it up to the next tag, so a comment inside a paragraph cut the paragraph there: a Project Gutenberg
    e-book marks each scanned page inside the sentence it breaks (`<!--png 334-->`), and the rest of each such
    paragraph was lost. A comment is never shown, so nothing a reader sees goes with it."""
    etree.strip_elements(tree, etree.Comment, with_tail=False)


def _unnest_tables(tree: etree._Element) -> None:
    """A table inside a table's cell set out as lines where it stands: each row a paragraph, its cells' words
    side by side. trafilatura writes a nested table's rows after the row holding it, so the words on either side
    of it ran together ("(As sung.)[The singer ...") and its own (a song's line-by-line translation) stood
    elsewhere. Only the table's own tags change: links and note markers in its cells are kept."""
    nested = [table for table in tree.iter("table") if any(up.tag in ("td", "th") for up in table.iterancestors())]
    for table in nested:
        for node in table.iter():
            if node.tag in ("td", "th"):
                node.tag = "span"
                node.tail = " " + (node.tail or "")
            elif node.tag == "tr":
                node.tag = "p"
            elif node.tag in ("thead", "tbody", "tfoot", "caption"):
                node.tag = "div"
        table.tag = "div"
        table.attrib.clear()


_LABELLED_WORDS = 8
"""The cell beside the label holds at least a sentence: a label beside a short value ("Born | 1900") is a fact."""


def _is_labelled_box(table: etree._Element) -> bool:
    """Whether a table is a box of text under a label: one row of two cells, the first one capitalised word of
    letters and nothing else (no link, no list), the second at least a sentence. Asciidoctor sets each admonition
    so (`<td class="icon"><div class="title">Note</div></td><td class="content">...`). A list's label ("(a)",
    "1.") beside its entry, as EUR-Lex sets its points, or a phrase the sentence goes on from ("songs of"), is
    no such label."""
    rows = list(table.iter("tr"))
    if len(rows) != 1:
        return False
    cells = [cell for cell in rows[0] if cell.tag in ("td", "th")]
    if len(cells) != 2 or next(cells[0].iter("a", "ul", "ol", "table", "pre"), None) is not None:
        return False
    label = _text(cells[0])
    return label.isalpha() and label[0].isupper() and len(_text(cells[1]).split()) >= _LABELLED_WORDS


def _set_labels_apart(tree: etree._Element) -> None:
    """A box of text under a label (`_is_labelled_box`) set out as two rows, the label's over the box's.
    trafilatura reads a table row as one line, so the label ran into the box's first sentence ("Note Clojure's
    developers also maintain ...", "Important tools such as cljdoc support Markdown ..."). The table stays a
    table, so the box keeps its place among the blocks around it (inside a list entry, after its listing)."""
    for table in [table for table in tree.iter("table") if _is_labelled_box(table)]:
        row = next(table.iter("tr"))
        box = [cell for cell in row if cell.tag in ("td", "th")][1]
        own_row = etree.Element("tr")
        own_row.append(box)
        row.addnext(own_row)


_SCREEN_READER_ONLY_RE = re.compile(
    r"(?:^|[-_])(?:sr-only|visually-?hidden|screen-?reader-(?:text|only)|element-invisible)$", re.IGNORECASE
)
"""The class names the common frameworks give text set off-screen for screen readers only (Bootstrap `sr-only`
and `visually-hidden`, WordPress `screen-reader-text`, USWDS `usa-sr-only`, GOV.UK `govuk-visually-hidden`,
Drupal `element-invisible`): the page's own stylesheet hides it, so no reader sees it on the page."""
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_LAYOUT_ROLES = frozenset({"presentation", "none"})


def _is_self_link(anchor: etree._Element) -> bool:
    """Whether a link in a heading is the heading's permalink: a symbol ("¶", "#", an icon) linking to the
    heading itself or to the section it opens, as Sphinx, MkDocs and Hugo add to every heading."""
    target = (anchor.get("href") or "").removeprefix("#")
    own_ids = {node.get("id") for node in anchor.iterancestors()}
    return (
        (anchor.get("href") or "").startswith("#")
        and target in own_ids
        and not any(char.isalnum() for char in anchor.text_content())
    )


def _is_edit_link(anchor: etree._Element) -> bool:
    """Whether a link asks the site to edit the page (`?action=edit`, a wiki's "[edit]" beside every heading): a
    control for the site's editors, not words of the heading."""
    query = urlsplit(anchor.get("href") or "").query
    return any(value == "edit" for key, value in parse_qsl(query) if key.endswith("action"))


def _edit_control(anchor: etree._Element) -> etree._Element:
    """The edit link with what wraps it and holds no word of its own (the brackets around "edit")."""
    control = anchor
    while (parent := control.getparent()) is not None and parent.tag not in _HEADINGS:
        if any(char.isalnum() for char in _text(parent).replace(_text(anchor), "", 1)):
            break
        control = parent
    return control


def _is_layout_table(table: etree._Element) -> bool:
    """Whether a table only lays the page out: marked so (`role="presentation"`), or with header cells that name
    no column. A caption such a table carries ("Layout table for study information") is for screen readers."""
    headers = [_text(cell) for cell in table.iter("th")]
    return (table.get("role") or "").lower() in _LAYOUT_ROLES or (bool(headers) and not any(headers))


def _unlink_listing_lines(tree: etree._Element) -> None:
    """Empty links inside a `<pre>` go, their text kept: a code listing's line anchors (Pygments' `anchor_linenos`,
    as Material for MkDocs writes every listing's lines `<a id="__codelineno-9-1" href="#__codelineno-9-1"></a>`)
    show no word. trafilatura drops a short listing that holds one, so a one-line configuration value or regular
    expression the text announces ("changed its own separator configuration to the following value:") was lost."""
    for anchor in [a for pre in tree.iter("pre") for a in pre.iter("a") if not len(a) and not _text(a)]:
        anchor.drop_tree()


def _remove_unseen(tree: etree._Element) -> None:
    """Words the page prints for screen readers or as link symbols, never for a reader of the text: a heading's
    permalink symbol ("Setting up¶"), text its stylesheet sets off-screen by the frameworks' class names, and
    the caption of a table used for layout. Left in, they ran into headings and stood as headings of their own.
    """
    unseen = [a for heading in tree.iter(*_HEADINGS) for a in heading.iter("a") if _is_self_link(a)]
    unseen += [_edit_control(a) for heading in tree.iter(*_HEADINGS) for a in heading.iter("a") if _is_edit_link(a)]
    unseen += [node for node in tree.iter() if any(map(_SCREEN_READER_ONLY_RE.search, _classes(node)))]
    unseen += [caption for table in tree.iter("table") if _is_layout_table(table) for caption in table.iter("caption")]
    for node in unseen:
        if node.getparent() is not None:
            node.drop_tree()


_CSS_COMMENT_RE = re.compile(r"/\*.*?\*/", re.DOTALL)
_CSS_AT_BLOCK_RE = re.compile(r"@[^{};]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}")
_CSS_RULE_RE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CLASS_SELECTOR_RE = re.compile(r"(?:[a-z][\w-]*)?\.([\w-]+)", re.IGNORECASE)
_FLOW_RE = re.compile(r"\b(position|display)\s*:\s*([\w-]+)", re.IGNORECASE)
_OUT_OF_FLOW = frozenset({("position", "absolute"), ("position", "fixed"), ("display", "none")})


def out_of_flow_classes(css: str) -> set[str]:
    """The classes a page's stylesheet (`css`, the text of its `<style>` elements) takes out of the line of text:
    placed where it says (`position: absolute` or `fixed`) or not shown (`display: none`), by the last plain class
    rule (`.name` or `tag.name`) that sets the property. Rules inside `@media` and other at-blocks are left out:
    they hold for one medium (print, a handheld) or one width, not for the page as read."""
    flow: dict[tuple[str, str], str] = {}
    for selectors, declarations in _CSS_RULE_RE.findall(_CSS_AT_BLOCK_RE.sub("", _CSS_COMMENT_RE.sub("", css))):
        names = [m.group(1) for s in selectors.split(",") if (m := _CLASS_SELECTOR_RE.fullmatch(s.strip()))]
        for prop, value in _FLOW_RE.findall(declarations):
            flow |= {(name, prop.lower()): value.lower() for name in names}
    return {name for (name, prop), value in flow.items() if (prop, value) in _OUT_OF_FLOW}


_PLACED = frozenset({("position", "absolute"), ("position", "fixed")})


def is_out_of_flow(style: str, classes: Iterable[str], out_of_flow: set[str]) -> bool:
    """Whether one of an element's classes (`out_of_flow`: `out_of_flow_classes`) or its own `style` takes it out of
    the line of text. An inline `display: none` is not counted here: MediaWiki hides its inline formulas' MathML so,
    where `_show_inline_formulas` decides whether a reader sees them."""
    inline = {(prop.lower(), value.lower()) for prop, value in _FLOW_RE.findall(style)}
    return not out_of_flow.isdisjoint(classes) or not inline.isdisjoint(_PLACED)


def _remove_out_of_flow(tree: etree._Element) -> None:
    """Words the page's stylesheet sets outside the line they stand in, where a reader does not read them as part
    of it: a printed page number a book's page places in the margin (`position: absolute`) stood in the middle of
    the sentence the page broke ("the 45 society"). Decided by the page's CSS (its class rules and an inline
    `style`), only for an element holding no block of its own: a positioned box of paragraphs is still text.
    """
    classes = out_of_flow_classes("\n".join(style.text or "" for style in tree.iter("style")))
    blocks = _NOTE_HOLDERS | set(_HEADINGS) | {"ul", "ol", "pre"}
    out = [
        node
        for node in tree.iter(etree.Element)
        if node.tag not in blocks
        and is_out_of_flow(node.get("style") or "", _classes(node), classes)
        and not any(inner.tag in blocks for inner in node.iterdescendants())
    ]
    for node in out:
        if node.getparent() is not None:
            node.drop_tree()


_HIDING_STYLE_RE = re.compile(r"display\s*:\s*none", re.IGNORECASE)


def _show_inline_formulas(tree: etree._Element) -> None:
    """Each formula set inside a sentence as the words the page's text holds for it, where the page hides its
    MathML behind an image of it (MediaWiki shows the rendered formula as an `<img>` and keeps the MathML, with
    its TeX annotation, in a `display: none` span for screen readers).

    The extractor drops what an inline style hides, and with it every variable of a sentence: "the probabilities
    with are set to zero" for "with i = j". Unhidden, it would rewrite the MathML as `\\(TeX\\)`, which the page
    does not hold. So the hidden wrapper becomes a plain span of the formula's text (its tokens, then its TeX), as
    a text-only reading of the page has it. A displayed formula (`display="block"`) stands apart from the
    sentences, leaves no gap in one, and stays as the page hides it.
    """
    for formula in list(tree.iter("math")):
        hiding = next((a for a in formula.iterancestors() if _HIDING_STYLE_RE.search(a.get("style") or "")), None)
        if hiding is None or formula.get("display") == "block" or hiding.getparent() is None:
            continue
        if not any(image.tag == "img" for image in hiding.itersiblings()):
            continue
        shown = etree.Element("span")
        shown.text = squash(formula.text_content())
        shown.tail = hiding.tail
        hiding.getparent().replace(hiding, shown)


_SENTENCE_BLOCKS = frozenset({"p", "li", "td", "blockquote", "figcaption"})
"""The blocks that hold running text, where a `<time>` may be a word of a sentence."""


def _in_sentence_or_definition(node: etree._Element) -> bool:
    """Whether an element's words belong to a sentence or a definition: the block that holds it is a paragraph (a
    list item, a cell, a caption) with more words besides than a dateline or a byline takes (`_DATELINE_WORDS`),
    or a definition's value, read with its term as one line (`_stated_line`)."""
    block = next((a for a in node.iterancestors() if a.tag not in _INLINE_HTML), None)
    if block is None:
        return False
    if block.tag == "dd":
        return True
    besides = len(_text(block).split()) - len(_text(node).split())
    return block.tag in _SENTENCE_BLOCKS and besides > _DATELINE_WORDS


_LOOSE_TEXT_HOLDERS = ("section",)
"""The elements, besides <body>, whose text typed between their blocks is read as paragraphs of its own."""
_BLANK_LINE_RE = re.compile(r"\n[^\S\n]*\n\s*")


def _paragraph_loose_text(body: etree._Element) -> None:
    """Text typed straight into <body> or a <section>, between its blocks, as paragraphs parted at blank lines.

    A browser shows such text as it shows a paragraph's, but trafilatura keeps only text inside blocks, so a page
    written partly as bare text lost it: ReSpec's source, whose Markdown the script turns into HTML in the reader's
    browser, holds an introduction of five paragraphs between two sections with no element around them. Inline
    elements (a link) stay in the paragraph they stand in; a holder with no loose text is left as it is."""
    for holder in [body, *body.iter(*_LOOSE_TEXT_HOLDERS)]:
        children = list(holder)
        if not any(text and text.strip() for text in [holder.text, *(child.tail for child in children)]):
            continue
        items: list[str | etree._Element] = [holder.text or ""]
        for child in children:
            items += [child, child.tail or ""]
            child.tail = None
            holder.remove(child)
        holder.text = None
        paragraph: etree._Element | None = None
        for item in items:
            if isinstance(item, str):
                for index, part in enumerate(_BLANK_LINE_RE.split(item)):
                    paragraph = None if index else paragraph
                    if paragraph is None and part.strip():
                        paragraph = etree.SubElement(holder, "p")
                    if paragraph is not None:
                        _append_text(paragraph, part)
            elif item.tag in _INLINE_HTML and paragraph is not None:
                paragraph.append(item)
            elif item.tag in _INLINE_HTML and (item.text_content() or "").strip():
                paragraph = etree.SubElement(holder, "p")
                paragraph.append(item)
            else:
                paragraph = None
                holder.append(item)


def _append_text(node: etree._Element, text: str) -> None:
    """`text` after everything `node` holds: into its text if it has no children, else its last child's tail."""
    if len(node):
        node[-1].tail = (node[-1].tail or "") + text
    else:
        node.text = (node.text or "") + text


def _show_times(body: etree._Element) -> None:
    """Each `<time>` in a sentence or a definition as a plain span of the words it prints: trafilatura removes the
    element with its words, so a sentence lost its date ("the meeting on <time>4 May</time>" read "the meeting
    on") and a page's metadata list a value (GOV.UK's "Delivered on:" with nothing after it). Elsewhere a `<time>`
    dates the page or a teaser: a dateline ("16 marca 2021" under a byline), a credit ("By Jane Doe March 17,
    2024" under a related article's link), "3 hours ago"; the metadata reader has taken the page's date
    (`_article_time`, `_page_time`), and as the extractor's suite counts such lines, they are no part of the
    text, so they go as trafilatura lets them."""
    for node in list(body.iter("time")):
        if _in_sentence_or_definition(node):
            node.tag = "span"
            node.attrib.pop("datetime", None)


_CONTENTS_MIN = 2
"""A table of contents links to two sections or more; one in-page link is a cross-reference."""


def _remove_contents_boxes(body: etree._Element) -> None:
    """An in-page table of contents, with the heading over it ("Contents"): a list of links each to a heading of
    the page (to its `id`, to an `id` inside it as MediaWiki sets one, or to an HTML 4 `<a name>` in it). The
    reader finds those headings over their sections; the extractor drops the list for its links and kept its
    heading, a section heading over nothing. The box taken is the list and what wraps it as long as the wrapper
    holds no other words than headings; a list with no heading of its own in such a wrapper is left to the
    extractor, which drops it with the title over it ("Inhaltsverzeichnis" in a `<p>`) as link-dense."""
    places = {node.get("id") or node.get("name") for h in body.iter(*_HEADINGS) for node in h.iter()}
    places.discard(None)
    boxes = [
        listing
        for listing in body.iter("ul", "ol")
        if len(links := list(listing.iter("a"))) >= _CONTENTS_MIN and all(_in_page_target(a) in places for a in links)
    ]
    for listing in boxes:
        if any(ancestor in boxes for ancestor in listing.iterancestors()):
            continue
        box, words = listing, _text(listing)
        for ancestor in listing.iterancestors():
            if ancestor is body:
                break
            headings = " ".join(_text(h) for h in ancestor.iter(*_HEADINGS))
            if not headings or squash(_text(ancestor).replace(words, " ", 1)) != squash(headings):
                break
            box = ancestor
        if box is not listing and box.getparent() is not None:
            box.drop_tree()


_QUARTO_ATTRIBUTION_IDS = ("quarto-reuse", "quarto-copyright", "quarto-citation")
"""The ids Quarto gives the appendix sections it writes from a page's `license`, `copyright` and `citation` keys
(its format-html-appendix: "Reuse", "Copyright", "Citation" with a BibTeX entry and a cite-as line)."""
_QUARTO_APPENDIX_SECTION_CLASS = "quarto-appendix-contents"
_DISTILL_APPENDIX_CLASS = "appendix-bottom"
_DISTILL_ATTRIBUTION_IDS = ("updates-and-corrections", "reuse", "citation")
"""The ids of the headings distill (R Markdown's blog generator) writes into its `appendix-bottom` box from a post's
`repository_url`, `creative_commons` and citation settings (its appendices_after_body_html), each over a paragraph
or two and the citation's `pre` blocks; the box's "References" heading heads the post's own bibliography."""


def _remove_generated_attribution(body: etree._Element) -> None:
    """The licence, copyright, corrections and how-to-cite sections a site generator appends from the page's settings.

    Quarto and distill write them after the post's text, under headings of their own ("Reuse", "Citation" over
    "For attribution, please cite this work as" and a BibTeX block): the same boilerplate on every post of a
    site, none of it the author's text. Indexed, the headings stood as sections of the post and the BibTeX entry
    as a passage. They are known by the ids each generator gives them. Quarto (`_QUARTO_ATTRIBUTION_IDS`) sets
    the id on the section, or in its later templates on the contents inside a section of class
    `quarto-appendix-contents` that holds the heading, which goes too; distill (`_DISTILL_ATTRIBUTION_IDS`) on
    the heading, whose section runs to the next heading of its box. The footnotes, the bibliography and the
    author's own appendix sections beside them have other ids and stay.
    """
    for name in _QUARTO_ATTRIBUTION_IDS:
        for node in body.xpath(".//*[@id=$name]", name=name):
            parent = node.getparent()
            if parent is not None and parent.tag == "section" and _QUARTO_APPENDIX_SECTION_CLASS in _classes(parent):
                node = parent
            if node.getparent() is not None:
                node.drop_tree()
    for box in [node for node in body.iter("div") if _DISTILL_APPENDIX_CLASS in _classes(node)]:
        dropping = False
        for child in list(box):
            if child.tag in _HEADINGS:
                dropping = child.get("id") in _DISTILL_ATTRIBUTION_IDS
            if dropping:
                child.drop_tree()


def _classes(node: etree._Element) -> list[str]:
    return (node.get("class") or "").split() if isinstance(node.tag, str) else []


# --- metadata --------------------------------------------------------------------------------------------

_PLACEHOLDERS = frozenset({"untitled", "untitled document", "admin", "administrator", "anonymous", "unknown", "n/a"})
_TITLE_SEPARATORS_RE = re.compile(r"\s+[|\-—–·»]\s+|:\s+")
_SLASH_DATE_RE = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")


def _clean(value: object) -> str | None:
    """A metadata value as text, or None for nothing, a URL or a placeholder."""
    if not isinstance(value, str):
        return None
    text = squash(_as_seen(value))
    if not text or text.lower() in _PLACEHOLDERS or re.match(r"https?://|www\.", text):
        return None
    return text


def _metas(tree: etree._Element, *names: str) -> list[str]:
    """The values of every `<meta>` named one of `names`, case-insensitively, in page order.

    Sites write Open Graph keys as `name=` as often as `property=`, and some tools save `value=` for
    `content=`; each is read the same way.
    """
    wanted = {name.lower() for name in names}
    return [
        value
        for node in tree.iter("meta")
        if (node.get("property") or node.get("name") or "").strip().lower() in wanted
        and (value := _clean(node.get("content") or node.get("value")))
    ]


def _first_meta(tree: etree._Element, *names: str) -> str | None:
    return next(iter(_metas(tree, *names)), None)


def _page_url(tree: etree._Element) -> str | None:
    """The page's own address: its canonical link, else its `og:url`; None when neither is an absolute address."""
    canonical = (
        node.get("href") for node in tree.iter("link") if "canonical" in (node.get("rel") or "").lower().split()
    )
    og = (
        node.get("content")
        for node in tree.iter("meta")
        if (node.get("property") or node.get("name") or "").strip().lower() == "og:url"
    )
    return next((url for value in (*canonical, *og) if (url := web_address(value))), None)


def _json_ld_articles(tree: etree._Element) -> Iterator[dict[str, object]]:
    """Every JSON-LD object whose @type is an article, in page order, `@graph`s and lists opened."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            stack = [json.loads(script.text or "null")]
        except ValueError:
            continue
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kinds = item.get("@type")
                if set(kinds if isinstance(kinds, list) else [kinds]) & microdata.ARTICLE_TYPES:
                    yield item
                stack.extend(item.get("@graph") or [])


def _person(value: object) -> str | None:
    """An author named by JSON-LD: a string, a Person or Organization object, or a list of them."""
    if isinstance(value, dict):
        return _clean(value.get("name"))
    if isinstance(value, list):
        names = [name for name in (_person(v) for v in value) if name]
        return ", ".join(dict.fromkeys(names)) or None
    return _clean(value)


def _json_ld_title(article: dict[str, object], heading: str | None) -> str | None:
    """A JSON-LD article's title: its `headline`, but its `name` where that, and not the headline, is the heading
    the page prints. MediaWiki writes the article's title as `name` and its one-line description as `headline`
    ("technique for dimensionality reduction" on the page headed "t-distributed stochastic neighbor embedding"),
    a description the page prints nowhere."""
    headline, name = _clean(article.get("headline")), _clean(article.get("name"))
    printed = squash(heading).casefold() if heading else None
    if name and printed == name.casefold() and (headline is None or headline.casefold() != printed):
        return name
    return headline


def _json_ld_authors(value: object, printed: str) -> str | None:
    """The JSON-LD author or authors, where an Organization counts only if the page prints its name (`printed`, the
    visible text casefolded). A person named in the metadata is a byline the page may set by script; an
    organization printed nowhere is a credit no reader sees: MediaWiki credits every article to "Contributors to
    Wikimedia projects"."""
    values = value if isinstance(value, list) else [value]
    names = [
        name
        for item in values
        if (name := _person(item))
        and not (isinstance(item, dict) and item.get("@type") == "Organization" and name.casefold() not in printed)
    ]
    return ", ".join(dict.fromkeys(names)) or None


def _printed_date(date: str, printed: str) -> bool:
    """Whether the page prints the ISO `date` (`2013-06-23`) as a date is commonly written: so, "23 June 2013",
    "June 23, 2013" or "June 23 2013" (`printed` is its visible text casefolded)."""
    year, month, day = date.split("-") if len(date) == 10 else ("", "", "")
    if not day:
        return date in printed
    name = calendar.month_name[int(month)].casefold()
    forms = (date, f"{int(day)} {name} {year}", f"{name} {int(day)}, {year}", f"{name} {int(day)} {year}")
    return any(form in printed for form in forms)


def _date(text: str | None) -> str | None:
    return iso_date(_SLASH_DATE_RE.sub(lambda m: f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}", text)) if text else None


def _microdata(tree: etree._Element, name: str) -> str | None:
    """The first value a page marks with schema.org microdata `itemprop=name`, anywhere on the page."""
    for node in tree.xpath("//*[@itemprop]"):
        if name in node.get("itemprop", "").split():
            return _clean(microdata.value(node))
    return None


def _article_time(tree: etree._Element) -> str | None:
    """The `datetime` of the first `<time>` inside the page's `<article>`: the article's own date line."""
    for article in tree.iter("article"):
        for node in article.iter("time"):
            if date := _date(node.get("datetime")):
                return date
    return None


def _page_time(tree: etree._Element) -> str | None:
    """The date the page's `<time>` elements give, where they all give one: a blog that prints its post's date
    beside the text, not in it (Material for MkDocs sets "September 13, 2021" in the post's sidebar, a `<nav>`,
    outside the `<article>`). A page whose times give several dates (a list of recent posts, comments) is not dated
    so: which of them is the text's cannot be told."""
    dates = {date for node in tree.iter("time") if (date := _date(node.get("datetime")))}
    return dates.pop() if len(dates) == 1 else None


_BYLINE_MAX = 120
"""A byline is a short line; "by" before a link inside a longer block is prose ("a novel by <a>...</a>")."""
_REVISED_RE = re.compile(
    r"\blast\s+(?:edited|updated|modified|revised)(?:\s+on)?\s*:?\s*"
    r"(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2}\s+[^\W\d_]+\.?\s+\d{4}|[^\W\d_]+\.?\s+\d{1,2},\s+\d{4})",
    re.IGNORECASE,
)
_UNREAD = frozenset({"script", "style", "noscript", "template"})
_PUBLISHED_RE = re.compile(
    r"\b(?:first\s+)?published(?:\s+online)?(?:\s+on)?\s*:?\s*"
    r"(?:(?P<year>\d{4})\s+(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2})\b"
    r"|(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2}\s+[^\W\d_]+\.?\s+\d{4}|[^\W\d_]+\.?\s+\d{1,2},\s+\d{4}))",
    re.IGNORECASE,
)
"""A publication line and its date, also in the year-first order of medical journals ("Published online 2012
September 17")."""


def _stated_line(node: etree._Element) -> str:
    """The words of the line an element prints; for a definition list's term, the term with the definition that
    follows it: a page's metadata list sets its label and its value apart (GOV.UK's "First published:" in a `<dt>`,
    "20 March 2013" in the `<dd>` after it), and a reader reads them together, as one line saying when."""
    line = squash(node.text_content())
    value = node.getnext() if node.tag == "dt" else None
    return squash(f"{line} {value.text_content()}") if value is not None and value.tag == "dd" else line


def _published(tree: etree._Element) -> str | None:
    """The date a short line of its own says the text was published on ("Published online 2012 September 17.",
    "First published: 3 May 2021"): a journal's article information prints it so, where no markup dates the page.
    In a longer block the words are prose and may date something else."""
    for found in tree.xpath("//text()[contains(translate(., 'PUBLISHED', 'published'), 'published')]"):
        node = found.getparent()
        if found.is_tail:
            node = node.getparent()
        if node is None or node.tag in _UNREAD:
            continue
        line = _stated_line(node)
        if len(line) > _BYLINE_MAX or not (match := _PUBLISHED_RE.search(line)):
            continue
        if date := _date(match["date"] or f"{match['day']} {match['month']} {match['year']}"):
            return date
    return None


def _revised(tree: etree._Element) -> str | None:
    """The date a page prints it was last edited on, in a short line of its own ("This page was last edited on
    26 September 2019, at 11:35", "Last updated: 3 May 2021"): the date of the version it shows, for a page that
    names no publication date (a wiki's article, a guidance page revised in place). In a longer block the words
    are prose and may date something else."""
    for found in tree.xpath("//text()[contains(translate(., 'LAST', 'last'), 'last')]"):
        node = found.getparent()
        if found.is_tail:
            node = node.getparent()
        if node is None or node.tag in _UNREAD:
            continue
        line = _stated_line(node)
        if len(line) <= _BYLINE_MAX and (match := _REVISED_RE.search(line)) and (date := _date(match["date"])):
            return date
    return None


_DATELINE_WORDS = 6
"""A date printed as words takes at most six ("Tuesday, 15 October 2019", "January 17, 2017")."""


def _opening_date(line: str) -> str | None:
    """The date a line opens with ("Tuesday 15 October 2019 by Jane Doe" -> 2019-10-15), or None."""
    words = line.split()
    for count in range(min(len(words), _DATELINE_WORDS), 1, -1):
        if date := _date(" ".join(words[:count]).rstrip(",")):
            return date
    return None


def _under_headline(tree: etree._Element, heading: str | None) -> Iterator[str]:
    """The short lines that follow the text's headline (the `<h1>` that reads `heading`), up to the first long
    paragraph: where a page prints its dateline and its byline. A long paragraph is the text under way, as for a
    byline (`_byline`)."""
    headings = [h for h in tree.iter("h1") if _text(h) == heading]
    for node in headings[0].itersiblings() if headings else ():
        if not isinstance(node.tag, str) or node.tag in _UNREAD:
            continue
        line = _text(node)
        if len(line) > _BYLINE_MAX:
            return
        yield line


def _dateline(tree: etree._Element, heading: str | None) -> str | None:
    """The short line under the text's headline that opens with a date ("Tuesday 15 October 2019 by Jane Doe"):
    the first element after the `<h1>` whose words are a short line and begin with a date. It dates a page
    that gives its date nowhere in markup, and like a PDF's dateline it is metadata, not a paragraph."""
    return next((line for line in _under_headline(tree, heading) if _opening_date(line)), None)


def _headline_credit(tree: etree._Element, heading: str | None) -> str | None:
    """The author a short line under the text's headline names, a line that only says who wrote the text
    ("Written by Paul Pickell", "By Jane Doe"): a book's chapter credits its author so where the book has several
    (bookdown prints each chapter's "Written by" line under its heading), with no markup and no link to the name.
    Lower on the page such a line may credit a picture or a quotation; right under the headline it is a byline."""
    for line in _under_headline(tree, heading):
        if (by := _POSTED_BY_RE.fullmatch(line)) and (name := personal_names(by["name"])):
            return name
    return None


def _headline_fields(tree: etree._Element, heading: str | None) -> dict[str, str]:
    """The fields of a docutils field list set right under the text's headline, {name in lower case: value}: the
    preamble of a proposal rendered by docutils or Sphinx ("Author: Jarrod Millman <...>", "Status: Active",
    "Created: 2017-12-11"), a `table.field-list` of `th`/`td` rows or a `dl.field-list` of `dt`/`dd` pairs. Its
    author and date are the document's own, printed above its text; the site's "Last updated on ..." footer dates
    only the build."""
    headline = next((h for h in tree.iter("h1") if _text(h) == heading), None)
    if headline is None:
        return {}
    listed = next((n for n in headline.itersiblings() if isinstance(n.tag, str)), None)
    if listed is None or "field-list" not in (listed.get("class") or "").split():
        return {}
    pairs = ((name, name.getnext()) for name in listed.iter("th", "dt"))
    return {_text(name).rstrip(":").strip().casefold(): _text(value) for name, value in pairs if value is not None}


def _field_author(fields: dict[str, str]) -> str | None:
    """The names a headline's field list gives as its author, less their e-mail addresses."""
    value = fields.get("author") or fields.get("authors") or ""
    return without_contact(value) or None


_READING_TIME_RE = re.compile(
    r"(?:\d+\s*(?:min(?:ute)?s?|hours?)\s+read|reading\s+time\s*:?\s*\d+\s*min(?:ute)?s?)\.?", re.IGNORECASE
)
"""A line that only says how long the text takes to read ("15 min read", "Reading time: 4 minutes")."""


def _is_front_matter(line: str) -> bool:
    """Whether a short line under the headline only says who wrote the text, when, or how long it takes to read:
    the lines the metadata reader takes the author and date from (`_dateline`, `_headline_credit`, `_credit`) and
    the publication or revision line ("Published: 3 May 2021", "Last updated 12 March 2021") when that is all the
    line says. Such a line is the page's account of the text, not a sentence of it; a line that goes on past its
    name or date ("By 2030 the camps ...") is prose and stays."""
    if _opening_date(line) or _credit(line) or _READING_TIME_RE.fullmatch(line):
        return True
    if (by := _POSTED_BY_RE.fullmatch(line)) and personal_names(by["name"]):
        return True
    return _is_history_line(line)


def _is_history_line(line: str) -> bool:
    """Whether a line only says when the text was published or revised ("Published: 30 April 2014", "Last updated
    12 March 2021")."""
    stated = _PUBLISHED_RE.match(line) or _REVISED_RE.match(line)
    return stated is not None and not line[stated.end() :].strip(" .")


def _without_history_lines(blocks: list[Block]) -> list[Block]:
    """The blocks less the run at the bottom that only says when the text was published or revised
    (`_is_history_line`): a page's document information set under the text (GOV.UK's "Published: 30 April 2014"
    under a hidden "Document information" heading), which the metadata reader has read (`_published`, `_revised`).
    A closing "By ..." stays: under the text it may be the author's signature."""
    end = len(blocks)
    while end > 0 and blocks[end - 1].kind == "text" and _is_history_line(squash(blocks[end - 1].text)):
        end -= 1
    return blocks[:end]


def _without_front_matter(blocks: list[Block], tree: etree._Element, heading: str | None) -> list[Block]:
    """The blocks less the run at the top that prints the text's byline, dateline or reading time.

    The page sets those lines between its headline and its first paragraph (bookdown's "Written by Paul Pickell", a
    news site's "By Maria Lopez", a blog's "Tuesday 15 October 2019 by Jane Doe"), and the metadata reader has
    taken the author and date from them; kept as paragraphs they were quoted to answer "who wrote ...?", front
    matter rather than the source's text. Only lines that stand under the headline (`_under_headline`) go, and only
    while they lead the text: a "By ..." line lower on the page may credit a picture or be a sentence.
    """
    return _without_leading(blocks, {line for line in _under_headline(tree, heading) if _is_front_matter(line)})


def _without_leading(blocks: list[Block], lines: set[str], kind: ParagraphKind = "text") -> list[Block]:
    """The blocks less the run at the top whose blocks of `kind` each print one of `lines`."""
    start = 0
    while start < len(blocks) and blocks[start].kind == kind and squash(blocks[start].text) in lines:
        start += 1
    return blocks[start:]


def _metadata_list_lines(tree: etree._Element) -> set[str]:
    """The lines of every definition list that only labels short values: each term a label ending in a colon
    ("From:", "Published:", "Delivered on:") and each value no longer than a byline (`_BYLINE_MAX`).

    Such a list is the page's account of the text, set between its headline and its first paragraph (GOV.UK's
    `<dl>` of who it is from and when it was published and delivered); the metadata reader reads it
    (`_stated_line`, `_listed_persons`), and as paragraphs its labels and values were list items of the text, quoted
    to answer "who" and "when". A glossary's terms are not labels, and a definition runs longer."""
    lines: set[str] = set()
    for listed in tree.iter("dl"):
        terms, values = list(listed.iter("dt")), list(listed.iter("dd"))
        if terms and all(_text(t).endswith(":") for t in terms) and all(len(_text(v)) <= _BYLINE_MAX for v in values):
            lines |= {_text(node) for node in (*terms, *values)}
    return lines


def _headline_labels(tree: etree._Element, heading: str | None) -> set[str]:
    """The lines a page sets over its headline inside the headline's own block: the elements before the `<h1>`
    that reads `heading`, among its siblings, when every sibling is a short line (no paragraph of text shares the
    block). Such a line labels the document ("Oral statement to Parliament", "Speech", "Guidance": GOV.UK sets the
    type in `<p class="context">` or `<p class="type">` beside the `<h1>`, in the title's `<div>`); it names what
    kind of page this is, and is no sentence of the text."""
    headline = next((h for h in tree.iter("h1") if _text(h) == heading), None)
    parent = headline.getparent() if headline is not None else None
    if parent is None or parent.tag in ("body", "html"):
        return set()
    siblings = [n for n in parent if isinstance(n.tag, str) and n.tag not in _UNREAD and n is not headline]
    if any(len(_text(n)) > _BYLINE_MAX for n in siblings):
        return set()
    return {line for n in headline.itersiblings(preceding=True) if isinstance(n.tag, str) and (line := _text(n))}


def _without_headline_labels(blocks: list[Block], tree: etree._Element, heading: str | None) -> list[Block]:
    """The blocks less the run at the top that prints the labels over the headline (`_headline_labels`): the page's
    word for its type, which stood as the text's first paragraph and read as a sentence of it."""
    return _without_leading(blocks, _headline_labels(tree, heading))


_NAME_SEPARATORS_RE = re.compile(r"\s*(?:[,;&]|\band\b)\s*")
_AFFILIATION_MARKS_RE = re.compile(r"[\d*†‡§¶#]+")
_ELISIONS = frozenset({"[...]", "[…]", "...", "…", "et al.", "et al"})


def _is_author_line(line: str, authors: frozenset[str]) -> bool:
    """Whether a line only lists the text's authors: names the metadata reader found (`author`), with the marks
    that tie them to affiliations ("Kirys1,2") and an elision where the page folds some names ("[...]")."""
    pieces = [_AFFILIATION_MARKS_RE.sub("", piece).strip() for piece in _NAME_SEPARATORS_RE.split(line)]
    names = [piece for piece in pieces if piece and piece not in _ELISIONS]
    return bool(names) and all(name in authors for name in names)


def _without_author_line(blocks: list[Block], author: str | None) -> list[Block]:
    """The blocks less a line near the top that lists the text's authors.

    A journal's header prints the author list under the title (PubMed Central's "Tatsiana Kirys, Anatoly M
    Ruvinsky, [...], and Ilya A Vakser"); the metadata reader has taken the authors from the page's author
    block, and the line is front matter, not a sentence of the text: quoted, it answered "who wrote ...?" with
    the byline. Only among the first few blocks: lower down, a name alone may sign a letter or credit a picture.
    """
    if not author:
        return blocks
    authors = frozenset(name for name in _NAME_SEPARATORS_RE.split(author) if name)
    top = range(min(_TITLE_LINES_AT, len(blocks)))
    return [
        b
        for i, b in enumerate(blocks)
        if not (i in top and b.kind == "text" and _is_author_line(squash(b.text), authors))
    ]


_CREDIT_BY_RE = re.compile(r"\bby\s+(?P<name>[^,;]+?)(?:\s+(?:on|at)\b.*|[,;].*)?\s*\.?$", re.IGNORECASE)
_CREDIT_AT_ENDS = 2
"""How many blocks at either end of the text a credit line may stand in (the text may end with a reply line)."""


def _date_in(line: str) -> str | None:
    """The first date printed anywhere in a short line ("Posted on Tuesday 15 October 2019 at 09:11 ...")."""
    words = line.split()
    return next((date for start in range(len(words)) if (date := _opening_date(" ".join(words[start:])))), None)


def _credit(line: str) -> tuple[str, str] | None:
    """The author and date of a credit line: a short line that prints a date and "by" a name ("Posted on
    Tuesday 15 October 2019 at 09:11 by Bradley M. Kuhn.", "Posted by Jane Doe on May 2, 2023"), or None.

    Such a line is metadata, like a dateline: it is not a sentence of the text. Both must be there; a line
    with a name only may be a photo credit, and one with a date only may be the text's own words.
    """
    if len(line) > _BYLINE_MAX or not (by := _CREDIT_BY_RE.search(line)) or not (date := _date_in(line)):
        return None
    name = personal_names(by["name"].strip(" ."))
    return (name, date) if name else None


def _without_credits(blocks: list[Block]) -> tuple[list[Block], tuple[str, str] | None]:
    """The blocks less a credit line among the first or last few, and that line's author and date.

    A credit line after the text closes it: what the page prints under it ("Submit comments on this post to
    ...", a reply line) is the page's, not the text's, and goes with it.
    """
    opening = range(min(_CREDIT_AT_ENDS, len(blocks)))
    closing = range(max(0, len(blocks) - _CREDIT_AT_ENDS), len(blocks))
    for index in sorted({*opening, *closing}):
        if blocks[index].kind != "heading" and (credit := _credit(squash(blocks[index].text))):
            rest = blocks[index + 1 :] if index in opening else []
            return blocks[:index] + rest, credit
    return blocks, None


_POSTED_BY_RE = re.compile(r"(?:(?:posted|written|published|authored)\s+)?by\s+(?P<name>[^,;]+?)\s*\.?", re.IGNORECASE)
"""A line that only names who wrote the text: "By Jane Doe", "Posted by Jane Doe.", "Written by A and B"; not
one naming what made the page ("Powered by ...") or took a picture."""
_SECTIONING = frozenset({"article", "section", "aside", "nav", "body"})
_CREDIT_PLACES = ("header", "footer")


def _article_credit(tree: etree._Element) -> str | None:
    """The author an article's own header or footer names in a line of its own ("Posted by Alon Zakai.").

    HTML gives an `<article>`'s `<header>` and `<footer>` to facts about the article, such as who wrote it, so
    a "by" line there is a byline even without a date or a link. Elsewhere a line naming someone may be a
    photo credit or a quotation's source, and is not taken (`_credit` needs a date as well).
    """
    for article in tree.iter("article"):
        for place in article.iter(*_CREDIT_PLACES):
            section = next((a for a in place.iterancestors() if a.tag in _SECTIONING), None)
            if section is not article:
                continue
            for node in place.iter("p", "div", "span", "address", "li"):
                line = _text(node)
                by = _POSTED_BY_RE.fullmatch(line) if len(line) <= _BYLINE_MAX else None
                if by and (name := personal_names(by["name"])):
                    return name
    return None


_AUTHOR_GROUP_RE = re.compile(r"(?:^|[-_])(?:authors?|contrib-group)$", re.IGNORECASE)
_AUTHOR_GROUP_MAX = 4 * _BYLINE_MAX
"""An author list with affiliation marks ("Tatsiana Kirys, 1, 2 Anatoly M Ruvinsky, 1 ...") is a few lines long."""


def _author_group(tree: etree._Element) -> str | None:
    """The authors a short block the page names its authors' list (a class `authors`, `fm-author`,
    `contrib-group`) links to, every link reading as a person's name (`personal_names`).

    A journal's article information lists every author so (PubMed Central), where the header's byline folds some
    names into "[...]". A link that is no name (a label, an e-mail) makes the block no author list.
    """
    for node in tree.iter("div", "p", "span", "ul"):
        if not any(_AUTHOR_GROUP_RE.search(name) for name in _classes(node)) or len(_text(node)) > _AUTHOR_GROUP_MAX:
            continue
        labels = [_clean(_text(anchor)) for anchor in node.iter("a")]
        names = [name for label in labels if label and (name := personal_names(label))]
        if names and len(names) == len(labels):
            return ", ".join(names)
    return None


_SOURCE_TERMS = frozenset({"from", "by", "author", "authors"})
"""The terms of a page's metadata list that say whom the text is from."""


def _listed_persons(tree: etree._Element) -> str | None:
    """The persons a page's metadata list names where it says whom the text is from (a `<dt>` "From:" or "By:" and
    its `<dd>`): each name the page styles as a person's (`styled_name`), less the style.

    GOV.UK lists a speech's sources so, organisations and people in one definition ("From: Home Office and The Rt
    Hon Theresa May MP"); the organisations publish the text, the person gave it. Only a styled name is taken: an
    organisation's name ("Home Office") reads as two capitalised words, as a person's does, and a page "From:" two
    organisations names no author."""
    names: dict[str, None] = {}
    for term in tree.iter("dt"):
        value = term.getnext()
        if value is None or value.tag != "dd" or _text(term).rstrip(" :").casefold() not in _SOURCE_TERMS:
            continue
        for piece in _NAME_SEPARATORS_RE.split(_text(value)):
            if name := styled_name(piece):
                names[name] = None
    return ", ".join(names) or None


_REMARKS_RE = re.compile(r"remarks\s+(?:of|by)\s+(?P<name>.+?)\s*\.?", re.IGNORECASE)
"""The heading a government press office sets over a speech's transcript: "Remarks of Vice President Joe Biden",
"Remarks by President Obama"."""
_OFFICE_WORDS = frozenset(
    {"president", "vice", "prime", "minister", "secretary", "deputy", "assistant", "under", "general", "first",
     "lady", "senator", "governor", "mayor", "ambassador", "chairman", "chairwoman", "chair", "commissioner",
     "administrator", "director", "attorney", "chief", "justice", "judge", "speaker", "leader", "king", "queen"}
)  # fmt: skip
"""Words of an office held ("Vice President", "Deputy Secretary General"): a heading made only of them names the
office, whoever holds it, and no person: "Remarks by Vice President" names no speaker."""


def _lines(node: etree._Element) -> list[str]:
    """A block's lines as printed: its words broken where a `<br>` breaks them."""
    parts: list[str] = []
    for event, element in etree.iterwalk(node, events=("start", "end")):
        if event == "start" and element.tag == "br":
            parts.append("\n")
        elif event == "start" and isinstance(element.tag, str) and element.tag not in _UNSEEN:
            parts.append(element.text or "")
        elif event == "end" and element is not node:
            parts.append(element.tail or "")
    return [squash(line) for line in "".join(parts).split("\n")]


def _speaker(tree: etree._Element) -> str | None:
    """The speaker a transcript's heading names in a line of its own, "Remarks of|by NAME", when the page names
    one speaker so (`personal_names`, as printed, with the office held: "Vice President Joe Biden").

    Press offices publish a speech as its transcript under that heading (the White House's remarks and weekly
    addresses, a ministry's speeches) and name its speaker nowhere else: the page's author is the office, the
    words are the speaker's. Only a line that is the whole heading counts: "Remarks by the President at ..."
    and "Remarks by Vice President" name an office, not a person, and are left; so is such a line among links (a
    list of other speeches), in a page's navigation, header or footer, or on a page heading several speakers'
    remarks.
    """
    body = tree.find("body")
    names: set[str] = set()
    for node in body.iter() if body is not None else ():
        if (
            not isinstance(node.tag, str)
            or node.tag in _INLINE_HTML
            or node.tag in _UNSEEN
            or any(isinstance(child.tag, str) and child.tag not in _INLINE_HTML and child.tag != "br" for child in node)
            or _linked(node)
            or any(outer.tag in _NOT_TEXT for outer in node.iterancestors())
        ):
            continue
        for line in _lines(node):
            if (
                (remarks := _REMARKS_RE.fullmatch(line))
                and (name := personal_names(remarks["name"]))
                and not set(name.lower().replace(".", " ").split()) <= _OFFICE_WORDS
            ):
                names.add(name)
    return names.pop() if len(names) == 1 else None


_BY_END_RE = re.compile(r"(?:^|\W)by\s*$", re.IGNORECASE)
_TEXT_START = 200
"""A paragraph this long is the article's text under way: a byline stands above it."""


def _byline(tree: etree._Element) -> str | None:
    """The author a visible byline links to, above the article's text: an `<a rel="author">`, or a link that
    ends a short line after the word "By" ("By <a>Jane Doe</a>", "May 2, 2023 by <a>Jane Doe</a>").

    Only a link counts, so the name is one the page marks out; it must read as names (`personal_names`),
    so a label ("View profile") or a login is none. Below the first long paragraph a "by" link is a
    footer's "Powered by" or a teaser's credit, and a link inside a long block or followed by more words
    is prose, never a byline.
    """
    for node in tree.iter("a", "p"):
        if node.tag == "p":
            if len(_text(node)) >= _TEXT_START:
                return None
            continue
        parent = node.getparent()
        marked = "author" in (node.get("rel") or "").lower().split()
        before = squash("".join(_before_in(parent, node))) if parent is not None else ""
        alone = not squash(node.tail or "").strip(" |•·,") and parent is not None and len(_text(parent)) <= _BYLINE_MAX
        label = _clean(_text(node))
        if (marked or (alone and _BY_END_RE.search(before))) and label and (name := personal_names(label)):
            return name
    return None


def _before_in(parent: etree._Element, anchor: etree._Element) -> Iterator[str]:
    """The words of `parent` that come before `anchor`, in page order."""
    yield parent.text or ""
    for child in parent:
        if child is anchor:
            return
        yield (child.text_content() if isinstance(child.tag, str) else "") + (child.tail or "")


def _strip_site_name(title: str, site_names: Iterable[str], heading: str | None) -> str:
    """A title without the site's name: "Headline | Site", "Site - Headline", "Headline: Site" leave "Headline".

    The title is cut at a separator only where the part kept is the page's `<h1>`, or the part dropped is
    the site's published name (`og:site_name`, `application-name`); otherwise which part names the site
    cannot be told and the title stays whole. The part kept is a slice of the title, never rejoined.
    """
    sites = {squash(name).casefold() for name in site_names}
    wanted = squash(heading).casefold() if heading else None
    cuts = [(title[: m.start()], title[m.end() :]) for m in _TITLE_SEPARATORS_RE.finditer(title)]
    for before, after in cuts:
        for kept, dropped in ((before, after), (after, before)):
            if squash(kept).casefold() == wanted or squash(dropped).casefold() in sites:
                return squash(kept)
    return title


def _unrelated(title: str, heading: str) -> bool:
    """Whether a page's `<title>` shares no word with its heading: it then names something other than the text (a
    site's name alone, or the template a page was saved into: GOV.UK's content team kept its example pages in a
    template titled "GOV.UK best practice example" over each page's own `<h1>`), and the heading is the title."""
    return not set(_TITLE_WORD_RE.findall(title.casefold())) & set(_TITLE_WORD_RE.findall(heading.casefold()))


_TITLE_WORD_RE = re.compile(r"[^\W_]+")


def _page_title(tree: etree._Element) -> str | None:
    """The `<title>`'s text, unless it is a file's name: EUR-Lex titles an Official Journal act's page with the
    Journal's file name ("L_2022152EN.01000101.xml"), and a page saved from an editor may keep its file's name there
    (`file_name`, as a PDF's Info Title is judged): no title is then better than a wrong one."""
    node = next(tree.iter("title"), None)
    text = _clean(node.text_content()) if node is not None else None
    return None if text is None or file_name(text) else text


_TITLE_BLOCK_LINES = 2
"""A title block sets the title over at least two paragraphs of its own (a name, a date, a subject)."""
_REMARK_RE = re.compile(r"\(.*\)")


def _title_block(tree: etree._Element) -> list[str]:
    """The lines of the text's title on a page that marks none (no heading element, no title in its metadata),
    else none: the first run of two or more sibling paragraphs whose class no other element of the page carries.

    A publisher that sets its documents' titles in paragraphs rather than a heading gives the title block a class
    of its own: the Official Journal of the European Union, as EUR-Lex serves it, sets an act's title as
    "REGULATION (EU) 2022/868 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL" / "of 30 May 2022" / "on European
    data governance ..." in paragraphs of a class used nowhere else, while every paragraph of the text shares the
    text's class. A line wholly in brackets closing the block ("(Text with EEA relevance)") is a remark on the
    document, not part of its title.
    """
    uses = Counter(node.get("class") for node in tree.iter() if isinstance(node.tag, str) and node.get("class"))
    for node in tree.iter("p"):
        kind = node.get("class")
        if not kind:
            continue
        run = [node]
        for sibling in node.itersiblings():
            if not isinstance(sibling.tag, str) or sibling.get("class") != kind:
                break
            run.append(sibling)
        if len(run) >= _TITLE_BLOCK_LINES and uses[kind] == len(run):
            lines = [_text(p) for p in run if _text(p)]
            while lines and _REMARK_RE.fullmatch(lines[-1]):
                lines.pop()
            return lines
    return []


def _title_block_date(lines: list[str]) -> str | None:
    """The date a title block prints on a short line of its own ("of 30 May 2022"): the document's date."""
    return next((date for line in lines if len(line.split()) <= _DATELINE_WORDS and (date := _date_in(line))), None)


def metadata(tree: etree._Element, heading: str | None) -> tuple[str | None, str | None, str | None]:
    """Title, author and date from the page's own metadata, most trusted first; None where it says nothing.

    Scholarly `citation_*` tags, then schema.org JSON-LD, then Open Graph, then the plain `<meta name=author>`
    (then a printed byline, then the article's microdata author, a credit line under the headline); for the date
    the same, then Dublin Core's `dcterms.date` (Quarto writes it from the date it prints), the article's microdata
    and its `<time>` (or the page's, where its times agree); the `<title>` only last, without the site name; on a
    page that marks no title at all (no heading either), its title block
    (`_title_block`), whose date line dates the page where nothing else does. With no publication date, the date of
    the last edit the page prints (`_revised`).
    An organization JSON-LD names as author counts only as the page prints it (`_json_ld_authors`), and its
    publication date only where the page prints it or no last edit: a page that says when it was last edited
    shows that version, and a date only its metadata gives is another's (MediaWiki's `datePublished` is the
    article's creation, years before).
    """
    articles = list(_json_ld_articles(tree))
    body = tree.find("body")
    printed = squash(_visible_text(body)).casefold() if articles and body is not None else ""
    revised = _revised(tree)
    site_names = _metas(tree, "og:site_name") + _metas(tree, "application-name")
    page_title = _page_title(tree)
    titles = (
        _first_meta(tree, "citation_title"),
        *(_json_ld_title(a, heading) for a in articles),
        _first_meta(tree, "og:title"),
        page_title,
    )
    title = next((t for t in titles if t), None)
    if title is not None and title == page_title and heading and _unrelated(title, heading):
        title = None
    if title is not None and title in (titles[-1], titles[-2]):
        title = _strip_site_name(title, site_names, heading)
    block = _title_block(tree) if title is None and heading is None else []
    title = title or " ".join(block) or None
    citation_authors = _metas(tree, "citation_author")
    fields = _headline_fields(tree, heading)
    authors = (
        ", ".join(dict.fromkeys(citation_authors)) or None,
        *(_json_ld_authors(a.get("author"), printed) for a in articles),
        *(without_contact(a) for a in (_first_meta(tree, "article:author"), _first_meta(tree, "author")) if a),
        _byline(tree),
        _person(microdata.authors(tree)),
        _article_credit(tree),
        _headline_credit(tree, heading),
        _field_author(fields),
        _author_group(tree),
        _listed_persons(tree),
        _speaker(tree),
    )
    dates = (
        _first_meta(tree, "citation_publication_date", "citation_date"),
        *(
            d
            for a in articles
            if (d := _date(_clean(a.get("datePublished")))) and (not revised or _printed_date(d, printed))
        ),
        _first_meta(tree, "article:published_time"),
        _first_meta(tree, "dcterms.date", "dc.date"),
        _microdata(tree, "datePublished"),
    )
    date = next((d for d in map(_date, dates) if d), None) or _article_time(tree)
    date = (
        date
        or _date(fields.get("date") or fields.get("created"))
        or _opening_date(_dateline(tree, heading) or "")
        or _published(tree)
        or _page_time(tree)
        or revised
        or _title_block_date(block)
    )
    return title, next((a for a in authors if a), None), date


# --- notes and markers -----------------------------------------------------------------------------------

_MARKER_TEXT_RE = re.compile(rf"\[?({NOTE_NUMBER})\]?|\(({NOTE_NUMBER})\)")
_OWN_NUMBER_RE = re.compile(rf"\[?({NOTE_NUMBER})\]?[.)]?\s+")
_BACK_MARK_RE = re.compile(r"^[\^↑↩]\s*")
_BACK_LABEL_RE = re.compile("[↑↩][\ufe0e\ufe0f]?")
"""A link whose label is only an arrow back (`↩`, `↩︎` with its text-style selector, `↑`) leads back to the text
wherever its `href` points: a book split into pages links a note back by its page's file name
(`relational-databases.html#fnref1`, bookdown's gitbook), which is no in-page `#` link."""
_LABEL_END_RE = re.compile(r"^[.)]")
_NOTES_NAME_RE = re.compile(r"foot ?notes?|end ?notes?|\bnotes\b|references", re.IGNORECASE)
_BLOCK_TAGS = frozenset("p div section article main li dd dt blockquote td aside".split())
_NOTE_HOLDERS = _BLOCK_TAGS | {"table"}
"""What a link's target may be a note as: a block, or a table of its own (Franklin.jl sets each footnote as a
one-row `<table class="fndef" id="fndef:1">`, its back link `[1]` in one cell, its words in the next). Climbing
on from such a table reached the page's content container, which holds the marker: the note was lost, and the
back link `[1]`, read as a marker, made the paragraph holding the real marker the note."""
_BACK_LINK_MAX = 4
"""An in-page link this short inside a note (`↩`, `^`, `3.`) leads back to the text; it is not the note."""


def _text(node: etree._Element) -> str:
    return squash(node.text_content())


def _number(node: etree._Element) -> int | None:
    """The note number a marker's label shows: `3`, `[3]`, or `(3)` as the Official Journal of the European Union
    (EUR-Lex) and other legal texts print a note's marker and its label in the note (`(<span>3</span>)`)."""
    match = _MARKER_TEXT_RE.fullmatch(_text(node))
    return int(match.group(1) or match.group(2)) if match else None


def _in_page_target(anchor: etree._Element) -> str | None:
    href = anchor.get("href") or ""
    return href[1:] if href.startswith("#") and len(href) > 1 else None


def _note_text(node: etree._Element, number: int) -> str:
    """A note's words without its way back to the text: back links (`↩`, `^`, `a`, `3.`; an arrow wherever it links)
    and a bare `^` go, and its own number at its start (`3.`, `[3]`) goes only if it is `number`; a time or a year
    stays.

    A bracketed link to another note (`[4]`) is a marker inside the note and stays. A stylesheet or script inside the
    note (MediaWiki puts a citation template's `<style>` in the first note that uses it) is no word of it.
    """
    note = deepcopy(node)
    note.tail = None
    for unread in list(note.iter(*_UNREAD)):
        unread.drop_tree()
    for anchor in list(note.iter("a")):
        label = _text(anchor)
        in_page = _in_page_target(anchor) and len(label) <= _BACK_LINK_MAX
        if (in_page and not _is_other_marker(label, number)) or _BACK_LABEL_RE.fullmatch(label):
            if _MARKER_TEXT_RE.fullmatch(label):  # `<a>3</a>.`: the point after a linked number is its label's
                anchor.tail = _LABEL_END_RE.sub("", anchor.tail or "", count=1)
            anchor.drop_tree()
    for child in note.iter():
        if child.tag in _BLOCK_TAGS or child.tag == "br":
            child.tail = " " + (child.tail or "")
    text = _BACK_MARK_RE.sub("", _text(note), count=1)
    own = _OWN_NUMBER_RE.match(text)
    return text[own.end() :] if own and int(own.group(1)) == number else text


def _is_other_marker(label: str, number: int) -> bool:
    match = _MARKER_TEXT_RE.fullmatch(label)
    return match is not None and label.startswith("[") and int(match.group(1)) != number


def _notes_region(node: etree._Element) -> etree._Element:
    """The whole notes section around one note: its list (or its table, for a note that is a table row), and a
    wrapper that names itself notes."""
    region = node
    for ancestor in node.iterancestors():
        if ancestor.tag in ("body", "html"):
            break
        if region is node and (ancestor.tag in ("ol", "ul", "dl") or (ancestor.tag == "table" and node.tag == "tr")):
            region = ancestor
        if _NOTES_NAME_RE.search(f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"):
            region = ancestor
    return region


def _set_as_marker(anchor: etree._Element) -> bool:
    """Whether a numbered link is typeset as a note marker: bracketed (`[6]`, the Official Journal's `(6)` as
    EUR-Lex links it) or raised (in or around a `<sup>`), where a year an author-year citation links stands on the
    line, its brackets around the whole citation and not in the link."""
    return _text(anchor).startswith(("[", "(")) or _raised(anchor)


def _raised(anchor: etree._Element) -> bool:
    """Whether a link's label is raised: in or around a `<sup>`."""
    return anchor.find(".//sup") is not None or bool(anchor.xpath("boolean(ancestor::sup)"))


def _known_by(note: etree._Element, number: int, place: etree._Element) -> bool:
    """Whether a linked note is the one numbered `number`: its list puts it at that place, or its own words from
    the `place` the link reaches start with that number (`3.`, `[3]`, `^ 3`), as a numbered note's label does.
    Asked of a link not typeset as a marker (`_set_as_marker`), which a partial notes list ("[6]" to the only note
    shown) may still be.

    A number printed before the place is no label of what the link reaches: an e-book keeps its printed book's
    page numbers as a number in the margin, then an empty `<a name="page151">` (Project Gutenberg's HTML), and its
    index links each page number to that place; read from the paragraph's start, every paragraph that opens a
    page started with its page's number and became a note, its words lost to the text.

    An author-year citation links its year to a bibliography entry ("(Dwork et al. <a href="#ref-Dwork2006">2006</a>)",
    pandoc's and most citation styles' output): the entry is no note numbered 2006, and taking it for one writes the
    year as a marker `[2006]` the page never prints and lets two works of one year take one key.
    """
    if note.tag == "li" and (holder := note.getparent()) is not None:
        start = holder.get("start") or "1"
        items = [child for child in holder if child.tag == "li"]
        if items.index(note) + (int(start) if start.isdigit() else 1) == number:
            return True
    words = _BACK_MARK_RE.sub("", _words_from(note, place))
    return (label := _OWN_NUMBER_RE.match(words + " ")) is not None and int(label.group(1)) == number


def _subsection_reference(anchor: etree._Element, note: etree._Element, place: etree._Element) -> bool:
    """Whether a link labelled with a number in parentheses, not raised, names a subsection rather than marking a
    note: an Act links its cross-references to the subsections they name ("section 7(1) or (2)", the `(2)` linked to
    subsection (2) of section 7), and the subsection opens with its own words. A note such a label marks opens with
    the same label, as the Official Journal's do ("(1) OJ C 286, 16.7.2021, p. 38."); read as a note, the
    subsection and its list's other items were lost to the text."""
    label = _text(anchor)
    return label.startswith("(") and not _raised(anchor) and not _words_from(note, place).startswith(label)


def _words_from(node: etree._Element, place: etree._Element) -> str:
    """The words of `node` from `place`, an element inside it (or `node` itself), to its end."""
    if place is node or place not in node.iterdescendants():
        return _text(node)
    parts: list[str] = []
    started = False
    for event, element in etree.iterwalk(node, events=("start", "end")):
        started = started or element is place
        if not started or element is node:
            continue
        if event == "start" and isinstance(element.tag, str):
            parts.append(element.text or "")
        elif event == "end":
            parts.append(element.tail or "")
    return squash("".join(parts))


def find_notes(
    body: etree._Element, anchors: Iterable[etree._Element] | None = None
) -> tuple[dict[int, str], list[etree._Element]]:
    """Notes reached by numbered in-page links, {number: text}, and the regions that hold them.

    A link reaches its note by the note's `id` or, as HTML 4 pages name a place, by an `<a name>` (a CRS report's
    `<a href="#fn1" name="ifn1">` and `<a href="#ifn1" name="fn1">`); the HTML standard resolves a fragment
    the same way, an `id` first. A list item of an endnote list that no link reaches still counts, by its place
    in the list, so a bare `<sup>3</sup>` finds the third note. The links are the `anchors` of a whole document
    when `body` is only a part of it (a notes list written as raw HTML into Markdown, whose markers stand in other
    paragraphs).
    """
    named = {node.get("name"): node for node in body.iter("a") if node.get("name")}
    ids = named | {node.get("id"): node for node in body.iter() if isinstance(node.tag, str) and node.get("id")}
    notes: dict[int, str] = {}
    containers: list[etree._Element] = []
    for anchor in body.iter("a") if anchors is None else anchors:
        target = _in_page_target(anchor)
        number = _number(anchor)
        if target is None or number is None or target not in ids or number in notes:
            continue
        node = ids[target]
        while node.tag not in _NOTE_HOLDERS and node.getparent() is not None:
            node = node.getparent()  # an empty <a id="fn3"> names the note that holds it
        if node.tag in ("td", "th") and (row := node.getparent()) is not None and not _note_text(node, number):
            node = row  # a table of notes: the number in a cell of its own, the words in the next
        if anchor in node.iterdescendants() or node.tag in ("body", "html"):
            continue
        if not (_set_as_marker(anchor) or _known_by(node, number, ids[target])):
            continue
        if _subsection_reference(anchor, node, ids[target]):
            continue
        if text := _note_text(node, number):
            notes[number] = text
            containers.append(node)
    regions = list(dict.fromkeys(_notes_region(c) for c in containers))
    regions = [r for r in regions if not any(a in regions for a in r.iterancestors())]
    for region in regions:
        for ordered in [region] if region.tag == "ol" else region.iter("ol"):
            start = ordered.get("start") or "1"
            items = [child for child in ordered if child.tag == "li"]
            for number, item in enumerate(items, start=int(start) if start.isdigit() else 1):
                if number not in notes and (text := _note_text(item, number)):
                    notes[number] = text
    return notes, regions


_LIST_HEADING_RE = re.compile(r"(?:foot ?|end ?)?notes|references", re.IGNORECASE)
_CITATION_RE = re.compile(rf"\[({NOTE_NUMBER}(?:\s*[-–,]\s*{NOTE_NUMBER})*)\]")
_LIST_STYLE_RE = re.compile(r"list-style(?:-type)?\s*:\s*([\w-]+)", re.IGNORECASE)


def _is_numbered(node: etree._Element) -> bool:
    """A list a browser numbers 1, 2, 3: an `<ol>` of no other `type`, or a `<ul>` a style numbers (PubMed Central
    sets its references so), unless the nearest style on it or around it numbers otherwise (Wikipedia letters its
    notes a, b, c by a `list-style-type: lower-alpha` on the list's wrapper)."""
    if node.tag not in ("ol", "ul") or (node.tag == "ol" and (node.get("type") or "1") != "1"):
        return False
    for holder in [node, *node.iterancestors()]:
        if style := _LIST_STYLE_RE.search(holder.get("style") or ""):
            return style.group(1).lower() == "decimal"
    return node.tag == "ol"


def listed_notes(body: etree._Element) -> tuple[dict[int, str], list[etree._Element]]:
    """The notes of a numbered list under a heading that names it a reference or notes list, {number: text}, and
    those lists.

    Many articles cite their references as typed bracketed numbers ("[26]", "[1-5]") with no link to them: what
    makes such a number a marker is the numbered list of references it points into. A list counts only under its
    own heading ("References", "Notes", "Endnotes", "Footnotes"), the first numbered list before the next heading,
    so that a page's other numbered lists, and a "[6]" on a page with no such list, stay words. A list that in-page
    links reach is left to `find_notes`, which numbers its notes as the links label them (Wikipedia's notes list
    is numbered 1, 2, 3 in its markup, but lettered a, b, c by its links and its style sheet).
    """
    targets = {target for anchor in body.iter("a") if (target := _in_page_target(anchor))}
    notes: dict[int, str] = {}
    lists: list[etree._Element] = []
    for heading in body.iter(*_HEADINGS):
        if not _LIST_HEADING_RE.fullmatch(_text(heading)):
            continue
        for node in heading.xpath("following::*"):
            if node.tag in _HEADINGS:
                break
            if _is_numbered(node) and not any(item.get("id") in targets for item in node.iter()):
                start = node.get("start") or "1"
                items = [child for child in node if child.tag == "li"]
                for number, item in enumerate(items, start=int(start) if start.isdigit() else 1):
                    if text := _note_text(item, number):
                        notes.setdefault(number, text)
                lists.append(node)
                break
    return notes, lists


def _cited(numbers: str, listed: Iterable[int]) -> list[int] | None:
    """The notes a bracketed list or range cites ("18,24,25", "1-5" cites each of 1 to 5), or None unless the
    page lists every one of them."""
    cited = cited_numbers(numbers)
    return cited if cited is not None and set(cited) <= set(listed) else None


def _places(body: etree._Element) -> frozenset[str]:
    """The places still named in the text once its notes are taken out of it: a plain numbered link to one of them
    is a cross-reference into the text, not a marker. A report links "Figs. 7 and 8" to its figures; where it
    also has notes 7 and 8, each figure number became a marker and cited a note it has nothing to do with."""
    return frozenset(
        name for node in body.iter() if isinstance(node.tag, str) for name in (node.get("id"), node.get("name")) if name
    )


def _write_markers(body: etree._Element, notes: dict[int, str], listed: Iterable[int] = ()) -> None:
    """Every note marker becomes the literal text `[n]` in the tree, so any extractor keeps it as words.

    A marker is a numbered in-page link to a note (or a bracketed one, `[3]`, whose note is missing), a
    `<sup>` that holds such a link or brackets its number, or a bare `<sup>3</sup>` for a note that no link
    reaches. A bare `<sup>2</sup>` is otherwise an exponent (`km<sup>2</sup>`), even on a page with notes.
    A typed bracketed number, list or range ("[26]", "[18,24,25]", "[1-5]") is a marker of each number in it when
    the page's reference list (`listed_notes`) holds every one of them, `listed`.
    """
    places = _places(body)
    links = {
        anchor: number
        for anchor in body.iter("a")
        if (target := _in_page_target(anchor)) is not None
        and (number := _number(anchor)) is not None
        and (number in notes or _text(anchor).startswith("["))
        and not (target in places and not _set_as_marker(anchor))
    }
    linked = set(links.values())
    markers: dict[etree._Element, int] = {}
    for node in body.iter("sup", "a"):
        if any(outer in markers for outer in node.iterancestors()) or (number := _number(node)) is None:
            continue
        if node.tag == "a":
            is_marker = node in links
        else:
            is_marker = (
                _text(node).startswith("[")
                or any(a in links for a in node.iter("a"))
                or (number in notes and number not in linked)
            )
        if is_marker:
            markers[node] = number
    _keep_literal_brackets(body, frozenset(listed))
    for node, number in markers.items():
        _replace_with_text(node, f"[{number}]")


CODE_TAGS = frozenset({"pre", "code", "kbd", "samp"})
"""The elements HTML sets computer code in: a listing, code, what a user types, what a program prints."""


def _keep_literal_brackets(body: etree._Element, listed: frozenset[int]) -> None:
    """A bracketed number the page prints as words ("merge:[6] fix bug 24" in a shell transcript, "see [6]" with no
    link) stays words (`literal_brackets`): only the page's footnote markup, or its reference list (`listed`),
    makes a note marker `[n]`. A list or range citing that list is written as its markers, "[1-5]" as
    "[1][2][3][4][5]", since a marker cites one note.

    Inside code (`CODE_TAGS`) a typed "[1]" is an index or a program's output label ("x[1]", R's "#> [1] 10"),
    never a citation, whatever the page's reference list holds: it stays words there. Only footnote markup (a linked
    or raised number) makes a marker in code."""
    for node in body.iter():
        if isinstance(node.tag, str) and node.text and node.tag not in _UNREAD:
            node.text = _markers_or_words(node.text, frozenset() if _in_code(node) else listed)
        if node.tail and node is not body:
            node.tail = _markers_or_words(node.tail, frozenset() if _in_code(node.getparent()) else listed)


def _in_code(node: etree._Element | None) -> bool:
    """Whether an element is code or stands inside code (`CODE_TAGS`)."""
    return node is not None and any(element.tag in CODE_TAGS for element in (node, *node.iterancestors()))


def _markers_or_words(text: str, listed: frozenset[int]) -> str:
    def written(match: re.Match[str]) -> str:
        cited = _cited(match.group(1), listed)
        return "".join(f"[{number}]" for number in cited) if cited else literal_brackets(match.group(0))

    return _CITATION_RE.sub(written, text)


def _replace_with_text(node: etree._Element, text: str) -> None:
    node.tail = text + (node.tail or "")
    node.drop_tree()


# --- main text -------------------------------------------------------------------------------------------

_PREFORMATTED_SHARE = 0.9
"""A page whose words are this much inside `<pre>` is a plain-text document the page only wraps (an RFC or
Internet-Draft marked up by rfcmarkup, one `<pre>` a printed page): its lines are laid out as a text file's,
with running headers, page footers and a dotted contents list, so it is read as one (`qa.formats.text`)."""


def _preformatted_text(body: etree._Element) -> str | None:
    """The text of the page's outermost `<pre>` blocks, one after another, when they hold nearly all its words."""
    blocks = [node for node in body.iter("pre") if not any(above.tag == "pre" for above in node.iterancestors())]
    text = "\n".join(node.text_content() for node in blocks)
    seen = len(squash(_visible_text(body)))
    return text if blocks and seen and len(squash(text)) >= _PREFORMATTED_SHARE * seen else None


_CAPTION_CLASS_RE = re.compile(r"caption(?:[-_]?text)?$", re.IGNORECASE)
"""A class naming an element a caption: `caption`, `wp-caption-text`, `thumbcaption`, `tr-caption`; not one that
only starts so (`tr-caption-container`, `captions-button`)."""
_CREDIT_RE = re.compile(r"credit|(?:^|[\s_-])(?:copyright|source)(?:$|[\s_-])", re.IGNORECASE)
"""Names of a credit: `image-credit`, a caption's `copyright` span, hss.de's `media__caption--source` line."""
_FRAMED = frozenset({"img", "picture", "svg", "table", "video", "audio", "iframe", "object"})
"""What a caption captions: a picture, a table or a player."""
_PLAYER = etree.XPath("self::*[.//video or .//audio or .//iframe or .//object or .//embed]")


def _is_caption(node: etree._Element) -> bool:
    """Whether an element is a figure's or a table's caption: a `<figcaption>`, or an element a caption class
    names that holds words and no picture, table or player (a `wp-caption` box holds the image and, inside it,
    the `wp-caption-text` that is the caption)."""
    if node.tag == "figcaption":
        return bool(_text(node))
    named = any(_CAPTION_CLASS_RE.search(name) for name in _classes(node))
    return (
        named and node.tag not in _FRAME_TAGS and bool(_text(node)) and not any(n.tag in _FRAMED for n in node.iter())
    )


def _names(node: etree._Element) -> str:
    """An element's class and id, the names a page's markup gives it ("" for a comment)."""
    return f"{node.get('class') or ''} {node.get('id') or ''}" if isinstance(node.tag, str) else ""


_TABLE_PARTS = frozenset({"tr", "tbody", "thead", "tfoot"})


def _caption_frame(caption: etree._Element) -> etree._Element:
    """The outermost box around a caption that the extraction drops whole: a `<figure>` (trafilatura drops it)
    or a box a class or id names a caption (ours and trafilatura's furniture rules drop it), up to the first
    box that is neither; the caption itself when it stands in running text. A caption cell's row passes on to its
    table: Blogger sets a picture and its caption in the two rows of a `tr-caption-container` table."""
    frame = caption
    for box in caption.iterancestors():
        if box.tag in _TABLE_PARTS:
            continue
        if box.tag in _FRAME_TAGS or not (box.tag == "figure" or "caption" in _names(box).lower()):
            break
        frame = box
    return frame


def _set_apart(node: etree._Element, frame: etree._Element) -> None:
    """Move `node` out of `frame` to stand beside it, before it when nothing it frames precedes the node, else after
    it; the words around both keep their order."""
    parent = node.getparent()
    if node.tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    node.tail = None
    if _framed_before(node, frame):
        node.tail, frame.tail = frame.tail, None
        frame.addnext(node)
    else:
        frame.addprevious(node)


def _framed_before(node: etree._Element, frame: etree._Element) -> bool:
    """Whether a picture or table of the frame comes before the caption: a caption under its figure follows it."""
    for element in frame.iter():
        if element is node:
            return False
        if element.tag in _FRAMED:
            return True
    return False


def _is_empty_box(node: etree._Element) -> bool:
    """Whether an element is a block with no words, such as the "enlarge" button a wiki sets before a thumbnail's
    caption: left in, it made the caption a box whose words trail a child, which the extraction lost."""
    return isinstance(node.tag, str) and node.tag not in _INLINE_HTML and not _text(node)


_CREDIT_TAIL_RE = re.compile(
    r"(?:(?<=[.!?…)\]])\s+|\s+(?=©))\(?(?:©|[^\W\d_]{2,20}\s?:)(?:(?!\.\s)[^:;!?]){1,60}$"
    r"|(?:(?<=[.!?…)\]])|,)\s+[^\W\d_a-z][^\W\d_]{1,19}\s+via\b(?:(?!\.\s)[^:;!?]){0,60}$"
)
"""A photo credit closing a caption after its sentence: "... im Abendrot. Bild: TebNad/Shutterstock.com", "Stau ©
aremac / Clipdealer", "... kanssa. Kuva: ALEXANDER BECHER": one word and a colon (or ©), then a short name with no
sentence in it. Only after the caption's own words: a caption that opens "Figure 5.1:" is not one, and a label
with a colon opening the caption is the caption's. A source named with "via" is one too, after a sentence or a
comma: one capitalised word, "via", and a short name or none (the source is often the link "via" itself:
"Paris Haute Couture SS14, Serkan Cura, Bild via"); a lower-case word before it ("routed via the A4") is the
caption's own."""


_CREDIT_LINE_RE = re.compile(
    r"\(?(?:©|\([cC]\)|[^\W\d_]{2,20}\s?:)\s*(?:(?:[^\W\d_a-z]|\w*[./]\w)[^\s:;!?]*(?:\s+|$)){1,4}\)?"
)
"""A caption that is only a credit: "Foto: Sascha Klahn", "(Foto: ABr)", "© Markus Leitner": a word and a colon (or
©), then up to four words each a name's (capitalised) or an address's ("iStock.com"); "Map: the camps in 2023"
goes on in lower case and is a caption."""
_CREDIT_PARENTHESIS_RE = re.compile(r"\s+\((?:©|[cC]\)|[^\W\d_]{2,20}\s?:|[^()]*[^\W\d_]\s?/\s?[^\W\d_])[^()]*\)$")
"""A credit in parentheses closing a caption: "(REUTERS/Denis Balibouse)", "(mlharing / iStock.com)", "(Foto: V.
Berret, 19.01.2022)": a label and a colon, or an agency and a name apart by a slash; "(links)" is the caption's."""


def _without_credit(caption: etree._Element) -> None:
    """The caption less the photo credit its text closes with (`_CREDIT_TAIL_RE`), kept as the words a reader
    sees (markers were written as text before). On trafilatura's suite, where a credit is no part of the text,
    about half the strings that kept captions added and that a page's text must not hold were such credits
    (6 of 13 pages looked at: "Bild: TebNad/Shutterstock.com", "Kuva: ALEXANDER BECHER", ...)."""
    seen = _visible_text(caption)
    if (credit := _CREDIT_TAIL_RE.search(seen) or _CREDIT_PARENTHESIS_RE.search(seen)) is None:
        return
    tail = caption.tail
    caption.clear()
    caption.text, caption.tail = seen[: credit.start()], tail


_TEXT_FRAMES = frozenset({"article", "main"})
"""The elements that frame a text: the extraction reads the one that holds the article's words and leaves the rest."""


def _text_frame(node: etree._Element) -> etree._Element | None:
    return next((box for box in node.iterancestors() if box.tag in _TEXT_FRAMES), None)


_FIGURE_PARTS = etree.XPath("boolean(.//table | .//img)")
"""What a figure shows: a table or a picture."""


def _referenced_figures(body: etree._Element) -> Iterator[tuple[etree._Element, etree._Element]]:
    """(frame, reference) for each text frame with an id holding a table or a picture that an element of another
    text frame points to, the first time it does: an attribute of the reference names the frame's id
    (`href="#T1"`, PMC's `rid-ob="ob-T1"`)."""
    shown = [node for node in body.iter(*_TEXT_FRAMES) if node.get("id") and _FIGURE_PARTS(node)]
    frames = {node.get("id"): node for node in shown}
    for node in body.iter():
        if not frames or not isinstance(node.tag, str) or _text_frame(node) is None:
            continue
        for name, value in node.items():
            frame = frames.get(value.rpartition("#")[2]) if name != "id" else None
            if frame is not None and node not in frame.iter():
                yield frames.pop(frame.get("id")), node


def _bring_in_referenced_figures(body: etree._Element) -> None:
    """A table or a figure the text refers to, set in a frame of its own, moved to stand where the text refers to it.

    PMC's PubReader sets each table and figure in an `<article>` of its own after the article's text, which shows a
    thumbnail and a "Table 1" link in its place: the extraction reads the text's frame and leaves them out, though a
    reader opens them from the text and a question may be about a table's rows or a figure's caption. A frame that
    an element of the text's frame points to (`_referenced_figures`) is moved after the block holding the
    reference, as a `<div>`, so it is read there as the text's own tables and captions are. A table or figure the
    text's own frame holds is left where it is.
    """
    for box, reference in list(_referenced_figures(body)):
        block = next(n for n in (reference, *reference.iterancestors()) if n.tag not in _INLINE_HTML)
        if block is body:
            continue
        previous, parent = box.getprevious(), box.getparent()
        if previous is not None:
            previous.tail = (previous.tail or "") + (box.tail or "")
        else:
            parent.text = (parent.text or "") + (box.tail or "")
        box.tail, box.tag = None, "div"
        block.addnext(box)


_PICTURE_FILE_RE = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|tiff?)$", re.IGNORECASE)
"""The path of a picture's file: a link to it from a picture is the picture's larger size, not a page."""


def _captions(frame: etree._Element, site: str | None) -> bool:
    """Whether a caption captions its page's own picture: False when every picture, table or player of its frame
    (for a caption standing alone, of the box around it) is a link to another site's page. Such a picture is a
    promotion (a shop's banner, "Besuchen Sie unseren Fan-Shop!"), and its caption the promotion's words. A link to
    the picture's own file (Commons' "File:....jpg", a CDN's full size) is the picture's; with the page's own address
    unknown, no link is taken for one leading off the site. A caption whose frame holds none is kept: a video page's
    player is a script's box, and its caption the page's text (zdf.de in the suite)."""
    holder = frame if frame.getparent() is None or any(True for _ in frame.iter(*_FRAMED)) else frame.getparent()
    targets = []
    for element in holder.iter(*_FRAMED):
        link = next(element.iterancestors("a"), None)
        address = "" if link is None else link.get("href") or ""
        targets.append(None if _PICTURE_FILE_RE.search(urlsplit(address).path) else _site(address))
    return site is None or not targets or any(target in (None, site) for target in targets)


def _captions_as_paragraphs(body: etree._Element, site: str | None) -> None:
    """Captions made paragraphs of their own, standing where their figure or table stands.

    A caption is words a reader sees under a picture or over a table ("Figure 5.1: Tabular and spatial data are
    related by ..."), and a question may be about them; trafilatura drops `<figure>` and anything a class names a
    caption, and our furniture rule drops a short box so named. So each caption leaves its figure, loses the
    names that mark it for removal, and becomes a `<p>` (a `<div>` when it holds paragraphs), never run into the
    text around it. A photo credit inside it (a class names it, or it closes the text, `_without_credit`) stays
    furniture and goes; a player's caption (a video's title) is left to the furniture rule, as is a caption cell
    of a table the extraction keeps. So do a caption that is only a credit (`_CREDIT_LINE_RE`), a caption line
    its names call a source or copyright, and the caption of a promotion (`_captions`): on trafilatura's suite,
    which wants no caption, these were 11 of the 35 strings keeping captions added that a page must not hold, and
    no string it must hold. Markers were written into the text before (`_write_markers`), so a
    caption's note markers are resolved as the text's are.
    """
    captions = [node for node in body.iter() if isinstance(node.tag, str) and _is_caption(node)]
    found = set(captions)
    for caption in [node for node in captions if not any(a in found for a in node.iterancestors())]:
        frame = _caption_frame(caption)
        if _PLAYER(frame) or (frame is caption and caption.tag in ("td", "th")) or not _captions(frame, site):
            continue
        if _CREDIT_RE.search(_names(caption)) or _CREDIT_LINE_RE.fullmatch(_visible_text(caption)):
            continue
        for credit in [n for n in caption.iterdescendants() if _CREDIT_RE.search(_names(n))]:
            credit.drop_tree()
        if not _text(caption):
            continue
        for empty in [n for n in caption.iterdescendants() if _is_empty_box(n)]:
            empty.drop_tree()
        _without_credit(caption)
        if frame is not caption:
            _set_apart(caption, frame)
        holds_blocks = any(isinstance(n.tag, str) and n.tag not in _INLINE_HTML for n in caption.iterdescendants())
        caption.tag = "div" if holds_blocks else "p"
        for name in ("class", "id"):
            caption.attrib.pop(name, None)


_FURNITURE_NAMES = "caption|credit|promo|newsletter|related|disclosure|copyright"
_FURNITURE = etree.XPath(
    f"//body//*[re:test(concat(@class, ' ', @id), '{_FURNITURE_NAMES}', 'i')]"
    " | //body//*[.//video or .//audio or .//iframe or .//object or .//embed]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)
_FRAME_TAGS = frozenset({"html", "body", "main", "article"})
_FURNITURE_MAX = 300
"""A caption, a credit, a promotion teaser or a player's title is a line or two; a longer box is content.
The same holds for a box that names itself a newsletter sign-up, related links, a disclosure or a copyright
line (measured on the suite's dev half: 6 fewer false positives, no true positive lost)."""
_TEASER_LINK_SHARE = 0.5
"""A short paragraph whose words are at least this much link text points elsewhere (measured: 0.35-0.7 score alike)."""


def _is_entry(paragraph: etree._Element) -> bool:
    """Whether a paragraph is the whole of an entry of a list the text announces (Asciidoctor writes
    `<li><p>...</p></li>`, after a paragraph ending in a colon, "available in the following languages:"): the
    entry's words, which the list's own tests judge (`_is_menu`, `_is_link_list`), not a teaser set between
    paragraphs. A heading ending in a colon ("Look at other dictionaries:") titles a box, not a sentence. Measured
    on trafilatura's suite: with any list's entries spared, three pages gained a related link or an article's
    "Published:" and "DOI:" lines."""
    entry = paragraph.getparent()
    if (
        entry is None
        or entry.tag != "li"
        or squash((entry.text or "") + (paragraph.tail or ""))
        or [child for child in entry if isinstance(child.tag, str)] != [paragraph]
        or (listing := entry.getparent()) is None
    ):
        return False
    lead = _lead_in(listing)
    return lead is not None and next(lead.iter(*_HEADINGS), None) is None and _text(lead).endswith(":")


def _remove_furniture(body: etree._Element) -> frozenset[str]:
    """Captions, photo credits, promotions and media players with their titles: never the article's words.
    Returns the entries of the page's menus (`_is_menu`), which are left in place and dropped from the blocks
    afterwards: taken out of the page first, they changed where trafilatura found the text, and it cut a
    magazine article down to its header (baumeister.de in the suite lost two of its three wanted strings).

    trafilatura drops `<figure>` and link-dense boxes itself; what it keeps is a credit or caption set
    outside a figure, the heading of a video box, and a short paragraph that is mostly a link to another
    page ("Read also: <a>headline</a>"). Found by markup (class names, a media element inside, link text),
    and only when short, so a page's main container, whatever its class, is never taken for one.
    """
    size = len(_text(body))
    for node in _FURNITURE(body):
        if node.tag in _FRAME_TAGS or any(a.tag in _FRAME_TAGS for a in node.iterdescendants()) or _self_named(node):
            continue
        length = len(_text(node))
        if node.getparent() is not None and length <= _FURNITURE_MAX and length * 2 < size:
            node.drop_tree()
    for paragraph in list(body.iter("p")):
        text = _text(paragraph)
        if _is_entry(paragraph):
            continue
        if text and len(text) <= _FURNITURE_MAX and _linked(paragraph) >= _TEASER_LINK_SHARE * len(text):
            paragraph.drop_tree()
    menus = [node for node in body.iter("ul", "ol") if _is_menu(node)]
    return frozenset(_text(item) for menu in menus for item in menu if item.tag == "li")


_SLUG_RE = re.compile(r"[\W_]+")


def _self_named(node: etree._Element) -> bool:
    """Whether a node is taken for furniture only by an id spelling its own words: a heading's anchor made from
    its title ("Eich_CEO_promotion_controversy" holds "promo") names the section, not a promotion. Its class, or a
    player inside it, still counts."""
    if _FURNITURE_NAMES_RE.search(node.get("class") or "") or node.xpath(".//video or .//audio or .//iframe"):
        return False
    words = _SLUG_RE.sub("", _text(node)).casefold()
    return bool(words) and _SLUG_RE.sub("", node.get("id") or "").casefold() == words


def _spells_own_heading(node: etree._Element) -> bool:
    """Whether the node's id spells its heading's words: a heading's own, or, for a section, those of the heading
    that opens it (pandoc, Quarto and most site generators make a section's id from its title)."""
    name = _SLUG_RE.sub("", node.get("id") or "").casefold()
    if not name:
        return False
    heading = node if node.tag in _HEADINGS else next((c for c in node if isinstance(c.tag, str)), None)
    return heading is not None and heading.tag in _HEADINGS and _SLUG_RE.sub("", _text(heading)).casefold() == name


_TITLE_IDS_MIN = 3
"""A generator names every section after its title; a template may so name one box ("related" over "Related")."""


def _unname_sections(body: etree._Element) -> None:
    """Take off the ids made from section titles before trafilatura reads the page, where the page names its
    sections so (at least `_TITLE_IDS_MIN` of them).

    trafilatura drops any element whose id holds one of its boilerplate words ("tags", "nav", "menu", "share",
    "related", "author", "footer", "sidebar"...): a section titled "Tracking hashtags" or "Related work", whose id
    a generator made from that title, went with all its paragraphs (three sections of a Quarto post). Such an id
    names the section's subject, not the page's furniture; an id chosen by the page's template stays, and so does
    a lone box named after its heading, which is the template's naming, not a generator's. The ids go before the
    page's own furniture is found by its names (`_remove_furniture`): a proposal's closing section "Copyright"
    (docutils' `<div class="section" id="copyright">`, "This document has been placed in the public domain.") was
    taken for a site's copyright line and lost.
    """
    named = [node for node in body.iter() if isinstance(node.tag, str) and _spells_own_heading(node)]
    if len(named) >= _TITLE_IDS_MIN:
        for node in named:
            del node.attrib["id"]


_MENU_ITEMS = 3
_MENU_ITEM_WORDS = 6
"""A menu's entries are labels: a few words each ("Tabular View", "How to Read a Study Record")."""


def _linked(node: etree._Element) -> int:
    """How many characters of the node's text are links to other pages (an in-page `#` link is no way out)."""
    return sum(len(_text(a)) for a in node.iter("a") if not (a.get("href") or "#").startswith("#"))


def _is_menu(node: etree._Element) -> bool:
    """Whether a list is a menu: three entries or more, each a short label, and its words mostly links to other
    pages (tabs, a site's sections). A list of the text's own points is sentences, not labels."""
    items = [_text(item) for item in node if item.tag == "li"]
    text = _text(node)
    return (
        len(items) >= _MENU_ITEMS
        and all(len(item.split()) <= _MENU_ITEM_WORDS for item in items)
        and _linked(node) >= _TEASER_LINK_SHARE * len(text)
    )


_BOX_MENUS = 2
"""A navigation box gathers menus, each under its title; one list of links under a label is a fact's value (an
infobox's "Official languages" over three linked languages)."""


_UNLINKED_WORDS = etree.XPath(
    "descendant::text()[not(ancestor::a or ancestor::script or ancestor::style or ancestor::noscript"
    " or ancestor::template)]"
)


def _prose(node: etree._Element) -> bool:
    """Whether an element holds words of running text: a run of words outside any link longer than a menu
    entry's label (`_MENU_ITEM_WORDS`). A navigation box's own words are titles over its lists ("Machine-learning
    venues"); a sentence is the text's, however many menus stand around it."""
    return any(len(str(words).split()) > _MENU_ITEM_WORDS for words in _UNLINKED_WORDS(node))


def _navigation_boxes(body: etree._Element) -> list[etree._Element]:
    """The page's navigation boxes: the largest element around menus (`_is_menu`), two or more, whose words are
    still mostly links to other pages and whose other words are titles, no running text (`_prose`); smaller than
    half the page and no frame of it (`<main>`, `<article>`).

    A box of menus under titles (an encyclopedia's sidebar of related topics: "Machine learning and data mining"
    over lists of links, each under a title of its own) is navigation as a whole, its titles with its links. The
    extractor drops the link lists but may keep a title, which is a line of the box's own words rather than a
    link, so its words alone do not tell it from the text's. What does is where it stands: inside an element that
    is, words for words, mostly links, with no sentence of its own. Found by that structure, never by a class or
    id (such names took a site's whole main container for a box). The link share alone is not enough: an
    article's container around a mega-menu of hundreds of links is mostly links too, and on trafilatura's suite
    six pages lost their whole text to it; the article's sentences are what tell it apart.
    """
    size = len(_text(body))
    lengths: dict[etree._Element, int] = {}
    boxes: list[etree._Element] = []
    for menu in body.iter("ul", "ol"):
        if not _is_menu(menu):
            continue
        box = None
        for ancestor in menu.iterancestors():
            if ancestor.tag in _FRAME_TAGS:
                break
            if ancestor not in lengths:
                lengths[ancestor] = len(_text(ancestor))
            length = lengths[ancestor]
            if length * 2 >= size or _linked(ancestor) < _TEASER_LINK_SHARE * length or _prose(ancestor):
                break
            box = ancestor
        if box is not None:
            boxes.append(box)
    menus_in = Counter(boxes)
    return [
        box
        for box, menus in menus_in.items()
        if menus >= _BOX_MENUS and not any(outer in menus_in for outer in box.iterancestors())
    ]


def _without_navigation(blocks: list[Block], body: etree._Element) -> list[Block]:
    """The blocks less those whose words the page prints only inside its navigation boxes (`_navigation_boxes`):
    a box's titles, which the extractor kept where it dropped the links under them. A box whose list entries the
    extractor kept is text it chose (a podcast's show notes, links in nested lists), and counts as none; a block
    whose words the page prints outside the boxes too (a section heading that a box also names) stays."""
    kept = frozenset(squash(block.text) for block in blocks)
    boxes = [
        _visible_text(box)
        for box in _navigation_boxes(body)
        if not any(_visible_text(item) in kept for item in box.iter("li"))
    ]
    if not boxes:
        return blocks
    visible = _visible_text(body)

    def navigation(block: Block) -> bool:
        text = squash(block.text)
        inside = sum(box.count(text) for box in boxes) if text else 0
        return inside > 0 and visible.count(text) == inside

    return [block for block in blocks if not navigation(block)]


_INLINE_OUTPUT = frozenset({"hi", "ref", "lb", "del", "graphic"})
"""trafilatura's output tags that sit inside a block's words; every other tag is a block of its own."""
_RUNNING_TEXT = frozenset({"p", "head", "item", "cell", "quote"})
"""trafilatura's output tags whose words are running text: a `code` among them is a word of the sentence."""


def _inline(child: etree._Element, parent: etree._Element) -> bool:
    """Whether `child` sits inside its parent's words rather than standing as a block of its own.

    trafilatura writes a code block (`<pre><code>`) and inline code (`<code>` in a sentence) with the same
    `code` tag; only where it stands tells them apart. Code inside running text and on one line is part of
    the sentence ("build this with <code>emcc</code> which would emit..."): cut out, it would break the
    sentence into fragments no quote could span. Code with a line break is a listing even inside a list item.
    """
    if child.tag in _INLINE_OUTPUT or (child.tag == "cell" and parent.tag == "row"):
        return True
    one_line = child.find(".//lb") is None and "\n" not in "".join(child.itertext()).strip()
    return child.tag == "code" and parent.tag in _RUNNING_TEXT and one_line


def _spaced_text(node: etree._Element) -> str:
    """An inline element's words, a space between the blocks inside it: a table cell holding two paragraphs
    reads "(As sung.) [The singer ...", as a browser shows it, not "(As sung.)[The singer ..."."""
    parts = [node.text or ""]
    for child in node:
        if isinstance(child.tag, str):
            space = "" if child.tag in _INLINE_OUTPUT else " "
            parts.extend((space, _spaced_text(child), space))
        parts.append(child.tail or "")
    return "".join(parts)


_KINDS: dict[str, ParagraphKind] = {"head": "heading", "item": "bullet"}


def _blocks_within(cell: etree._Element) -> int:
    """How many paragraphs, lists or tables a table cell of trafilatura's output holds."""
    return sum(isinstance(child.tag, str) and child.tag not in _INLINE_OUTPUT for child in cell)


def _row_blocks(row: etree._Element, listings: frozenset[str], kind: ParagraphKind) -> Iterator[Block]:
    """A table row one of whose cells holds several paragraphs: a page laid out in a table (a page number or a
    drawing in one cell, a song's lines, their translation and its explanation in the next). Each paragraph stays
    one, and the words of the cells before it (the page number, a list item's label "(11)") open the first."""
    before: list[str] = []
    for cell in row:
        if not isinstance(cell.tag, str):
            continue
        if _blocks_within(cell) < 2:
            before.append(_spaced_text(cell))
            continue
        blocks = list(_output_blocks(cell, listings, kind))
        if blocks and squash(" ".join(before)):
            first = blocks[0]
            blocks[0] = Block(" ".join((*before, first.text)), first.kind, preformatted=first.preformatted)
        before = []
        yield from blocks
    if squash(" ".join(before)):
        yield Block(" ".join(before), kind)


_DATA_CELL_MAX = 60
"""A data table's cell holds a value or a label ("Douglas-Fir", "36.0", "Height (m)"); a longer cell is prose set in
a table (a comparison's "Alerts would be sent through ..."), whose rows read as paragraphs of their own."""
_DATA_ROWS_MAX = 20
"""A data table this long or shorter is read as one block: a longer one as one block would bury a row a question is
about under the others (a wiki's infobox, an act's annex)."""


def _cells(row: etree._Element) -> list[etree._Element]:
    return [cell for cell in row if cell.tag == "cell"]


def _caption_row(table: etree._Element) -> etree._Element | None:
    """The row trafilatura makes of a table's `<caption>`: the first row, one head cell holding words and every
    other cell empty ("Table 5.1: An excerpt of the CIMD data table." over a table of eleven columns)."""
    row = next((row for row in table if row.tag == "row"), None)
    cells = [] if row is None else _cells(row)
    worded = [cell for cell in cells if squash(_spaced_text(cell))]
    alone = len(cells) > 1 and len(worded) == 1 and worded[0] is cells[0]
    return row if alone and cells[0].get("role") == "head" else None


def _data_table_rows(table: etree._Element) -> list[list[str]] | None:
    """The cells' words, row by row, of a small data table in trafilatura's output: a header row of column names
    over at least one row of short values, no cell holding a paragraph or a list; None for any other table. A
    caption's row (`_caption_row`) is no row of the table: the column names stand under it."""
    caption = _caption_row(table)
    rows = [row for row in table if row.tag == "row" and row is not caption]
    if not 2 <= len(rows) <= _DATA_ROWS_MAX or not _cells(rows[0]):
        return None
    if any(cell.get("role") != "head" for cell in _cells(rows[0])):
        return None
    cells = [cell for row in rows for cell in _cells(row)]
    if any(_blocks_within(cell) or len(squash(_spaced_text(cell))) > _DATA_CELL_MAX for cell in cells):
        return None
    return [[squash(_spaced_text(cell)) for cell in _cells(row)] for row in rows]


_WHOLE = "whole"
"""The attribute `_mark_whole_tables` sets on a table of trafilatura's output that is read as one block."""


def _mark_whole_tables(result: etree._Element, visible: str) -> None:
    """Mark the small data tables of trafilatura's output (`_data_table_rows`) whose words stand on the page in
    their order (`visible`, the page's words). trafilatura drops a cell whose words it saw elsewhere on the page
    (a row's "twitter" after the page's share button of that name): such a table joined whole is no verbatim
    quote of the page, so it is read row by row, as any other table."""
    for table in result.iter("table"):
        rows = _data_table_rows(table)
        if rows is not None and squash(" ".join(cell for row in rows for cell in row)) in visible:
            table.set(_WHOLE, "")


def _data_table_blocks(table: etree._Element, kind: ParagraphKind) -> list[Block] | None:
    """A small data table as one preformatted block, its header row and each row of values on a line of their own,
    the cells apart by a tab, after its caption's paragraph when it has one; None for any other table (one
    `_mark_whole_tables` did not mark).

    Read a row to a paragraph, a table of values gave paragraphs such as "4 25 36 Douglas-Fir": verbatim, but a
    quote of it says nothing of what the numbers are. Tools that render tables as text join a row's cells with its
    column names ("Height (m): 25"), words the page does not print in that order, which a verbatim quote cannot
    hold. Kept whole, the table's quote carries its column names over its values in the page's own words, and its
    line breaks keep the rows apart as a reader sees them.
    """
    rows = _data_table_rows(table) if table.get(_WHOLE) is not None else None
    if rows is None:
        return None
    caption = _caption_row(table)
    grid = Block("\n".join("\t".join(row) for row in rows), kind, preformatted=True)
    return [grid] if caption is None else [Block(_spaced_text(_cells(caption)[0]), kind), grid]


def _output_blocks(node: etree._Element, listings: frozenset[str], kind: ParagraphKind = "text") -> Iterator[Block]:
    """Blocks from trafilatura's output tree: `head` a heading, `item` a bullet, a small data table one preformatted
    block (`_data_table_blocks`) and any other table's row one block, and a code block or a page's `<pre>` one
    preformatted block, whose line breaks a listing or a transcript needs.

    trafilatura writes a `<pre>` it takes for code as `code`, and any other as `quote`, as it does a
    `<blockquote>`; a `quote` is preformatted when its words are those of one of the page's `<pre>`s (`listings`).
    An element's own words (its text and inline children) make one block; a block-level child, such as
    a list inside a paragraph, follows as blocks of its own, so no words are lost or run together.
    """
    if node.tag == "row" and any(_blocks_within(cell) > 1 for cell in node):
        yield from _row_blocks(node, listings, kind)
        return
    if node.tag == "table" and (table := _data_table_blocks(node, kind)) is not None:
        yield from table
        return
    own_kind = _KINDS.get(node.tag, kind)
    listing = node.tag == "code" or (node.tag == "quote" and squash("".join(node.itertext())) in listings)
    # A row is read across: a `<br>` in one of its cells runs the cell's lines on, as the cells' words run on.
    line_break = "\n" if listing else " " if node.tag == "row" else LINE_BREAK
    breaks = {"lb": line_break, "cell": " "}
    parts: list[str] = [node.text or ""]
    nested: list[Block] = []
    for child in node:
        if not isinstance(child.tag, str):  # a comment the page's markup left inside the text: only its tail is seen
            parts.append(child.tail or "")
            continue
        if _inline(child, node):
            parts.extend((breaks.get(child.tag, ""), _spaced_text(child), child.tail or ""))
            continue
        if squash("".join(parts)):
            nested.extend(_broken_block("".join(parts), own_kind, listing))
        parts = [child.tail or ""]
        nested.extend(_output_blocks(child, listings, own_kind))
    if squash("".join(parts)):
        nested.extend(_broken_block("".join(parts), own_kind, listing))
    yield from nested


def _broken_block(text: str, kind: ParagraphKind, listing: bool) -> list[Block]:
    """A block of trafilatura's output whose lines `<br>`s break (`LINE_BREAK`): one block a line where each is a
    line of its own (`lines_apart`: an address, a signature block, verses), as a Markdown paragraph's hard breaks
    part it; else one block, its lines run on as a browser wraps them. A listing keeps its lines in one block."""
    if listing:
        return [Block(text, kind, preformatted=True)]
    lines = [line for line in text.split(LINE_BREAK) if squash(line)]
    if len(lines) > 1 and lines_apart([squash(line) for line in lines]):
        return [Block(line, kind) for line in lines]
    return [Block(" ".join(lines), kind)]


def _main_blocks(tree: etree._Element, body: etree._Element) -> list[Block]:
    """The main text's blocks as trafilatura chooses them, in its balanced mode (which retries for recall itself).

    Measured on the suite (F1, before teaser removal): these options 0.925; with formatting kept 0.924;
    favor_precision 0.920; favor_recall 0.918; with comments 0.923. Comments stay out: a reader's comment
    quoted under the article's author would be a misattribution.
    """
    listings = frozenset(squash(pre.text_content()) for pre in body.iter("pre"))
    visible = _visible_text(body)
    document = bare_extraction(tree, include_comments=False, include_tables=True, include_formatting=False)
    if document is None or document.body is None:
        return []
    _mark_whole_tables(document.body, visible)
    return list(_output_blocks(document.body, listings))


def _all_text(body: etree._Element) -> bool:
    """Whether the page holds nothing but its text: no navigation, header, footer, aside, form or menu, nothing a
    role names navigation, no link leading off the page (every address an in-page `#` target), and no line that is
    wholly a link (a contents list's entry, a "Jump to Main Text" line: ways around the page, not its text). Such
    a page (a document drafted as an HTML fragment: an Act's sections as nested lists under its Part and chapter
    headings, a cross-reference linked within a sentence) gives an extractor no furniture to tell from the text."""
    if any(True for _ in body.iter(*_NOT_TEXT)):
        return False
    if any((node.get("role") or "").lower() in _NAVIGATION_ROLES for node in body.iter()):
        return False
    if not all((anchor.get("href") or "#").startswith("#") for anchor in body.iter("a")):
        return False
    return not any(
        (words := _text(line)) and sum(len(_text(anchor)) for anchor in line.iter("a")) == len(words)
        for line in body.iter(*_PASSAGES, *_HEADINGS)
    )


def _lost_headings(blocks: list[Block], body: etree._Element) -> bool:
    """Whether the extraction left out any of the page's headings that has words."""
    kept = frozenset(squash(block.text) for block in blocks if block.kind == "heading")
    return any((words := _visible_text(node)) and words not in kept for node in body.iter(*_HEADINGS))


_PAGE_KINDS: dict[str, ParagraphKind] = {**dict.fromkeys(_HEADINGS, "heading"), "li": "bullet"}


def _page_blocks(node: etree._Element, kind: ParagraphKind = "text") -> Iterator[Block]:
    """The page's own blocks, read from its markup without an extractor (`_whole_page_blocks`): each heading, at
    whatever level, a heading; each list entry's own words a bullet, an entry nested in it a bullet of its own
    after them; a `<pre>` one preformatted block; a table's row one block; any other element's own words (its
    text and inline children) one block, its block-level children following as blocks of their own."""
    if node.tag == "pre":
        yield Block(node.text_content(), kind, preformatted=True)
        return
    if node.tag == "tr":
        yield Block(_visible_text(node), kind)
        return
    own_kind = _PAGE_KINDS.get(node.tag, kind)
    parts: list[str] = [node.text or ""]
    for child in node:
        if not isinstance(child.tag, str) or child.tag in _UNSEEN:
            parts.append(child.tail or "")
        elif child.tag == "br":
            parts.extend((LINE_BREAK, child.tail or ""))
        elif child.tag in _INLINE_HTML:
            parts.extend((child.text_content(), child.tail or ""))
        else:
            if squash("".join(parts)):
                yield from _broken_block("".join(parts), own_kind, listing=False)
            parts = [child.tail or ""]
            yield from _page_blocks(child, own_kind)
    if squash("".join(parts)):
        yield from _broken_block("".join(parts), own_kind, listing=False)


def _whole_page_blocks(blocks: list[Block], body: etree._Element) -> list[Block]:
    """The page read whole from its markup (`_page_blocks`) where it holds nothing but its text (`_all_text`) and
    the extraction left out any of its headings; else the extraction's blocks.

    trafilatura looks for the text among a page's furniture, and on a page with none its rules only lose text: an
    Act drafted as an HTML5 fragment (Parts as `<h2>`, chapters as `<h3>`, cross-headings as `<h4>`, each section
    an `<h5>` over its subsections as nested `<ol>`s) came through as its sections without the Part, chapter and
    cross-headings over them, and a section whose subsections are mostly cross-references ("section 7(1) or
    (2)", each number a link to the subsection it names) was dropped whole as a list of links. A lost heading is
    what shows the extraction misread the page: a page whose headings all came through keeps its extraction.
    """
    if not _all_text(body) or not _lost_headings(blocks, body):
        return blocks
    return list(_page_blocks(body))


_INLINE_HTML = frozenset(
    "a abbr acronym b bdi bdo big cite code data del dfn em font i ins kbd label mark nobr output q rb rp rt ruby "
    "s samp small span strike strong sub sup time tt u var wbr".split()
)
_UNSEEN = frozenset({"script", "style", "noscript", "template", "head", "title"})


def _visible_text(body: etree._Element, starts: dict[etree._Element, int] | None = None) -> str:
    """The words a reader sees in the tree, white space squashed: inline elements run on, other elements
    (paragraphs, cells, `<br>`) are separated by a space, as a browser lays them out. For each element of
    `starts` the position in that text where its words begin is filled in (for a few: each costs a pass)."""
    parts: list[str] = []
    for event, node in etree.iterwalk(body, events=("start", "end")):
        element = isinstance(node.tag, str)
        if event == "start":
            if starts is not None and node in starts:
                starts[node] = len(parts)
            if element and node.tag not in _INLINE_HTML:
                parts.append(" ")
            if element and node.text and node.tag not in _UNSEEN:
                parts.append(node.text)
        else:
            if element and node.tag not in _INLINE_HTML:
                parts.append(" ")
            if node.tail and node is not body:
                parts.append(node.tail)
    for node, index in (starts or {}).items():
        starts[node] = len(squash("".join(parts[:index])))
    return squash("".join(parts))


def _verbatim(blocks: list[Block], visible: str) -> list[Block]:
    """Each block as the page shows it. trafilatura may break a line at an inline tag (`m<sup>2</sup>`
    comes out `m 2`) on some paths; such a block is replaced by the page's own words that it spans,
    found with white space ignored. A block whose words are not on the page in order stays as it is."""
    compact_chars: list[str] = []
    index: list[int] = []
    for position, char in enumerate(visible):
        if not char.isspace():
            compact_chars.append(char)
            index.append(position)
    compact = "".join(compact_chars)
    repaired: list[Block] = []
    start = 0
    for block in blocks:
        text = squash(block.text)
        key = "".join(text.split())
        at = -1 if text in visible or not key else compact.find(key, start)
        if at < 0 and key and text not in visible:
            at = compact.find(key)
        if at < 0:
            repaired.append(block)
            continue
        start = at + len(key)
        repaired.append(replace(block, text=visible[index[at] : index[start - 1] + 1]))
    return repaired


_OUTSIDE_TEXT = frozenset({"nav", "footer", "aside", "form", "button", "select", *_UNSEEN})
_NOT_TEXT = frozenset({*_OUTSIDE_TEXT, "header", "menu"})
_NAVIGATION_ROLES = frozenset({"navigation", "menu", "menubar", "complementary", "banner", "contentinfo"})
_FURNITURE_NAMES_RE = re.compile(_FURNITURE_NAMES, re.IGNORECASE)


def _site(address: str | None) -> str | None:
    """The site an absolute web address is on (its host, without `www.`); None for a relative link."""
    host = urlsplit(web_address(address) or "").hostname
    return host.removeprefix("www.") if host else None


def _leads_off_site(item: etree._Element, site: str | None) -> bool:
    """Whether every link of a list entry leads to another site than the page's own (a relative link stays on it)."""
    links = [_site(a.get("href")) for a in item.iter("a")]
    return bool(links) and all(link is not None and link != site for link in links)


_LINK_LIST_ITEMS = 2
"""A single link set as a list is a button ("Print as PDF", "Order here"), not a list the text gives."""


def _is_link_list(
    node: etree._Element, kept: frozenset[str], site: str | None, announced: bool, headed: bool = False
) -> bool:
    """Whether a list may be one of the text's own that trafilatura dropped for its links: two entries or more (one
    in a section of its own, `headed`: `_section_heading`), every one mostly a link, and to another site (the bugs
    fixed, the accounts to follow, the sources: what the text cites, where a list of the site's own pages is its
    related stories or its sections), none of its entries kept, no list inside, no menu (`_is_menu`), and set in
    no navigation, header, footer, aside, form or box that names itself furniture. A list the text announces
    (`_announced`) may be a menu of short titles (the sources, the translations the sentence names) and needs to be
    mostly links only as a whole ("Italian (Under progress)" beside "Chinese").

    Measured on trafilatura's suite (990 pages): lists come back on 6 pages, none with a string the suite says
    the text must not show; with links to the site's own pages allowed, 4 more pages gained related stories
    ("Four out of five jobs affected by virus globally"), and with single entries 3 more gained a button."""
    items = [item for item in node if item.tag == "li"]
    texts = [_text(item) for item in items]
    if len(items) < (1 if headed else _LINK_LIST_ITEMS) or not all(texts) or any(text in kept for text in texts):
        return False
    linked = (
        _linked(node) >= _TEASER_LINK_SHARE * len(_text(node))
        if announced
        else all(_linked(item) >= _TEASER_LINK_SHARE * len(text) for item, text in zip(items, texts, strict=True))
    )
    if (
        node.find(".//li//li") is not None
        or (_is_menu(node) and not announced)
        or not linked
        or not all(_leads_off_site(item, site) for item in items)
    ):
        return False
    for outer in (node, *node.iterancestors()):
        if outer.tag in _NOT_TEXT or (outer.get("role") or "").lower() in _NAVIGATION_ROLES:
            return False
        if outer is not node and _FURNITURE_NAMES_RE.search(f"{outer.get('class') or ''} {outer.get('id') or ''}"):
            return False
    return True


def _frame(node: etree._Element) -> etree._Element | None:
    """The element that sets a block among the text around it: its parent, or past the wrappers that hold the
    block alone. A generator that boxes every block (Asciidoctor's `<div class="ulist"><ul>` beside its
    `<div class="paragraph"><p>`) gives a list a parent with no other words; the text the list belongs to is
    the wrapper's siblings."""
    frame = node.getparent()
    while (
        frame is not None
        and frame.tag not in ("body", "html")
        and not squash((frame.text or "") + (node.tail or ""))
        and [child for child in frame if isinstance(child.tag, str)] == [node]
    ):
        node, frame = frame, frame.getparent()
    return frame


def _lead_in(node: etree._Element) -> etree._Element | None:
    """The block right before a list, past the wrappers that hold the list alone (`_frame`), with no words between
    them; None when the list opens its frame."""
    frame = _frame(node)
    block = node
    while (parent := block.getparent()) is not None and parent is not frame:
        block = parent
    previous = block.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    return None if previous is None or squash(previous.tail or "") else previous


def _announced(node: etree._Element, told: frozenset[str]) -> bool:
    """Whether a kept paragraph of the text stands right before the list (`_lead_in`) and ends in a colon: the
    sentence announces the list ("Here are some of them:", "via one of the following platforms:"). A site's menu
    follows no sentence of the article's."""
    lead = _lead_in(node)
    words = squash(_visible_text(lead)) if lead is not None else ""
    return words.endswith(":") and words in told


_PASSAGES = ("p", "li", "dd", "td", "blockquote")
"""The elements that hold the text's own passages, where a kept block is looked for (`_beside_text`)."""


def _section_heading(node: etree._Element, kept: frozenset[str]) -> etree._Element | None:
    """The heading of the section a list is all of, or None: the list's frame (`_frame`) holds a heading and the list
    and nothing else, the heading first, and trafilatura kept neither (a section of a specification's "Discussion",
    its heading over one link to the mailing-list thread). Such a section is the text's, however few its words and
    however many of them are links; a site's box of links beside the text stands in no section of the text's
    (`_beside_text`)."""
    frame = _frame(node)
    lead = _lead_in(node)
    if frame is None or lead is None or lead.tag not in _HEADINGS or squash(_visible_text(lead)) in kept:
        return None
    children = [child for child in frame if isinstance(child.tag, str)]
    return lead if len(children) == 2 and children[0] is lead and node in children[1].iter(node.tag) else None


def _beside_text(frame: etree._Element, told: frozenset[str]) -> bool:
    """Whether the element right before or after a section holds a passage the extraction kept: the section stands
    among the text's own, not in a page's margin."""
    siblings = (frame.getprevious(), frame.getnext())
    return any(
        squash(_visible_text(passage)) in told
        for sibling in siblings
        if sibling is not None and isinstance(sibling.tag, str)
        for passage in sibling.iter(*_PASSAGES)
    )


def _with_link_lists(blocks: list[Block], body: etree._Element, site: str | None) -> list[Block]:
    """The blocks with the text's own link lists that trafilatura dropped (`_is_link_list`), as bullets in their
    place: after the last block that starts before the list.

    trafilatura drops a list whose words are mostly links, as a site's menus and related-links boxes are; but
    a list of links inside the text ("In progress: <ul><li><a>Bug 1677080 – ...</a></li>...") is part of it,
    and without it the line introducing it dangled. Such a list is taken back only where the text is: its
    parent, no frame of the whole page (`<body>`), holds a kept paragraph or item of its own (its own words, or
    a child's), or for a list the text announces (`_announced`), its frame past the wrappers that hold it alone
    (`_frame`); and only when the page prints it once (a site's menu stands in its header and again in its
    footer). Measured on trafilatura's suite: with every list's frame taken past its wrappers, two pages gained a
    box of related links ("Best of Southern Literature") and a forum's thread titles.

    A section that is nothing but its heading and such a list (`_section_heading`), set between the text's own
    sections (`_beside_text`), comes back whole, its heading over its entries, however few they are.
    """
    kept = frozenset(squash(block.text) for block in blocks)
    told = frozenset(squash(block.text) for block in blocks if block.kind != "heading")
    printed = Counter(_visible_text(node) for node in body.iter("ul", "ol"))
    around: dict[etree._Element, frozenset[str]] = {}
    lists: list[etree._Element] = []
    headings: dict[etree._Element, etree._Element] = {}
    for node in body.iter("ul", "ol"):
        announced = _announced(node, told)
        heading = _section_heading(node, kept)
        parent = _frame(node) if announced or heading is not None else node.getparent()
        if (
            parent is None
            or parent.tag in ("body", "html")
            or not _is_link_list(node, kept, site, announced, heading is not None)
        ):
            continue
        if parent not in around:
            children = (_visible_text(child) for child in parent if isinstance(child.tag, str))
            around[parent] = frozenset({squash(parent.text or ""), *children})
        among = around[parent] & told or (heading is not None and _beside_text(parent, told))
        if among and printed[_visible_text(node)] == 1:
            lists.append(node)
            if heading is not None:
                headings[node] = heading
    if not lists:
        return blocks
    starts = dict.fromkeys(lists, 0)
    visible = _visible_text(body, starts)
    positions = _block_positions(blocks, visible)
    restored: dict[int, list[Block]] = {}
    for node in lists:
        after = sum(1 for at in positions if at < starts[node])
        if node in headings:
            restored.setdefault(after, []).append(Block(_visible_text(headings[node]), "heading"))
        restored.setdefault(after, []).extend(Block(_visible_text(item), "bullet") for item in node if item.tag == "li")
    return [
        block for index in range(len(blocks) + 1) for block in (*restored.get(index, ()), *blocks[index : index + 1])
    ]


def _is_text_list(node: etree._Element, kept: frozenset[str]) -> bool:
    """Whether a list may be the text's own points that trafilatura's paragraphs-only fallback dropped: an outermost
    list of two entries or more, each with words, none kept and none mostly a link, no menu (`_is_menu`), and set
    in no navigation, header, footer, aside or form. Measured on trafilatura's suite (dev half): with entries
    mostly links allowed, a sports page gained a related headline and a streaming advertisement."""
    entries = [item for item in node if item.tag == "li"]
    items = [_text(item) for item in entries]
    if len(items) < _LINK_LIST_ITEMS or not all(items) or any(item in kept for item in items) or _is_menu(node):
        return False
    if any(_linked(entry) >= _TEASER_LINK_SHARE * len(item) for entry, item in zip(entries, items, strict=True)):
        return False  # a headline or a promotion leading away: `_with_link_lists` judges lists of links
    return not any(
        outer.tag in (*_NOT_TEXT, "li") or (outer.get("role") or "").lower() in _NAVIGATION_ROLES
        for outer in node.iterancestors()
    )


def _with_dropped_lists(blocks: list[Block], body: etree._Element) -> list[Block]:
    """The blocks with the text's lists put back, when trafilatura kept no list entry: each list that kept text
    encloses and none of whose words it kept, as bullets in its place.

    trafilatura's fallback for a page whose content container it does not recognise (a distill post's
    `d-article`, a CRS report's bare `<div>`s) collects paragraphs only: a list between two of them ("some possible
    questions could be answered by straightforward experimentation:" and its three questions) is lost, and the
    lead-in dangles. A list comes back only where a kept block ends right where the list starts and another
    starts right where it ends, so a menu, a share bar or a list of related links around the text stays out.
    When trafilatura kept any entry, its choice stands.
    """
    if any(block.kind == "bullet" for block in blocks):
        return blocks
    kept = frozenset(squash(block.text) for block in blocks)
    lists = [node for node in body.iter("ul", "ol") if _is_text_list(node, kept)]
    if not lists:
        return blocks
    starts = dict.fromkeys(lists, 0)
    visible = _visible_text(body, starts)
    positions = _block_positions(blocks, visible)
    ends = {at + len(squash(block.text)) for at, block in zip(positions, blocks, strict=True)}
    restored: dict[int, list[Block]] = {}
    for node in lists:
        words = _visible_text(node)
        end = visible.find(words, starts[node]) + len(words)
        after = next((index for index, at in enumerate(positions) if at >= end), None)
        if after is None or positions[after] - end > 1 or not ends & {starts[node], starts[node] - 1}:
            continue
        if any(starts[node] <= at < end for at in positions):  # partly kept (a nested entry, a line of code)
            continue
        restored.setdefault(after, []).extend(Block(_visible_text(item), "bullet") for item in node if item.tag == "li")
    return [
        block for index in range(len(blocks) + 1) for block in (*restored.get(index, ()), *blocks[index : index + 1])
    ]


def _block_positions(blocks: list[Block], visible: str) -> list[int]:
    """Where each block starts in the page's words (`_visible_text`), searched in order; a block not found there
    is put where the one before it was."""
    positions: list[int] = []
    for block in blocks:
        at = visible.find(squash(block.text), positions[-1] if positions else 0)
        positions.append(at if at >= 0 else positions[-1] if positions else 0)
    return positions


def _with_section_headings(blocks: list[Block], body: etree._Element) -> list[Block]:
    """The blocks with the page's section headings put back, when trafilatura kept none: each heading over kept
    text, in its place before the first block under it.

    trafilatura takes its text from the first content container it recognises by name; on a page with none (a
    CRS report's HTML is bare `<div>`s) it falls back to collecting paragraphs and tables only, and every
    `<h2>`-`<h6>` is lost, and with them each paragraph's section, which tells a reader what the paragraph is
    about. A heading comes back only if a kept block starts right where its words end: one over text the
    extractor left out (a menu's, a share bar's, an advertisement's, a notes list's) stays out, and so does one
    whose words are mostly a link to another page ("Read this in Turkish"): it leads away and heads nothing.
    When trafilatura kept any heading, its choice stands. Measured on trafilatura's suite (990 pages, F1 of all
    pages / dev half): 0.9399 / 0.9421 without this; 0.9399 / 0.9412 with it; 0.9395 / 0.9409 when any heading
    before the next one with kept text under it came back (share bars, "Related", "Advertisement" among them).
    """
    if any(block.kind == "heading" for block in blocks):
        return blocks
    headings = [
        node
        for node in body.iter(*_HEADINGS[1:])
        if _text(node)
        and _linked(node) < _TEASER_LINK_SHARE * len(_text(node))
        and not any(a.tag in _NOT_TEXT for a in node.iterancestors())
    ]
    if not headings:
        return blocks
    starts = dict.fromkeys(headings, 0)
    visible = _visible_text(body, starts)
    positions = _block_positions(blocks, visible)
    restored: dict[int, Block] = {}
    for node in headings:
        words = _visible_text(node)
        end = visible.find(words, starts[node]) + len(words)  # its start is the space before its words
        under = next((index for index, at in enumerate(positions) if at >= end), None)
        if under is not None and positions[under] - end <= 1:  # the kept block starts where the heading ends
            restored[under] = Block(words, "heading")
    with_headings: list[Block] = []
    for index, block in enumerate(blocks):
        if index in restored:
            with_headings.append(restored[index])
        with_headings.append(block)
    return with_headings


_LEAD_MAX = 80
"""A lead-in line ("Read more:", "Want more?") is short; a longer block ending so is a paragraph of its own."""


def _archive_header(body: etree._Element) -> tuple[str | None, str | None, str | None]:
    """The title, author and date an archive's header gives the work it fences (`_within_fences`), read as the
    plain-text e-book's header is (`qa.formats.text`): `Title:`, `Author:` and `Release Date:` lines in the
    `<pre>` that ends in the start fence. They name the work where the page's `<title>` may shorten it ("The
    Midewiwin of the Ojibwa") and its author and date are printed nowhere else in a form a rule can read."""
    for pre in body.iter("pre"):
        text = pre.text_content()
        if (fence := TEXT_FENCE_RE.search(text)) and fence[1] == "START":
            header = parse_text(text[: fence.start()], "header.txt")
            return (header[0].title, header[0].author, header[0].date) if header else (None, None, None)
    return None, None, None


def _within_fences(blocks: list[Block]) -> list[Block]:
    """The blocks between a distributor's fences, where one block holds a `*** START OF ... ***` line and a later
    one an `*** END OF ... ***` line (`qa.formats.text` reads a plain-text e-book so).

    Project Gutenberg's HTML e-books wrap the work as its text files do: a header (the archive's name, its terms
    of use, the e-text's title, author and release date, the credit to its transcribers) that ends in the start
    fence, and after the end fence the archive's licence, pages long. Both stood as text of the work.
    """
    starts = [
        i for i, block in enumerate(blocks) if (fence := TEXT_FENCE_RE.search(block.text)) and fence[1] == "START"
    ]
    if not starts:
        return blocks
    end = next(
        (
            i
            for i in range(starts[0] + 1, len(blocks))
            if (fence := TEXT_FENCE_RE.search(blocks[i].text)) and fence[1] == "END"
        ),
        None,
    )
    return blocks if end is None else blocks[starts[0] + 1 : end]


def _without_dangling_leads(blocks: list[Block]) -> list[Block]:
    """The blocks without lead-ins whose sequel is gone: a short block ending in `:` or `?` that the text's end
    or a heading follows announced something the extractor left out (a list of links, a sign-up form), so
    alone it says nothing of the article. A lead-in followed by its list or paragraph stays.

    Measured on the suite's dev half: 2 fewer false positives, no true positive lost.
    """
    kept: list[Block] = []
    for block, following in zip(blocks, [*blocks[1:], None], strict=False):  # no blocks: one None, unused
        text = squash(block.text)
        dangling = following is None or following.kind == "heading"
        if not (dangling and len(text) <= _LEAD_MAX and text.endswith((":", "?"))):
            kept.append(block)
    return kept


_SUMMARY_MIN = 40
"""A page summary shorter than this ("Home", a site's slogan) is too short to recognise a lead paragraph by."""
_SUMMARY_PREFIX = 80
"""A lead paragraph and the page's summary agree on their first words; one is often cut short ("…")."""


def _lead(body: etree._Element, summaries: Iterable[str]) -> str | None:
    """The article's lead paragraph, recognised by the summary the page publishes of itself.

    Sites set the standfirst apart from the article's paragraphs (a teaser box, a subtitle under the
    headline), and an extractor that keeps the paragraphs drops it. The page's own `description` meta
    is most often that paragraph, whole or cut short: the innermost element whose words begin as the
    summary does (or which begins the summary) is the lead. One inside a menu, footer or form never is.
    """
    wanted = [s.rstrip(" .…") for s in summaries if len(s) >= _SUMMARY_MIN]
    found: etree._Element | None = None
    for node in body.iter() if wanted else ():
        if not isinstance(node.tag, str) or node.tag in _UNSEEN:
            continue
        if found is not None and found not in node.iterancestors():
            break
        text = squash(node.text_content())
        if any(_same_start(text, summary) for summary in wanted):
            found = node
    if found is None or any(a.tag in _OUTSIDE_TEXT for a in (found, *found.iterancestors())):
        return None
    return _visible_text(found)


def _same_start(text: str, summary: str) -> bool:
    """Whether a block and a summary begin with the same words, the shorter wholly (up to `_SUMMARY_PREFIX`),
    and the block is no container of much more."""
    length = min(len(text), len(summary), _SUMMARY_PREFIX)
    return length >= _SUMMARY_MIN and text[:length] == summary[:length] and len(text) <= 2 * len(summary) + 100


_DEPTH_RE = re.compile(r"depth in document: (\d+)")


def _parse_tree(text: str) -> etree._Element | None:
    """The page's element tree, as deep as libxml2 can build it; None for a page without a single element.

    libxml2 stops nesting at 256 levels unless told it may go further, and then silently leaves out
    everything below, so a page whose text sits deeper became "no paragraphs". It is let go to its
    hard limit (2048 levels, past any real page); a page deeper still is refused with that reason,
    never cut short in silence.
    """
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        tree = lxml.html.document_fromstring(_XML_DECLARATION_RE.sub("", text, count=1), parser=parser)
    except etree.ParserError:
        return None  # no element at all, only comments or white space
    for error in parser.error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT":
            depth = _DEPTH_RE.search(error.message)
            limit = f"nested more than {depth[1]} levels deep" if depth else "beyond the HTML parser's limits"
            raise UnreadableDocument(f"its markup is {limit}, too deep to read")
    return tree


_HOLDS_TEXT = 0.8
"""The share of the extracted text an element around the headline must hold to be the text's own container."""


def _inside_text_container(blocks: list[Block], tree: etree._Element, heading: str | None) -> list[Block]:
    """The blocks that stand inside the element holding the headline and the text under it.

    The text's container is the smallest element around its `<h1>` that holds most of the extracted words;
    a block outside it (a site-wide disclaimer, the owner's address, a colophon after the post's own `<div>`)
    is the page's, printed under every post, and no part of this text. With no such element below `<body>`,
    nothing is dropped."""
    headings = [h for h in tree.iter("h1") if _text(h) == heading]
    total = sum(len(squash(block.text)) for block in blocks)
    for container in headings[0].iterancestors() if headings and total else ():
        if container.tag in ("body", "html"):
            break
        shown = _visible_text(container)
        inside = [block for block in blocks if squash(block.text) in shown]
        if sum(len(squash(block.text)) for block in inside) >= _HOLDS_TEXT * total:
            return inside
    return blocks


_SECTIONING = ("article", "section", "aside", "nav")


def _article_heading(tree: etree._Element) -> str | None:
    """The first heading, whatever its level, in the `<header>` of the page's one `<article>`: the article's own
    heading. A heading opening a `<section>` of the article heads that section, not the text; None when the page
    has no article or several."""
    articles = [node for node in tree.iter("article") if next(node.iterancestors("article"), None) is None]
    headers = (
        header
        for header in (articles[0].iter("header") if len(articles) == 1 else ())
        if next(header.iterancestors(*_SECTIONING)) is articles[0]
    )
    heading = next((h for header in headers for h in header.iter(*_HEADINGS)), None)
    return _text(heading) or None if heading is not None else None


def _page_heading(tree: etree._Element) -> str | None:
    """The text's own heading: the first `<h1>` inside an `<article>` or `<main>`, else the page's first `<h1>`
    that is not wholly a link to another page, else the headline its article item marks (microdata), else the
    heading in its `<article>`'s `<header>`, else the page's first `<h1>`.

    A site often sets its name in an `<h1>` of its header (the logo, a link home) above the article's own
    headline, which it may set in an `<h2>`; taken for the page's heading, that name was kept as the title and
    the headline cut off as the "site name"."""
    inside = tree.xpath("(//article//h1 | //main//h1)[1]")
    headings = list(tree.iter("h1"))
    own = [h for h in headings if not (_text(h) and _linked(h) == len(_text(h)))]
    if not (inside or own) and (marked := _clean(microdata.headline(tree)) or _article_heading(tree)):
        return marked
    first = inside[0] if inside else next(iter(own or headings), None)
    return _text(first) or None if first is not None else None


_TITLE_LINES_AT = 3
"""How far down the text a title set over several paragraphs may start: under a journal's or a site's header lines."""


def _without_title_lines(blocks: list[Block], title: str | None) -> list[Block]:
    """The blocks without the run of paragraphs near the top that together print the title, line by line.

    A page that sets its title in plain paragraphs rather than a heading (`_title_block`: an act's "REGULATION
    ..." / "of 30 May 2022" / "on European data governance ...") has them read as the text's first paragraphs,
    and a question about the act was answered with its title as a quote: the title is the document's name, which
    the answer gives as its source, not a passage of its text. The run is found by its words, joined with a
    space as the title was, so a heading printed whole in one block is left to the rule for headings. What stands
    above the title goes with it: the text starts at its title, and a line over it is the publication's header
    (the Official Journal's "3.6.2022 EN Official Journal of the European Union L 152/1"), not the document's.
    """
    if not title:
        return blocks
    for start in range(min(_TITLE_LINES_AT, len(blocks))):
        joined = ""
        for end in range(start, len(blocks)):
            joined = squash(f"{joined} {blocks[end].text}")
            if not title.startswith(joined):
                break
            if joined == title and end > start:
                return blocks[end + 1 :]
    return blocks


MEMORY_PER_BYTE = 32
"""The memory a page's parse takes at its peak, per byte of the page: measured 18 to 50 times its size, 32 the
median, on the eleven real pages we hold repeated to 5 MB (`bench/html_memory.py`). lxml's tree of a page takes
about 7 times its size, and at the peak trafilatura holds three copies of it besides ours (its own, the copy it
cleans and a backup of that) and the tree of its result."""


def _refuse_beyond_memory(size: int) -> None:
    """Refuse a page whose parse would need more memory than this process may still take (the address-space limit,
    which `qa.isolation` sets from QA_PARSE_MEMORY_BYTES), before paying for it. Past the limit the parse would
    only die after minutes, and a reader would learn neither how large the page is nor what to raise."""
    limit, _ = resource.getrlimit(resource.RLIMIT_AS)
    if limit == resource.RLIM_INFINITY:
        return
    with open("/proc/self/statm", encoding="ascii") as statm:
        left = limit - int(statm.read().split()[0]) * resource.getpagesize()
    if (need := size * MEMORY_PER_BYTE) > left:
        raise OverLimit(
            f"it is a {size / 1e6:.1f} MB page, and parsing a page takes about {MEMORY_PER_BYTE} times its size in "
            f"memory ({need / 1e6:.0f} MB), more than the {max(left, 0) / 1e6:.0f} MB left under the parse memory "
            "limit; raise QA_PARSE_MEMORY_BYTES to parse it"
        )


_SYMBOL_NOTE_RE = re.compile(rf"(?P<label>[{NOTE_SYMBOLS}]{{1,3}})\s+(?P<text>\S.*)", re.DOTALL)
"""A note typed as a paragraph of its own at the end of a post, its symbol and a space before its text ("* We have
received reports that several internet service providers ...")."""


def _symbol_notes(blocks: list[Block], notes: dict[int, str]) -> list[Block]:
    """The blocks less the paragraphs that close the text as notes marked with a symbol, each added to `notes` under
    its symbol's key (`note_key`) and its mark in the text written as the marker `[*]`.

    A post may mark one remark so, typing the asterisk after a sentence's full stop ("actively being restored.*
    This latest development ...") and the remark as its last paragraph, opening with the same asterisk. A closing
    paragraph is such a note only where the text before it marks its symbol exactly once (`symbol_marker_re`): a
    paragraph that merely opens with an asterisk, or whose symbol the text never glues to a word, stays the text's.
    """
    end = len(blocks)
    found: dict[str, str] = {}
    while end > 0 and blocks[end - 1].kind == "text":
        note = _SYMBOL_NOTE_RE.fullmatch(blocks[end - 1].text.strip())
        if note is None or note["label"] in found:
            break
        found[note["label"]] = squash(note["text"])
        end -= 1
    body = blocks[:end]
    places: dict[str, int] = {}
    for label in found:
        marks = [index for index, block in enumerate(body) for _ in symbol_marker_re(label).finditer(block.text)]
        if len(marks) != 1:
            return blocks
        places[label] = marks[0]
    for label, index in places.items():
        body[index] = replace(body[index], text=symbol_marker_re(label).sub(f"[{label}]", body[index].text))
        notes[note_key(label)] = found[label]
    return body


def parse(data: bytes, source: str) -> Parsed:
    _refuse_beyond_memory(len(data))
    tree = _parse_tree(decode(data))
    if tree is None:
        return assemble(Extracted(()), source)
    _normalise_text(tree)
    _drop_comments(tree)
    _unnest_tables(tree)
    _set_labels_apart(tree)
    _remove_unseen(tree)
    _unlink_listing_lines(tree)
    _show_inline_formulas(tree)
    _remove_out_of_flow(tree)
    heading = _page_heading(tree)
    title, author, date = metadata(tree, heading)
    body = tree.find("body")
    if body is None:
        return assemble(Extracted((), {}, title, author, date, _page_url(tree)), source)
    archived = _archive_header(body)
    title, author, date = (archived[0] or title, archived[1] or author, archived[2] or date)
    if (plain := _preformatted_text(body)) is not None:
        url = _page_url(tree)
        return Parsed(plain, [replace(article, url=url) for article in parse_text(plain, source)])
    _paragraph_loose_text(body)
    _remove_contents_boxes(body)
    _remove_generated_attribution(body)
    _show_times(body)
    notes, regions = find_notes(body)
    listed, lists = listed_notes(body)
    regions += [node for node in lists if not any(a in regions for a in [node, *node.iterancestors()])]
    for region in regions:
        region.drop_tree()
    _write_markers(body, notes, listed)
    notes = listed | notes
    _bring_in_referenced_figures(body)
    _captions_as_paragraphs(body, _site(_page_url(tree)))
    _unname_sections(body)
    menu_entries = _remove_furniture(body)
    lead = _lead(body, _metas(tree, "description", "og:description", "twitter:description"))
    blocks = [
        block
        for block in _whole_page_blocks(_main_blocks(tree, body), body)
        if not (block.kind == "bullet" and squash(block.text) in menu_entries)
    ]
    site = _site(_page_url(tree))
    blocks = _without_navigation(_with_link_lists(_verbatim(blocks, _visible_text(body)), body, site), body)
    blocks = _without_dangling_leads(_with_section_headings(_with_dropped_lists(blocks, body), body))
    blocks = _inside_text_container(blocks, tree, heading)
    blocks = _within_fences(blocks)
    title = title or heading
    blocks = _without_headline_labels(blocks, tree, heading)
    if blocks and blocks[0].kind == "heading" and squash(blocks[0].text) in (title, heading):
        blocks = blocks[1:]
    blocks = _without_leading(_without_title_lines(blocks, title), _metadata_list_lines(tree), "bullet")
    blocks = _without_history_lines(_without_front_matter(blocks, tree, heading))
    blocks, credit = _without_credits(blocks)
    if credit is not None:
        author, date = author or credit[0], date or credit[1]
    blocks = _symbol_notes(_without_author_line(blocks, author), notes)
    if lead and blocks and not any(lead[:_SUMMARY_MIN] in squash(b.text) for b in blocks):
        blocks = [Block(lead), *blocks]
    return assemble(Extracted(blocks, notes, title, author, date, _page_url(tree)), source)
