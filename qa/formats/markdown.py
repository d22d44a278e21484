"""Markdown notes -> one article: `[^n]` footnotes or a final `[n]` endnote block, headings as sections.

markdown-it-py (CommonMark, with the mdit-py-plugins footnote rule) does the parsing, so emphasis,
links and code spans come out as the words a reader sees, not as markup. Front matter - YAML
between `---` lines (Jekyll, Hugo) or TOML between `+++` lines (Hugo, Zola) - is the document's
metadata, read with PyYAML and tomllib; it is never part of the text, but for the lead a site's layout prints
above the text (`LEAD_KEYS`). Nor is an e-mail's header block
(`qa.formats.email_header`): a saved e-mail's gives its title, author and date, a quoted one's is dropped.
"""

from __future__ import annotations

import html
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import pairwise, takewhile

import lxml.html
import yaml
from lxml import etree
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.subscript import sub_plugin

from qa.corpus import ParagraphKind
from qa.formats.document import (
    BYLINE_BY_RE,
    DEFINITION_RE,
    LINE_BREAK,
    PROSE_DIRECTIVES,
    WORD_JOINER,
    Block,
    Extracted,
    Parsed,
    assemble,
    iso_date,
    line_blocks,
    lines_apart,
    literal_brackets,
    squash,
)
from qa.formats.email_header import email_header
from qa.formats.encoding import decode_text
from qa.formats.html import CODE_TAGS, find_notes
from qa.formats.metadata import IDENTIFIER_RE, memo_sender, printed_name, slashed_date, web_address
from qa.sentences import NOTE_NUMBER

_FRONT_MATTER_RE = re.compile(
    r"\A(?P<fence>---|\+\+\+)[ \t]*\r?\n(?P<body>.*?)^(?:(?P=fence)(?:[ \t]+[\w-]+)?|\.\.\.)[ \t]*\r?$\n?",
    re.DOTALL | re.MULTILINE,
)
"""Front matter: YAML between `---` lines, or TOML between `+++` lines. YAML may also end at `...`, its own
end-of-document line (pandoc writes it), and the closing fence may name the section that follows it
(`--- abstract`: kramdown-rfc, whose drafts open with YAML closed that way)."""
AUTHOR_KEYS = ("author", "authors")
DATE_KEYS = ("date", "publishdate", "publish-date", "publish_date", "published", "pubdate", "created")
"""Front matter keys (compared in lower case) that generators and feeds use for when a post was published."""
URL_KEYS = ("url", "canonical_url", "canonicalurl")
"""Front matter keys for the post's own address; a relative one (Hugo's `url: /path/`) is no address."""
LEAD_KEYS = ("lead", "deck")
"""Front matter keys whose value the site's layout prints under the page's title, as Markdown, before the text:
`lead` (ADA.gov's Jekyll layout on the U.S. Web Design System: `{{page.lead | markdownify}}` in a `crt-lead` div)
and `deck` (digital.gov's Hugo layout: `<div class="deck">{{ .Params.deck | markdownify }}</div>`). The keys a
layout keeps for the page's `<meta>` description or for a list's card (`description`, `summary`, `excerpt`) are
not printed on the page: no text of it."""
PLACEHOLDER_AUTHORS = frozenset({"admin", "anonymous", "unknown", "author", "user"})
"""Names a CMS fills in when nobody is named: no author, not an author called "admin"."""
_TAG = r"\{%(?:(?!%\}).)*%\}|\{\{(?:(?!\}\}).)*\}\}|<%(?:(?!%>).)*%>"
"""One template tag, `{% ... %}`, `{{ ... }}` or ERB's `<%= ... %>` (Middleman), ending at its own closing braces: a
tag that could run on to a later tag's braces read "{{< note >}} words {{< /note >}}" as one tag, and a paragraph
inside a shortcode was lost."""
_TEMPLATE_TAGS_RE = re.compile(rf"(?:{_TAG}|\{{:[^{{}}]*\}}|\s)+|---[ \t]+[\w-]+", re.DOTALL)
"""A paragraph of markup only: site-generator tags (`{% include ... %}`, `{{< figure ... >}}`, a heading that is
only `<%= current_page.data.title %>`, where the page prints its front matter's title), kramdown's
extensions and attribute lists (`{::boilerplate bcp14}`, `{: .note}`), or a section fence naming the part that
follows (`--- middle`, as kramdown-rfc divides a draft). A reader sees none of it."""
_SHORTCODE_RE = re.compile(r"\{\{[<%](?:(?!\}\}).)*\}\}|\{%(?:(?!%\}).)*%\}", re.DOTALL)
"""A shortcode or tag that wraps words (Hugo's `{{< note >}}...{{< /note >}}`, Liquid's `{% raw %}`): the page shows
the words and not the tag. An output tag (`{{ page.title }}`) shows a value only the generator knows, and stays."""
_TEMPLATE_DESTINATION_RE = re.compile(rf"\]\(\s*(?:{_TAG})[^\s()]*\s*\)", re.DOTALL)
"""A link whose address a template fills in (`[Reach out]({{ "/contact/" | url }})`, Eleventy, Jekyll): CommonMark
reads no link where the address has spaces, so its brackets and the tag were read as words."""
_LIQUID_NOTE_BODY_RE = re.compile(
    r"\{%-?\s*fnbody\s+(?P<number>\d+)\s*-?%\}(?P<body>.*?)\{%-?\s*endfnbody\s*-?%\}", re.DOTALL
)
_LIQUID_NOTE_RE = re.compile(r"\{%-?\s*fn\s+(?P<number>\d+)\s*-?%\}")
"""Footnotes written as Liquid tags (a Jekyll plugin's `{% fn 3 %}` after the words and `{% fnbody 3 %}...{%
endfnbody %}` in a `{% footnotes %}` block at the end, as the Justice Department's ADA site writes its guidance): the
page prints a raised linked number and a numbered list of notes, as Markdown's `[^3]` does; read as site tags, every
marker was lost and each note became a paragraph of the text."""
_LIQUID_DETAILS_RE = re.compile(
    r"^[ \t]*\{%-?\s*details\s+(?P<summary>(?:(?!%\}).)+?)(?:\s+expandable)?\s*-?%\}[ \t]*$", re.MULTILINE
)
"""A Liquid `details` block (`{% details 4. What evidence may an individual rely on? expandable %}`, a Jekyll
plugin's HTML `<details>`, the trailing word its option to open the block): the page shows its argument as the
summary a reader clicks, the question over the answer the block holds, and never the tag."""
_INLINE_TAG_RE = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
"""An HTML tag written into a value a layout prints as HTML (`<em>`, `</em>`, `<br/>`)."""
_CODE_BRACKET = "\ue002"
"""A `[` written in code (a code span or block, HTML's `<code>` or `<pre>`) while the walk reads the file: in code
"x[1]" is an index and "#> [1] 10" a program's output label, never a citation, whatever notes the document defines.
`_typed_markers` makes no marker of it, as it may of a `[n]` typed in the text, and writes it back as the `[` it is."""
_CODE_BRACKET_RE = re.compile(rf"{_CODE_BRACKET}(?P<number>(?={NOTE_NUMBER}\]))?")
_CODE_OPEN_RE = re.compile(rf"<(?:{'|'.join(CODE_TAGS)})\b", re.IGNORECASE)
_CODE_CLOSE_RE = re.compile(rf"</(?:{'|'.join(CODE_TAGS)})\s*>", re.IGNORECASE)
"""Inline HTML opening and closing code in a paragraph (`<code>y[1]</code>`, `<kbd>`, `<samp>`)."""
_IN_PAGE_LINK_RE = re.compile(r"<a\b[^>]*?\bhref\s*=\s*[\"']#[^\"']+[\"']", re.IGNORECASE)
_LINK_CLOSE_RE = re.compile(r"</a\s*>", re.IGNORECASE)
_BREAK_TAG_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
"""A line break written as inline HTML (`GCC 2.95.3<br/>Clang 13.0.0` in a table cell): the words either side are
two lines to a reader, never one word."""
_LINKED_NUMBER_RE = re.compile(rf"\[?({NOTE_NUMBER})\]?")
_NUMBER_RE = re.compile(NOTE_NUMBER)
_BACK_MARK_RE = re.compile(r"[\^↑↩\s]+")
_RAISED_OPEN_RE = re.compile(r"<sup\b[^>]*>", re.IGNORECASE)
_RAISED_CLOSE_RE = re.compile(r"</sup\s*>", re.IGNORECASE)
"""A raised number in a Markdown link to a place in the page (`[<sup>1</sup>](#footnotes)`) is a note marker, as
the same link written in HTML is (`_linked_text`); it is written as a typed marker (`_typed_markers`), a marker only
where the document defines that note."""
_TYPED_MARKER_RE = re.compile(rf"\[{WORD_JOINER}({NOTE_NUMBER})\]")
_RAISED_NUMBER = "\ue003"
"""Written before a number the author raised with HTML and linked nowhere (`defenders.<sup>1</sup>`) while the walk
reads the file. Markdown written by hand marks its notes so and opens each note's paragraph the same way
(`<sup>1</sup>Amnesty International, ...`), under a rule or anywhere after the text: the number is a note marker where
the document has such a note (`_raised_notes`, `_typed_markers`) and the raised digit it shows otherwise (a unit's
"m<sup>2</sup>")."""
_RAISED_NUMBER_RE = re.compile(rf"{_RAISED_NUMBER}({NOTE_NUMBER})")
_RAISED_NOTE_RE = re.compile(rf"{_RAISED_NUMBER}({NOTE_NUMBER})\s*(\S.*)", re.DOTALL)
_SEPARATOR_RE = re.compile(r"[\s>|·•»›/]*")
_LINK_ROW_MIN = 3
_LINK_ROW_RATIO = 4
"""A paragraph of at least this many links, nothing but white space or a separator (`>`, `|`, `·`) between them, and
this many times more link text than other words, is a row of links: a breadcrumb or a share bar, as a converter writes a
saved web page to Markdown ("[Citation](...)[Subscribe](...)[Home](...) > [Products](...) > LSB11422"), which a
reader does not read as the text. Links with words or a full stop between them ("[View the video](...). [Read the
report](...).") are the author's sentences, and links one a line the author's list."""
_FIELD_RE = re.compile(
    r"\|?\s*(?P<label>[A-Z][\w.()]*(?:[ /][\w.()]+){0,3}?)\s*:(?:\s*\|)?\s+(?P<value>[^\s|](?:.*[^\s|])?)\s*\|?"
)
_FIELD_LINES_MIN = 3
"""A paragraph of at least this many `Label: value` lines opening the text is a metadata header, as a converter
writes a page's facts (`**Publication Date:** 04/20/2026`, `**Author(s):** ...`) above it: fields, not sentences.
A row of a two-column table the converter left without its delimiter row (`| **Authors:** | Doe, Jane`) is such a
line too: a page's overview box, its labels in one column and their values in the other."""
_CHROME_MIN = 2
_CHROME_LINK_WORDS = 6
_TITLE_LINE_WORDS = 8
"""The page's chrome above the text, as a converter writes a saved page to Markdown (`_opening_chrome`): at least
`_CHROME_MIN` blocks, each a paragraph of field lines, a paragraph that is one short link (`_CHROME_LINK_WORDS` words
at most: "Hide Overview", "Download PDF (426KB)"), or the title printed again with at most `_TITLE_LINE_WORDS`
other words glued to it (a "Listen" link, the date, a report number)."""

_CLOSING_LABEL_RE = re.compile(r"[^\W\d_]+(?: [^\W\d_]+){0,2}:")
_CLOSING_BLOCKS = 2
"""The page's chrome below the text, as a converter writes a saved page to Markdown (`_closing_chrome`): a label of
one to three words and a colon, alone in a block the converter indented into a code block, and at most
`_CLOSING_BLOCKS` paragraphs after it to the end of the file."""
_HEADING_ATTRIBUTES_RE = re.compile(r"\s*\{[#.:][^{}]*\}\s*$")
"""An attribute list closing a heading (`## Scope {#scope}`, `{: .no_toc}`): its id or class, which no reader sees."""
_BLOCK_ATTRIBUTES_RE = re.compile(r"\{:(?!:)(?P<list>[^{}]*)\}")
"""kramdown's attribute list for a block, on a line of its own right after the block (`{: #from}` under a list of
names): the block's id or class, which no reader sees. Its own line continues the paragraph above it in CommonMark,
so without this the list's last name read "Regulatory Affairs {: #from}". `{::name}` is an extension, not this."""
_CONTENTS_ATTRIBUTE = "toc"
"""The attribute list that asks kramdown for the page's table of contents (`* Table of Contents` over `{:toc}`): the
list item is replaced by the contents, generated from the headings; its placeholder words are never printed."""


def _any_name(params: str, markup: str) -> bool:
    """Every `:::name` fence opens a container, whatever the name (Docusaurus's `:::note`, `:::tip Title`)."""
    return True


_PARSER = (
    MarkdownIt("commonmark")
    .enable(["table", "strikethrough"])
    .use(sub_plugin)
    .use(footnote_plugin)
    .use(deflist_plugin)
    .use(admon_plugin)
    .use(container_plugin, name="aside", validate=_any_name)
)
"""CommonMark with the extensions static-site generators write: footnotes, tables, definition lists (pandoc,
kramdown, PHP Markdown Extra), MkDocs' `!!! note` admonitions and `:::` fenced asides (Docusaurus, VuePress).
Without them an aside's fence lines were read as words of a paragraph and an indented admonition as code. Struck
words (`~~not this~~`, GitHub and pandoc) and pandoc's subscripts (`H~2~O`) read as the words the page prints, not
their tildes."""


@dataclass
class _Walk:
    blocks: list[Block] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    """Each block's text before white space is squashed, one line per source line."""
    footnotes: dict[int, str] = field(default_factory=dict)
    linked: set[str] = field(default_factory=set)
    """The texts of paragraphs that are links and nothing else (`_is_link_only`)."""

    def extend(self, inner: _Walk) -> None:
        """Read `inner`, the walk of Markdown inside this one's (a directive's body, a substitution's value), here."""
        self.blocks += inner.blocks
        self.raw += inner.raw
        self.linked |= inner.linked
        for number, text in inner.footnotes.items():
            self.footnotes.setdefault(number, text)


@dataclass(frozen=True)
class _Page:
    """What the front matter tells the reading of the text: the labels of the references a kramdown-rfc draft cites
    (`_citations`), and the values a MyST page puts in place of `{{ name }}` (`_substitutions`)."""

    references: frozenset[str] = frozenset()
    values: Mapping[str, str] = field(default_factory=dict)

    def without(self, name: str) -> _Page:
        """The page with one value fewer: a value is read with its own name unset, so that none holds itself."""
        return replace(self, values={key: value for key, value in self.values.items() if key != name})


def _inline(token: Token, page: _Page, by_label: bool) -> str:
    """The words a reader sees in an inline token; footnote references become `[n]` markers.

    A link with no text of its own (`[](https://example.org)`) shows its address, as kramdown prints it: the
    address is the only word the author wrote for it, and without it the sentence read "archived at .".
    A kramdown-rfc citation (`{{?RFC8312}}`) reads as the draft prints it (`_citations`).
    """
    parts: list[str] = []
    children = token.children or []
    in_page_link = in_code = raised = in_page_target = False  # in_page_target: in a Markdown link to "#..."
    for previous, child, following in zip(
        [None, *children][: len(children)], children, [*children[1:], None][: len(children)], strict=True
    ):
        if child.type in ("link_open", "link_close"):
            in_page_target = child.type == "link_open" and str(child.attrGet("href") or "").startswith("#")
        if child.type == "html_inline":
            in_page_link = bool(_IN_PAGE_LINK_RE.match(child.content)) or (
                in_page_link and not _LINK_CLOSE_RE.match(child.content)
            )
            in_code = bool(_CODE_OPEN_RE.match(child.content)) or (in_code and not _CODE_CLOSE_RE.match(child.content))
            raised = bool(_RAISED_OPEN_RE.fullmatch(child.content)) or (
                raised and not _RAISED_CLOSE_RE.fullmatch(child.content)
            )
            parts += ["\n"] if _BREAK_TAG_RE.fullmatch(child.content) else []
        elif child.type == "text" and in_page_link:
            parts.append(_linked_text(child.content))
        elif (
            child.type == "text"
            and in_page_target
            and raised
            and (number := _LINKED_NUMBER_RE.fullmatch(child.content))
        ):
            parts.append(f"[{WORD_JOINER}{int(number.group(1))}]")
        elif child.type == "text" and raised and _NUMBER_RE.fullmatch(child.content.strip()):
            parts.append(f"{_RAISED_NUMBER}{int(child.content)}")
        elif child.type == "code_inline" and (role := _role(previous)) is not None:
            parts.append(_role_text(role, child.content))
        elif child.type == "code_inline" or (child.type == "text" and in_code):
            parts.append(_code(child.content))
        elif child.type == "text":
            content = child.content
            if following is not None and following.type == "code_inline" and _role(child) is not None:
                content = _ROLE_RE.sub("", content)
            if previous is not None and previous.type in _ATTRIBUTED:
                content = _ATTRIBUTES_RE.sub("", content, count=1)
            parts.append(_substituted(content, page, by_label))
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "footnote_ref":
            parts.append(f"[{_note_number(child, by_label)}]")
        elif child.type == "link_open" and following is not None and following.type == "link_close":
            parts.append(str(child.attrGet("href") or ""))
    return "".join(parts).strip()


_ATTRIBUTE = r"""(?:[#.][\w:.-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s{}"']+))"""
_ATTRIBUTES_RE = re.compile(rf"\A\{{:?\s*{_ATTRIBUTE}(?:\s+{_ATTRIBUTE})*\s*\}}")
"""pandoc's attributes written after an image, link or code span (`![Caption](mandrill.jpg){#fig:mandrill}`,
`{#sylt width="100%"}`), or kramdown's after any span, opened by a colon (`**Subject:**{: .from}`): the element's
id, classes and size, which the rendered page never shows. Without this a figure's paragraph read
"{#fig:mandrill}"."""
_ATTRIBUTED = frozenset({"image", "link_close", "code_inline", "strong_close", "em_close"})
"""The inline elements pandoc's `link_attributes` and `inline_code_attributes` extensions let attributes follow, and
the emphasis kramdown's span attribute lists may follow too."""


_ROLE_RE = re.compile(r"\{(?P<name>[\w:.-]+)\}\Z")
"""A MyST role's name, written right before the code span that holds its text (``{term}`MyST Markdown` ``)."""
_EXPLICIT_TITLE_RE = re.compile(r"(?P<title>.*?\S)\s*<(?P<target>[^<>]+)>", re.DOTALL)
"""A role's text that names its target after its title (`` {ref}`using a ref role <genindex>` ``): the page shows
the title only."""
_CODE_ROLES = frozenset("code kbd command file samp literal".split())
"""Roles whose text the page sets as code, brackets and all (`_CODE_BRACKET`)."""


def _role(token: Token | None) -> str | None:
    """The name of the MyST role a text token ends on, None when it ends on none."""
    found = _ROLE_RE.search(token.content) if token is not None and token.type == "text" else None
    return found["name"] if found else None


def _role_text(role: str, text: str) -> str:
    """The words a MyST page shows for a role: ``{term}`MyST Markdown` `` reads "MyST Markdown", a cross-reference
    with a title its title. CommonMark reads the name as words and the text as code, "{term}MyST Markdown", which
    no reader of the page sees. A reference without a title shows the target's title, which only the built site
    knows: it reads as its target."""
    titled = _EXPLICIT_TITLE_RE.fullmatch(text)
    shown = titled["title"] if titled else text
    return _code(shown) if role in _CODE_ROLES else literal_brackets(shown)


def _code(text: str) -> str:
    """Code's words with each `[` marked as code's (`_CODE_BRACKET`)."""
    return text.replace("[", _CODE_BRACKET)


def _linked_text(text: str) -> str:
    """The words of an in-page link written as raw HTML: a number (`<a href="#fn1">[1]</a>`) is a note marker,
    a back mark (`<a href="#top">↩</a>`) the way back to where the reader was, which is not part of the text."""
    if number := _LINKED_NUMBER_RE.fullmatch(text.strip()):
        return f"[{int(number.group(1))}]"
    return "" if _BACK_MARK_RE.fullmatch(text) else literal_brackets(text)


_CITATION_RE = re.compile(r"\{\{(?P<kind>[?!])?(?P<label>[^\s{}]+)\}\}")
_REFERENCE_KEYS = ("normative", "informative")
"""kramdown-rfc's front matter keys listing a draft's references, each under the label the text cites it by."""


def _citations(text: str, references: frozenset[str]) -> str:
    """kramdown-rfc's citations as the draft prints them: `{{?RFC8312}}` (informative), `{{!RFC5681}}`
    (normative) and `{{HR08}}` for a reference the front matter lists read "[RFC8312]", "[RFC5681]", "[HR08]".
    An unmarked label that is no reference (`{{win-inc}}`) points at a section, whose number only the
    renderer knows, and stays as written; so does any other `{{...}}`, a template's tag."""

    def printed(match: re.Match[str]) -> str:
        cited = match["kind"] is not None or match["label"] in references
        return f"[{match['label']}]" if cited else match[0]

    return _CITATION_RE.sub(printed, text)


_SUBSTITUTION_RE = re.compile(r"\{\{\s*(?P<name>[\w-]+)\s*\}\}")
"""A MyST substitution, `{{ name }}` (Jupyter Book, MyST-Parser's `substitution` extension): the page prints the value
the front matter gives the name. One with an expression (`{{ key | replace(...) }}`) or a name the page does not
set (a book-wide value from its configuration) shows what only the builder knows, and stays as written."""


def _substitutions(meta: Mapping[str, object]) -> dict[str, str]:
    """The values a MyST page's front matter sets under `substitutions:` (at the top, or under `myst:`),
    {name: Markdown}."""
    myst = meta.get("myst")
    values = myst.get("substitutions") if isinstance(myst, dict) else meta.get("substitutions")
    if not isinstance(values, dict):
        return {}
    return {str(name): str(value) for name, value in values.items() if isinstance(value, str | int | float)}


def _expanded(name: str, page: _Page) -> str:
    """The Markdown a substitution stands for: its value with the substitutions inside it expanded first, as MyST
    renders a value as a Jinja template before reading it as Markdown (`{{ key1 }}` inside a note's fence)."""
    inner = page.without(name)
    return _SUBSTITUTION_RE.sub(
        lambda found: _expanded(found["name"], inner) if found["name"] in inner.values else found[0], page.values[name]
    )


def _words(text: str, page: _Page) -> str:
    """Text as a reader sees it: its citations printed (`_citations`), its site tags left out (`_SHORTCODE_RE`)."""
    return literal_brackets(_SHORTCODE_RE.sub("", _citations(text, page.references)))


def _substituted(text: str, page: _Page, by_label: bool) -> str:
    """The words a reader sees of a text token (`_words`), each substitution (`_SUBSTITUTION_RE`) the page sets read
    as its value's Markdown ("I'm a **substitution**" reads "I'm a substitution"). A value of several lines (a
    directive's box) sets blocks no line holds: in a line it stays as written."""
    parts: list[str] = []
    position = 0
    for found in _SUBSTITUTION_RE.finditer(text):
        if found["name"] not in page.values or "\n" in (value := _expanded(found["name"], page).strip()):
            continue
        (inline,) = _PARSER.parseInline(value, {})
        parts += [_words(text[position : found.start()], page), _inline(inline, page, by_label)]
        position = found.end()
    return "".join([*parts, _words(text[position:], page)])


def _references(meta: Mapping[str, object]) -> frozenset[str]:
    """The labels of the references a kramdown-rfc front matter lists (its `normative:`/`informative:` maps)."""
    return frozenset(str(label) for key in _REFERENCE_KEYS if isinstance(meta.get(key), dict) for label in meta[key])


_HTML_BLOCK_TAGS = frozenset("p li dd dt blockquote td th figcaption div section article h1 h2 h3 h4 h5 h6".split())
_HTML_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_HTML_UNREAD = ("script", "style", "template", "noscript")
_HIDDEN_STYLE_RE = re.compile(r"(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.IGNORECASE)
"""An inline style that hides an element from the page (a notes list's label kept for screen readers only, `<h2
style="position: absolute; clip: rect(0 0 0 0); visibility: hidden;">Footnote</h2>`): no word a reader sees."""


def _html_blocks(html: str, anchors: list[etree._Element]) -> tuple[list[Block], dict[int, str]]:
    """The words a browser shows of a raw HTML block written into Markdown (a Jekyll page's schedule): each innermost
    block element's text, one block per line it breaks with `<br>`, and each table row one block (`_html_row`); and
    the notes it holds, {number: text}: a notes list the document's numbered in-page links (`anchors`) lead to, as a
    Hugo post writes its footnotes in HTML. The notes section, its heading with it, is no text of the body.

    A `<pre>` is one preformatted block, its line breaks and indentation kept, as a fenced code block is: it is no
    block element a paragraph's words stand in, and its listing was lost. Brackets in code (`CODE_TAGS`) are
    code's (`_CODE_BRACKET`). Words after an element and outside any (a closing notice on the line under a
    `<hr>`) are a paragraph a browser shows as well."""
    try:
        nodes = [node for node in lxml.html.fragments_fromstring(html) if isinstance(getattr(node, "tag", None), str)]
    except (etree.ParserError, ValueError):
        return [], {}
    holder = lxml.html.fragment_fromstring("<div></div>")
    holder.extend(nodes)
    notes, regions = find_notes(holder, anchors)
    for region in regions:
        region.drop_tree()
    blocks: list[Block] = []
    for root in holder:
        etree.strip_elements(root, *_HTML_UNREAD, with_tail=False)
        for hidden in [node for node in root.iter() if _HIDDEN_STYLE_RE.search(str(node.get("style") or ""))]:
            hidden.drop_tree()
        _mark_code(root)
        for br in root.iter("br"):
            br.tail = LINE_BREAK + (br.tail or "")
        for node in list(root.iter(*_HTML_BLOCK_TAGS)):
            _wrap_loose_runs(node)
        for node in root.iter(*_HTML_BLOCK_TAGS, "pre", "tr"):
            if any(outer.tag in ("pre", "tr") for outer in node.iterancestors()):
                continue
            if node.tag == "tr":
                blocks += [Block(literal_brackets(text), "text")] if (text := _html_row(node)) else []
                continue
            if node.tag == "pre":
                listing = node.text_content().replace(LINE_BREAK, "\n")
                blocks += [Block(listing, "text", preformatted=True)] if listing.strip() else []
                continue
            if any(inner.tag in (*_HTML_BLOCK_TAGS, "pre") for inner in node.iterdescendants()):
                continue
            kind: ParagraphKind = "heading" if node.tag in _HTML_HEADINGS else "text"
            for line in node.text_content().split(LINE_BREAK):
                if text := squash(line):
                    blocks.append(Block(literal_brackets(text), kind))
        blocks += [Block(literal_brackets(text), "text")] if (text := squash(root.tail or "")) else []
    return blocks, notes


def _holds_blocks(element: etree._Element) -> bool:
    return element.tag in (*_HTML_BLOCK_TAGS, "pre") or any(
        inner.tag in (*_HTML_BLOCK_TAGS, "pre") for inner in element.iterdescendants()
    )


def _wrap_loose_runs(node: etree._Element) -> None:
    """Each run of words a block element holds beside its block children (`<li>Describe the intake process.
    <ol type="a"><li>...</li></ol></li>`) wrapped in a paragraph of its own, in place: only innermost blocks are
    read, so the item's own words were lost under the list it holds. A node in a table row or a `<pre>` is read
    whole there, and left as it is."""
    if any(outer.tag in ("pre", "tr") for outer in node.iterancestors()):
        return
    children = list(node)
    if not any(isinstance(child.tag, str) and _holds_blocks(child) for child in children):
        return
    run = lxml.html.Element("p")
    run.text, node.text = node.text, None
    kept: list[etree._Element] = []
    for child in children:
        node.remove(child)
        if isinstance(child.tag, str) and _holds_blocks(child):
            kept += [run] if squash(run.text_content()) else []
            run = lxml.html.Element("p")
            run.text, child.tail = child.tail, None
            kept.append(child)
        else:
            run.append(child)
    kept += [run] if squash(run.text_content()) else []
    node.extend(kept)


def _html_row(row: etree._Element) -> str:
    """An HTML table row as one paragraph, read as a pipe table's row is (`_row_text`): its cells' words side by
    side, a cell's lines broken by `<br>` run on within it. A reader reads a row across, the time beside the event
    and its speaker; kept only where a cell held a sentence, the schedule's rows were lost, and a biography was
    parted from the name and office printed over it."""
    cells = [cell for cell in row if cell.tag in ("td", "th")]
    return _row_text([squash(cell.text_content().replace(LINE_BREAK, " ")) for cell in cells])


def _mark_code(root: etree._Element) -> None:
    """Mark each `[` inside code (`CODE_TAGS`) under `root` as code's (`_CODE_BRACKET`), in place."""
    for code in root.iter(*CODE_TAGS):
        for node in code.iter():
            if isinstance(node.tag, str) and node.text:
                node.text = _code(node.text)
            if node is not code and node.tail:
                node.tail = _code(node.tail)


def _note_number(token: Token, by_label: bool) -> int:
    """A numeric label keeps its number (`[^3]` is note 3) when `by_label`; otherwise notes are numbered in order of
    first reference, as renderers print them (pandoc, kramdown, goldmark)."""
    label = str(token.meta.get("label", ""))
    return int(label) if by_label and label.isdigit() and len(label) <= 4 else int(token.meta.get("id", 0)) + 1


def _numbered_by_label(env: Mapping[str, object]) -> bool:
    """Whether every footnote label of a file is a number, so that each note keeps its label's number.

    A file mixing named and numbered labels (`[^markers]` cited first, `[^1]` later) cannot keep both: the named
    note, first in reference order, would be note 1 as well, and the two notes' texts ran together as one. Its
    notes are numbered in reference order, as a renderer prints them.
    """
    footnotes = env.get("footnotes")
    refs = footnotes.get("refs", {}) if isinstance(footnotes, dict) else {}
    return all(str(label).lstrip(":").isdigit() for label in refs)


def _is_link_row(token: Token) -> bool:
    """Whether an inline token is a row of links with next to no words of its own (`_LINK_ROW_RATIO`)."""
    children = token.children or []
    opens = [i for i, child in enumerate(children) if child.type == "link_open"]
    if len(opens) < _LINK_ROW_MIN:
        return False
    depth, inside, outside = 0, 0, 0
    for position, child in enumerate(children):
        depth += (child.type == "link_open") - (child.type == "link_close")
        if child.type in ("softbreak", "hardbreak") and opens[0] < position < opens[-1]:
            return False  # a link a line is a list the author wrote, not a bar of links
        if child.type not in ("text", "code_inline"):
            continue
        words = len(_SEPARATOR_RE.sub("", child.content))
        if depth:
            inside += words
        elif opens[0] < position < opens[-1] and words:
            return False
        else:
            outside += words
    return inside >= _LINK_ROW_RATIO * outside


_GRID_BORDER = r"\+(?::?[-=]+:?\+)+"
_GRID_BORDER_RE = re.compile(rf"[ \t]*{_GRID_BORDER}[ \t]*")
_GRID_TABLE_RE = re.compile(rf"{_GRID_BORDER}\n(?:[+|][^\n]*[+|]\n)*{_GRID_BORDER}")
"""A pandoc grid table: a paragraph opening and closing on a border of `+` and `-` (or `=` under the header
row, `:` for alignment), every line between a row of cells framed by `|` or a border. pandoc renders it as a
table; CommonMark knows no grid tables and makes it a paragraph of `+---+ | cell |` lines (`_grid_tables`)."""
_MYST_MARKUP_RE = re.compile(r"(?:\([^()\s]+\)=|%[^\n]*)(?:\n(?:\([^()\s]+\)=|%[^\n]*))*")
"""A paragraph of nothing but MyST's own lines (Jupyter Book, Sphinx): a target naming the section below it for
cross-references, `(content:admonitions)=`, and comments, `% REMOVE when version is >= 0.15`. MyST prints neither;
CommonMark reads them as a paragraph of words."""
_DIRECTIVE_OPTION_RE = re.compile(r":[\w-]+:(?:[ \t].*)?")
"""An option line opening a MyST directive's body (`:class: dropdown`, `:doc: executable/output-insert.md`): a
setting of the box the directive draws, which MyST does not print."""

_DIRECTIVE_RE = re.compile(r"\{(?P<name>[\w:.-]+)\}[ \t]*(?P<argument>.*)")
"""A MyST directive's first line after its fence (```` ```{note} ````, `:::{admonition} A title`): its name and
argument."""
EXAMPLE_DIRECTIVES = frozenset({"example", "syntax-example"})
"""Directives that show Markdown both ways, its source and what it renders to (sphinx-examples' `example`, used
throughout Jupyter Book's documentation, and sphinx-syntax-example's): the page prints the body as code, then
rendered, so both are its text."""
_TITLED_DIRECTIVES = frozenset("admonition margin sidebar topic dropdown card tab-item".split())
"""The directives whose argument is the box's title, which the page prints over it (`{admonition} Do not do this`,
`{margin} A note on nesting`); other directives' arguments are a name or a path the page does not show."""
_DIRECTIVE_FRONT_RE = re.compile(
    r"\A(?:(?::[\w-]+:(?:[ \t][^\n]*)?\n)+|---\n.*?^---[ \t]*\n)", re.DOTALL | re.MULTILINE
)
"""The options opening a backtick-fenced directive's body, as `:key: value` lines (`:class: warning`) or a YAML
block between `---` lines: settings of the box, which MyST does not print (`_DIRECTIVE_OPTION_RE`)."""

_CODE_TOKENS = frozenset({"fence", "code_block"})
"""A fenced (```` ``` ````, `~~~`) or indented code block: set line by line, like HTML's `<pre>`, so it is one
preformatted block whose line breaks and indentation are its words; run together, a listing reads as nonsense."""


def _grid_rows(lines: list[str]) -> list[list[str]] | None:
    """A grid table's rows (`_GRID_TABLE_RE`), each a list of its cells' Markdown; None when a line's bars do not
    stand where the borders' `+` do (a cell spanning columns), a table no row of cells reads.

    The columns are where the top border's `+` stand; a row runs from one border to the next, so a cell written on
    several lines is one cell, its lines run on as pandoc runs on a paragraph's lines."""
    edges = [at for at, char in enumerate(lines[0].rstrip()) if char == "+"]
    rows: list[list[str]] = []
    cells: list[list[str]] = []
    for line in lines[1:]:
        if _GRID_BORDER_RE.fullmatch(line):
            rows += [[" ".join(part for part in cell if part) for cell in cells]] if cells else []
            cells = []
            continue
        if any(line[at : at + 1] not in ("|", "+") for at in edges):
            return None
        parts = [line[start + 1 : end].strip() for start, end in pairwise(edges)]
        cells = [[*cell, part] for cell, part in zip(cells or [[] for _ in parts], parts, strict=True)]
    return rows


def _pipe_row(cells: list[str]) -> str:
    """A row of a pipe table holding `cells`, a bar inside a cell escaped, as GitHub's table syntax writes one."""
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def _grid_tables(text: str, tokens: list[Token]) -> str:
    """The Markdown with each pandoc grid table (`_GRID_TABLE_RE`) written as the pipe table it stands for, so that it
    is read a row at a time (`_row_text`), its cells' Markdown, notes cited and all, read as any table's are.

    Only a paragraph that is a grid table and nothing else is one (CommonMark's own reading says where paragraphs
    are, never inside code: a draft's table drawn in a code block stays a drawing). A table headed by a `=` border
    keeps its header row; one without has an empty header, which reads as no row. The paragraph's lines keep
    what opens them (a quote's `>`, a list item's indentation)."""
    lines = text.split("\n")
    for opened, inline in reversed(list(pairwise(tokens))):
        if opened.type != "paragraph_open" or opened.map is None or not _GRID_TABLE_RE.fullmatch(inline.content):
            continue
        start, end = opened.map
        source = lines[start:end]
        prefix = [line[: len(line) - len(line.lstrip(" \t>"))] for line in source]
        framed = [line[len(lead) :] for line, lead in zip(source, prefix, strict=True)]
        rows = _grid_rows(framed)
        if not rows:
            continue
        headed = any("=" in line and _GRID_BORDER_RE.fullmatch(line) for line in framed[:-1])
        header = rows.pop(0) if headed else [""] * len(rows[0])
        table = [_pipe_row(header), "|" + "---|" * len(header), *(_pipe_row(row) for row in rows)]
        lines[start:end] = [prefix[0] + row for row in table]
    return "\n".join(lines)


_COLUMN_RULE_RE = re.compile(r" {0,3}-{3,}(?:[ \t]+-{3,})+[ \t]*")
"""A pandoc simple or multiline table's rule under its header: a run of dashes over each column, two at least (one
run alone is a thematic break or a heading's underline)."""
_TABLE_RULE_RE = re.compile(r" {0,3}-{3,}[ \t]*")
"""The unbroken rule a pandoc multiline table opens and closes with."""
_CAPTION_RE = re.compile(r"(?P<mark> {0,3}(?:Table)?:[ \t]+)\S")
"""A pandoc table's caption, the paragraph after it opening `Table:` or `:`, which pandoc prints without the mark."""


def _columns(rule: str) -> list[int]:
    """Where each column of a pandoc table starts: at its run of dashes in the rule under the header."""
    return [run.start() for run in re.finditer("-+", rule)]


def _cells(lines: list[str], columns: list[int]) -> list[str]:
    """One row's cells: each column's words from each of its lines (a column runs up to where the next starts, the
    last to the line's end), run on as a paragraph's lines are."""
    parts = [[line[left:right].strip() for line in lines] for left, right in pairwise([*columns, None])]
    return [" ".join(part for part in column if part) for column in parts]


def _simple_table(lines: list[str], rule: int) -> tuple[int, int, list[str], list[list[str]]] | None:
    """The pandoc simple table whose column rule (`_COLUMN_RULE_RE`) is line `rule`: the lines it starts and ends on,
    its header's cells (none where it has no header) and its rows', or None where it is none.

    A header is the one line above the rule, a paragraph of its own; each line under the rule is a row, up to a
    blank line. A table without a header closes with a second rule, as pandoc has it."""
    columns = _columns(lines[rule])
    headed = rule > 0 and bool(lines[rule - 1].strip()) and (rule == 1 or not lines[rule - 2].strip())
    if not headed and rule > 0 and lines[rule - 1].strip():
        return None
    end = rule + 1
    while end < len(lines) and lines[end].strip() and not _COLUMN_RULE_RE.fullmatch(lines[end]):
        end += 1
    closed = end < len(lines) and _COLUMN_RULE_RE.fullmatch(lines[end]) is not None
    if end == rule + 1 or not (headed or closed):
        return None
    header = _cells([lines[rule - 1]], columns) if headed else []
    rows = [_cells([line], columns) for line in lines[rule + 1 : end]]
    return rule - headed, end + closed, header, rows


def _multiline_table(lines: list[str], top: int) -> tuple[int, int, list[str], list[list[str]]] | None:
    """The pandoc multiline table opening with the unbroken rule (`_TABLE_RULE_RE`) on line `top`, as
    `_simple_table` gives one, or None where it is none.

    Its header's lines run down to a column rule (`_COLUMN_RULE_RE`), whose runs of dashes set the columns; its rows
    are the runs of lines between blank lines under it, each cell's lines run on; a second unbroken rule closes it."""
    rule = top + 1
    while rule < len(lines) and lines[rule].strip() and not _COLUMN_RULE_RE.fullmatch(lines[rule]):
        rule += 1
    if rule == top + 1 or rule == len(lines) or not lines[rule].strip():
        return None
    columns = _columns(lines[rule])
    rows: list[list[str]] = []
    row: list[str] = []
    for end in range(rule + 1, len(lines)):
        if _TABLE_RULE_RE.fullmatch(lines[end]):
            rows += [_cells(row, columns)] if row else []
            return (top, end + 1, _cells(lines[top + 1 : rule], columns), rows) if rows else None
        if lines[end].strip():
            row.append(lines[end])
        elif row:
            rows.append(_cells(row, columns))
            row = []
    return None


def _dashed_tables(text: str, tokens: list[Token]) -> str:
    """The Markdown with each pandoc simple and multiline table (`_simple_table`, `_multiline_table`) written as the
    pipe table it stands for, as `_grid_tables` writes a grid table, and its caption (`_CAPTION_RE`) without its mark.

    CommonMark knows neither: it read a simple table's rows as one paragraph, a multiline table's cells line by line
    across the columns ("Garden hose January Watering is allowed before 8 a.m. limits and after"), its rules as
    thematic breaks and the row above its closing rule as a heading. pandoc prints a table a row at a time, each cell
    whole. A table drawn in a code block (CommonMark's own reading says where) stays a drawing."""
    lines = text.split("\n")
    code = {line for token in tokens if token.type in _CODE_TOKENS and token.map for line in range(*token.map)}
    printed: list[str] = []
    position = 0
    while position < len(lines):
        line = lines[position]
        opens = position not in code and (position == 0 or not lines[position - 1].strip())
        table = (
            _multiline_table(lines, position)
            if opens and _TABLE_RULE_RE.fullmatch(line)
            else _simple_table(lines, position)
            if position not in code and _COLUMN_RULE_RE.fullmatch(line)
            else None
        )
        if table is None:
            printed.append(line)
            position += 1
            continue
        start, end, header, rows = table
        del printed[len(printed) - (position - start) :]
        printed += [_pipe_row(header or [""] * len(rows[0])), "|" + "---|" * len(rows[0])]
        printed += [_pipe_row(row) for row in rows]
        after = next((at for at in range(end, len(lines)) if lines[at].strip()), None)
        if after is not None and after - end == 1 and (caption := _CAPTION_RE.match(lines[after])):
            lines[after] = lines[after][caption.end("mark") :]
        position = end
    return "\n".join(printed)


def _is_link_only(token: Token) -> bool:
    """Whether an inline token is one or more links with no word outside them ("[Hide Overview](#)")."""
    children = token.children or []
    depth = 0
    for child in children:
        depth += (child.type == "link_open") - (child.type == "link_close")
        if not depth and child.type in ("text", "code_inline") and child.content.strip():
            return False
    return any(child.type == "link_open" for child in children)


def _without_options(token: Token) -> Token:
    """The first paragraph of a `:::{name}` container without the directive's option lines (`_DIRECTIVE_OPTION_RE`)
    that open it; the token itself when it opens with none."""
    children = token.children or []
    cut = 0
    while cut < len(children):
        end = next((i for i in range(cut, len(children)) if children[i].type in ("softbreak", "hardbreak")), None)
        line = "".join(child.content for child in children[cut:end])
        if not _DIRECTIVE_OPTION_RE.fullmatch(line) or end is None:
            break
        cut = end + 1
    if cut == 0:
        return token
    kept = children[cut:]
    return token.copy(children=kept, content="".join(child.content or "\n" for child in kept))


def _row_text(cells: list[str]) -> str:
    """A table row (GitHub's pipe table) as one paragraph, its cells' words side by side, as the HTML parser reads a
    `<tr>`: a row is a line of the table a reader reads across, and a note cited in a cell ("Moderation[^mods]")
    keeps its marker. Left out, the table's words were lost and the notes its cells cite left without a citation."""
    return " ".join(cell for cell in cells if cell)


def _directive(info: str) -> tuple[str | None, str]:
    """The name of the prose directive (`PROSE_DIRECTIVES`) a fence's or container's info string opens, None when it
    opens none; and the title its argument gives, empty when it gives none (`_TITLED_DIRECTIVES`)."""
    found = _DIRECTIVE_RE.fullmatch(info.strip())
    if found is None or found["name"] not in PROSE_DIRECTIVES:
        return None, ""
    return found["name"], found["argument"].strip() if found["name"] in _TITLED_DIRECTIVES else ""


def _directive_title(title: str, page: _Page, by_label: bool) -> list[Block]:
    """A directive's title (`_directive`), its Markdown read as words: a line the page prints at the top of its box, as
    MyST writes it (`<p class="admonition-title">`), not a heading of the document. As a heading it named the section
    of the paragraphs after the box, and the section they stand in was lost."""
    if not title:
        return []
    (inline,) = _PARSER.parseInline(title, {})
    return [Block(text, "text")] if (text := _inline(inline, page, by_label)) else []


def _directive_body(token: Token, page: _Page, anchors: list[etree._Element], by_label: bool) -> _Walk | None:
    """A backtick-fenced prose directive (`PROSE_DIRECTIVES`) read as MyST renders it: its title, then its body, its
    options (`_DIRECTIVE_FRONT_RE`) left out, parsed as the Markdown it is; an example (`EXAMPLE_DIRECTIVES`) as its
    source, set as code, then its body so read; None for any other fence."""
    shown = _DIRECTIVE_RE.fullmatch(token.info.strip())
    if shown is not None and shown["name"] in EXAMPLE_DIRECTIVES:
        inner = _walk(_PARSER.parse(token.content, {}), page, anchors, by_label)
        inner.blocks.insert(0, Block(_code(token.content), "text", preformatted=True))
        inner.raw.insert(0, token.content)
        return inner
    name, title = _directive(token.info)
    if name is None:
        return None
    body = _DIRECTIVE_FRONT_RE.sub("", token.content, count=1)
    inner = _walk(_PARSER.parse(body, {}), page, anchors, by_label)
    inner.blocks[:0] = heading = _directive_title(title, page, by_label)
    inner.raw[:0] = [block.text for block in heading]
    return inner


def _is_line_break(token: Token) -> bool:
    """A hard line break (two spaces or a backslash at a line's end) or a `<br>` written in the line."""
    return token.type == "hardbreak" or (token.type == "html_inline" and bool(_BREAK_TAG_RE.fullmatch(token.content)))


def _lines_text(token: Token, text: str) -> str:
    """The paragraph's words, its line breaks marked `LINE_BREAK` where the paragraph is a list of lines.

    CommonMark reads a hard line break as a line break, and a paragraph every line of which ends in one is a list of
    lines a reader reads one by one: the signatories of a statement, an address. Each line is then a paragraph of
    its own (`line_blocks`), as a raw HTML block's lines broken by `<br>` are (`_html_blocks`); run together, the
    names read as one. A paragraph that also wraps a line with no break, or whose next line goes on in lower case,
    is prose that breaks a line where its author pressed return, and stays one paragraph.
    """
    children = token.children or []
    if not any(_is_line_break(child) for child in children) or any(child.type == "softbreak" for child in children):
        return text
    lines = text.split("\n")
    return LINE_BREAK.join(lines) if lines_apart(lines) else text


_SUB_ITEM_RE = re.compile(r"\(?(?:[a-z]|[ivx]{1,4})[.)][ \t]")
"""A sub-item written as text, its letter or roman numeral typed ("a. Name", "(b) ", "ii. "): no list marker in
CommonMark, so a paragraph of the list item it is indented under."""


def _sub_item(tokens: list[Token], index: int, joined: int | None) -> bool:
    """Whether the paragraph of the inline token at `index` is a sub-item written as text (`_SUB_ITEM_RE`) right after
    the paragraph of its list item read last (`joined`, the index of that paragraph's inline token).

    Under a numbered item, lettered paragraphs indented as its text ("2. Submit the following:" over "    a. Name",
    "    b. Position/Title") are paragraphs of that item as CommonMark and kramdown read them, not items of the list:
    a reader reads them as the item's, and alone "a. Name" says nothing. They join the item's paragraph."""
    return (
        joined == index - 3
        and tokens[index - 1].type == "paragraph_open"
        and tokens[index - 2].type == "paragraph_close"
        and bool(_SUB_ITEM_RE.match(tokens[index].content))
    )


def _walk(tokens: list[Token], page: _Page, anchors: list[etree._Element], by_label: bool) -> _Walk:
    walk = _Walk()
    lists = 0
    note: int | None = None
    heading = False
    row: list[str] | None = None
    """The cells' words of the table row being read (`_row_text`)."""
    opened = False
    """Whether the next paragraph is the first of a `:::` container, where a directive's options stand."""
    item: int | None = None
    """The inline token of the list item's paragraph read last, which a sub-item written as text joins (`_sub_item`)."""
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "inline" and opened:
            token = _without_options(token)
        opened = kind.startswith("container_") and kind.endswith("_open") or (opened and kind == "paragraph_open")
        if kind == "inline" and _MYST_MARKUP_RE.fullmatch(token.content.strip()):
            continue
        if kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            walk.blocks += [Block(text, "text")] if (text := _row_text(row)) else []
            walk.raw += [text] if text else []
            row = None
        elif kind == "inline" and row is not None:
            row.append(_inline(token, page, by_label))
        elif (
            kind == "inline"
            and note is None
            and (found := _SUBSTITUTION_RE.fullmatch(token.content.strip()))
            and found["name"] in page.values
        ):
            value = _expanded(found["name"], page)  # a paragraph of one substitution: its value read as blocks
            walk.extend(_walk(_PARSER.parse(value, {}), page, anchors, by_label))
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        elif kind == "footnote_open":
            note = _note_number(token, by_label)
        elif kind == "footnote_close":
            note = None
        elif kind in ("heading_open", "admonition_title_open"):
            heading = True
        elif kind in ("heading_close", "admonition_title_close"):
            heading = False
        elif kind == "html_block" and note is None:
            found, notes = _html_blocks(token.content, anchors)
            for number, text in notes.items():
                walk.footnotes.setdefault(number, text)
            walk.blocks += found
            walk.raw += [block.text for block in found]
        elif (
            kind == "fence" and note is None and (inner := _directive_body(token, page, anchors, by_label)) is not None
        ):
            walk.extend(inner)
        elif kind.startswith("container_") and kind.endswith("_open"):
            found = _directive_title(_directive(token.info)[1], page, by_label)
            walk.blocks += found
            walk.raw += [block.text for block in found]
        elif kind in _CODE_TOKENS and note is None:
            walk.blocks.append(Block(_code(token.content), "text", preformatted=True))
            walk.raw.append(token.content)
        elif kind == "inline" and note is not None:
            previous = walk.footnotes.get(note, "")
            walk.footnotes[note] = f"{previous} {_inline(token, page, by_label)}".strip()
        elif kind == "inline" and not _TEMPLATE_TAGS_RE.fullmatch(token.content.strip()) and not _is_link_row(token):
            token, contents = _without_attribute_line(token)
            if contents:
                continue
            block_kind: ParagraphKind = "heading" if heading else "bullet" if lists else "text"
            text = _lines_text(token, _inline(token, page, by_label))
            text = _HEADING_ATTRIBUTES_RE.sub("", text) if heading else text
            if lists and _sub_item(tokens, index, item):
                walk.blocks[-1] = replace(walk.blocks[-1], text=f"{walk.blocks[-1].text}\n{text}")
                walk.raw[-1] += f"\n{text}"
                item = index
                continue
            item = index if lists else None
            walk.blocks.append(Block(text, block_kind))
            if _is_link_only(token):
                walk.linked.add(text)
            walk.raw.append(text)
    return walk


def _without_attribute_line(token: Token) -> tuple[Token, bool]:
    """The paragraph without the kramdown attribute list on its last line (`_BLOCK_ATTRIBUTES_RE`), and whether
    that list asks for the table of contents in the paragraph's place (`_CONTENTS_ATTRIBUTE`)."""
    children = token.children or []
    last = children[-1] if children else None
    if len(children) < 2 or children[-2].type != "softbreak" or last is None or last.type != "text":
        return token, False
    attributes = _BLOCK_ATTRIBUTES_RE.fullmatch(last.content.strip())
    if attributes is None:
        return token, False
    return token.copy(children=children[:-2]), attributes["list"].strip() == _CONTENTS_ATTRIBUTE


def _is_note_text(block: Block) -> bool:
    """Whether a block may be a note of a final `[n] text` block: a paragraph, not a heading, item or listing."""
    return block.kind == "text" and not block.preformatted


def _endnotes(walk: _Walk) -> int:
    """Move a final run of `[n] text` paragraphs into the notes; returns where the body ends."""
    end = len(walk.blocks)
    raws = [raw.replace(WORD_JOINER, "") for raw in walk.raw]
    while end > 0 and _is_note_text(walk.blocks[end - 1]) and DEFINITION_RE.match(raws[end - 1].lstrip()):
        end -= 1
    notes: dict[int, str] = {}
    for raw in raws[end:]:
        number = None
        for line in raw.splitlines():
            if definition := DEFINITION_RE.fullmatch(line.strip()):
                number = int(definition.group(1))
                notes[number] = definition.group(2)
            elif number is not None:
                notes[number] += " " + line
    for number, text in notes.items():
        walk.footnotes.setdefault(number, text)
    return end


def _raised_notes(walk: _Walk) -> None:
    """Move each paragraph that opens with a raised number the text raises as a marker too into the notes.

    The paragraph is that note's text (`_RAISED_NUMBER`): a number raised at a paragraph's start and nowhere in the
    text is no note, and stays the paragraph it is.
    """
    openings = {
        index: found
        for index, block in enumerate(walk.blocks)
        if _is_note_text(block) and (found := _RAISED_NOTE_RE.fullmatch(block.text))
    }
    cited = {
        int(number)
        for index, block in enumerate(walk.blocks)
        if index not in openings
        for number in _RAISED_NUMBER_RE.findall(block.text)
    }
    notes = {index: found for index, found in openings.items() if int(found[1]) in cited}
    for found in notes.values():
        walk.footnotes.setdefault(int(found[1]), found[2])
    kept = [index for index in range(len(walk.blocks)) if index not in notes]
    walk.blocks, walk.raw = [walk.blocks[index] for index in kept], [walk.raw[index] for index in kept]


def _liquid_blocks(text: str) -> str:
    """The text with the Liquid tags a page shows written as the Markdown that shows the same (`_liquid_markdown`),
    outside code: a fenced or indented block that shows such a tag shows it as written."""
    if "{%" not in text:
        return text
    code = {
        line
        for token in _PARSER.parse(text, {})
        if token.type in _CODE_TOKENS and token.map
        for line in range(*token.map)
    }
    pieces: list[str] = []
    run: list[str] = []
    for number, line in enumerate(text.splitlines(keepends=True)):
        if number in code:
            pieces += [_liquid_markdown("".join(run)), line]
            run = []
        else:
            run.append(line)
    return "".join([*pieces, _liquid_markdown("".join(run))])


def _liquid_markdown(text: str) -> str:
    """Footnote tags (`_LIQUID_NOTE_RE`) as footnotes, each note's body a definition of its own block (`[^3]: ...`,
    its later lines indented under it) and each marker `[^3]`; a `details` block's summary (`_LIQUID_DETAILS_RE`) as
    a heading over the words it holds."""

    def definition(match: re.Match[str]) -> str:
        lines = match.group("body").strip().splitlines()
        return "\n\n[^{}]: {}\n\n".format(match.group("number"), "\n    ".join(lines))

    text = _LIQUID_NOTE_BODY_RE.sub(definition, text)
    text = _LIQUID_DETAILS_RE.sub(lambda match: f"\n#### {match.group('summary')}\n", text)
    return _LIQUID_NOTE_RE.sub(lambda match: f"[^{match.group('number')}]", text)


def _title(value: object) -> str | None:
    """A front matter title as the page prints it: a layout writes it into the page as HTML, so its inline tags
    (`Title II and <em>Olmstead</em> v. L.C.`) and entities (`&rsquo;`) show as words, never as markup. Nothing
    else is read into it: a layout prints the value, not Markdown made of it."""
    text = _text(value)
    return (squash(html.unescape(_INLINE_TAG_RE.sub("", text))) or None) if text else None


def _front_matter(text: str) -> tuple[Mapping[str, object], str]:
    """The front matter's keys (in lower case) and the text after it.

    As in Jekyll and Hugo, a fenced block on the first line is front matter even when it does not
    parse (it is dropped, and gives no metadata); only one that parses to a plain value rather
    than keys is left as text, since it was a rule and a heading, not metadata.
    """
    match = _FRONT_MATTER_RE.match(text)
    if match is None:
        return {}, text
    body = match.group("body")
    try:
        meta = tomllib.loads(body) if match.group("fence") == "+++" else yaml.safe_load(body)
    except (yaml.YAMLError, ValueError, RecursionError):  # TOMLDecodeError is a ValueError; so is YAML's 2020-13-45
        meta = {}
    if meta is not None and not isinstance(meta, dict):
        return {}, text
    return {str(key).lower(): value for key, value in (meta or {}).items()}, text[match.end() :]


def _text(value: object) -> str | None:
    return (squash(value) or None) if isinstance(value, str) else None


def _author(meta: Mapping[str, object], printed: str) -> str | None:
    """Every author named: a string, a list of strings, or a list of `{name: ...}` entries, joined ", ".

    A slug (`jane-doe`) is a key into the site's author data, not a name: it counts only as the name the
    document's text `printed` spells with its words (`printed_name`).
    """
    value = next((meta[key] for key in AUTHOR_KEYS if key in meta), None)
    names = []
    for item in value if isinstance(value, list) else [value]:
        name = _text(item.get("name") if isinstance(item, dict) else item)
        if name and IDENTIFIER_RE.fullmatch(name):
            name = printed_name(name, printed)
        if name and name.lower() not in PLACEHOLDER_AUTHORS:
            names.append(name)
    return ", ".join(names) or None


def _date(meta: Mapping[str, object]) -> str | None:
    """The publication date, whether the front matter wrote it as a string or YAML/TOML made it a date."""
    value = next((meta[key] for key in DATE_KEYS if key in meta), None)
    if isinstance(value, date):  # a datetime is a date too
        return iso_date(value.isoformat())
    return (iso_date(value) or slashed_date(value)) if isinstance(value, str) else None


def _lead(meta: Mapping[str, object]) -> list[Block]:
    """The paragraphs the layout prints from the front matter above the text (`LEAD_KEYS`), read as the Markdown
    (inline HTML and entities with it) the layout renders; none where the front matter sets no such key."""
    values = (meta[key] for key in LEAD_KEYS if isinstance(meta.get(key), str))
    return [block for value in values for block in _html_blocks(_PARSER.render(value), [])[0]]


_NOTE_KEYS = ("footnotes", "endnotes", "notes")
"""Front matter keys holding the page's notes, which the site's layout prints at its foot."""


def _front_matter_notes(meta: Mapping[str, object]) -> dict[int, str]:
    """The notes a front matter holds for the layout to print under the text, {number: text}: each block of its
    value (HTML or Markdown) that opens with a bracketed number (`<p class="footnotes"><span>[1]</span> Figures as
    of ...</p>`). A site that keeps its notes there (a Jekyll layout printing `page.footnotes` under a "Footnotes"
    heading) marks them in the text with links to that heading; without them every marker led nowhere."""
    value = next((meta[key] for key in _NOTE_KEYS if isinstance(meta.get(key), str)), None)
    if value is None:
        return {}
    blocks, _ = _html_blocks(_PARSER.render(value), [])
    notes: dict[int, str] = {}
    for block in blocks:
        if definition := DEFINITION_RE.fullmatch(block.text.replace(WORD_JOINER, "")):
            notes.setdefault(int(definition.group(1)), definition.group(2))
    return notes


def _in_page_anchors(text: str) -> list[etree._Element]:
    """The in-page links of the document as a browser gets it, raw HTML and all: where its HTML notes are."""
    if not _IN_PAGE_LINK_RE.search(text):
        return []
    page = lxml.html.fragment_fromstring(_PARSER.render(text), create_parent="div")
    return [anchor for anchor in page.iter("a") if (anchor.get("href") or "").startswith("#")]


def _typed_markers(text: str, notes: Mapping[int, str]) -> str:
    """A bracketed number the author typed ("[12]") is a note marker where the document defines that note (a final
    `[n] text` block); any other stays the words it is (`literal_brackets`): a citation of a list, a quoted "[3]".
    Code is not read so (`_CODE_BRACKET`): its brackets are written back as words."""
    typed = _TYPED_MARKER_RE.sub(lambda typed: f"[{typed[1]}]" if int(typed[1]) in notes else typed[0], text)
    typed = _RAISED_NUMBER_RE.sub(lambda raised: f"[{raised[1]}]" if int(raised[1]) in notes else raised[1], typed)
    return _CODE_BRACKET_RE.sub(lambda code: "[" + WORD_JOINER if code["number"] is not None else "[", typed)


def _field_header(block: Block) -> dict[str, str] | None:
    """The fields of a metadata header paragraph (`_FIELD_RE`), keyed by their labels in lower-case letters only
    ("Author(s)" is `authors`), or None when the paragraph is not one."""
    lines = [line.strip() for line in block.text.splitlines() if line.strip()]
    fields = [_FIELD_RE.fullmatch(line) for line in lines]
    if block.kind != "text" or len(lines) < _FIELD_LINES_MIN or not all(fields):
        return None
    return {re.sub(r"[^a-z]", "", field["label"].lower()): field["value"] for field in fields if field}


def _field_list(blocks: list[Block]) -> tuple[dict[str, str], int]:
    """The fields of a list of `Label: value` items opening the text (`_FIELD_RE`, `_FIELD_LINES_MIN` of them or
    more, and nothing else in the list), keyed as `_field_header` keys them, and how many blocks the list is; none
    and 0 when the text opens otherwise.

    A proposal template opens so (a Rust RFC's "- Feature Name: ...", "- Start Date: 2024-03-25", "- RFC PR: ...",
    "- Rust Issue: N/A"): a record of the proposal, not sentences of it, as a converter's header paragraph is."""
    items = list(takewhile(lambda block: block.kind == "bullet", blocks))
    fields = [_FIELD_RE.fullmatch(item.text.strip()) for item in items]
    if len(items) < _FIELD_LINES_MIN or not all(fields):
        return {}, 0
    return {re.sub(r"[^a-z]", "", field["label"].lower()): field["value"] for field in fields if field}, len(items)


def _is_title_line(block: Block, title: str | None) -> bool:
    """Whether a paragraph is the title printed again with a few words glued to it (`_TITLE_LINE_WORDS`)."""
    text = squash(block.text)
    return bool(title) and title in text and len(text.replace(title, " ").split()) <= _TITLE_LINE_WORDS


def _opening_chrome(blocks: list[Block], title: str | None, linked: set[str]) -> tuple[dict[str, str], list[Block]]:
    """The fields of the page's chrome above the text, and the blocks after it.

    A web page converted to Markdown keeps what the page showed around the text: an overview box of labelled
    fields (as table rows), links standing alone ("Hide Overview", "Download PDF (426KB)"), the title printed
    once more with a "Listen" link and the date. Such blocks before the first paragraph of the text, and the
    headings over them, are the page's, not the text's: the fields are the document's metadata (its authors),
    and none of it is indexed. The chrome ends at the title's printing or at the first other paragraph; one such
    block alone is not chrome (a link the author put above the text), and a list of links is the author's list.
    """
    fields: dict[str, str] = {}
    chrome = end = 0
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            continue
        found = _field_header(block)
        titled = _is_title_line(block, title)
        link = block.kind == "text" and block.text in linked and len(block.text.split()) <= _CHROME_LINK_WORDS
        if found is None and not titled and not link:
            break
        fields = {**(found or {}), **fields}
        chrome, end = chrome + 1, index + 1
        if titled:
            break
    return (fields, blocks[end:]) if chrome >= _CHROME_MIN else ({}, blocks)


def _closing_chrome(blocks: list[Block]) -> list[Block]:
    """The blocks before the page's chrome below the text, or all of them when there is none.

    A web page converted to Markdown keeps what the page printed under the article, set apart from it: a notice
    under its label ("Disclaimer:", "Copyright:"), the label set off by the page's layout, which the converter writes
    as an indented line, a code block in Markdown. A label alone in a code block is no listing an author wrote (a
    listing is code, not a word and a colon), and a notice under a label closing the file is the site's, printed
    under every page it serves: not the text. Only when the label stands that close to the end
    (`_CLOSING_BLOCKS` paragraphs after it, no heading or list): a label with more after it opens a part of the text.
    """
    for index in range(max(0, len(blocks) - _CLOSING_BLOCKS - 1), len(blocks)):
        block = blocks[index]
        after = blocks[index + 1 :]
        if (
            block.preformatted
            and _CLOSING_LABEL_RE.fullmatch(block.text.strip())
            and after
            and all(later.kind == "text" and not later.preformatted for later in after)
        ):
            return blocks[:index]
    return blocks


def _without_title(blocks: list[Block], title: str | None) -> tuple[str | None, list[Block]]:
    """The title and the blocks after it: the text's first heading is the title when nothing else gives one, and is
    dropped when it repeats the title (once or more: a converted page prints it above and below its header)."""
    while blocks and blocks[0].kind == "heading" and (title is None or squash(blocks[0].text) == title):
        title, blocks = squash(blocks[0].text), blocks[1:]
    return title, blocks


_DATED_BYLINE_RE = re.compile(r"by\s+(?:the\s+)?(?P<name>[^,]{1,118}?),\s*(?P<date>\S.{0,40})", re.IGNORECASE)
"""A byline that dates the text after the name, under its title ("_by the OpenSSF Best Practices Working Group,
2026-06-30_"); "the" before a body's name is the sentence's, not the name's."""


def _dated_byline(text: str) -> tuple[str, str] | None:
    """The author and ISO date of a dated byline (`_DATED_BYLINE_RE`), or None: the line is metadata, as a
    front matter's `author:` and `date:` are, only when what follows the comma is a date and nothing more."""
    by = _DATED_BYLINE_RE.fullmatch(squash(text).rstrip("."))
    dated = iso_date(by["date"]) if by else None
    return (by["name"].strip(), dated) if by and dated else None


def _dateline(blocks: list[Block]) -> str | None:
    """The ISO date a text prints alone as its first line ("May 7, 2018"), as a directive, a memorandum or a letter is
    dated above its subject, or None: the document's date where nothing else gives one. The line stays a paragraph
    of the text, which prints it."""
    first = blocks[0] if blocks else None
    return iso_date(first.text) if first is not None and first.kind == "text" else None


def parse(data: bytes, source: str) -> Parsed:
    meta, text = _front_matter(decode_text(data))
    text = _liquid_blocks(_TEMPLATE_DESTINATION_RE.sub("](<>)", text))
    env: dict[str, object] = {}
    tokens = _PARSER.parse(text, env)
    if (tabled := _grid_tables(text, tokens)) != text:
        env, text = {}, tabled
        tokens = _PARSER.parse(text, env)
    if (tabled := _dashed_tables(text, tokens)) != text:
        env, text = {}, tabled
        tokens = _PARSER.parse(text, env)
    page = _Page(_references(meta), _substitutions(meta))
    walk = _walk(tokens, page, _in_page_anchors(text), _numbered_by_label(env))
    _raised_notes(walk)
    for number, note in _front_matter_notes(meta).items():
        walk.footnotes.setdefault(number, note)
    blocks = [
        replace(block, text=_typed_markers(block.text, walk.footnotes)) for block in walk.blocks[: _endnotes(walk)]
    ]
    walk.footnotes.update({n: _typed_markers(note, walk.footnotes) for n, note in walk.footnotes.items()})
    headers = [email_header(block.text.splitlines()) if block.kind == "text" else None for block in blocks]
    mail = headers[0] if headers else None  # a saved e-mail: its header is the document's metadata
    blocks = [block for block, header in zip(blocks, headers, strict=True) if header is None]
    title, blocks = _without_title(blocks, _title(meta.get("title")) or (mail and mail.subject))
    fields = (_field_header(blocks[0]) if blocks and mail is None else None) or {}
    listed, items = ({}, 0) if fields or mail is not None else _field_list(blocks)
    if fields:
        title, blocks = _without_title(blocks[1:], title or fields.get("title"))
    elif listed:
        title, blocks, fields = title or listed.get("title"), blocks[items:], listed
    overview, blocks = _opening_chrome(blocks, title, walk.linked)
    blocks = _closing_chrome(blocks)
    fields = {**overview, **fields}
    if fields:
        dated = next((value for label, value in fields.items() if label.endswith("date")), None)
        meta = {"title": title, "date": dated, **meta, **{key: fields[key] for key in AUTHOR_KEYS if key in fields}}
    author = _author(meta, "\n".join(block.text for block in blocks))
    byline_date = None
    if author is None and blocks and (credit := _dated_byline(blocks[0].text)):
        (author, byline_date), blocks = credit, blocks[1:]
    elif author is None and blocks and (by := BYLINE_BY_RE.fullmatch(blocks[0].text.strip())):
        author, blocks = by.group(1), blocks[1:]
    if mail is not None:
        author = author or mail.sender
    lines = line_blocks([*_lead(meta), *blocks])
    author = author or memo_sender([block.text for block in takewhile(lambda block: block.kind != "heading", lines)])
    url = next((found for key in URL_KEYS if (found := web_address(meta.get(key)))), None)
    published = _date(meta) or byline_date or (mail and mail.date) or _dateline(blocks)
    extracted = Extracted(lines, walk.footnotes, title, author, published, url)
    return assemble(extracted, source)
